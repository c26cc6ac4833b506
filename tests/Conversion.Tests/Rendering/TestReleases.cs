using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Tests.Rendering;

/// <summary>Models built by hand, shaped like the IOM Astana release, so renderers are tested without the reader.</summary>
internal static class TestReleases
{
    /// <summary>A 10×10 PNG (the one mammoth's tests use).</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAoAAAAKCAIAAAACUFjqAAAAAXNSR0IArs4c6QAAAAlwSFlzAAAOvgAADr4B6kKxwAAAABNJREFUKFNj/M+ADzDhlWUYqdIAQSwBE8U+X40AAAAASUVORK5CYII=");

    public static Paragraph P(params Inline[] content) => new(content);

    public static Text T(string value, TextStyle style = TextStyle.None) => new(value, style);

    public static ReleaseMetadata Metadata(
        string title = "IOM Roundtable on Migration and Development in the Customs Union",
        string language = "en-GB",
        ReleaseInstruction? release = null,
        TextDirection direction = TextDirection.LeftToRight) =>
        new(
            title,
            "2014 Astana Economic Forum",
            language,
            direction,
            release ?? new ReleaseInstruction.Embargoed(
                "EMBARGOED UNTIL 22 May 2014, 11:30 Astana time",
                new DateTimeOffset(2014, 5, 22, 5, 30, 0, TimeSpan.Zero),
                "Asia/Almaty"),
            new Dateline("Astana, May 14, 2014 –", "Astana", new DateOnly(2014, 5, 14)),
            "International Organization for Migration",
            "###",
            new Section("About IOM", [P(T("Established in 1951, IOM is the leading inter-governmental organization in the field of migration."))]),
            new Section("Media contacts", [P(T("Press office, "), new Hyperlink(new Uri("mailto:press@example.org"), [T("press@example.org")]), T(", "), new Hyperlink(new Uri("tel:+77172000000"), [T("+7 7172 00 00 00")]))]),
            null,
            new DocumentProperties("IOM", "Roundtable", ["migration", "Central Asia"], null, new DateTimeOffset(2014, 5, 14, 8, 0, 0, TimeSpan.Zero)));

    /// <summary>Headings, nested lists, a table with a header row and spans, a link, an image, a footnote.</summary>
    public static PressRelease Sample(ReleaseMetadata? metadata = null)
    {
        Block[] body =
        [
            P(T("Astana, May 14, 2014 – On May 22nd 2014 the "), T("International Organization for Migration", TextStyle.Bold),
              T(" (IOM) organizes a Roundtable on "), T("Migration and Development in the Customs’ Union", TextStyle.Italic),
              T(" ("), new Hyperlink(new Uri("http://www.astanaforum.org/2014/"), [T("Astana Economic Forum")]), T(")."),
              new NoteReference(NoteKind.Footnote, "1", 1)),
            new Heading(1, [T("Key issues")], "key-issues"),
            new ListBlock(ListStyle.Bullet, 1,
            [
                new ListItem([P(T("Labour migration in the Customs Union"))], "•"),
                new ListItem(
                [
                    P(T("Remittances and development")),
                    new ListBlock(ListStyle.LowerLetter, 1,
                    [
                        new ListItem([P(T("financial literacy"))], "a)"),
                        new ListItem([P(T("transfer costs"))], "b)"),
                    ]),
                ], "•"),
            ]),
            new ListBlock(ListStyle.Decimal, 3, [new ListItem([P(T("Third point"))], "3."), new ListItem([P(T("Fourth point"))], "4.")]),
            new Heading(2, [T("Agenda")]),
            new Table(
            [
                new TableRow([new TableCell([P(T("Time"))]), new TableCell([P(T("Session"))])]),
                new TableRow([new TableCell([P(T("11:30"))]), new TableCell([P(T("Opening remarks"))])]),
                new TableRow([new TableCell([P(T("12:00–13:00"))], RowSpan: 2), new TableCell([P(T("Panel discussion"))])]),
                new TableRow([new TableCell([P(T("Questions from the press"))])]),
                new TableRow([new TableCell([P(T("Closing"))], ColumnSpan: 2)]),
            ],
            [100, 300],
            1),
            P(new Image("image1", "Participants of the 2013 roundtable in Astana", 150, 100)),
            new BlockQuote([P(T("Migration is an essential part of development.", TextStyle.Italic))]),
            P(T("H"), T("2", TextStyle.Subscript), T("O and E = mc"), T("2", TextStyle.Superscript), T(" "), T("old", TextStyle.Strikethrough),
              T(" "), T("underlined", TextStyle.Underline), T(" "), T("Small Caps", TextStyle.SmallCaps), new LineBreak(), T("See "),
              new InternalLink("key-issues", [T("key issues")]), T(".")),
        ];
        return new PressRelease(
            metadata ?? Metadata(),
            body,
            [new Note(NoteKind.Footnote, "1", 1, [P(T("The forum takes place every May."))])],
            [new ImageResource("image1", "image1.png", "image/png", TinyPng, 10, 10)]);
    }

    /// <summary>A release with the given body and nothing else, for focused tests.</summary>
    public static PressRelease WithBody(params Block[] body) =>
        new(Metadata(release: new ReleaseInstruction.Immediate("FOR IMMEDIATE RELEASE")), body, [], []);
}
