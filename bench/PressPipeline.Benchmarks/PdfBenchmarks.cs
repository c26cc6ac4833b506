using BenchmarkDotNet.Attributes;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Pdf;

namespace PressPipeline.Benchmarks;

/// <summary>
/// The PDF renderer alone, warm (fonts and theme loaded, first render done): a two-page release with
/// two pictures, and a 60-chapter report with a table per chapter (about 35 pages).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PdfBenchmarks
{
    private readonly PdfRenderer renderer = new();
    private PressRelease sample = null!;
    private PressRelease report = null!;

    [GlobalSetup]
    public void Setup()
    {
        sample = PdfBenchmarkDocuments.Sample();
        report = PdfBenchmarkDocuments.Report(60);
        renderer.Render(sample, RenderContext.Local);
        renderer.Render(report, RenderContext.Local);
    }

    [Benchmark(Baseline = true)]
    public int SamplePdf() => renderer.Render(sample, RenderContext.Local).Value.Content.Length;

    [Benchmark]
    public int Report60ChaptersPdf() => renderer.Render(report, RenderContext.Local).Value.Content.Length;
}
