using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Pdf;
using Xunit.Abstractions;

namespace PressPipeline.Conversion.Tests.Pdf;

public sealed class PdfScriptsTests(ITestOutputHelper output)
{
    private static byte[] Render(PressRelease release) => new PdfRenderer().Render(release, RenderContext.Local).Value.Content.ToArray();

    [Fact]
    public void Kazakh_letters_extract_as_written()
    {
        var release = PdfSamples.Kazakh();

        var text = PdfReadBack.Text(Render(release));

        Assert.Contains("ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І", text, StringComparison.Ordinal);
        Assert.Contains(PdfReadBack.Squeeze(release.Metadata.Title), PdfReadBack.Squeeze(text), StringComparison.Ordinal);
        Assert.Contains(PdfReadBack.Squeeze(PdfReadBack.ModelText(release.Body)), PdfReadBack.Squeeze(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Arabic_and_Hebrew_extract_in_logical_reading_order()
    {
        var release = PdfSamples.ArabicHebrew();
        var pdf = Render(release);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "presspipeline-arabic.pdf"), pdf);

        var text = PdfReadBack.Text(pdf);
        output.WriteLine(text);

        Assert.Contains(PdfReadBack.Normalise(release.Metadata.Title), text, StringComparison.Ordinal);
        foreach (var paragraph in release.Body.Cast<Paragraph>())
        {
            Assert.Contains(PdfReadBack.ModelText([paragraph]), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Characters_no_shipped_font_has_are_reported_not_silently_boxed()
    {
        var release = PdfSamples.Simple("5 日游行程计划", "zh-CN", TextDirection.LeftToRight, [PdfSamples.Para("Latin text stays readable.")]);

        var result = new PdfRenderer().Render(release, RenderContext.Local);

        var warning = Assert.Single(result.Warnings, w => w.Code == "pdf.font-missing");
        Assert.Contains("6 character(s)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("日", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Latin text stays readable.", PdfReadBack.Text(result.Value.Content.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Greek_and_Cyrillic_fall_back_to_the_body_font_family_and_extract()
    {
        var text = PdfReadBack.Text(Render(PdfSamples.Kazakh()));

        Assert.Contains("Ελληνικά: μετανάστευση και ανάπτυξη.", text, StringComparison.Ordinal);
    }
}
