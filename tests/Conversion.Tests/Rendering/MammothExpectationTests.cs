using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Web;

namespace PressPipeline.Conversion.Tests.Rendering;

/// <summary>
/// Our web page carries the structure mammoth.js's own tests expect for its test documents
/// (Fixtures/mammoth/EXPECTED.md, default options). Our markup may be richer — wrappers, classes, ids,
/// underline — so both sides are reduced to semantic elements and text before comparing.
/// </summary>
public partial class MammothExpectationTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "mammoth");

    /// <summary>File → mammoth's expected HTML (its idPrefix "doc-42-" removed: we use the same ids without it).</summary>
    public static TheoryData<string, string> Cases => new()
    {
        { "single-paragraph.docx", "<p>Walking on imported air</p>" },
        { "utf8-bom.docx", "<p>This XML has a byte order mark.</p>" },
        { "empty.docx", string.Empty },
        // mammoth's embedded style map is mammoth-specific; without it (includeEmbeddedStyleMap: false) this is a paragraph.
        { "embedded-style-map.docx", "<p>Walking on imported air</p>" },
        { "tiny-picture.docx", "<p><img src=\"IMG\" /></p>" },
        { "tiny-picture-target-base-relative.docx", "<p><img src=\"IMG\" /></p>" },
        // External images are never fetched (mammoth's default too: external file access is disabled).
        { "external-picture.docx", string.Empty },
        { "simple-list.docx", "<ul><li>Apple</li><li>Banana</li></ul>" },
        { "tables.docx", "<p>Above</p><table><tr><td><p>Top left</p></td><td><p>Top right</p></td></tr><tr><td><p>Bottom left</p></td><td><p>Bottom right</p></td></tr></table><p>Below</p>" },
        { "footnotes.docx", "<p>Ouch<sup><a href=\"#footnote-1\" id=\"footnote-ref-1\">[1]</a></sup>.<sup><a href=\"#footnote-2\" id=\"footnote-ref-2\">[2]</a></sup></p><ol><li id=\"footnote-1\"><p> A tachyon walks into a bar. <a href=\"#footnote-ref-1\">↑</a></p></li><li id=\"footnote-2\"><p> Fin. <a href=\"#footnote-ref-2\">↑</a></p></li></ol>" },
        { "endnotes.docx", "<p>Ouch<sup><a href=\"#endnote-2\" id=\"endnote-ref-2\">[1]</a></sup>.<sup><a href=\"#endnote-3\" id=\"endnote-ref-3\">[2]</a></sup></p><ol><li id=\"endnote-2\"><p> A tachyon walks into a bar. <a href=\"#endnote-ref-2\">↑</a></p></li><li id=\"endnote-3\"><p> Fin. <a href=\"#endnote-ref-3\">↑</a></p></li></ol>" },
        { "footnote-hyperlink.docx", "<p><sup><a href=\"#footnote-1\" id=\"footnote-ref-1\">[1]</a></sup></p><ol><li id=\"footnote-1\"><p> <a href=\"http://www.example.com\">Example</a> <a href=\"#footnote-ref-1\">↑</a></p></li></ol>" },
        // Comments are not body text (mammoth drops them by default: "<p>Ouch.</p>").
        { "comments.docx", "<p>Ouch.</p>" },
        { "text-box.docx", "<p>Datum plane</p>" },
        { "underline.docx", "<p><strong>The Sunset Tree</strong></p>" },
        { "strikethrough.docx", "<p><s>Today's Special: Salmon</s> Sold out</p>" },
        { "strict-format.docx", "<p>Test</p>" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Web_page_body_carries_the_structure_mammoth_expects(string file, string expectedHtml)
    {
        var (document, _) = Convert(file);

        var expected = Shape(RenderedHtml.Parse("<!DOCTYPE html><html><body>" + expectedHtml + "</body></html>").Body!.ChildNodes);
        Assert.Equal(expected, Shape(BodyNodes(document)));
    }

    [Theory]
    [InlineData("tiny-picture.docx")]
    [InlineData("tiny-picture-target-base-relative.docx")]
    public void Pictures_are_written_beside_the_page_with_the_bytes_from_the_package(string file)
    {
        var (document, converted) = Convert(file);

        var src = document.QuerySelector("article img")!.GetAttribute("src")!;
        var image = Assert.Single(converted.Files, f => f.FileName == src);
        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Folder, "tiny-picture.png")), image.Content.ToArray());
    }

    private static (IDocument Document, ConvertedRelease Converted) Convert(string file)
    {
        var converter = new ReleaseConverter(new WordReader(ConversionLimits.Default), [new WebRenderer()]);
        using var stream = File.OpenRead(Path.Combine(Folder, file));
        var outcome = Assert.IsType<ConversionOutcome.Converted>(converter.Convert(stream, RenderContext.Local));
        var page = outcome.Release.Files.Single(f => f.Variant == "web");
        return (RenderedHtml.Parse(Encoding.UTF8.GetString(page.Content.Span)), outcome.Release);
    }

    /// <summary>The release body and the notes lists, without the page around them (header, sections, links).</summary>
    private static IEnumerable<INode> BodyNodes(IDocument document)
    {
        foreach (var node in document.QuerySelector("article")!.ChildNodes)
        {
            if (node is not IElement element)
            {
                yield return node;
                continue;
            }

            if (element.LocalName == "header" || element.ClassList.Contains("downloads") || element.ClassList.Contains("end-mark")
                || element.ClassList.Contains("release-section") || element.ClassList.Contains("dateline"))
            {
                continue;
            }

            if (element.ClassList.Contains("notes"))
            {
                foreach (var list in element.Children.Where(c => c.LocalName == "ol"))
                {
                    yield return list;
                }

                continue;
            }

            yield return element;
        }
    }

    private static readonly HashSet<string> Kept = ["p", "ul", "ol", "li", "table", "tr", "td", "th", "strong", "em", "s", "del", "sup", "sub", "a", "img", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"];
    private static readonly HashSet<string> Blocks = ["p", "ul", "ol", "li", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"];

    /// <summary>Semantic elements with only href kept (images reduced to &lt;img&gt;), other wrappers dropped, whitespace collapsed.</summary>
    private static string Shape(IEnumerable<INode> nodes)
    {
        var shape = new StringBuilder();
        foreach (var node in nodes)
        {
            Append(node, shape);
        }

        var text = WhitespaceRun().Replace(shape.ToString(), " ");
        text = SpaceAtBlockEdge().Replace(text, "$1");
        return MergedStrong().Replace(text, string.Empty).Trim();
    }

    private static void Append(INode node, StringBuilder shape)
    {
        if (node is IText text)
        {
            shape.Append(text.Data);
            return;
        }

        if (node is not IElement element)
        {
            return;
        }

        var name = element.LocalName;
        if (!Kept.Contains(name))
        {
            foreach (var child in element.ChildNodes)
            {
                Append(child, shape);
            }

            return;
        }

        shape.Append('<').Append(name);
        if (name == "a" && element.GetAttribute("href") is { } href)
        {
            // "http://www.example.com" and "http://www.example.com/" are the same address.
            var normal = Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : href;
            shape.Append(" href=\"").Append(normal).Append('"');
        }

        shape.Append('>');
        if (name is "img" or "br")
        {
            return;
        }

        foreach (var child in element.ChildNodes)
        {
            Append(child, shape);
        }

        shape.Append("</").Append(name).Append('>');
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    /// <summary>Spaces next to block tags carry no meaning (mammoth writes "&lt;p&gt; Fin."; Word keeps the space).</summary>
    [GeneratedRegex(@" ?(</?(?:p|ul|ol|li|table|tr|td|th|h[1-6]|blockquote)>) ?")]
    private static partial Regex SpaceAtBlockEdge();

    /// <summary>"&lt;/strong&gt;&lt;strong&gt;": adjacent runs with the same formatting read as one.</summary>
    [GeneratedRegex(@"</(strong|em|s)><\1>")]
    private static partial Regex MergedStrong();
}
