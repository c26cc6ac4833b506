using System.Diagnostics;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Pdf;
using PressPipeline.Conversion.Tests.Docx;
using PressPipeline.Conversion.Tests.Rendering;
using SkiaSharp;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace PressPipeline.Conversion.Tests.Pdf;

/// <summary>
/// The PDF's pages as images (<see cref="PdfPageImages"/>), judged against an independent rasteriser: poppler's
/// pdftoppm draws our own PDF at the same resolution, and every page image must put its ink where poppler does.
/// </summary>
public sealed class PdfPageImagesTests(ITestOutputHelper output)
{
    public static TheoryData<string> Documents => new()
    {
        RepositoryFiles.Path("samples", "iom-roundtable-2014.docx"),
        Corpus.Fixture("Producers", "pandoc/release-kk.docx"),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void There_is_one_image_per_PDF_page_and_each_is_an_A4_page_with_ink(string docx)
    {
        var (pdf, images) = Render(docx);
        using (images)
        {
            using var document = PdfDocument.Open(pdf);
            Assert.Equal(document.NumberOfPages, images.PageCount);
            for (var n = 1; n <= images.PageCount; n++)
            {
                using var bitmap = SKBitmap.Decode(images.Png(n));
                Assert.NotNull(bitmap);
                Assert.Equal(893, bitmap.Width); // A4 at 1.5 pixels per point
                Assert.Equal(1263, bitmap.Height);
                var ink = InkProfile.Of(bitmap).Total;
                Assert.True(ink > 0.0005, $"page {n} of {Path.GetFileName(docx)} is blank ({ink:P3} ink)");
            }
        }
    }

    [Fact]
    public void Pages_outside_the_document_are_refused()
    {
        var (_, images) = Render(RepositoryFiles.Path("samples", "iom-roundtable-2014.docx"));
        using (images)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => images.Png(0));
            Assert.Throws<ArgumentOutOfRangeException>(() => images.Png(images.PageCount + 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => images.Png(1, PdfPageImages.MaxScale + 1));
        }
    }

    [PopplerTheory]
    [MemberData(nameof(Documents))]
    public void Every_page_puts_its_ink_where_poppler_draws_our_PDF(string docx)
    {
        var (pdf, images) = Render(docx);
        using (images)
        {
            var watch = Stopwatch.StartNew();
            _ = Enumerable.Range(1, images.PageCount).Select(n => images.Png(n)).ToList();
            output.WriteLine($"{Path.GetFileName(docx)}: {images.PageCount} page image(s) painted in {watch.ElapsedMilliseconds} ms");
            var theirs = Poppler.Pages(pdf, dpi: 108);
            Assert.Equal(theirs.Count, images.PageCount);
            for (var n = 1; n <= images.PageCount; n++)
            {
                var png = images.Png(n);
                using var ours = SKBitmap.Decode(png);
                using var poppler = theirs[n - 1];
                Keep(docx, n, png, poppler);
                var mine = InkProfile.Of(ours);
                var reference = InkProfile.Of(poppler);
                var rows = InkProfile.Correlation(InkProfile.Bands(mine.Rows, 4), InkProfile.Bands(reference.Rows, 4));
                var columns = InkProfile.Correlation(mine.Columns, reference.Columns);
                var cells = InkProfile.CellDifference(ours, poppler);
                var where = $"page {n} of {Path.GetFileName(docx)}: rows r={rows:F3}, columns r={columns:F3}, worst 16-px cell differs by {cells:P1}, ink {mine.Total:P2} vs poppler's {reference.Total:P2}";
                output.WriteLine(where);
                Assert.True(rows > 0.95 && columns > 0.9 && cells < 0.12, where);
                Assert.InRange(mine.Total / reference.Total, 0.75, 1.33);

                // The measure itself must fail a page drawn a few lines too low, and a page with nothing on it.
                using var shifted = InkProfile.Shifted(ours, 24);
                Assert.True(InkProfile.Correlation(InkProfile.Bands(InkProfile.Of(shifted).Rows, 4), InkProfile.Bands(reference.Rows, 4)) < 0.95 || InkProfile.CellDifference(shifted, poppler) >= 0.12, "the comparison does not notice a shifted page: " + where);
            }
        }
    }

    // Both renderings under out/ (ignored by git), for a person to compare by eye.
    private static void Keep(string docx, int page, byte[] ours, SKBitmap poppler)
    {
        var folder = Directory.CreateDirectory(RepositoryFiles.Path("out", "pdf-page-images")).FullName;
        var stem = Path.GetFileNameWithoutExtension(docx) + "-" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllBytes(Path.Combine(folder, stem + ".png"), ours);
        using var encoded = poppler.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(Path.Combine(folder, stem + "-pdftoppm.png"), encoded.ToArray());
    }

    private static (byte[] Pdf, PdfPageImages Images) Render(string docx)
    {
        var converter = ReleaseConverter.CreateDefault();
        using var stream = File.OpenRead(docx);
        var outcome = Assert.IsType<ConversionOutcome.Converted>(converter.Convert(stream, RenderContext.Local));
        var pdf = outcome.Release.Files.Single(f => f.Variant == "pdf").Content.ToArray();
        return (pdf, new PdfRenderer().PageImages(outcome.Release.Release, RenderContext.Local));
    }
}

/// <summary>How much ink (darkness, 0 to 1) each row and column of a page image holds.</summary>
internal sealed record InkProfile(double[] Rows, double[] Columns, double Total)
{
    public static InkProfile Of(SKBitmap bitmap)
    {
        var rows = new double[bitmap.Height];
        var columns = new double[bitmap.Width];
        var total = 0.0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var ink = Darkness(bitmap.GetPixel(x, y));
                rows[y] += ink / bitmap.Width;
                columns[x] += ink / bitmap.Height;
                total += ink;
            }
        }

        return new InkProfile(rows, columns, total / ((double)bitmap.Width * bitmap.Height));
    }

    public static double Darkness(SKColor colour) =>
        1 - (((0.299 * colour.Red) + (0.587 * colour.Green) + (0.114 * colour.Blue)) / 255.0);

    /// <summary>The profile summed over bands of <paramref name="size"/> pixels: a baseline half a pixel apart is the same line.</summary>
    public static double[] Bands(double[] profile, int size) =>
        [.. profile.Chunk(size).Select(band => band.Sum())];

    /// <summary>Pearson correlation over the common length (the two rasterisers may round the size apart by a pixel).</summary>
    public static double Correlation(double[] a, double[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        double meanA = a.Take(n).Average(), meanB = b.Take(n).Average();
        double sum = 0, sumA = 0, sumB = 0;
        for (var i = 0; i < n; i++)
        {
            sum += (a[i] - meanA) * (b[i] - meanB);
            sumA += (a[i] - meanA) * (a[i] - meanA);
            sumB += (b[i] - meanB) * (b[i] - meanB);
        }

        return sumA == 0 || sumB == 0 ? 0 : sum / Math.Sqrt(sumA * sumB);
    }

    /// <summary>The largest difference in mean darkness between the two images over 16-pixel cells.</summary>
    public static double CellDifference(SKBitmap a, SKBitmap b, int cell = 16)
    {
        var width = Math.Min(a.Width, b.Width);
        var height = Math.Min(a.Height, b.Height);
        var worst = 0.0;
        for (var top = 0; top + cell <= height; top += cell)
        {
            for (var left = 0; left + cell <= width; left += cell)
            {
                double inkA = 0, inkB = 0;
                for (var y = top; y < top + cell; y++)
                {
                    for (var x = left; x < left + cell; x++)
                    {
                        inkA += Darkness(a.GetPixel(x, y));
                        inkB += Darkness(b.GetPixel(x, y));
                    }
                }

                worst = Math.Max(worst, Math.Abs(inkA - inkB) / (cell * cell));
            }
        }

        return worst;
    }

    /// <summary>The image moved down by <paramref name="pixels"/>, white above: a painter that drew in the wrong place.</summary>
    public static SKBitmap Shifted(SKBitmap bitmap, int pixels)
    {
        var shifted = new SKBitmap(bitmap.Info);
        using var canvas = new SKCanvas(shifted);
        canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, pixels, SKSamplingOptions.Default, null);
        return shifted;
    }
}

/// <summary>poppler's pdftoppm, the independent rasteriser of our PDFs, when it is installed.</summary>
internal static class Poppler
{
    /// <summary>CI installs poppler-utils and sets this, so that a missing pdftoppm fails there instead of skipping.</summary>
    public const string ExpectedVariable = "PRESSPIPELINE_EXPECT_POPPLER";

    public static bool Available { get; } = Environment.GetEnvironmentVariable("PATH")?.Split(':')
        .Any(dir => File.Exists(Path.Combine(dir, "pdftoppm"))) ?? false;

    public static bool Expected => Environment.GetEnvironmentVariable(ExpectedVariable) == "1";

    public static string? SkipReason => Available || Expected ? null : "pdftoppm is not on PATH (CI installs poppler-utils and sets " + ExpectedVariable + "=1)";

    /// <summary>Every page of the PDF as poppler draws it at <paramref name="dpi"/>, anti-aliased.</summary>
    public static List<SKBitmap> Pages(byte[] pdf, int dpi)
    {
        var folder = Directory.CreateTempSubdirectory("pdftoppm-");
        try
        {
            var input = Path.Combine(folder.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", input, Path.Combine(folder.FullName, "page")])
            {
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("pdftoppm did not start");
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pdftoppm failed: {errors}");
            return [.. folder.GetFiles("page-*.png").OrderBy(f => f.Name.Length).ThenBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => SKBitmap.Decode(f.FullName) ?? throw new InvalidDataException($"pdftoppm wrote an unreadable {f.Name}"))];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>A theory that reports itself skipped when pdftoppm is not on PATH, unless CI says it must be there.</summary>
internal sealed class PopplerTheoryAttribute : TheoryAttribute
{
    public PopplerTheoryAttribute()
    {
        Skip = Poppler.SkipReason;
    }
}
