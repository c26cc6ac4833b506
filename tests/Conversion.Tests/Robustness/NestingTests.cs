using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Results;
using PressPipeline.Conversion.Tests.Docx;

namespace PressPipeline.Conversion.Tests.Robustness;

/// <summary>Deeply nested XML is refused at once, wherever it hides, before any reader recurses into it.</summary>
public sealed class NestingTests
{
    private const int Depth = 20_002;

    private static Rejection Refused(byte[] docx, out TimeSpan elapsed)
    {
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<DocumentRejectedException>(() => new WordReader().Read(new MemoryStream(docx)));
        elapsed = watch.Elapsed;
        return error.Rejection;
    }

    [Fact]
    public void A_document_nested_twenty_thousand_deep_behind_closing_brackets_in_attributes_is_refused_at_once()
    {
        // Every opening tag carries a "/>" inside an attribute value, which a byte scanner read as self-closing.
        var nested = string.Concat(Enumerable.Repeat("<w:sdt w:x=\"/>\"><w:sdtContent w:x=\"/>\">", Depth / 2)) + "<w:p/>"
            + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", Depth / 2));
        var document = TestDocument.Create().Body(nested).Build();

        var rejection = Refused(document, out var elapsed);

        Assert.Equal(RejectionKind.CorruptPart, rejection.Kind);
        Assert.Contains("nested far deeper", rejection.Message, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"took {elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void A_deep_part_whose_name_does_not_end_in_xml_is_measured()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", Depth)) + string.Concat(Enumerable.Repeat("</a>", Depth));
        var document = WithEntry(TestDocument.Create().Paragraph("Hello").Build(), "word/deep.dat", deep);

        var rejection = Refused(document, out _);

        Assert.Contains("word/deep.dat", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_picture_part_is_not_taken_for_xml()
    {
        var document = WithEntry(TestDocument.Create().Paragraph("Hello").Build(), "word/media/odd.dat", "\u0089PNG not xml <a><b>");

        Assert.NotNull(new WordReader().Read(new MemoryStream(document)).Value);
    }

    private static byte[] WithEntry(byte[] docx, string name, string content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var writer = zip.CreateEntry(name).Open();
            writer.Write(Encoding.UTF8.GetBytes(content));
        }

        return stream.ToArray();
    }
}
