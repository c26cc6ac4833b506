using System.Text;
using System.Text.RegularExpressions;
using PressPipeline.Conversion.Model;
using UglyToad.PdfPig;
using ModelText = PressPipeline.Conversion.Model.Text;

namespace PressPipeline.Conversion.Tests.Pdf;

/// <summary>Reads a PDF back with PdfPig and turns model text into the form it should take.</summary>
internal static partial class PdfReadBack
{
    /// <summary>
    /// The text of every page in content-stream order (the order a reader copies it), a space between
    /// lines, Unicode compatibility forms folded (Arabic contextual glyphs map to presentation forms).
    /// </summary>
    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var builder = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            double? lastBaseline = null;
            foreach (var letter in page.Letters)
            {
                var baseline = Math.Round(letter.StartBaseLine.Y, 1);
                if (lastBaseline is { } previous && Math.Abs(previous - baseline) > 2)
                {
                    builder.Append(' ');
                }

                builder.Append(letter.Value);
                lastBaseline = baseline;
            }

            builder.Append(' ');
        }

        return Normalise(builder.ToString());
    }

    /// <summary>Whitespace collapsed, compatibility forms folded.</summary>
    public static string Normalise(string text) => Spaces().Replace(text.Normalize(NormalizationForm.FormKC), " ").Trim();

    /// <summary>Without any whitespace: line breaks may fall after hyphens where the model has none.</summary>
    public static string Squeeze(string text) => Spaces().Replace(Normalise(text), string.Empty);

    /// <summary>Plain text of paragraphs in body order.</summary>
    public static string ModelText(IEnumerable<Block> blocks)
    {
        var builder = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    builder.Append(Inlines(paragraph.Content)).Append(' ');
                    break;
                case Heading heading:
                    builder.Append(Inlines(heading.Content)).Append(' ');
                    break;
                default:
                    break;
            }
        }

        return Normalise(builder.ToString());
    }

    private static string Inlines(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i switch
    {
        ModelText t => t.Value,
        Hyperlink h => Inlines(h.Content),
        InternalLink l => Inlines(l.Content),
        NoteReference n => n.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => string.Empty,
    }));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
