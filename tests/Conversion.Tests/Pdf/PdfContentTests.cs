using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Graphics.Operations.TextPositioning;

namespace PressPipeline.Conversion.Tests.Pdf;

public sealed class PdfContentTests
{
    [Fact]
    public void A_page_of_text_is_written_as_runs_not_one_text_position_per_glyph()
    {
        var pdf = new PdfRenderer().Render(PdfSamples.English(), RenderContext.Local).Value.Content.ToArray();
        using var document = PdfDocument.Open(pdf);

        var page = document.GetPage(1);
        var moves = page.Operations.Count(o => o is MoveToNextLineWithOffset);
        var glyphs = page.Letters.Count;

        // Skia starts a new text position (Td) for any glyph not exactly where the font's own advances put it.
        // Shaped at 1/512 em, nearly every glyph needed one; at the font's units only word gaps of justified
        // lines and kerning pairs do.
        Assert.True(glyphs > 300, $"only {glyphs} glyphs on page 1");
        Assert.True(moves * 3 < glyphs, $"{moves} text positions for {glyphs} glyphs");
    }
}
