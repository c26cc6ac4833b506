using DocumentFormat.OpenXml.Wordprocessing;

namespace PressPipeline.Conversion.Docx;

/// <summary>What a paragraph style means for the model.</summary>
internal enum StyleRole
{
    Normal,
    Heading,
    Title,
    Subtitle,
    Quote,
}

/// <summary>A paragraph or character style with its based-on chain already applied.</summary>
internal sealed record ResolvedStyle(
    string Id,
    string Name,
    StyleRole Role,
    int HeadingLevel,
    RunFormat Run,
    Justify? Justification,
    bool? Bidi,
    int? NumberingId,
    int? NumberingLevel);

/// <summary>
/// word/styles.xml: styles by id, resolved lazily through w:basedOn (with a cycle guard), plus the
/// document defaults. Headings are recognised by name in several languages and by outline level.
/// </summary>
internal sealed class StyleSheet
{
    private readonly Dictionary<string, Style> paragraphStyles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Style> characterStyles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ResolvedStyle> resolvedParagraph = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RunFormat> resolvedCharacter = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? defaultParagraphStyleId;

    private readonly Warnings warnings;

    private StyleSheet(Styles? styles, Warnings warnings)
    {
        this.warnings = warnings;
        if (styles is null)
        {
            DefaultRun = RunFormat.Empty;
            return;
        }

        DefaultRun = RunFormat.Read(styles.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle, warnings);
        foreach (var style in styles.Elements<Style>())
        {
            var id = Attr.Token(style.StyleId);
            if (id is null)
            {
                continue;
            }

            var type = Attr.Token(style.Type);
            if (Attr.Is(type, "character"))
            {
                characterStyles.TryAdd(id, style);
            }
            else if (type is null || Attr.Is(type, "paragraph"))
            {
                paragraphStyles.TryAdd(id, style);
                if (style.Default is { } isDefault && Attr.OnOff(isDefault, warnings))
                {
                    defaultParagraphStyleId ??= id;
                }
            }
        }
    }

    /// <summary>Run properties from w:docDefaults.</summary>
    public RunFormat DefaultRun { get; }

    public static StyleSheet Read(Styles? styles, Warnings warnings) => new(styles, warnings);

    /// <summary>No styles part (or one that could not be read): Word's built-in defaults.</summary>
    public static StyleSheet Empty(Warnings warnings) => new(null, warnings);

    /// <summary>The paragraph style by id, or the default paragraph style when id is null or unknown.</summary>
    public ResolvedStyle? Paragraph(string? id)
    {
        id ??= defaultParagraphStyleId;
        if (id is null)
        {
            return null;
        }

        if (resolvedParagraph.TryGetValue(id, out var resolved))
        {
            return resolved;
        }

        if (!paragraphStyles.ContainsKey(id))
        {
            return id == defaultParagraphStyleId ? null : Paragraph(null);
        }

        resolved = ResolveParagraph(id, depth: 0);
        resolvedParagraph[id] = resolved;
        return resolved;
    }

    /// <summary>Run formatting of a character style (w:rStyle), based-on chain applied.</summary>
    public RunFormat Character(string id)
    {
        if (resolvedCharacter.TryGetValue(id, out var format))
        {
            return format;
        }

        format = ResolveCharacter(id, 0);
        resolvedCharacter[id] = format;
        return format;
    }

    private RunFormat ResolveCharacter(string id, int depth)
    {
        if (depth > 20 || !characterStyles.TryGetValue(id, out var style))
        {
            return RunFormat.Empty;
        }

        var own = RunFormat.Read(style.StyleRunProperties, warnings);
        var parent = Attr.Token(style.BasedOn?.Val);
        return parent is null ? own : ResolveCharacter(parent, depth + 1).Over(own);
    }

    private ResolvedStyle ResolveParagraph(string id, int depth)
    {
        var style = paragraphStyles[id];
        var name = Attr.Token(style.StyleName?.Val) ?? id;
        var parentId = Attr.Token(style.BasedOn?.Val);
        ResolvedStyle? parent = null;
        if (parentId is not null && depth < 20 && paragraphStyles.ContainsKey(parentId)
            && !string.Equals(parentId, id, StringComparison.OrdinalIgnoreCase))
        {
            parent = resolvedParagraph.TryGetValue(parentId, out var cached) ? cached : ResolveParagraph(parentId, depth + 1);
        }

        var pPr = style.StyleParagraphProperties;
        var run = (parent?.Run ?? RunFormat.Empty).Over(RunFormat.Read(style.StyleRunProperties, warnings));
        var justification = Attr.Justification(pPr?.Justification?.Val, warnings) ?? parent?.Justification;
        bool? bidi = pPr?.BiDi is { } b ? Attr.OnOff(b.Val, warnings) : parent?.Bidi;
        var numId = Attr.Int(pPr?.NumberingProperties?.NumberingId?.Val, warnings) ?? parent?.NumberingId;
        var numLevel = Attr.Int(pPr?.NumberingProperties?.NumberingLevelReference?.Val, warnings) ?? parent?.NumberingLevel;

        var (role, level) = RoleFromName(name, id);
        if (role == StyleRole.Normal && Attr.Int(pPr?.OutlineLevel?.Val, warnings) is int outline && outline is >= 0 and < 6)
        {
            (role, level) = (StyleRole.Heading, outline + 1);
        }

        if (role == StyleRole.Normal && parent is not null && parent.Role != StyleRole.Normal)
        {
            (role, level) = (parent.Role, parent.HeadingLevel);
        }

        return new ResolvedStyle(id, name, role, level, run, justification, bidi, numId, numLevel);
    }

    private static readonly string[] HeadingWords =
    [
        "heading", "заголовок", "überschrift", "titre", "título", "titulo", "encabezado", "titolo", "kop", "nagłówek",
        "тақырып", "тақырыпша", "başlık", "rubrik", "otsikko", "nadpis", "címsor", "标题", "見出し",
    ];

    private static readonly string[] TitleNames = ["title", "название", "заголовок", "titel", "titre", "título", "titolo", "атауы", "标题"];

    private static readonly string[] SubtitleNames = ["subtitle", "подзаголовок", "untertitel", "sous-titre", "subtítulo", "sottotitolo", "тақырыпша", "副标题"];

    private static readonly string[] QuoteNames =
    [
        "quote", "intense quote", "цитата", "выделенная цитата", "цитата 2", "zitat", "intensives zitat", "citation",
        "citation intense", "cita", "cita destacada", "дәйексөз", "block text",
    ];

    /// <summary>Recognises "Heading 1", "heading 1", "Заголовок 1", "Überschrift 1", "Title", … by name or id.</summary>
    internal static (StyleRole Role, int Level) RoleFromName(string name, string id)
    {
        var role = RoleFromOneName(name.Trim().ToLowerInvariant());
        return role.Role != StyleRole.Normal ? role : RoleFromOneName(id.Trim().ToLowerInvariant());
    }

    private static (StyleRole Role, int Level) RoleFromOneName(string lower)
    {
        if (lower.Length > 1 && char.IsAsciiDigit(lower[^1]) && !char.IsAsciiDigit(lower[^2]))
        {
            var stem = lower[..^1].TrimEnd(' ', '-', '_');
            var level = lower[^1] - '0';
            if (level is >= 1 and <= 9 && Array.IndexOf(HeadingWords, stem) >= 0)
            {
                return (StyleRole.Heading, Math.Min(level, 6));
            }
        }

        if (Array.IndexOf(TitleNames, lower) >= 0)
        {
            return (StyleRole.Title, 0);
        }

        if (Array.IndexOf(SubtitleNames, lower) >= 0)
        {
            return (StyleRole.Subtitle, 0);
        }

        if (Array.IndexOf(QuoteNames, lower) >= 0 || lower is "intensequote" or "quote1")
        {
            return (StyleRole.Quote, 0);
        }

        return (StyleRole.Normal, 0);
    }

}
