using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PressPipeline.Conversion.Rendering.Email.Inlining;

/// <summary>What PreMailer did to one element's attributes: set to a value, or removed (Value is null).</summary>
internal sealed record AttributeEdit(string Name, string? Value)
{
    /// <summary>The value as written between quotes of either kind; encoded once per context, not per element.</summary>
    public string? EncodedValue { get; } = Value is null ? null : Encode(Value);

    /// <summary>The attribute as appended to a start tag that did not have it.</summary>
    public string? Appended { get; } = Value is null ? null : " " + Name + "=\"" + Encode(Value) + "\"";

    private static string Encode(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal)
            .Replace("\u00A0", "&nbsp;", StringComparison.Ordinal);
}

/// <summary>
/// PreMailer's answers for one style sheet, per element context, shared by every document that uses the sheet.
/// Unknown contexts are answered by running PreMailer on a probe document: one empty element per context,
/// nested exactly as in the real document, so selector matching sees the same ancestors. A 275 KB release
/// with 5,000 elements has about 60 contexts, and after the first release almost all of them are known.
/// </summary>
internal sealed class InlineStyleMap
{
    // Bounds on what a long-running host keeps: templates are few, contexts per template a few hundred.
    private const int MaxSheets = 16;
    private const int MaxContexts = 20_000;
    private const string Marker = "data-pp-probe";

    private static readonly ConcurrentDictionary<string, InlineStyleMap> BySheet = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, ImmutableArray<AttributeEdit>> edits = new(StringComparer.Ordinal);
    private readonly string css;

    // The style block PreMailer leaves behind (media queries), once any probe has run; null inside means none.
    private volatile StrongBoxed? kept;

    private InlineStyleMap(string css)
    {
        this.css = css;
    }

    public static InlineStyleMap For(string css)
    {
        if (BySheet.TryGetValue(css, out var map))
        {
            return map;
        }

        map = new InlineStyleMap(css);
        return BySheet.Count < MaxSheets ? BySheet.GetOrAdd(css, map) : map;
    }

    /// <summary>
    /// The edits for each of the document's contexts (indexed like <see cref="GeneratedHtml.Contexts"/>) and the
    /// style block to keep. False when the probe shows that an HTML parser would nest the elements differently
    /// from how they are written; the caller then inlines the whole document instead.
    /// </summary>
    public bool TryResolve(GeneratedHtml html, out ImmutableArray<AttributeEdit>[] byContext, out string? keptCss)
    {
        byContext = new ImmutableArray<AttributeEdit>[html.Contexts.Count];
        var unknown = false;
        foreach (var context in html.Contexts)
        {
            if (edits.TryGetValue(context.Key, out var known))
            {
                byContext[context.Index] = known;
            }
            else
            {
                unknown = true;
            }
        }

        var keptSoFar = kept;
        if (!unknown && keptSoFar is not null)
        {
            keptCss = keptSoFar.Css;
            return true;
        }

        return TryProbe(html, byContext, out keptCss);
    }

    private bool TryProbe(GeneratedHtml html, ImmutableArray<AttributeEdit>[] byContext, out string? keptCss)
    {
        keptCss = null;
        var probe = new StringBuilder("<!DOCTYPE html>");
        WriteProbe(probe, html.Root);
        var parser = new HtmlParser();
        var before = Marked(parser.ParseDocument(probe.ToString()), html.Contexts.Count);
        if (before is null || !NestedAsWritten(before, html.Contexts))
        {
            return false;
        }

        string inlined;
        using (var premailer = new PreMailer.Net.PreMailer(probe.ToString()))
        {
            inlined = premailer.MoveCssInline(removeStyleElements: true, removeComments: true, preserveMediaQueries: true).Html;
        }

        var document = parser.ParseDocument(inlined);
        var after = Marked(document, html.Contexts.Count);
        var styleBlocks = document.QuerySelectorAll("style");
        if (after is null || styleBlocks.Length > 1)
        {
            return false;
        }

        keptCss = styleBlocks.Length == 1 ? styleBlocks[0].TextContent : null;
        kept ??= new StrongBoxed(keptCss);
        foreach (var context in html.Contexts)
        {
            var found = Edits(before[context.Index], after[context.Index]);
            byContext[context.Index] = found;
            if (edits.Count < MaxContexts)
            {
                edits.TryAdd(context.Key, found);
            }
        }

        return true;
    }

    private void WriteProbe(StringBuilder probe, ElementContext parent)
    {
        foreach (var context in parent.Children)
        {
            var signature = context.Signature;
            probe.Append('<').Append(signature.Tag);
            AppendRaw(probe, "class", signature.Class);
            AppendRaw(probe, "style", signature.Style);
            if (signature.Mirrored.HasFlag(MirroredAttributes.Width))
            {
                probe.Append(" width=\"pp-unset\"");
            }

            if (signature.Mirrored.HasFlag(MirroredAttributes.Height))
            {
                probe.Append(" height=\"pp-unset\"");
            }

            if (signature.Mirrored.HasFlag(MirroredAttributes.BackgroundColor))
            {
                probe.Append(" bgcolor=\"pp-unset\"");
            }

            probe.Append(' ').Append(Marker).Append("=\"").Append(context.Index).Append("\">");
            if (signature.Tag == "head")
            {
                probe.Append("<style>").Append(css).Append("</style>");
            }

            WriteProbe(probe, context);
            probe.Append("</").Append(signature.Tag).Append('>');
        }
    }

    /// <summary>Writes a value back as it was written (it came from between quotes of one kind or the other).</summary>
    private static void AppendRaw(StringBuilder probe, string name, string? raw)
    {
        if (raw is null)
        {
            return;
        }

        var quote = raw.Contains('"', StringComparison.Ordinal) ? '\'' : '"';
        probe.Append(' ').Append(name).Append('=').Append(quote).Append(raw).Append(quote);
    }

    /// <summary>The probe's marked elements by context index; null if any is missing or repeated.</summary>
    private static IElement[]? Marked(IDocument document, int count)
    {
        var elements = new IElement[count];
        foreach (var element in document.QuerySelectorAll("[" + Marker + "]"))
        {
            if (!int.TryParse(element.GetAttribute(Marker), out var index) || index < 0 || index >= count || elements[index] is not null)
            {
                return null;
            }

            elements[index] = element;
        }

        return Array.TrueForAll(elements, e => e is not null) ? elements : null;
    }

    /// <summary>
    /// Each marked element sits under its own context's parent (elements the parser adds, such as tbody, carry
    /// no mark and are looked through). Anything else means the parser moved something, and the answer for the
    /// probe might not be the answer for the document.
    /// </summary>
    private static bool NestedAsWritten(IElement[] elements, List<ElementContext> contexts)
    {
        foreach (var context in contexts)
        {
            var element = elements[context.Index];
            if (!element.LocalName.Equals(context.Signature.Tag, StringComparison.Ordinal))
            {
                return false;
            }

            var ancestor = element.ParentElement;
            while (ancestor is not null && !ancestor.HasAttribute(Marker))
            {
                ancestor = ancestor.ParentElement;
            }

            var expected = context.Parent?.Index ?? -1;
            var actual = ancestor is null ? -1 : int.Parse(ancestor.GetAttribute(Marker)!, System.Globalization.CultureInfo.InvariantCulture);
            if (actual != expected)
            {
                return false;
            }
        }

        return true;
    }

    private static ImmutableArray<AttributeEdit> Edits(IElement before, IElement after)
    {
        var found = ImmutableArray.CreateBuilder<AttributeEdit>();
        foreach (var attribute in after.Attributes)
        {
            if (attribute.Name != Marker && before.GetAttribute(attribute.Name) != attribute.Value)
            {
                found.Add(new AttributeEdit(attribute.Name, attribute.Value));
            }
        }

        foreach (var attribute in before.Attributes)
        {
            if (!after.HasAttribute(attribute.Name))
            {
                found.Add(new AttributeEdit(attribute.Name, null));
            }
        }

        return found.ToImmutable();
    }

    private sealed record StrongBoxed(string? Css);
}
