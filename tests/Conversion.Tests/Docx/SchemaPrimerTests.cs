using System.Text;
using PressPipeline.Conversion.Docx;

namespace PressPipeline.Conversion.Tests.Docx;

public sealed class SchemaPrimerTests
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

    private static MemoryStream Part(string body) =>
        new(Encoding.UTF8.GetBytes(
            $"<?xml version=\"1.0\"?><w:document xmlns:w=\"{W}\" xmlns:wp=\"{Wp}\"><w:body>{body}</w:body></w:document>"));

    [Fact]
    public void Each_parent_in_the_body_is_listed_once_with_its_first_child()
    {
        var paragraph = "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Hello</w:t></w:r></w:p>";
        var picture = "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"1\" cy=\"1\"/></wp:inline></w:drawing></w:r></w:p>";

        var children = SchemaPrimer.FirstChildren(Part(paragraph + picture + paragraph));

        Assert.Equal((W, "pPr"), children[(W, "p")]);
        Assert.Equal((W, "jc"), children[(W, "pPr")]);
        Assert.Equal((W, "rPr"), children[(W, "r")]);
        Assert.Equal((Wp, "inline"), children[(W, "drawing")]);
        Assert.Equal((Wp, "extent"), children[(Wp, "inline")]);
        Assert.False(children.ContainsKey((W, "t")));
        Assert.False(children.ContainsKey((W, "b")));
    }

    [Fact]
    public void Priming_parses_the_listed_parents_found_and_skips_the_rest()
    {
        var children = SchemaPrimer.FirstChildren(Part(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:customXml><w:p/></w:customXml>"));

        // tbl, tr, tc, p, r are listed parents; w:document, w:body and w:customXml are left to the reader.
        Assert.Equal(5, SchemaPrimer.Prime(children));
    }

    [Fact]
    public void Priming_stops_when_the_reader_has_its_body()
    {
        var children = SchemaPrimer.FirstChildren(Part("<w:p><w:r><w:t>x</w:t></w:r></w:p>"));

        Assert.Equal(0, SchemaPrimer.Prime(children, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Scanning_stops_early_once_the_reader_has_its_body()
    {
        var many = string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>x</w:t></w:r></w:p>", 2000)) + "<w:sectPr><w:pgSz/></w:sectPr>";

        Assert.True(SchemaPrimer.FirstChildren(Part(many)).ContainsKey((W, "sectPr")));
        Assert.False(SchemaPrimer.FirstChildren(Part(many), new CancellationToken(canceled: true)).ContainsKey((W, "sectPr")));
    }
}
