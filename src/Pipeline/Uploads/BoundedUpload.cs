using System.Security.Cryptography;
using PressPipeline.Pipeline.Releases;

namespace PressPipeline.Pipeline.Uploads;

/// <summary>An upload read with a size limit: its bytes when within it, and its release id either way.</summary>
/// <param name="Content">The bytes, or null when the upload is larger than the limit (then they were never kept).</param>
/// <param name="Id">The release id, hashed as the bytes streamed past, so a file too large to keep still has one.</param>
/// <param name="Bytes">How many bytes the upload holds.</param>
public sealed record BoundedUpload(BinaryData? Content, string Id, long Bytes)
{
    /// <summary>
    /// Reads the stream once, hashing every byte and keeping them only up to <paramref name="limit"/>: a 2 GB upload
    /// costs one buffer of memory, not 2 GB, and is refused with a sentence instead of exhausting the worker.
    /// </summary>
    public static async Task<BoundedUpload> ReadAsync(Stream upload, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var kept = upload.CanSeek && upload.Length - upload.Position > limit ? null : new MemoryStream();
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = await upload.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, n);
            total += n;
            if (total > limit && kept is not null)
            {
                await kept.DisposeAsync();
                kept = null;
            }

            kept?.Write(buffer, 0, n);
        }

        var id = ReleaseId.FromHash(hash.GetHashAndReset());
        BinaryData? content = kept is null ? null : new BinaryData(kept.GetBuffer().AsMemory(0, (int)kept.Length));
        return new BoundedUpload(content, id, total);
    }
}
