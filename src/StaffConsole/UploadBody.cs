using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.StaffConsole;

/// <summary>
/// Reads what staff send over HTTP (the API's routes and the console's forms) within an <see cref="UploadLimit"/>:
/// refused before a byte is read when <c>Content-Length</c> says it is too large, and while it is read when it does
/// not say (a chunked body), so a body past the limit is never read further than the limit. A refusal is a
/// <see cref="ReleaseProblemException"/> of kind <see cref="ProblemKind.TooLarge"/> carrying the
/// limit's sentence: the API answers 413 with it, the console shows it on the form.
/// </summary>
public static class UploadBody
{
    /// <summary>Room for the multipart boundaries, part headers and the small fields beside the files.</summary>
    public const long FormOverhead = 64 * 1024;

    /// <summary>The form (multipart or URL-encoded), read once; later <c>ReadFormAsync</c> calls get the same one.</summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request, UploadLimit limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limit);
        if (request.HttpContext.Features.Get<IFormFeature>()?.Form is { } read)
        {
            return read;
        }

        var most = limit.Bytes + FormOverhead;
        Bound(request, limit, most);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = most }, cancellationToken);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            // The form reader's own refusal of a part past MultipartBodyLengthLimit.
            throw limit.Refusal();
        }
        catch (InvalidDataException)
        {
            throw new ReleaseProblemException(ProblemKind.Invalid, "The form could not be read (it was cut off or is not multipart/form-data); send it again.");
        }

        limit.RequireFiles([.. form.Files.Select(f => f.Length)]);
        return form;
    }

    /// <summary>The raw body (a CSV list, a JSON request), kept in memory only up to the limit.</summary>
    public static async Task<BinaryData> ReadAsync(HttpRequest request, UploadLimit limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limit);
        Bound(request, limit, limit.Bytes);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return BinaryData.FromBytes(buffer.ToArray());
    }

    private static void Bound(HttpRequest request, UploadLimit limit, long most)
    {
        if (request.ContentLength > most)
        {
            throw limit.Refusal();
        }

        // Kestrel (presspipe serve, and the Functions worker's ASP.NET Core integration) refuses any body over 30 MB
        // by default, with a bare error the press officer cannot act on: the server's limit is the route's instead,
        // set before the body is read (after that the feature is read-only).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = most + 1;
        }

        if (request.Body is not CountedBody)
        {
            request.Body = new CountedBody(request.Body, most, limit);
        }
    }

    /// <summary>The request body, counted as it is read: past <c>most</c> bytes it refuses instead of reading on.</summary>
    private sealed class CountedBody(Stream inner, long most, UploadLimit limit) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, Math.Min(count, Room(count))));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer[..Room(buffer.Length)], cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        // One byte past the limit is asked for, so a body of exactly the limit ends normally and a longer one is
        // refused having read at most one byte more than it may.
        private int Room(int wanted) => (int)Math.Min(wanted, Math.Max(1, most - read + 1));

        private int Count(int n)
        {
            read += n;
            return read > most ? throw limit.Refusal() : n;
        }
    }
}
