using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml.Packaging;
using PressPipeline.Conversion;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Email;
using PressPipeline.Conversion.Rendering.Pdf;
using PressPipeline.Conversion.Rendering.Text;
using PressPipeline.Conversion.Rendering.Web;

namespace PressPipeline.Benchmarks;

/// <summary>
/// Warm costs of the HTML and text variants, beside the floor every conversion pays: opening the package
/// with the Open XML SDK and reading every part. Read → model, then each renderer on the model alone, then
/// the three together (the bar: well under 10 ms for the sample), then the whole conversion with the PDF.
/// </summary>
[MemoryDiagnoser]
public class WebEmailTextBenchmarks
{
    private static readonly RenderContext Context = new(
        ImageBaseUrl: new Uri("https://press.example.org/releases/42/"),
        WebPageUrl: new Uri("https://press.example.org/releases/42/"),
        PdfUrl: new Uri("https://press.example.org/releases/42/release.pdf"));

    private readonly ReleaseConverter converter = ReleaseConverter.CreateDefault();
    private readonly WebRenderer web = new();
    private readonly EmailRenderer email = new();
    private readonly TextRenderer text = new();
    private readonly PdfRenderer pdf = new();
    private byte[] docx = [];
    private PressRelease release = null!;

    [Params("sample", "report-60-chapters", "big-english", "5DayTourPlan", "LIR007-ordinalText")]
    public string File { get; set; } = "sample";

    [GlobalSetup]
    public void Setup()
    {
        docx = BenchmarkFiles.Read(File);
        using var stream = new MemoryStream(docx, writable: false);
        release = converter.Read(stream).Value;
    }

    [Benchmark(Baseline = true, Description = "Open XML SDK: open + read every part")]
    public long OpenXmlReadEveryPart()
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
        long total = document.MainDocumentPart!.Document.ChildElements.Count;
        foreach (var part in document.GetAllParts())
        {
            using var content = part.GetStream();
            total += Drain(content);
        }

        return total;
    }

    [Benchmark(Description = "read → model")]
    public PressRelease Read()
    {
        using var stream = new MemoryStream(docx, writable: false);
        return converter.Read(stream).Value;
    }

    [Benchmark(Description = "web")]
    public int Web() => web.Render(release, Context).Value.Content.Length;

    [Benchmark(Description = "e-mail")]
    public int Email() => email.Render(release, Context).Value.Content.Length;

    [Benchmark(Description = "text")]
    public int Text() => text.Render(release, Context).Value.Content.Length;

    [Benchmark(Description = "pdf")]
    public int Pdf() => pdf.Render(release, Context).Value.Content.Length;

    [Benchmark(Description = "web + e-mail + text")]
    public int AllThree() => Web() + Email() + Text();

    /// <summary>
    /// The whole warm conversion as the pipeline runs it: read, then all four variants (PDF included) side by
    /// side. The bar: at most three times the Open XML baseline.
    /// </summary>
    [Benchmark(Description = "convert: read + all four variants")]
    public ConversionOutcome Convert()
    {
        using var stream = new MemoryStream(docx, writable: false);
        return converter.Convert(stream, Context);
    }

    private static long Drain(Stream content)
    {
        Span<byte> buffer = stackalloc byte[81920];
        long total = 0;
        int read;
        while ((read = content.Read(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }
}
