using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

/// <summary>One page of a release's PDF as a PNG image, with the number of pages and the drawing it belongs to.</summary>
/// <param name="Tag">Names what was drawn (<see cref="PdfPageList.Tag"/>): the ETag and the <c>?v=</c> of the page's URL.</param>
public sealed record PdfPageImage(string Id, int Version, int Page, int PageCount, byte[] Png, string Tag);

/// <summary>What a page needs to list a release's PDF pages as images, known from the layout alone (nothing painted).</summary>
/// <param name="Tag">
/// Changes whenever the drawing may: the release's version and the release line its plan shows (a rescheduled
/// embargo renders the PDF again without a new version). Safe in a URL and an ETag.
/// </param>
/// <param name="Width">Pixels across every page image.</param>
/// <param name="Height">Pixels down every page image.</param>
public sealed record PdfPageList(string Id, int Version, string Tag, int PageCount, int Width, int Height);

/// <summary>
/// The release's PDF pages as images for the preview. The stored PDF is not parsed: the stored original document is
/// read again and laid out by the PDF renderer's own layout (<see cref="PdfRenderer.PageImages"/>), with the same
/// fallback organisation and the release line staff's plan shows (<see cref="ShownReleaseLine"/>), as the stored PDF
/// was rendered. The layout is made once per release, version and shown line and kept while the kept layouts'
/// estimated bytes stay within <see cref="PipelineOptions.PdfPreviewCacheMegabytes"/>, the least recently looked at
/// leaving first and disposed (<see cref="WeighedCache{TKey, TEntry}"/>); <see cref="ListAsync"/> answers from it
/// (page count and size) without painting, and <see cref="PageAsync"/> paints one page when it is asked for — so a
/// page listing 34 images answers after one layout, and each image costs one page's painting when the browser
/// scrolls to it.
/// </summary>
public sealed class PdfPagePreview(
    ReleaseStatusStore statuses,
    ReleaseBlobStore store,
    ReleaseConverter converter,
    IOptions<PipelineOptions> options)
{
    private readonly PdfRenderer renderer = new();
    private readonly WeighedCache<DrawingKey, Lazy<Task<KeptLayout>>> kept = new(options.Value.PdfPreviewCacheMegabytes * 1_048_576L);
    private long layoutsMade;
    private long layoutsRetired;
    private long pagesPainted;

    /// <summary>How many layouts were made since start (each reads the document again and lays it out).</summary>
    public long LayoutsMade => Interlocked.Read(ref layoutsMade);

    /// <summary>How many layouts left the cache and were disposed since start.</summary>
    public long LayoutsRetired => Interlocked.Read(ref layoutsRetired);

    /// <summary>How many page images were painted since start.</summary>
    public long PagesPainted => Interlocked.Read(ref pagesPainted);

    /// <summary>Layouts kept now (made or being made).</summary>
    public int KeptLayouts => kept.Count;

    /// <summary>The estimated bytes of the layouts kept now (<see cref="PdfPageImages.EstimatedBytes"/>).</summary>
    public long KeptBytes => kept.TotalBytes;

    /// <summary>What <see cref="KeptBytes"/> is held to (<see cref="PipelineOptions.PdfPreviewCacheMegabytes"/>).</summary>
    public long KeptBytesLimit => kept.LimitBytes;

    /// <summary>The pages there are to show and their size, from the (kept) layout; no page is painted.</summary>
    public async Task<PdfPageList> ListAsync(string id, CancellationToken cancellationToken)
    {
        var drawing = await DrawingOfAsync(id, cancellationToken);
        var layout = await LayoutAsync(drawing, cancellationToken);
        return new PdfPageList(drawing.Status.Id, drawing.Status.Version, drawing.Tag, layout.PageCount, layout.Width, layout.Height);
    }

    /// <summary>How many pages the release's PDF has (from the layout; nothing painted).</summary>
    public async Task<int> PageCountAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync(id, cancellationToken)).PageCount;

    /// <summary>The tag the release's page images have now (<see cref="PdfPageList.Tag"/>), from its status alone.</summary>
    public async Task<string> TagAsync(string id, CancellationToken cancellationToken) =>
        (await DrawingOfAsync(id, cancellationToken)).Tag;

    /// <summary>Page <paramref name="page"/> (from 1) painted as PNG; a page the PDF does not have is NotFound.</summary>
    public async Task<PdfPageImage> PageAsync(string id, int page, CancellationToken cancellationToken)
    {
        var drawing = await DrawingOfAsync(id, cancellationToken);

        // A layout pushed out of the cache while this request waited for it is disposed: lay it out again, once.
        for (var attempt = 0; ; attempt++)
        {
            var layout = await LayoutAsync(drawing, cancellationToken);
            if (page < 1 || page > layout.PageCount)
            {
                throw new ReleaseProblemException(ProblemKind.NotFound, $"The PDF of release {drawing.Status.Id} has {layout.PageCount} page(s), so there is no page {page}.");
            }

            var png = await layout.PaintAsync(page, cancellationToken);
            if (png is not null)
            {
                Interlocked.Increment(ref pagesPainted);
                return new PdfPageImage(drawing.Status.Id, drawing.Status.Version, page, layout.PageCount, png, drawing.Tag);
            }

            if (attempt > 0)
            {
                throw new InvalidOperationException($"The layout of release {drawing.Status.Id} was discarded twice while painting page {page}.");
            }
        }
    }

    private async Task<Drawing> DrawingOfAsync(string id, CancellationToken cancellationToken)
    {
        var status = await statuses.RequireAsync(ReleaseId.Require(id), cancellationToken);
        if (!status.Files.Any(f => f.Variant == "pdf"))
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {status.Id} is {status.State} and has no PDF to preview.");
        }

        // The stored variants say what the plan makes true (ReleaseRendering renders them again when it changes).
        var line = ShownReleaseLine.For(ShownReleaseLine.Of(status.ReleaseLine), status.Plan, status.Language);
        return new Drawing(status, new DrawingKey(status.Id, status.Version, line), TagOf(status.Version, line));
    }

    private async Task<KeptLayout> LayoutAsync(Drawing drawing, CancellationToken cancellationToken)
    {
        var key = drawing.Key;
        var entry = kept.GetOrAdd(key, () =>
        {
            Lazy<Task<KeptLayout>>? made = null;
            made = new Lazy<Task<KeptLayout>>(() => LayOutAndKeepAsync(drawing.Status, key, made!));
            return made;
        });
        if (entry.IsValueCreated && entry.Value.IsFaulted)
        {
            kept.Remove(key, entry);
        }

        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            kept.Remove(key, entry);
            throw;
        }
    }

    // Weighed as soon as it is made, whether or not the request that asked for it still waits: an entry that is never
    // weighed would never leave the cache.
    private async Task<KeptLayout> LayOutAndKeepAsync(ReleaseStatus status, DrawingKey key, Lazy<Task<KeptLayout>> entry)
    {
        var layout = await LayOutAsync(status, CancellationToken.None);
        foreach (var pushedOut in kept.Weigh(key, entry, layout.Bytes))
        {
            _ = RetireAsync(pushedOut.Value);
        }

        return layout;
    }

    // Disposed once laid out and no page of it is being painted (a request still painting finishes first).
    private async Task RetireAsync(Task<KeptLayout> laidOut)
    {
        try
        {
            await (await laidOut).RetireAsync();
            Interlocked.Increment(ref layoutsRetired);
        }
        catch (Exception) when (laidOut.IsFaulted)
        {
            // A layout that failed holds nothing to dispose; its request reported the failure.
        }
    }

    private async Task<KeptLayout> LayOutAsync(ReleaseStatus status, CancellationToken cancellationToken)
    {
        var original = await store.ReadAsync(status.Id, ReleaseBlobStore.OriginalName, cancellationToken)
            ?? throw new ReleaseProblemException(ProblemKind.NotFound, $"The document of release {status.Id} is no longer stored, so its PDF pages can't be shown; open the PDF instead.");
        var context = new RenderContext(Organisation: options.Value.Organisation)
        {
            ShownReleaseLine = ShownReleaseLine.Replacing(status.Plan, status.Language),
        };

        // Reading and layout are CPU work (a tenth of a second for a long report): off the request's thread.
        return await Task.Run(
            () =>
            {
                using var document = original.ToStream();
                var release = ReleaseConverter.AsShown(converter.Read(document).Value, context);
                var layout = new KeptLayout(renderer.PageImages(release, context));
                Interlocked.Increment(ref layoutsMade);
                return layout;
            },
            cancellationToken);
    }

    // The version, then a short hash of the shown line (its kind, text, lift instant and zone): what the stored PDF says.
    private static string TagOf(int version, ReleaseInstruction line)
    {
        var text = line switch
        {
            ReleaseInstruction.Immediate immediate => "immediate\n" + immediate.Text,
            ReleaseInstruction.Embargoed embargoed => string.Create(CultureInfo.InvariantCulture, $"embargoed\n{embargoed.Text}\n{embargoed.LiftsAt.UtcTicks}\n{embargoed.TimeZoneId}"),
            ReleaseInstruction.EmbargoedUnparsed unparsed => "unparsed\n" + unparsed.Text,
            _ => "none",
        };
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        return string.Create(CultureInfo.InvariantCulture, $"{version}-{hash}");
    }

    private sealed record DrawingKey(string Id, int Version, ReleaseInstruction Line);

    private sealed record Drawing(ReleaseStatus Status, DrawingKey Key, string Tag);

    /// <summary>
    /// A kept layout and its painter. The layout's shaper is not safe for two threads, so pages of one release are
    /// painted one at a time (pages of different releases in parallel); it is disposed when it leaves the cache and
    /// nobody is painting from it.
    /// </summary>
    private sealed class KeptLayout(PdfPageImages images)
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private bool retired;

        public int PageCount { get; } = images.PageCount;

        /// <summary>What the cache weighs it by: the layout's estimate of the bytes it keeps.</summary>
        public long Bytes { get; } = images.EstimatedBytes;

        public int Width { get; } = images.PixelSize().Width;

        public int Height { get; } = images.PixelSize().Height;

        /// <summary>The page as PNG, painted off the request's thread; null when the layout was retired meanwhile.</summary>
        public async Task<byte[]?> PaintAsync(int page, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return retired ? null : await Task.Run(() => images.Png(page), cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }

        public async Task RetireAsync()
        {
            await gate.WaitAsync();
            try
            {
                retired = true;
                images.Dispose();
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
