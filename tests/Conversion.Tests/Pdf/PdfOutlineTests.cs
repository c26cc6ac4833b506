using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;
using ModelText = PressPipeline.Conversion.Model.Text;

namespace PressPipeline.Conversion.Tests.Pdf;

public sealed class PdfOutlineTests
{
    private static byte[] Render(PressRelease release) => new PdfRenderer().Render(release, RenderContext.Local).Value.Content.ToArray();

    [Fact]
    public void Headings_become_bookmarks_in_document_order()
    {
        using var document = PdfDocument.Open(Render(PdfSamples.English()));

        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var titles = bookmarks.GetNodes().Select(n => n.Title).ToList();
        Assert.Equal(["Key issues", "About IOM", "Media contacts", "Notes"], titles);
    }

    [Fact]
    public void Bookmarks_nest_by_heading_level_and_point_at_their_page()
    {
        var body = new List<Block>();
        for (var c = 1; c <= 6; c++)
        {
            body.Add(new Heading(1, [new ModelText($"Part {c}")]));
            body.Add(new Heading(2, [new ModelText($"Section {c}.1")]));
            body.AddRange(Enumerable.Range(0, 12).Select(_ => PdfSamples.Para("Migration and development are highly interdependent processes, and this paragraph fills the page so that parts land on different pages.")));
        }

        using var document = PdfDocument.Open(Render(PdfSamples.Simple("Report", "en", TextDirection.LeftToRight, body)));

        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var roots = bookmarks.Roots;
        Assert.Equal(Enumerable.Range(1, 6).Select(c => $"Part {c}"), roots.Select(r => r.Title));
        Assert.All(roots, r => Assert.Equal($"Section {r.Title[5..]}.1", Assert.Single(r.Children).Title));
        var pages = roots.OfType<DocumentBookmarkNode>().Select(r => r.PageNumber).ToList();
        Assert.Equal(pages.Order(), pages);
        Assert.True(pages[^1] > pages[0], "later parts sit on later pages");
    }

    [Fact]
    public void Catalog_states_the_document_language()
    {
        using var document = PdfDocument.Open(Render(PdfSamples.Kazakh()));

        var catalog = document.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.TryGet(NameToken.Create("Lang"), out IToken language));
        Assert.Equal("kk-KZ", Assert.IsAssignableFrom<StringToken>(language).Data);
    }
}
