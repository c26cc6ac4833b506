using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;

namespace PressPipeline.Conversion.Tests.Rendering;

/// <summary>Renders with a variant renderer and parses the HTML back with AngleSharp, as a browser would.</summary>
internal static class RenderedHtml
{
    private static readonly HtmlParser Parser = new();

    public static string Text(IVariantRenderer renderer, PressRelease release, RenderContext? context = null) =>
        Encoding.UTF8.GetString(renderer.Render(release, context ?? RenderContext.Local).Value.Content.Span);

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static IDocument Parse(IVariantRenderer renderer, PressRelease release, RenderContext? context = null) =>
        Parse(Text(renderer, release, context));
}
