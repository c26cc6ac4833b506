using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using PressPipeline.Pipeline.Assets;
using SkiaSharp;

namespace PressPipeline.Pipeline.Tests;

/// <summary>
/// The files that go with a release are judged by their bytes: every allowed type is accepted under any name,
/// programs, web pages and drawings are refused even when named .pdf, and photos lose their GPS position but keep
/// their orientation. Fixtures: tests/Pipeline.Tests/Fixtures/assets (made by make-fixtures.py there).
/// </summary>
public sealed class AssetCheckTests
{
    private static readonly AssetOptions Limits = new();

    [Theory]
    [InlineData(0, "0.0 MB")]
    [InlineData(1, "0.1 MB")]
    [InlineData(30 * 1024, "0.1 MB")]
    [InlineData(1_258_291, "1.2 MB")]
    [InlineData(25 * 1024 * 1024, "25.0 MB")]
    public void Sizes_staff_read_are_in_MB_and_a_small_file_never_reads_as_empty(long bytes, string expected) =>
        Assert.Equal(expected, AssetCheck.Megabytes(bytes));

    internal static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "Pipeline.Tests", "Fixtures", "assets", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"Fixture {name} not found above {AppContext.BaseDirectory}.");
    }

    internal static string Sample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"Sample {name} not found above {AppContext.BaseDirectory}.");
    }

    private static (CheckedAsset? Asset, string? Refusal) Check(string name, byte[] bytes, long soFar = 0, AssetOptions? limits = null) =>
        AssetCheck.Check(new AssetUpload(name, BinaryData.FromBytes(bytes)), soFar, limits ?? Limits);

    public static TheoryData<string, string, string> AllowedFiles() => new()
    {
        { "bibliography.pdf", "application/pdf", "assets/bibliography.pdf" },
        { "photo-gps.jpg", "image/jpeg", "assets/photo-gps.jpg" },
        { "data.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "assets/data.xlsx" },
        { "data.csv", "text/csv; charset=utf-8", "assets/data.csv" },
    };

    [Theory]
    [MemberData(nameof(AllowedFiles))]
    public void Every_allowed_type_from_a_real_file_is_accepted(string fixture, string contentType, string storedAs)
    {
        var bytes = File.ReadAllBytes(Fixture(fixture));

        var (asset, refusal) = Check(fixture, bytes);

        Assert.Null(refusal);
        Assert.Equal(contentType, asset!.Asset.ContentType);
        Assert.Equal(storedAs, asset.Asset.Path);
        Assert.Equal(asset.Content.ToMemory().Length, asset.Asset.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(asset.Content.ToMemory().Span)), asset.Asset.Sha256);
    }

    [Fact]
    public void A_png_a_word_document_and_a_zip_are_accepted_and_named_by_what_they_are()
    {
        using var bitmap = new SKBitmap(4, 4);
        using var png = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        var docx = File.ReadAllBytes(Sample("iom-roundtable-2014.docx"));
        var zip = Zip(("readme.txt", "Photos of the round table."u8.ToArray()), ("photo.jpg", File.ReadAllBytes(Fixture("photo-gps.jpg"))));

        Assert.Equal("assets/chart.png", Check("chart.jpg", png.ToArray()).Asset!.Asset.Path);
        Assert.Equal(AssetType.Docx.ContentType, Check("Фото отчёт 2014.docx", docx).Asset!.Asset.ContentType);
        Assert.Equal("assets/Фото-отчёт-2014.docx", Check("Фото отчёт 2014.docx", docx).Asset!.Asset.Path);
        Assert.Equal(AssetType.Zip.ContentType, Check("photos.zip", zip).Asset!.Asset.ContentType);
    }

    public static TheoryData<string, byte[], string> DisguisedFiles() => new()
    {
        { "Windows program", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF], "is a program" },
        { "Linux program", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0], "is a program" },
        { "shell script", "#!/bin/sh\nrm -rf ~\n"u8.ToArray(), "is a program" },
        { "web page", "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(), "is a web page" },
        { "SVG drawing", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "is an SVG drawing" },
        { "random bytes", [0x00, 0x01, 0x02, 0xFE, 0xFF, 0x10], "is not a type we publish" },
    };

    [Theory]
    [MemberData(nameof(DisguisedFiles))]
    public void A_program_web_page_or_drawing_renamed_pdf_is_refused_with_a_sentence(string what, byte[] bytes, string because)
    {
        var (asset, refusal) = Check("report.pdf", bytes);

        Assert.Null(asset);
        Assert.StartsWith($"'report.pdf' {because}", refusal, StringComparison.Ordinal);
        Assert.EndsWith(".", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", refusal, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public void A_zip_with_a_program_inside_and_a_macro_workbook_are_refused()
    {
        var withProgram = Zip(("setup.exe", [(byte)'M', (byte)'Z', 0, 0]));
        var macros = Zip(
            ("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>")),
            ("xl/vbaProject.bin", [1, 2, 3]));

        Assert.Contains("program or macro file inside (setup.exe)", Check("photos.zip", withProgram).Refusal, StringComparison.Ordinal);
        Assert.Contains("contains macros", Check("data.xlsx", macros).Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_is_published_only_as_a_csv_table()
    {
        Assert.NotNull(Check("figures.csv", "a,b\n1,2\n"u8.ToArray()).Asset);
        Assert.StartsWith("'notes.txt' is plain text", Check("notes.txt", "Some notes."u8.ToArray()).Refusal, StringComparison.Ordinal);
        Assert.NotNull(Check("latin1.csv", [(byte)'a', 0xE9, (byte)'\n']).Refusal); // not UTF-8
    }

    [Fact]
    public void Files_over_the_limits_are_refused_with_the_sizes()
    {
        var limits = new AssetOptions { MaxAssetBytes = 1024 * 1024, MaxReleaseBytes = 3 * 1024 * 1024 };
        var pdf = new byte[(1024 * 1024) + 1];
        "%PDF-1.7"u8.CopyTo(pdf);

        Assert.Equal(
            "'big.pdf' is 1.0 MB, more than the 1.0 MB allowed per file, so it was not added; make it smaller (compress the photo or PDF) and add it again.",
            Check("big.pdf", pdf, limits: limits).Refusal);
        Assert.StartsWith("'small.pdf' would take the release's files to 3.5 MB, more than the 3.0 MB allowed per release", Check("small.pdf", pdf[..(512 * 1024)], soFar: 3 * 1024 * 1024, limits: limits).Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("photo-gps.jpg")]
    [InlineData("photo-gps-le.jpg")]
    public void A_photo_loses_its_gps_position_but_keeps_its_orientation_and_picture(string fixture)
    {
        var original = File.ReadAllBytes(Fixture(fixture));
        Assert.Equal(SKEncodedOrigin.RightTop, Origin(original));
        Assert.True(HasGpsInfo(original));

        var (asset, refusal) = Check(fixture, original);
        var cleaned = asset!.Content.ToArray();

        Assert.Null(refusal);
        Assert.True(asset.LocationRemoved);
        Assert.False(HasGpsInfo(cleaned));
        Assert.Equal(SKEncodedOrigin.RightTop, Origin(cleaned)); // Orientation 6 still there: shown upright.
        Assert.Equal(original.Length, cleaned.Length); // Rewritten in place, not re-encoded.
        var little = fixture.Contains("-le", StringComparison.Ordinal);
        foreach (var rational in new uint[] { 3000, 1234, 347 })
        {
            var needle = new byte[4];
            if (little)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(needle, rational);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(needle, rational);
            }

            Assert.True(cleaned.AsSpan().IndexOf(needle) < 0, $"the GPS value {rational} is still in the file");
        }

        var scan = original.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        Assert.True(original.AsSpan(scan).SequenceEqual(cleaned.AsSpan(scan)), "the picture data changed");
        using var decoded = SKBitmap.Decode(cleaned);
        Assert.Equal(32, decoded.Width);
    }

    [Fact]
    public void A_photo_without_gps_comes_back_byte_for_byte()
    {
        using var bitmap = new SKBitmap(8, 8);
        using var jpeg = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Jpeg, 80);
        var bytes = jpeg.ToArray();

        var cleaned = JpegLocationRemover.Remove(bytes, out var removed);

        Assert.False(removed);
        Assert.Equal(bytes, cleaned);
    }

    private static SKEncodedOrigin Origin(byte[] jpeg)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(jpeg));
        return codec.EncodedOrigin;
    }

    /// <summary>True when IFD0 of the EXIF segment has a GPSInfo (0x8825) entry, read independently of the remover.</summary>
    private static bool HasGpsInfo(byte[] jpeg)
    {
        var exif = jpeg.AsSpan().IndexOf("Exif\0\0"u8);
        var tiff = jpeg[(exif + 6)..];
        var little = tiff[0] == (byte)'I';
        uint U32(int at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(tiff.AsSpan(at));
        ushort U16(int at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(tiff.AsSpan(at));
        var ifd0 = (int)U32(4);
        return Enumerable.Range(0, U16(ifd0)).Any(i => U16(ifd0 + 2 + (i * 12)) == 0x8825);
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
