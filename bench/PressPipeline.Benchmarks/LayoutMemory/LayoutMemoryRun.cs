using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.CompilerServices;
using PressPipeline.Conversion;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Pdf;

namespace PressPipeline.Benchmarks.LayoutMemory;

/// <summary>
/// What one PDF layout the staff console keeps (<c>PdfPagePreview</c>) holds in memory (docs/benchmarks.md, "Console
/// PDF layout cache memory"). For each .docx it builds the layout the console keeps — the document read again, the
/// release as shown, <see cref="PdfRenderer.PageImages"/> — <c>count</c> times and keeps them all, as the cache does,
/// then reads, after a full compacting GC, how much more the GC heap holds (<see cref="GC.GetTotalMemory"/>), how much
/// more it has committed, and how much more the process has resident (RSS: the GC heap plus native memory such as
/// Skia's and HarfBuzz's), each divided by <c>count</c>. The same for the model alone (what the reader gives), so the
/// layout's own share shows; then one page of each layout is painted (painting must not add to what is kept) and all
/// are disposed (what is left is what disposal does not give back).
///
///   dotnet run -c Release --project bench/PressPipeline.Benchmarks -- layout-memory [count] file.docx...
/// </summary>
internal static class LayoutMemoryRun
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 8;
        var files = args.SkipWhile(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToList();
        if (files.Count == 0)
        {
            files = [.. new[] { "sample", "report-60-chapters" }.Select(name => Path.Combine(BenchmarkFiles.RepositoryRoot(), BenchmarkFiles.Known[name]))];
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} layouts kept per file; .NET {Environment.Version}, {Environment.ProcessorCount} cores, server GC {GCSettings.IsServerGC}"));
        Console.WriteLine("file | docx | pages | pictures (model bytes) | model alone / copy | layout / copy: GC heap | estimated (EstimatedBytes) | GC committed | RSS | RSS - GC committed | after painting a page of each | left after disposing all | layout median ms | glyphs / drawables / placed items");
        foreach (var file in files)
        {
            Console.WriteLine(Measure(file, count));
        }

        return 0;
    }

    private static string Measure(string file, int count)
    {
        var bytes = File.ReadAllBytes(file);
        var converter = ReleaseConverter.CreateDefault();
        var renderer = new PdfRenderer();
        var context = new RenderContext();
        PressRelease Read()
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return ReleaseConverter.AsShown(converter.Read(stream).Value, context);
        }

        // Warm: fonts, sized fonts and shaping tables are loaded once per process, not per layout; JIT done.
        int pages;
        using (var warm = renderer.PageImages(Read(), context))
        {
            pages = warm.PageCount;
            _ = warm.Png(1);
            _ = warm.Png(pages);
        }

        var (pictures, pictureBytes) = Pictures(Read());

        // Layouts first, on a heap that has grown by one layout only (the warm-up's), so the committed and RSS
        // figures are growth, not reuse of what a previous step freed. Each step is its own method so no local of
        // this one keeps a layout alive past it.
        var start = Snapshot.Take();
        var (layouts, medianMs) = Build(count, () => renderer.PageImages(Read(), context));
        var withLayouts = Snapshot.Take();
        var estimate = layouts.Sum(l => l.EstimatedBytes) / count;
        var tally = layouts[0].Tally;
        PaintFirstPages(layouts);
        var afterPainting = Snapshot.Take();
        DisposeAll(layouts);
        var afterDisposing = Snapshot.Take();

        var (models, _) = Build(count, Read);
        var withModels = Snapshot.Take();
        GC.KeepAlive(models);
        models.Clear();

        var model = (withModels.Heap - afterDisposing.Heap) / count;
        var heap = (withLayouts.Heap - start.Heap) / count;
        var committed = (withLayouts.Committed - start.Committed) / count;
        var rss = (withLayouts.Rss - start.Rss) / count;
        var painted = (afterPainting.Heap - start.Heap) / count;
        var left = (afterDisposing.Heap - start.Heap) / count;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(file)} | {Mb(bytes.Length)} | {pages} | {pictures} ({Mb(pictureBytes)}) | {Mb(model)} | {Mb(heap)} | {Mb(estimate)} | {Mb(committed)} | {Mb(rss)} | {Mb(rss - committed)} | {Mb(painted)} | {Mb(left)} | {medianMs:F0} | {tally.Glyphs} / {tally.Drawables} / {tally.Items}");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (List<T> Kept, double MedianMs) Build<T>(int count, Func<T> make)
    {
        var kept = new List<T>();
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            kept.Add(make());
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (kept, times[times.Count / 2]);
    }

    private static (int Count, long Bytes) Pictures(PressRelease release) =>
        (release.Images.Count, release.Images.Sum(i => (long)i.Data.Length));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PaintFirstPages(List<PdfPageImages> layouts)
    {
        foreach (var layout in layouts)
        {
            _ = layout.Png(1);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DisposeAll(List<PdfPageImages> layouts)
    {
        foreach (var layout in layouts)
        {
            layout.Dispose();
        }

        layouts.Clear();
    }

    private static string Mb(long bytes) => (bytes / 1_048_576.0).ToString("F2", CultureInfo.InvariantCulture) + " MB";

    /// <summary>The heap, what the GC has committed and the process's resident memory, after everything collectable is gone.</summary>
    private sealed record Snapshot(long Heap, long Committed, long Rss)
    {
        public static Snapshot Take()
        {
            // Pictures that are not JPEG are re-encoded on the thread pool after layout returns: let that finish.
            WaitForThreadPool();
            for (var i = 0; i < 3; i++)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }

            var heap = GC.GetTotalMemory(forceFullCollection: true);
            var committed = GC.GetGCMemoryInfo(GCKind.FullBlocking).TotalCommittedBytes;
            using var process = Process.GetCurrentProcess();
            return new Snapshot(heap, committed, process.WorkingSet64);
        }

        // Quiet when no work item completed, none waits and the process used almost no CPU for half a second.
        private static void WaitForThreadPool()
        {
            var stableFor = 0;
            var completed = ThreadPool.CompletedWorkItemCount;
            var cpu = CpuTime();
            while (stableFor < 5)
            {
                Thread.Sleep(100);
                var now = ThreadPool.CompletedWorkItemCount;
                var cpuNow = CpuTime();
                var quiet = now == completed && ThreadPool.PendingWorkItemCount == 0 && (cpuNow - cpu).TotalMilliseconds < 20;
                stableFor = quiet ? stableFor + 1 : 0;
                completed = now;
                cpu = cpuNow;
            }
        }

        private static TimeSpan CpuTime()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }
    }
}
