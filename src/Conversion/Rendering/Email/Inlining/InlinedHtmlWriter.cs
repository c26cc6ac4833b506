using System.Collections.Immutable;
using System.Text;

namespace PressPipeline.Conversion.Rendering.Email.Inlining;

/// <summary>
/// Writes the scanned document again with PreMailer's edits applied to every start tag: text and markup
/// that PreMailer would not change are copied as they are, so the result is the same document as PreMailer's,
/// only without re-parsing and re-serialising it.
/// </summary>
internal static class InlinedHtmlWriter
{
    /// <summary>The inlined page as UTF-8, encoded straight from the pieces (no second copy of a long page as a string).</summary>
    public static byte[] WriteUtf8(GeneratedHtml html, ImmutableArray<AttributeEdit>[] byContext, string? keptCss)
    {
        var changes = Changes(html, byContext, keptCss);
        var source = html.Html.AsSpan();

        // Every piece boundary is an ASCII character of markup, so no surrogate pair is ever split.
        var length = 0;
        var position = 0;
        foreach (var change in changes)
        {
            length += Encoding.UTF8.GetByteCount(source[position..change.Start]) + Encoding.UTF8.GetByteCount(change.Text);
            position = change.Start + change.Length;
        }

        length += Encoding.UTF8.GetByteCount(source[position..]);
        var bytes = new byte[length];
        var written = 0;
        position = 0;
        foreach (var change in changes)
        {
            written += Encoding.UTF8.GetBytes(source[position..change.Start], bytes.AsSpan(written));
            written += Encoding.UTF8.GetBytes(change.Text, bytes.AsSpan(written));
            position = change.Start + change.Length;
        }

        Encoding.UTF8.GetBytes(source[position..], bytes.AsSpan(written));
        return bytes;
    }

    private static List<Change> Changes(GeneratedHtml html, ImmutableArray<AttributeEdit>[] byContext, string? keptCss)
    {
        var changes = new List<Change>(html.Tags.Count + html.Comments.Count + 1);
        foreach (var tag in html.Tags)
        {
            foreach (var edit in byContext[tag.Context.Index])
            {
                changes.Add(ChangeFor(tag, edit, changes.Count));
            }
        }

        foreach (var (start, end) in html.Comments)
        {
            changes.Add(new Change(start, end - start, string.Empty, changes.Count));
        }

        if (html.StyleSheet is { } sheet)
        {
            var block = keptCss is null ? string.Empty : "<style>" + keptCss + "</style>";
            changes.Add(new Change(sheet.Start, sheet.End - sheet.Start, block, changes.Count));
        }

        changes.Sort();
        return changes;
    }

    private static Change ChangeFor(StartTag tag, AttributeEdit edit, int order)
    {
        foreach (var existing in tag.Attributes)
        {
            if (existing.Name != edit.Name)
            {
                continue;
            }

            // HTML keeps the first of repeated attributes, and so does PreMailer's DOM: edit that one.
            return edit.EncodedValue switch
            {
                null => new Change(existing.Start, existing.End - existing.Start, string.Empty, order),
                var value when existing.HasValue => new Change(existing.ValueStart, existing.ValueLength, value, order),
                var value => new Change(existing.End, 0, "=\"" + value + "\"", order),
            };
        }

        return new Change(tag.CloseAt, 0, edit.Appended ?? string.Empty, order);
    }

    /// <summary>Replace <see cref="Length"/> characters at <see cref="Start"/>; ties keep the order they were made in.</summary>
    private readonly record struct Change(int Start, int Length, string Text, int Order) : IComparable<Change>
    {
        public int CompareTo(Change other)
        {
            var byStart = Start.CompareTo(other.Start);
            return byStart != 0 ? byStart : Order.CompareTo(other.Order);
        }
    }
}
