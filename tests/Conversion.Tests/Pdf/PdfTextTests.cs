using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Pdf;

namespace PressPipeline.Conversion.Tests.Pdf;

public sealed class PdfTextTests
{
    private static byte[] Render(PressRelease release) => new PdfRenderer().Render(release, RenderContext.Local).Value.Content.ToArray();

    [Fact]
    public void English_release_reads_back_in_reading_order()
    {
        var release = PdfSamples.English();
        var pdf = Render(release);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "presspipeline-english.pdf"), pdf);

        var text = PdfReadBack.Squeeze(PdfReadBack.Text(pdf));

        Assert.Contains(PdfReadBack.Squeeze(release.Metadata.Title), text, StringComparison.Ordinal);
        Assert.Contains(PdfReadBack.Squeeze(PdfReadBack.ModelText(release.Body.Take(2))), text, StringComparison.Ordinal);
        Assert.Contains("EMBARGOEDUNTIL22May2014", text, StringComparison.Ordinal);
        Assert.Contains("AboutIOM", text, StringComparison.Ordinal);
        Assert.Contains("###", text, StringComparison.Ordinal);
    }
}
