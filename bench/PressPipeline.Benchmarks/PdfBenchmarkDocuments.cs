using PressPipeline.Conversion.Model;
using SkiaSharp;
using ModelText = PressPipeline.Conversion.Model.Text;

namespace PressPipeline.Benchmarks;

/// <summary>Models the Word reader would produce for the benchmark documents, built in code.</summary>
public static class PdfBenchmarkDocuments
{
    private const string Filler = "Migration and development are highly interdependent processes. Development is a dynamic process implying growth, advancement, empowerment and progress, with the goal of increasing human capabilities, enlarging the scope of human choices, and creating a safe and secure environment where citizens can live with dignity and equality.";

    private static readonly DocumentProperties Properties = new("IOM", "Migration", ["migration"], new DateTimeOffset(2014, 5, 14, 9, 0, 0, TimeSpan.Zero), null);

    /// <summary>A two-page release with two pictures, a list, a table, boilerplate and contacts.</summary>
    public static PressRelease Sample()
    {
        var images = new[] { Png("image1", 1200, 800), Png("image2", 600, 600) };
        var body = new List<Block>
        {
            Para("Astana, May 14, 2014 – On May 22nd 2014 the International Organization for Migration (IOM) Central Asian Coordination Office organizes a Roundtable on “Migration and Development in the Customs’ Union”."),
            new Paragraph([new ModelText("The Roundtable aims to raise awareness at the policy level. Details: "), new Hyperlink(new Uri("https://www.iom.int/"), [new ModelText("www.iom.int")])]),
            Para(Filler),
            new Paragraph([new Image("image1", "The roundtable", 400, 266)]),
            Para(Filler),
            new Heading(1, [new ModelText("Key issues")]),
            new ListBlock(ListStyle.Bullet, 1, [.. Enumerable.Range(1, 5).Select(i => new ListItem([Para($"Key issue {i}: labour migration, remittances and cooperation in the region.")], "•"))]),
            new Table([new TableRow([Cell("Time"), Cell("Session")]), new TableRow([Cell("11:30"), Cell("Opening")]), new TableRow([Cell("12:00"), Cell("Panel")])], [100, 300], 1),
            Para(Filler),
            new Paragraph([new Image("image2", "Participants", 200, 200)]),
            Para(Filler),
        };
        return Release("IOM Roundtable “Migration and Development in the Customs’ Union”", body, images);
    }

    /// <summary>A report: per chapter a heading, three paragraphs and a four-row table.</summary>
    public static PressRelease Report(int chapters)
    {
        var body = new List<Block>();
        for (var c = 1; c <= chapters; c++)
        {
            body.Add(new Heading(1, [new ModelText($"Chapter {c}: Migration figures")]));
            body.Add(Para(Filler));
            body.Add(Para(Filler));
            body.Add(new Table(
                [
                    new TableRow([Cell("Country"), Cell("Migrants"), Cell("Remittances")]),
                    new TableRow([Cell("Kazakhstan"), Cell($"{c * 1000}"), Cell("1.2 bn")]),
                    new TableRow([Cell("Kyrgyzstan"), Cell($"{c * 700}"), Cell("0.9 bn")]),
                    new TableRow([Cell("Tajikistan"), Cell($"{c * 500}"), Cell("0.7 bn")]),
                ],
                [150, 150, 150],
                1));
            body.Add(Para(Filler));
        }

        return Release("Migration in Central Asia: annual report", body, []);
    }

    private static PressRelease Release(string title, List<Block> body, IReadOnlyList<ImageResource> images) => new(
        new ReleaseMetadata(title, null, "en-GB", TextDirection.LeftToRight, new ReleaseInstruction.Immediate("FOR IMMEDIATE RELEASE"),
            null, "IOM Central Asia", "###", new Section("About IOM", [Para(Filler)]), new Section("Media contacts", [Para("press@example.org")]), null, Properties),
        body,
        [],
        images);

    private static Paragraph Para(string text) => new([new ModelText(text)]);

    private static TableCell Cell(string text) => new([Para(text)]);

    private static ImageResource Png(string id, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return new ImageResource(id, id + ".jpg", "image/jpeg", encoded.ToArray(), width, height);
    }
}
