using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// word/footnotes.xml and word/endnotes.xml: only the notes the body refers to, numbered in order of
/// first reference (separator notes are never referenced, so they never appear).
/// </summary>
internal static class NotesReader
{
    public static List<Note> Read(MainDocumentPart main, ReadContext context)
    {
        var footnotes = Index(main.FootnotesPart?.Footnotes?.Elements<Footnote>(), n => Attr.Long(n.Id, context.Warnings));
        var endnotes = Index(main.EndnotesPart?.Endnotes?.Elements<Endnote>(), n => Attr.Long(n.Id, context.Warnings));
        var notes = new List<Note>();

        // Notes may refer to further notes: keep going until every reference has been read.
        for (var i = 0; i < context.Notes.InOrder.Count; i++)
        {
            var (kind, id) = context.Notes.InOrder[i];
            var (element, part) = kind == NoteKind.Footnote
                ? (footnotes.GetValueOrDefault(id), (OpenXmlPart?)main.FootnotesPart)
                : (endnotes.GetValueOrDefault(id), main.EndnotesPart);
            var number = context.Notes.Number(kind, id);
            var outside = context.Warnings.Enter(new Warnings.Place(kind == NoteKind.Footnote ? "footnote" : "endnote", number));
            if (element is null || part is null)
            {
                context.Warnings.Add("note.missing", "A footnote or endnote mark points to a note the document does not contain.");
                context.Warnings.Return(outside);
                continue;
            }

            var previous = context.CurrentPart;
            context.CurrentPart = part;
            var blocks = new BodyReader(context).Read(element.ChildElements);
            context.Warnings.Return(outside);
            context.CurrentPart = previous;
            notes.Add(new Note(kind, id, number, blocks));
        }

        return notes;
    }

    private static Dictionary<string, OpenXmlElement> Index<T>(IEnumerable<T>? notes, Func<T, long?> id)
        where T : OpenXmlElement
    {
        var index = new Dictionary<string, OpenXmlElement>(StringComparer.Ordinal);
        if (notes is null)
        {
            return index;
        }

        foreach (var note in notes)
        {
            if (id(note) is long value)
            {
                index.TryAdd(value.ToString(System.Globalization.CultureInfo.InvariantCulture), note);
            }
        }

        return index;
    }
}
