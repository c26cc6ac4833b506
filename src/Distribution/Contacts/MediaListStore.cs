using Azure;
using Azure.Storage.Blobs;

namespace PressPipeline.Distribution.Contacts;

/// <summary>Media lists as <c>{list}.csv</c> blobs in the contacts container.</summary>
public sealed class MediaListStore(BlobContainerClient container)
{
    public async Task<ContactListResult> LoadAsync(string list, CancellationToken cancellationToken)
    {
        if (!IsSafeName(list))
        {
            return new(list, [], [new(list, 0, "a list name may only use letters, digits, '-', '_' and '.'.")], Unusable: true);
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

    private static bool IsSafeName(string list) =>
        list.Length is > 0 and <= 200 && list.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !list.StartsWith('.');
}
