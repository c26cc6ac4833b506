using System.Diagnostics;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Pdf;
using PressPipeline.Conversion.Tests.Docx;
using UglyToad.PdfPig;

namespace PressPipeline.Conversion.Tests.Pdf;

/// <summary>Every real .docx the reader accepts becomes a PDF that PdfPig reads and qpdf finds sound.</summary>
public sealed class PdfCorpusTests
{
    public static TheoryData<string> CorpusFiles() => Corpus.Theory();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_accepted_corpus_file_gives_a_PDF_PdfPig_reads(string path)
    {
        if (Read(path) is not { } release)
        {
            return; // listed in expected-refusals.json, and refused for that reason
        }

        var result = new PdfRenderer().Render(release, RenderContext.Local);
        var pdf = result.Value.Content.ToArray();

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 1);
        if (result.Warnings.Any(w => w.Code == "pdf.font-missing"))
        {
            return; // scripts we ship no font for (Chinese here) are warned about, not extractable
        }

        var text = PdfReadBack.Squeeze(PdfReadBack.Text(pdf));
        Assert.Contains(PdfReadBack.Squeeze(release.Metadata.Title), text, StringComparison.Ordinal);
    }

    [QpdfTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_accepted_corpus_file_gives_a_PDF_qpdf_checks_clean(string path)
    {
        if (Read(path) is not { } release)
        {
            return; // listed in expected-refusals.json, and refused for that reason
        }

        var file = Path.Combine(Path.GetTempPath(), $"presspipeline-qpdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, Render(release));
        try
        {
            var (exitCode, output) = Qpdf.Check(file);
            Assert.True(exitCode == 0, $"qpdf --check failed ({exitCode}): {output}");
            Assert.DoesNotContain("WARNING", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [QpdfFact]
    public void Hand_built_samples_pass_qpdf_check()
    {
        foreach (var release in new[] { PdfSamples.English(), PdfSamples.Kazakh(), PdfSamples.ArabicHebrew(), PdfSamples.LongReport(20) })
        {
            var file = Path.Combine(Path.GetTempPath(), $"presspipeline-qpdf-{Guid.NewGuid():N}.pdf");
            File.WriteAllBytes(file, Render(release));
            try
            {
                var (exitCode, output) = Qpdf.Check(file);
                Assert.True(exitCode == 0 && !output.Contains("WARNING", StringComparison.Ordinal), output);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The model, or null for a file listed as expected to be refused; any other refusal fails the test.</summary>
    private static PressRelease? Read(string path) => Corpus.ReleaseOrExpectedRefusal(path);

    private static byte[] Render(PressRelease release) => new PdfRenderer().Render(release, RenderContext.Local).Value.Content.ToArray();
}

/// <summary>qpdf, the independent judge of PDF structure, when it is installed.</summary>
internal static class Qpdf
{
    public static bool Available { get; } = Environment.GetEnvironmentVariable("PATH")?.Split(':')
        .Any(dir => File.Exists(Path.Combine(dir, "qpdf"))) ?? false;

    public static (int ExitCode, string Output) Check(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("qpdf", ["--check", file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}

/// <summary>A fact that reports itself skipped when qpdf is not on PATH (CI installs it).</summary>
internal sealed class QpdfFactAttribute : FactAttribute
{
    public QpdfFactAttribute()
    {
        if (!Qpdf.Available)
        {
            Skip = "qpdf is not on PATH";
        }
    }
}

/// <summary>A theory that reports itself skipped when qpdf is not on PATH.</summary>
internal sealed class QpdfTheoryAttribute : TheoryAttribute
{
    public QpdfTheoryAttribute()
    {
        if (!Qpdf.Available)
        {
            Skip = "qpdf is not on PATH";
        }
    }
}
