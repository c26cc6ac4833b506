using System.Globalization;
using System.Text;

namespace PressPipeline.Conversion.Results;

/// <summary>
/// Where a warning is in the document, in terms a press officer can use to find the spot in Word: which story
/// (a body paragraph, a table cell, a footnote), its number, the first words of the paragraph and the picture.
/// Numbers count from 1 in reading order: body paragraphs count every paragraph of the body outside tables,
/// empty ones too (Word's ¶ marks); tables, rows and cells count as Word lays them out; notes by the number
/// the reader shows them with.
/// </summary>
/// <param name="Kind">One of <see cref="Kinds"/>: "paragraph", "table", "footnote", "endnote", "image", "header", "footer", "document", "elsewhere".</param>
/// <param name="Index">The paragraph's, table's, note's or picture's number; null when not known.</param>
/// <param name="Near">The paragraph's first words (at most about 40 characters, cut at a word), null when it has none. Document content.</param>
public sealed record WarningLocation(string Kind, int? Index = null, string? Near = null)
{
    /// <summary>The kinds a location can be, for code that switches over them (the console translates each).</summary>
    public static readonly IReadOnlyList<string> Kinds = ["paragraph", "table", "footnote", "endnote", "image", "header", "footer", "document", "elsewhere"];

    /// <summary>How many characters of the paragraph <see cref="Near"/> keeps, before cutting back to a word.</summary>
    public const int NearLength = 40;

    /// <summary>The table row (from 1) when <see cref="Kind"/> is "table".</summary>
    public int? Row { get; init; }

    /// <summary>The cell in its row (from 1) when <see cref="Kind"/> is "table".</summary>
    public int? Cell { get; init; }

    /// <summary>The picture's file name among the release's images ("image2.png"), when the warning is about a picture.</summary>
    public string? File { get; init; }

    /// <summary>In English, for the command line and the API: "paragraph 14, near “The ministry said that…”".</summary>
    public string Display => Describe();

    /// <summary>Occurrences past the last place listed for the same warning (see the reader's warning collector).</summary>
    public static WarningLocation Elsewhere { get; } = new("elsewhere");

    /// <summary>A warning about the whole document rather than one place in it (the e-mail's size), said so explicitly.</summary>
    public static WarningLocation Document { get; } = new("document");

    /// <summary>Text in a page header (<paramref name="footer"/> false) or footer, with its first words.</summary>
    public static WarningLocation PageHeaderOrFooter(bool footer, string? near) => new(footer ? "footer" : "header", null, near);

    /// <summary>A picture the renderers name by its file (they know no paragraph): "image 2 (image2.png)".</summary>
    public static WarningLocation Image(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var digits = stem.Length - stem.TrimEnd("0123456789".ToCharArray()).Length;
        int? index = digits > 0 && int.TryParse(stem[^digits..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new WarningLocation("image", index) { File = fileName };
    }

    /// <summary>The first words of <paramref name="text"/>: whitespace folded, cut at a word boundary near <see cref="NearLength"/>, "…" when cut.</summary>
    public static string? FirstWords(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = new StringBuilder(NearLength + 20);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = folded.Length > 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            folded.Append(c);
            if (folded.Length > NearLength + 1)
            {
                break;
            }
        }

        if (folded.Length <= NearLength)
        {
            return folded.ToString();
        }

        var cut = folded.ToString(0, NearLength + 1).LastIndexOf(' ');
        var kept = cut >= NearLength / 2 ? folded.ToString(0, cut) : folded.ToString(0, NearLength);
        return kept.TrimEnd(',', ';', ':', '-', '–', '—') + "…";
    }

    /// <summary>"message — where (3 times)" for one line of text.</summary>
    public static string Sentence(string message, WarningLocation? location, int count)
    {
        var line = location is null ? message : $"{message} — {location.Display}";
        return count > 1 ? $"{line} ({count.ToString(CultureInfo.InvariantCulture)} times)" : line;
    }

    private string Describe()
    {
        var parts = new List<string>(4);
        var number = Index is int i ? " " + i.ToString(CultureInfo.InvariantCulture) : string.Empty;
        switch (Kind)
        {
            case "elsewhere":
                parts.Add("elsewhere in the document");
                break;
            case "document":
                parts.Add("the whole document");
                break;
            case "header" or "footer":
                parts.Add("page " + Kind + number);
                break;
            case "table":
                parts.Add("table" + number);
                if (Row is int row)
                {
                    parts.Add("row " + row.ToString(CultureInfo.InvariantCulture));
                }

                if (Cell is int cell)
                {
                    parts.Add("cell " + cell.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case "image":
                parts.Add(File is null ? "image" + number : $"image{number} ({File})");
                break;
            default:
                parts.Add(Kind + number);
                break;
        }

        if (File is not null && Kind != "image")
        {
            parts.Add("picture " + File);
        }

        if (Near is not null)
        {
            parts.Add($"near “{Near}”");
        }

        return string.Join(", ", parts);
    }
}
