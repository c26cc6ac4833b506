namespace PressPipeline.Conversion.Model;

/// <summary>The parts of a release that are about the release rather than its story.</summary>
/// <param name="Title">The headline (Title style or the first large paragraph).</param>
/// <param name="Subtitle">Optional subheadline.</param>
/// <param name="Language">BCP 47 tag from w:lang or the document defaults, e.g. "en-GB", "ru-RU", "kk-KZ".</param>
/// <param name="Direction">Document direction (from w:bidi on most of the body).</param>
/// <param name="Release">Immediate, embargoed until an instant, or not stated.</param>
/// <param name="Dateline">"Astana, May 14, 2014 –" parsed, when the body opens with one.</param>
/// <param name="Organisation">Organisation name (from "About X", core properties or configuration).</param>
/// <param name="EndMark">The end mark as written ("###", "-ENDS-", "-30-", "***"), if any.</param>
/// <param name="About">The "About X" boilerplate section, lifted out of the body.</param>
/// <param name="MediaContacts">The "Media contacts" / "Контакты для СМИ" section, lifted out of the body.</param>
/// <param name="NotesToEditors">The "Notes to editors" section, lifted out of the body.</param>
/// <param name="Document">Package properties (author, dates, keywords) used for PDF and web metadata.</param>
public sealed record ReleaseMetadata(
    string Title,
    string? Subtitle,
    string Language,
    TextDirection Direction,
    ReleaseInstruction Release,
    Dateline? Dateline,
    string? Organisation,
    string? EndMark,
    Section? About,
    Section? MediaContacts,
    Section? NotesToEditors,
    DocumentProperties Document)
{
    /// <summary>
    /// Pictures that stand above the release line or headline in the document (a letterhead logo): renderers put
    /// them at the head of the release, above the headline, not in the body.
    /// </summary>
    public IReadOnlyList<Block> Letterhead { get; init; } = [];

    /// <summary>Where the document's own release line was (for a warning about it); unknown when it has none or staff's plan replaced it.</summary>
    public SourcePlace ReleaseLinePlace { get; init; }

    /// <summary>
    /// False when nothing in the document told its language (no language tags, no defaults, no Cyrillic) and
    /// <see cref="Language"/> is only the English fallback: a second language version cannot be placed by it.
    /// </summary>
    public bool LanguageKnown { get; init; } = true;
}

/// <summary>When the release may be published.</summary>
public abstract record ReleaseInstruction
{
    private ReleaseInstruction()
    {
    }

    /// <summary>No release line was found.</summary>
    public sealed record NotStated : ReleaseInstruction;

    /// <summary>"FOR IMMEDIATE RELEASE" and its translations: publish time = send time.</summary>
    /// <param name="Text">The release line as written.</param>
    public sealed record Immediate(string Text) : ReleaseInstruction;

    /// <summary>"EMBARGOED UNTIL 22 May 2014, 11:30 Astana time" and its translations.</summary>
    /// <param name="Text">The release line as written.</param>
    /// <param name="LiftsAt">The embargo lift as a UTC instant.</param>
    /// <param name="TimeZoneId">The IANA zone the time was written in (Asia/Almaty, Europe/Moscow…).</param>
    public sealed record Embargoed(string Text, DateTimeOffset LiftsAt, string TimeZoneId) : ReleaseInstruction;

    /// <summary>An embargo line whose time could not be understood; the text is kept and a warning raised.</summary>
    /// <param name="Text">The release line as written.</param>
    /// <param name="Problem">What is missing or unclear, as a clause ("the time zone is missing or unclear").</param>
    public sealed record EmbargoedUnparsed(string Text, string? Problem = null) : ReleaseInstruction;
}

/// <summary>The dateline that opens the body: place and date as written, the date parsed when possible.</summary>
public sealed record Dateline(string Text, string Place, DateOnly? Date);

/// <summary>A titled part of the release (boilerplate, contacts, notes to editors).</summary>
public sealed record Section(string Heading, IReadOnlyList<Block> Blocks);

/// <summary>Package properties from docProps/core.xml; dates come from the document, never the clock.</summary>
public sealed record DocumentProperties(
    string? Author,
    string? Subject,
    IReadOnlyList<string> Keywords,
    DateTimeOffset? Created,
    DateTimeOffset? Modified);
