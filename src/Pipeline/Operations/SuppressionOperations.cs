using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Suppressions;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Operations;

/// <summary>
/// The suppression list for staff. Entries are keyed by the keyed hash of the address (no address is stored), so
/// staff give the address and this service computes the key; listing and export show contact ids, reasons and who
/// added them. The operations log records the contact id, never the address.
/// </summary>
public sealed class SuppressionOperations(SuppressionList suppressions, ContactIdentity identity, OperationsLog log)
{
    public static readonly string[] CsvHeader = ["contact_id", "reason", "release_id", "at", "added_by", "note"];

    public async Task<Suppression> AddAsync(string email, string? reason, string? note, Actor by, CancellationToken cancellationToken)
    {
        var address = RequireAddress(email);
        var why = ParseReason(reason);
        var contactId = identity.IdOf(address);
        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 500)];
        await suppressions.AddByIdAsync(contactId, why, null, cancellationToken, by.ToString(), cleanNote);
        await log.RecordAsync(by, "suppression-add", contactId, why.ToString(), cancellationToken);
        return await suppressions.FindAsync(address, cancellationToken) ?? throw new InvalidOperationException("The suppression was written but cannot be read back.");
    }

    public async Task RemoveAsync(string email, Actor by, CancellationToken cancellationToken)
    {
        var address = RequireAddress(email);
        if (!await suppressions.RemoveAsync(address, cancellationToken))
        {
            throw new ReleaseProblemException(ProblemKind.NotFound, "That address is not on the suppression list.");
        }

        await log.RecordAsync(by, "suppression-remove", identity.IdOf(address), "removed", cancellationToken);
    }

    /// <summary>The entry for one address, or null: how staff answer "is this journalist suppressed?".</summary>
    public Task<Suppression?> FindAsync(string email, CancellationToken cancellationToken) =>
        suppressions.FindAsync(RequireAddress(email), cancellationToken);

    public async Task<IReadOnlyList<Suppression>> ListAsync(IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        var all = new List<Suppression>();
        await foreach (var entry in suppressions.ListAsync(cancellationToken))
        {
            all.Add(entry);
            if (all.Count % 500 == 0)
            {
                progress?.Report(new OperationProgress("reading suppressions", all.Count));
            }
        }

        progress?.Report(new OperationProgress("reading suppressions", all.Count, all.Count));
        return all;
    }

    public static byte[] ToCsv(IEnumerable<Suppression> entries) => Csv.Write(
        CsvHeader,
        entries.Select(e => (IReadOnlyList<string?>)[e.ContactId, e.Reason.ToString(), e.ReleaseId, e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), e.AddedBy, e.Note]));

    private static string RequireAddress(string? email)
    {
        var address = email?.Trim() ?? "";
        return EmailAddressRules.IsDeliverable(address)
            ? address
            : throw new ReleaseProblemException(ProblemKind.Invalid, "Give one e-mail address, like name@example.org.");
    }

    private static SuppressionReason ParseReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? SuppressionReason.DoNotContact
            : Enum.TryParse<SuppressionReason>(reason.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
                ? parsed
                : throw new ReleaseProblemException(ProblemKind.Invalid, $"Reason '{reason}' is not one of: do-not-contact, unsubscribed, hard-bounce, spam-report.");
}
