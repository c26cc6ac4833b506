using PressPipeline.Conversion.Model;
using SkiaSharp;
using ModelText = PressPipeline.Conversion.Model.Text;

namespace PressPipeline.Conversion.Tests.Pdf;

/// <summary>Hand-built press-release models, the way the Word reader would produce them.</summary>
internal static class PdfSamples
{
    public static readonly DocumentProperties Properties = new(
        "IOM Kazakhstan", "Migration and development", ["migration", "Customs Union"],
        new DateTimeOffset(2014, 5, 14, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2014, 5, 15, 10, 30, 0, TimeSpan.Zero));

    public static PressRelease English(IReadOnlyList<ImageResource>? images = null, IReadOnlyList<Block>? extraBody = null)
    {
        var body = new List<Block>
        {
            Para("Astana, May 14, 2014 – On May 22nd 2014 the International Organization for Migration (IOM) Central Asian Coordination Office organizes, under the auspices of the 2014 VII Astana Economic Forum, a Roundtable on “Migration and Development in the Customs’ Union”."),
            new Paragraph([
                new ModelText("The Roundtable aims to raise awareness at the policy level about recent trends and provide policymakers the opportunity to discuss experience in "),
                new ModelText("facilitating labour migration", TextStyle.Bold),
                new ModelText(" in order to maximize the development potential of South-South migration"),
                new NoteReference(NoteKind.Footnote, "1", 1),
                new ModelText(". Details: "),
                new Hyperlink(new Uri("https://www.iom.int/"), [new ModelText("www.iom.int")]),
                new ModelText("."),
            ]),
            new Heading(1, [new ModelText("Key issues")], "key-issues"),
            new ListBlock(ListStyle.Bullet, 1, [
                new ListItem([Para("Labour migration in the Customs Union and its effect on development of Central Asia.")], "•"),
                new ListItem([Para("Remittances and well-known, long-standing cooperation frameworks.")], "•"),
            ]),
            new ListBlock(ListStyle.Decimal, 1, [
                new ListItem([Para("Opening remarks.")], "1."),
                new ListItem([Para("Panel discussion.")], "2."),
            ]),
            new Table(
                [
                    new TableRow([Cell("Time"), Cell("Session")]),
                    new TableRow([Cell("11:30"), Cell("Opening")]),
                    new TableRow([Cell("12:00"), Cell("Panel on migration trends")]),
                ],
                [90, 300],
                1),
            new Paragraph([new ModelText("See also the "), new InternalLink("key-issues", [new ModelText("key issues")]), new ModelText(" above.")]),
        };
        if (extraBody is not null)
        {
            body.AddRange(extraBody);
        }

        return new PressRelease(
            new ReleaseMetadata(
                "IOM Roundtable “Migration and Development in the Customs’ Union”",
                "2014 Astana Economic Forum",
                "en-GB",
                TextDirection.LeftToRight,
                new ReleaseInstruction.Embargoed("EMBARGOED UNTIL 22 May 2014, 11:30 Astana time", new DateTimeOffset(2014, 5, 22, 5, 30, 0, TimeSpan.Zero), "Asia/Almaty"),
                new Dateline("Astana, May 14, 2014 –", "Astana", new DateOnly(2014, 5, 14)),
                "IOM Central Asia",
                "###",
                new Section("About IOM", [Para("An intergovernmental organization established in 1951, IOM is committed to the principle that humane and orderly migration benefits migrants and society.")]),
                new Section("Media contacts", [Para("Press officer, IOM Astana, press@example.org")]),
                null,
                Properties),
            body,
            [new Note(NoteKind.Footnote, "1", 1, [Para("South-South migration is migration between countries of the global South.")])],
            images ?? []);
    }

    public static PressRelease Kazakh() => Simple(
        "Көші-қон және даму жөніндегі дөңгелек үстел",
        "kk-KZ",
        TextDirection.LeftToRight,
        [
            Para("Астана, 2014 жылғы 14 мамыр – Халықаралық көші-қон ұйымы Астана экономикалық форумы аясында дөңгелек үстел өткізеді."),
            Para("Қазақ әліпбиінің әріптері: ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І."),
            Para("Ελληνικά: μετανάστευση και ανάπτυξη."),
        ]);

    public static PressRelease ArabicHebrew() => Simple(
        "مائدة مستديرة حول الهجرة والتنمية",
        "ar",
        TextDirection.RightToLeft,
        [
            new Paragraph([new ModelText("تنظم المنظمة الدولية للهجرة مائدة مستديرة في أستانا يوم 22 مايو 2014.")], Direction: TextDirection.RightToLeft),
            new Paragraph([new ModelText("يشارك ممثلون من IOM Kazakhstan في النقاش.")], Direction: TextDirection.RightToLeft),
            new Paragraph([new ModelText("הארגון הבינלאומי להגירה מארגן שולחן עגול.")], Direction: TextDirection.RightToLeft),
        ]);

    /// <summary>A long report: chapters, paragraphs and a table in each, as in the benchmark's 35-page document.</summary>
    public static PressRelease LongReport(int chapters)
    {
        var body = new List<Block>();
        for (var c = 1; c <= chapters; c++)
        {
            body.Add(new Heading(1, [new ModelText($"Chapter {c}: Migration figures")]));
            body.Add(Para($"Chapter {c} opens with a paragraph long enough to wrap over several lines, describing labour mobility, remittances and the policy questions the region faces, so that line breaking and justification have real work to do."));
            body.Add(Para("Migration and development are highly interdependent processes. Development is a dynamic process implying growth, advancement, empowerment and progress."));
            body.Add(new Table(
                [
                    new TableRow([Cell("Country"), Cell("Migrants"), Cell("Remittances")]),
                    new TableRow([Cell("Kazakhstan"), Cell($"{c * 1000}"), Cell("1.2 bn")]),
                    new TableRow([Cell("Kyrgyzstan"), Cell($"{c * 700}"), Cell("0.9 bn")]),
                ],
                [],
                1));
        }

        return Simple("Migration report", "en-GB", TextDirection.LeftToRight, body);
    }

    public static PressRelease Simple(string title, string language, TextDirection direction, IReadOnlyList<Block> body, IReadOnlyList<ImageResource>? images = null) =>
        new(
            new ReleaseMetadata(title, null, language, direction, new ReleaseInstruction.NotStated(), null, "IOM", null, null, null, null, Properties),
            body,
            [],
            images ?? []);

    public static Paragraph Para(string text) => new([new ModelText(text)]);

    public static TableCell Cell(string text, int columnSpan = 1, int rowSpan = 1) => new([Para(text)], columnSpan, rowSpan);

    /// <summary>A small PNG made on the spot: a disc on a background, opaque unless <paramref name="background"/> is (partly) transparent.</summary>
    public static ImageResource Png(string id, int width, int height, SKColor? background = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(background ?? SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return new ImageResource(id, id + ".png", "image/png", png.ToArray(), width, height);
    }
}
