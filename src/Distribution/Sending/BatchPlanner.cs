using System.Security.Cryptography;
using System.Text;
using PressPipeline.Distribution.Composition;

namespace PressPipeline.Distribution.Sending;

/// <summary>A batch as planned: its id is derived from its members, so a rerun with the same recipients finds its ledger row.</summary>
public sealed record PlannedBatch(string Id, IReadOnlyList<Recipient> Members);

/// <summary>
/// Splits recipients into batches of at most <c>batchSize</c> (SendGrid: ≤ 1,000 personalizations and
/// recipients per request). Deterministic: recipients are ordered by contact id and the batch id is a
/// hash of the member ids, so the same recipients always give the same batches and ids.
/// </summary>
public static class BatchPlanner
{
    public const int SendGridLimit = 1000;

    public static IReadOnlyList<PlannedBatch> Plan(IEnumerable<Recipient> recipients, int batchSize)
    {
        var size = Math.Clamp(batchSize, 1, SendGridLimit);
        return recipients
            .DistinctBy(r => r.ContactId, StringComparer.Ordinal)
            .OrderBy(r => r.ContactId, StringComparer.Ordinal)
            .Chunk(size)
            .Select(chunk => new PlannedBatch(IdOf(chunk.Select(r => r.ContactId)), chunk))
            .ToArray();
    }

    public static string IdOf(IEnumerable<string> memberIds)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', memberIds)));
        return "b-" + Convert.ToHexStringLower(hash.AsSpan(0, 10));
    }
}
