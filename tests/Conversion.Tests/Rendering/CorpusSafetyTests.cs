using System.Text;
using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Email;
using PressPipeline.Conversion.Rendering.Text;
using PressPipeline.Conversion.Rendering.Web;
using PressPipeline.Conversion.Tests.Docx;

namespace PressPipeline.Conversion.Tests.Rendering;

/// <summary>Every real document in the corpus gives safe HTML and readable text; only the listed ones are refused, in one sentence.</summary>
public class CorpusSafetyTests
{
    private static readonly RenderContext Hosted = new(new Uri("https://cdn.example.org/r/1/"), new Uri("https://press.example.org/r/1/"), new Uri("https://press.example.org/r/1/release.pdf"));

    public static TheoryData<string> Files() => Corpus.Theory();

    [Theory]
    [MemberData(nameof(Files))]
    public void Html_variants_are_safe_and_text_fits_72_columns(string file)
    {
        var converter = new ReleaseConverter(new WordReader(ConversionLimits.Default), [new WebRenderer(), new EmailRenderer(), new TextRenderer()]);
        using var stream = File.OpenRead(file);

        var outcome = converter.Convert(stream, Hosted);

        if (outcome is ConversionOutcome.Rejected rejected)
        {
            Corpus.AssertRefusalExpected(file, rejected.Rejection);
            Assert.DoesNotContain("Exception", rejected.Rejection.Message, StringComparison.Ordinal);
            return;
        }

        Corpus.AssertConversionExpected(file);

        var files = Assert.IsType<ConversionOutcome.Converted>(outcome).Release.Files;
        foreach (var html in files.Where(f => f.Variant is "web" or "email"))
        {
            var document = RenderedHtml.Parse(Encoding.UTF8.GetString(html.Content.Span));
            HtmlSafety.AssertSafe(document);
            Assert.False(string.IsNullOrEmpty(document.DocumentElement.GetAttribute("lang")), $"{html.FileName}: lang");
            Assert.Contains(document.DocumentElement.GetAttribute("dir"), new[] { "ltr", "rtl" });
            Assert.All(document.QuerySelectorAll("img"), img => Assert.NotNull(img.GetAttribute("alt")));
        }

        var text = Encoding.UTF8.GetString(files.Single(f => f.Variant == "text").Content.Span);
        foreach (var line in text.Split('\n'))
        {
            Assert.True(TextWrapper.Columns(line) <= TextWrapper.Width || line.Split(' ').Any(TextWrapper.LooksLikeUrl), $"{file}: '{line}'");
        }
    }
}
