using DocumentFormat.OpenXml;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Collects the reader's warnings, each with where it was raised. The readers say where they are
/// (<see cref="Enter"/>, <see cref="AtParagraph"/>) and every warning added meanwhile carries that place, so no call
/// site formats a location. The same warning at the same place is one entry with a count (30 runs with the same
/// unknown value in one paragraph); one warning is listed at up to <see cref="MaxPlaces"/> places and its further
/// occurrences are counted "elsewhere", so a document with 300 charts gets a few lines, not 300.
/// </summary>
internal sealed class Warnings
{
    /// <summary>Different warnings kept; past this, new ones are dropped (their places still counted for those kept).</summary>
    private const int MaxWarnings = 100;

    /// <summary>Places listed for one warning before the rest are counted together.</summary>
    public const int MaxPlaces = 10;

    private readonly List<Entry> entries = [];
    private readonly Dictionary<(string Code, string Message, WarningLocation? Where), Entry> byPlace = [];
    private readonly Dictionary<(string Code, string Message), int> places = [];
    private Place here;
    private OpenXmlElement? nearOf;
    private string? near;

    /// <summary>Every warning in the order first raised, with its place and count.</summary>
    public IReadOnlyList<ConversionWarning> Items =>
        [.. entries.Select(e => new ConversionWarning(e.Code, e.Message) { Location = e.Where, Count = e.Count })];

    /// <summary>Where the reader is now: a story (body paragraph, table cell, note) and the paragraph being read.</summary>
    public Place Here => here;

    /// <summary>Moves to <paramref name="place"/>; returns where the reader was, to go back to with <see cref="Return"/>.</summary>
    public Place Enter(Place place)
    {
        var previous = here;
        here = place;
        return previous;
    }

    /// <summary>Goes back to a place <see cref="Enter"/> or <see cref="AtParagraph"/> returned.</summary>
    public void Return(Place previous) => here = previous;

    /// <summary>Reads <paramref name="paragraph"/> within the current story: its first words become the place's near-text.</summary>
    public Place AtParagraph(W.Paragraph paragraph) => Enter(here with { Paragraph = paragraph });

    public void Add(string code, string message) => Add(code, message, null);

    /// <summary>Adds a warning at the current place; <paramref name="file"/> names the picture it is about, if any.</summary>
    public void Add(string code, string message, string? file)
    {
        var where = Locate(file);
        if (byPlace.TryGetValue((code, message, where), out var known))
        {
            known.Count++;
            return;
        }

        var listed = places.GetValueOrDefault((code, message));
        if (listed == 0 && entries.Count >= MaxWarnings)
        {
            return;
        }

        if (listed >= MaxPlaces)
        {
            where = WarningLocation.Elsewhere;
            if (byPlace.TryGetValue((code, message, where), out var elsewhere))
            {
                elsewhere.Count++;
                return;
            }
        }

        var entry = new Entry(code, message, where);
        entries.Add(entry);
        byPlace[(code, message, where)] = entry;
        places[(code, message)] = listed + 1;
    }

    /// <summary>Adds another collector's warnings (styles and numbering, read on their own thread) with their places and counts.</summary>
    public void AddFrom(Warnings other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var entry in other.entries)
        {
            if (byPlace.TryGetValue((entry.Code, entry.Message, entry.Where), out var known))
            {
                known.Count += entry.Count;
            }
            else if (entries.Count < MaxWarnings)
            {
                var copy = new Entry(entry.Code, entry.Message, entry.Where) { Count = entry.Count };
                entries.Add(copy);
                byPlace[(entry.Code, entry.Message, entry.Where)] = copy;
                places[(entry.Code, entry.Message)] = places.GetValueOrDefault((entry.Code, entry.Message)) + 1;
            }
        }
    }

    private WarningLocation? Locate(string? file)
    {
        if (here.Kind is null)
        {
            return file is null ? null : WarningLocation.Image(file);
        }

        return new WarningLocation(here.Kind, here.Index, here.Near ?? NearText(here.Paragraph))
        {
            Row = here.Row,
            Cell = here.Cell,
            File = file,
        };
    }

    /// <summary>The paragraph's first words, worked out only when a warning needs them (most paragraphs raise none).</summary>
    private string? NearText(W.Paragraph? paragraph)
    {
        if (paragraph is null)
        {
            return null;
        }

        if (!ReferenceEquals(paragraph, nearOf))
        {
            var text = new System.Text.StringBuilder();
            foreach (var t in paragraph.Descendants<W.Text>())
            {
                text.Append(t.Text);
                if (text.Length > WarningLocation.NearLength * 2)
                {
                    break;
                }
            }

            nearOf = paragraph;
            near = WarningLocation.FirstWords(text.ToString());
        }

        return near;
    }

    /// <summary>
    /// A place in the document: the story's kind and number, a table's row and cell, and the paragraph being read
    /// (or, for a place kept past reading, its first words given in <paramref name="Near"/>).
    /// </summary>
    internal readonly record struct Place(string? Kind, int? Index = null, int? Row = null, int? Cell = null, W.Paragraph? Paragraph = null, string? Near = null)
    {
        /// <summary>
        /// This place without its XML paragraph, for keeping after the paragraph is read: every paragraph's traits
        /// holding its element kept the document's XML reachable from long-lived dictionaries, and the reader then ran
        /// more full (gen 2) collections (LIR007, 3,500 headings: about a third slower to read, measured 6 Dec).
        /// Whoever warns at a kept place later gives its words with <see cref="Near"/>.
        /// </summary>
        public Place Kept() => this with { Paragraph = null };

        /// <summary>This place as the model keeps it on a block (numbers only), for the renderers' warnings.</summary>
        public SourcePlace Source() => new(Kind, Index ?? 0, Row ?? 0, Cell ?? 0);
    }

    private sealed class Entry(string code, string message, WarningLocation? where)
    {
        public string Code { get; } = code;

        public string Message { get; } = message;

        public WarningLocation? Where { get; } = where;

        public int Count { get; set; } = 1;
    }
}
