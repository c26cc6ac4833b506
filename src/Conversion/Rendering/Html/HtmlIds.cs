using System.Text;

namespace PressPipeline.Conversion.Rendering.Html;

/// <summary>Element ids the body writer emits: bookmark names made safe, and the note ids.</summary>
internal static class HtmlIds
{
    /// <summary>A bookmark name as an id: letters, digits, '-', '_' and '.' kept, anything else becomes '-'.</summary>
    public static string Anchor(string bookmark)
    {
        var id = new StringBuilder(bookmark.Length);
        foreach (var c in bookmark)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }

        return id.Length == 0 ? "anchor" : id.ToString();
    }

    /// <summary>Id of a note's text ("footnote-1"); mammoth uses the same shape.</summary>
    public static string Note(Model.NoteKind kind, string noteId) => $"{KindName(kind)}-{Anchor(noteId)}";

    /// <summary>Id of the first reference to a note ("footnote-ref-1"), target of the back-link.</summary>
    public static string NoteReference(Model.NoteKind kind, string noteId) => $"{KindName(kind)}-ref-{Anchor(noteId)}";

    private static string KindName(Model.NoteKind kind) => kind == Model.NoteKind.Footnote ? "footnote" : "endnote";
}
