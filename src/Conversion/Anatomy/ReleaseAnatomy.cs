using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Anatomy;

/// <summary>
/// Recognises the parts of a press release in the body the reader built and lifts them into
/// <see cref="ReleaseMetadata"/>: release line, headline, subheadline, dateline (which stays in the
/// body), end mark, and the "About X", media-contacts and notes-to-editors sections (everything after the
/// end mark belongs to them).
/// </summary>
internal static class ReleaseAnatomy
{
    /// <summary>How far into the document the release line, headline and dateline are looked for.</summary>
    private const int OpeningBlocks = 12;

    public sealed record Outcome(ReleaseMetadata Metadata, IReadOnlyList<Block> Body);

    public static Outcome Apply(
        List<Block> blocks,
        IReadOnlyDictionary<Block, ParagraphTraits> traits,
        string language,
        string? coreTitle,
        Warnings warnings)
    {
        var body = new List<Block>(blocks);
        var leadingPictures = blocks.TakeWhile(IsPictureOnly).ToList();
        var (release, releaseLinePlace) = LiftReleaseLine(body, traits, warnings);
        var looksLikeRelease = release is not null || FindDateline(body) is not null;
        var letterhead = LiftLetterhead(body, leadingPictures, looksLikeRelease);
        var (title, titleIndex) = LiftTitle(body, traits, coreTitle, looksLikeRelease);
        var subtitle = LiftSubtitle(body, traits, titleIndex);
        var dateline = FindDateline(body);
        var (endMark, endIndex) = FindEndMark(body);
        var sections = LiftSections(body, endIndex, language);
        if (endMark is not null)
        {
            body.RemoveAt(endIndex);
        }

        if (title.Length == 0 && looksLikeRelease)
        {
            warnings.Add("release.no-headline", "No headline was found: give the headline the Title style in Word.");
        }

        var metadata = new ReleaseMetadata(
            title,
            subtitle,
            language,
            TextDirection.LeftToRight,
            release ?? new ReleaseInstruction.NotStated(),
            dateline,
            sections.Organisation,
            endMark,
            sections.About,
            sections.Contacts,
            sections.Notes,
            new DocumentProperties(null, null, [], null, null))
        {
            Letterhead = letterhead,
            ReleaseLinePlace = releaseLinePlace,
        };
        return new Outcome(metadata, body);
    }

    /// <summary>
    /// Pictures that open a release, before its release line and headline, are its letterhead (a logo): they head
    /// every variant instead of following the headline and dateline. Only in a document that reads as a release,
    /// and only when text follows them.
    /// </summary>
    private static List<Block> LiftLetterhead(List<Block> body, List<Block> leadingPictures, bool looksLikeRelease)
    {
        if (!looksLikeRelease || leadingPictures.Count == 0 || leadingPictures.Count >= body.Count)
        {
            return [];
        }

        body.RemoveRange(0, leadingPictures.Count);
        return leadingPictures;
    }

    private static bool IsPictureOnly(Block block) =>
        block is Paragraph p && p.Content.Any(i => i is Image)
        && p.Content.All(i => i is Image || (i is Text t && string.IsNullOrWhiteSpace(t.Value)) || i is Anchor);

    private static (ReleaseInstruction? Line, SourcePlace Place) LiftReleaseLine(List<Block> body, IReadOnlyDictionary<Block, ParagraphTraits> traits, Warnings warnings)
    {
        for (var i = 0; i < Math.Min(body.Count, OpeningBlocks); i++)
        {
            if (body[i] is not (Paragraph or Heading))
            {
                continue;
            }

            // A line that reads as an embargo but can't be parsed is warned about at its paragraph.
            var text = BlockText.Of(body[i]);
            var outside = warnings.Enter(traits.TryGetValue(body[i], out var read) ? read.Where with { Near = WarningLocation.FirstWords(text) } : default);
            var instruction = ReleaseLineParser.TryParse(text, warnings.Add);
            warnings.Return(outside);
            if (instruction is not null)
            {
                var place = body[i].Place;
                body.RemoveAt(i);
                return (instruction, place);
            }
        }

        return (null, default);
    }

    /// <summary>
    /// The Title-styled paragraph is always the headline. A leading heading or a bold/large paragraph is
    /// taken only when the document has a release line or dateline: in any other document it stays in the
    /// body and the first heading's text only names the document.
    /// </summary>
    private static (string Title, int Index) LiftTitle(
        List<Block> body, IReadOnlyDictionary<Block, ParagraphTraits> traits, string? coreTitle, bool looksLikeRelease)
    {
        var limit = OpeningLimit(body);
        for (var i = 0; i < body.Count; i++)
        {
            if (traits.TryGetValue(body[i], out var t) && t.Role == StyleRole.Title)
            {
                return Lift(i);
            }
        }

        if (!looksLikeRelease)
        {
            var firstHeading = body.OfType<Heading>().FirstOrDefault();
            return (coreTitle ?? (firstHeading is null ? string.Empty : BlockText.Of(firstHeading)), -1);
        }

        for (var i = 0; i < limit; i++)
        {
            var block = body[i];
            if (block is Heading { Level: <= 2 })
            {
                return Lift(i);
            }

            if (block is Paragraph && traits.TryGetValue(block, out var t) && (t.AllBold || t.LargestSizePoints >= 14)
                && BlockText.Of(block).Length is > 0 and <= 250 && DatelineParser.TryParse(BlockText.Of(block)) is null)
            {
                return Lift(i);
            }
        }

        return (coreTitle ?? string.Empty, -1);

        (string, int) Lift(int index)
        {
            var text = BlockText.Of(body[index]);
            body.RemoveAt(index);
            return (text, index);
        }
    }

    private static string? LiftSubtitle(List<Block> body, IReadOnlyDictionary<Block, ParagraphTraits> traits, int titleIndex)
    {
        var limit = OpeningLimit(body);
        for (var i = 0; i < limit; i++)
        {
            if (traits.TryGetValue(body[i], out var t) && t.Role == StyleRole.Subtitle)
            {
                var text = BlockText.Of(body[i]);
                body.RemoveAt(i);
                return text;
            }
        }

        // A heading straight after the headline and before the dateline is its subheadline.
        if (titleIndex >= 0 && titleIndex < limit && body[titleIndex] is Heading heading
            && DatelineParser.TryParse(BlockText.Of(heading)) is null)
        {
            body.RemoveAt(titleIndex);
            return BlockText.Of(heading);
        }

        return null;
    }

    /// <summary>Blocks before the dateline (or the first few when there is none) form the release's opening.</summary>
    private static int OpeningLimit(List<Block> body)
    {
        var limit = Math.Min(body.Count, OpeningBlocks);
        for (var i = 0; i < limit; i++)
        {
            if (body[i] is Paragraph p && DatelineParser.TryParse(BlockText.Of(p)) is not null)
            {
                return i;
            }
        }

        return Math.Min(limit, 4);
    }

    private static Dateline? FindDateline(List<Block> body)
    {
        for (var i = 0; i < Math.Min(body.Count, OpeningBlocks); i++)
        {
            if (body[i] is Paragraph p && DatelineParser.TryParse(BlockText.Of(p)) is { } dateline)
            {
                return dateline;
            }
        }

        return null;
    }

    private static (string? Mark, int Index) FindEndMark(List<Block> body)
    {
        for (var i = 0; i < body.Count; i++)
        {
            if (body[i] is Paragraph p && EndMarks.IsEndMark(BlockText.Of(p)))
            {
                return (BlockText.Of(p), i);
            }
        }

        return (null, body.Count);
    }

    private sealed record Sections(Section? About, Section? Contacts, Section? Notes, string? Organisation);

    /// <summary>
    /// Lifts recognised sections out of the body. After the end mark every block belongs to a section:
    /// blocks before the first recognised heading there are notes to editors.
    /// </summary>
    private static Sections LiftSections(List<Block> body, int endIndex, string language)
    {
        var found = new Dictionary<SectionKind, (string Heading, List<Block> Blocks)>();
        string? organisation = null;
        var keep = new List<Block>(body.Count);
        SectionKind? current = null;
        for (var i = 0; i < body.Count; i++)
        {
            var block = body[i];
            if (i == endIndex)
            {
                keep.Add(block);
                current = SectionKind.NotesToEditors;
                continue;
            }

            if (block is Paragraph or Heading && SectionHeadings.Recognise(BlockText.Of(block)) is { } heading
                && (block is Heading || i > endIndex || LooksLikeHeading(block)))
            {
                current = heading.Kind;
                if (!found.ContainsKey(heading.Kind))
                {
                    found[heading.Kind] = (heading.Heading, []);
                }

                if (heading.Kind == SectionKind.About)
                {
                    organisation ??= heading.Organisation;
                }

                if (heading.Remainder is not null)
                {
                    found[heading.Kind].Blocks.Add(block);
                }

                continue;
            }

            if (current is { } kind)
            {
                if (!found.ContainsKey(kind))
                {
                    found[kind] = (DefaultHeading(kind, language), []);
                }

                found[kind].Blocks.Add(block);
                continue;
            }

            keep.Add(block);
        }

        body.Clear();
        body.AddRange(keep);
        return new Sections(Build(SectionKind.About), Build(SectionKind.MediaContacts), Build(SectionKind.NotesToEditors), organisation);

        Section? Build(SectionKind kind) =>
            found.TryGetValue(kind, out var section) && (section.Blocks.Count > 0 || kind != SectionKind.NotesToEditors)
                ? new Section(section.Heading, section.Blocks)
                : null;
    }

    /// <summary>Before the end mark only a short paragraph that reads as a heading opens a section.</summary>
    private static bool LooksLikeHeading(Block block) =>
        block is Paragraph p && BlockText.Of(p) is { Length: <= 90 } text
        && (p.Content.All(i => i is not Text t || string.IsNullOrWhiteSpace(t.Value) || (t.Style & TextStyle.Bold) != 0)
            || text.TrimEnd().EndsWith(':'));

    private static string DefaultHeading(SectionKind kind, string language) =>
        (kind, language.Split('-')[0].ToLowerInvariant()) switch
        {
            (SectionKind.NotesToEditors, "ru") => "Примечания для редакторов",
            (SectionKind.NotesToEditors, "kk") => "Редакторларға арналған ескертпелер",
            (SectionKind.NotesToEditors, _) => "Notes to editors",
            (SectionKind.MediaContacts, "ru") => "Контакты для СМИ",
            (SectionKind.MediaContacts, "kk") => "БАҚ үшін байланыс",
            (SectionKind.MediaContacts, _) => "Media contacts",
            (_, "ru") => "Об организации",
            (_, "kk") => "Ұйым туралы",
            _ => "About",
        };
}
