using System.Text.RegularExpressions;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Operations;

/// <summary>One row of a media list staff must fix; row 1 is the header, as in a spreadsheet.</summary>
public sealed record ListRowProblem(int Row, string Message);

/// <summary>
/// What a media list would give when used: how many journalists it reaches and every row that will be skipped.
/// <see cref="Usable"/> false means the list as a whole cannot be used (no "email" column) and is not stored.
/// </summary>
public sealed record ListCheck(string List, int Contacts, IReadOnlyList<ListRowProblem> Problems, bool Usable, bool Stored);

/// <summary>
/// Media lists for staff: check a CSV before it is used (the validation report, with row numbers), store it as a new
/// list or in place of one, list, download and delete. Names follow the rule the schedule checks, so every stored
/// list can be chosen for a release.
/// </summary>
public sealed partial class MediaListOperations(MediaListStore store, OperationsLog log, UploadLimits limits)
{
    /// <summary>The report of a list already within <see cref="UploadLimits.List"/> (every door reads a list with that limit).</summary>
    public static ListCheck Check(string list, BinaryData csv)
    {
        RequireName(list);
        using var stream = csv.ToStream();
        var result = ContactListReader.Read(list, stream);
        return new ListCheck(list, result.Contacts.Count, [.. result.Problems.Select(p => new ListRowProblem(p.Row, p.Message))], !result.Unusable, Stored: false);
    }

    /// <summary>Checks and stores the list; a new name unless <paramref name="replace"/>. An unusable list is refused.</summary>
    public async Task<ListCheck> UploadAsync(string list, BinaryData csv, bool replace, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        limits.List.Require(csv.ToMemory().Length);
        var check = Check(list, csv);
        if (!check.Usable)
        {
            throw new ReleaseProblemException(ProblemKind.Invalid, $"List '{list}' was not stored: {check.Problems[0].Message}");
        }

        var exists = await store.ExistsAsync(list, cancellationToken);
        if (exists && !replace)
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, $"A list named '{list}' already exists; replace it (PUT, or --replace) or choose another name.");
        }

        await store.PutAsync(list, csv, check.Contacts, by.ToString(), cancellationToken);
        await log.RecordAsync(by, exists ? "list-replace" : "list-upload", list, $"{check.Contacts} contacts, {check.Problems.Count} rows skipped", cancellationToken);
        return check with { Stored = true };
    }

    public Task<IReadOnlyList<MediaListInfo>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public async Task<BinaryData> DownloadAsync(string list, CancellationToken cancellationToken)
    {
        RequireName(list);
        return await store.DownloadAsync(list, cancellationToken) ?? throw NotFound(list);
    }

    public async Task DeleteAsync(string list, Actor by, CancellationToken cancellationToken)
    {
        RequireName(list);
        if (!await store.DeleteAsync(list, cancellationToken))
        {
            throw NotFound(list);
        }

        await log.RecordAsync(by, "list-delete", list, "deleted", cancellationToken);
    }

    private static void RequireName(string list)
    {
        if (!ListName().IsMatch(list))
        {
            throw new ReleaseProblemException(ProblemKind.Invalid, $"List name '{Shorten(list)}' may use only letters, digits, '-' and '_' (at most 64).");
        }
    }

    private static ReleaseProblemException NotFound(string list) => new(ProblemKind.NotFound, $"There is no media list named '{list}'.");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    // The same rule as PlanResolver's, so a stored list can always be chosen for a release.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ListName();
}
