using DocumentFormat.OpenXml.Packaging;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Docx;

/// <summary>What the body, table, note and drawing readers share while one document is read.</summary>
internal sealed class ReadContext(
    StyleSheet styles,
    ListCounter lists,
    ImageStore images,
    Warnings warnings,
    LanguageTally language)
{
    private readonly Dictionary<OpenXmlPart, Dictionary<string, string>> hyperlinkTargets = [];

    public StyleSheet Styles { get; } = styles;

    public ListCounter Lists { get; } = lists;

    public ImageStore Images { get; } = images;

    public Warnings Warnings { get; } = warnings;

    public LanguageTally Language { get; } = language;

    public NoteCollector Notes { get; } = new();

    /// <summary>The part whose XML is being read: relationships (links, images) resolve against it.</summary>
    public required OpenXmlPart CurrentPart { get; set; }

    /// <summary>Facts about paragraphs the press-release anatomy needs (Title style, bold, size).</summary>
    public Dictionary<Block, ParagraphTraits> Traits { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The target of an external hyperlink relationship of the current part.</summary>
    public string? HyperlinkTarget(string relationshipId)
    {
        if (!hyperlinkTargets.TryGetValue(CurrentPart, out var targets))
        {
            targets = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var relationship in CurrentPart.HyperlinkRelationships)
            {
                targets[relationship.Id] = relationship.Uri.OriginalString;
            }

            foreach (var relationship in CurrentPart.ExternalRelationships)
            {
                targets.TryAdd(relationship.Id, relationship.Uri.OriginalString);
            }

            hyperlinkTargets[CurrentPart] = targets;
        }

        return targets.GetValueOrDefault(relationshipId);
    }
}

/// <summary>What the anatomy needs to know about a paragraph that the model does not carry.</summary>
/// <param name="Role">Title, Subtitle, Heading… from the paragraph style.</param>
/// <param name="AllBold">Every visible character is bold.</param>
/// <param name="LargestSizePoints">Largest font size used, in points (0 when unknown).</param>
/// <param name="Where">Where the paragraph is, for warnings raised about it later (an embargo line that can't be read).</param>
internal sealed record ParagraphTraits(StyleRole Role, bool AllBold, double LargestSizePoints, Warnings.Place Where = default);

/// <summary>Footnote and endnote numbers in order of first reference.</summary>
internal sealed class NoteCollector
{
    private readonly Dictionary<(NoteKind, string), int> numbers = [];
    private readonly List<(NoteKind Kind, string Id)> order = [];
    private int footnotes;
    private int endnotes;

    public IReadOnlyList<(NoteKind Kind, string Id)> InOrder => order;

    public int Number(NoteKind kind, string id)
    {
        if (numbers.TryGetValue((kind, id), out var number))
        {
            return number;
        }

        number = kind == NoteKind.Footnote ? ++footnotes : ++endnotes;
        numbers[(kind, id)] = number;
        order.Add((kind, id));
        return number;
    }
}
