using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PressPipeline.Conversion;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Pdf;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Operations;

/// <summary>One page of a release's PDF as a PNG image, with the number of pages and the version it shows.</summary>
public sealed record PdfPageImage(string Id, int Version, int Page, int PageCount, byte[] Png);

/// <summary>
/// The release's PDF pages as images for the preview. The stored PDF is not parsed: the stored original document is
/// read again and laid out by the PDF renderer's own layout, and the pages drawn as images
/// (<see cref="PdfRenderer.PageImages"/>), with the same fallback organisation and the release line staff's plan
/// shows (<see cref="ShownReleaseLine"/>), as the stored PDF was rendered. A release's pages are drawn all at once and
/// kept for the few releases looked at last (by version and shown line), so the page's images and a reload cost one render.
/// </summary>
public sealed class PdfPagePreview(
    ReleaseStatusStore statuses,
    ReleaseBlobStore store,
    ReleaseConverter converter,
    IOptions<PipelineOptions> options)
{
    /// <summary>Releases whose page images are kept in memory (a 3-page A4 release is about 0.5 MB of PNG).</summary>
    private const int KeptReleases = 8;

    private readonly PdfRenderer renderer = new();
    private readonly ConcurrentDictionary<(string Id, int Version, ReleaseInstruction Line), Lazy<Task<byte[][]>>> kept = new();
    private readonly ConcurrentQueue<(string Id, int Version, ReleaseInstruction Line)> keptOrder = new();

    /// <summary>How many pages the release's PDF has.</summary>
    public async Task<int> PageCountAsync(string id, CancellationToken cancellationToken) =>
        (await PagesAsync(id, cancellationToken)).Pages.Length;

    /// <summary>Page <paramref name="page"/> (from 1) as PNG; a page the PDF does not have is NotFound.</summary>
    public async Task<PdfPageImage> PageAsync(string id, int page, CancellationToken cancellationToken)
    {
        var (status, pages) = await PagesAsync(id, cancellationToken);
        if (page < 1 || page > pages.Length)
        {
            throw new ReleaseProblemException(ProblemKind.NotFound, $"The PDF of release {status.Id} has {pages.Length} page(s), so there is no page {page}.");
        }

        return new PdfPageImage(status.Id, status.Version, page, pages.Length, pages[page - 1]);
    }

    private async Task<(ReleaseStatus Status, byte[][] Pages)> PagesAsync(string id, CancellationToken cancellationToken)
    {
        var status = await statuses.RequireAsync(ReleaseId.Require(id), cancellationToken);
        if (!status.Files.Any(f => f.Variant == "pdf"))
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {status.Id} is {status.State} and has no PDF to preview.");
        }

        // The stored variants say what the plan makes true (ReleaseRendering renders them again when it changes).
        var line = ShownReleaseLine.For(ShownReleaseLine.Of(status.ReleaseLine), status.Plan, status.Language);
        var key = (status.Id, status.Version, line);
        var entry = kept.GetOrAdd(key, k => new Lazy<Task<byte[][]>>(() => RenderAsync(status, CancellationToken.None)));
        if (entry.IsValueCreated && entry.Value.IsFaulted)
        {
            kept.TryRemove(new KeyValuePair<(string, int, ReleaseInstruction), Lazy<Task<byte[][]>>>(key, entry));
        }
        else if (!entry.IsValueCreated)
        {
            keptOrder.Enqueue(key);
            while (keptOrder.Count > KeptReleases && keptOrder.TryDequeue(out var oldest))
            {
                kept.TryRemove(oldest, out _);
            }
        }

        try
        {
            return (status, await entry.Value.WaitAsync(cancellationToken));
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            kept.TryRemove(new KeyValuePair<(string, int, ReleaseInstruction), Lazy<Task<byte[][]>>>(key, entry));
            throw;
        }
    }

    private async Task<byte[][]> RenderAsync(ReleaseStatus status, CancellationToken cancellationToken)
    {
        var original = await store.ReadAsync(status.Id, ReleaseBlobStore.OriginalName, cancellationToken)
            ?? throw new ReleaseProblemException(ProblemKind.NotFound, $"The document of release {status.Id} is no longer stored, so its PDF pages can't be shown; open the PDF instead.");
        var context = new RenderContext(Organisation: options.Value.Organisation)
        {
            ShownReleaseLine = ShownReleaseLine.Replacing(status.Plan, status.Language),
        };

        // Layout and painting are CPU work of a second or so: off the request's thread.
        return await Task.Run(
            () =>
            {
                using var document = original.ToStream();
                var release = ReleaseConverter.AsShown(converter.Read(document).Value, context);
                using var images = renderer.PageImages(release, context);
                return Enumerable.Range(1, images.PageCount).Select(n => images.Png(n)).ToArray();
            },
            cancellationToken);
    }
}
