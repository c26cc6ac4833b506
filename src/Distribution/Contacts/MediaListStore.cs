using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PressPipeline.Distribution.Contacts;

/// <summary>A stored media list as staff see it in a listing.</summary>
/// <param name="Contacts">Usable contacts when it was stored (from its metadata; null for lists put there by hand).</param>
/// <param name="UpdatedBy">Who stored it, as the operations service recorded it.</param>
public sealed record MediaListInfo(string Name, long Bytes, DateTimeOffset? UpdatedAt, int? Contacts, string? UpdatedBy);

/// <summary>Media lists as <c>{list}.csv</c> blobs in the contacts container.</summary>
public sealed class MediaListStore(BlobContainerClient container)
{
    private const string ContactsKey = "contacts";
    private const string UpdatedByKey = "updatedby";

    public async Task<ContactListResult> LoadAsync(string list, CancellationToken cancellationToken)
    {
        if (!IsSafeName(list))
        {
            return new(list, [], [new(list, 0, NameRule)], Unusable: true);
        }

        try
        {
            var blob = container.GetBlobClient($"{list}.csv");
            await using var stream = await blob.OpenReadAsync(cancellationToken: cancellationToken);
            return ContactListReader.Read(list, stream);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new(list, [], [new(list, 0, $"the list was not found; upload it as {container.Name}/{list}.csv.")], Unusable: true);
        }
    }

    /// <summary>The sentence shown when a list name breaks <see cref="IsSafeName"/>.</summary>
    public const string NameRule = "a list name may only use letters, digits, '-', '_' and '.'.";

    public async Task<IReadOnlyList<MediaListInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var lists = new List<MediaListInfo>();
        if (!await container.ExistsAsync(cancellationToken))
        {
            return lists;
        }

        await foreach (var item in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix: null, cancellationToken))
        {
            if (item.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !item.Name.Contains('/', StringComparison.Ordinal))
            {
                var metadata = item.Metadata ?? new Dictionary<string, string>();
                lists.Add(new MediaListInfo(
                    item.Name[..^4],
                    item.Properties.ContentLength ?? 0,
                    item.Properties.LastModified,
                    metadata.TryGetValue(ContactsKey, out var count) && int.TryParse(count, out var n) ? n : null,
                    metadata.TryGetValue(UpdatedByKey, out var by) ? Uri.UnescapeDataString(by) : null));
            }
        }

        return lists;
    }

    public async Task<bool> ExistsAsync(string list, CancellationToken cancellationToken) =>
        IsSafeName(list) && await container.ExistsAsync(cancellationToken) && await container.GetBlobClient($"{list}.csv").ExistsAsync(cancellationToken);

    /// <summary>The list's bytes exactly as stored, or null when there is none.</summary>
    public async Task<BinaryData?> DownloadAsync(string list, CancellationToken cancellationToken)
    {
        if (!IsSafeName(list))
        {
            return null;
        }

        try
        {
            return (await container.GetBlobClient($"{list}.csv").DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Stores the list (overwriting one of the same name) with who stored it and how many contacts it holds.</summary>
    public async Task PutAsync(string list, BinaryData csv, int contacts, string updatedBy, CancellationToken cancellationToken)
    {
        if (!IsSafeName(list))
        {
            throw new ArgumentException(NameRule, nameof(list));
        }

        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await container.GetBlobClient($"{list}.csv").UploadAsync(
            csv,
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv; charset=utf-8" },
                // Metadata values must be ASCII: names of people are escaped.
                Metadata = new Dictionary<string, string>
                {
                    [ContactsKey] = contacts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [UpdatedByKey] = Uri.EscapeDataString(updatedBy),
                },
            },
            cancellationToken);
    }

    /// <summary>Deletes the list; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string list, CancellationToken cancellationToken) =>
        IsSafeName(list) && await container.ExistsAsync(cancellationToken)
        && (await container.GetBlobClient($"{list}.csv").DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;

    public static bool IsSafeName(string list) =>
        list.Length is > 0 and <= 200 && list.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !list.StartsWith('.');
}
