using System.IO.Compression;
using System.Text;
using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Tests.Docx;

public sealed class PackageGuardTests
{
    private static Rejection Reject(byte[] bytes, ConversionLimits? limits = null)
    {
        var error = Assert.Throws<DocumentRejectedException>(
            () => new WordReader(limits ?? ConversionLimits.Default).Read(new MemoryStream(bytes)));
        Assert.False(string.IsNullOrWhiteSpace(error.Rejection.Message));
        Assert.DoesNotContain("Exception", error.Rejection.Message, StringComparison.Ordinal);
        return error.Rejection;
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }

    private const string WordContentTypes =
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

    private const string RootRelationships =
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

    [Fact]
    public void Empty_upload_is_rejected_as_empty()
    {
        Assert.Equal(RejectionKind.Empty, Reject([]).Kind);
    }

    [Fact]
    public void Random_bytes_are_rejected_as_not_a_zip()
    {
        var random = new byte[4096];
        new Random(42).NextBytes(random);
        random[0] = (byte)'X';
        Assert.Equal(RejectionKind.NotAZip, Reject(random).Kind);
    }

    [Fact]
    public void Plain_text_is_rejected_as_not_a_zip()
    {
        Assert.Equal(RejectionKind.NotAZip, Reject(Encoding.UTF8.GetBytes("FOR IMMEDIATE RELEASE\nHello")).Kind);
    }

    [Fact]
    public void Zip_without_a_word_document_is_rejected_as_not_a_word_document()
    {
        var zip = Zip(("hello.txt", "hello"), ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
        Assert.Equal(RejectionKind.NotAWordDocument, Reject(zip).Kind);
    }

    [Fact]
    public void Zip_with_content_types_but_no_main_part_is_rejected_as_not_a_word_document()
    {
        var zip = Zip(("[Content_Types].xml", WordContentTypes), ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"));
        Assert.Equal(RejectionKind.NotAWordDocument, Reject(zip).Kind);
    }

    [Fact]
    public void Excel_workbook_is_rejected_as_not_a_word_document()
    {
        var zip = Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));
        var rejection = Reject(zip);
        Assert.Equal(RejectionKind.NotAWordDocument, rejection.Kind);
        Assert.Contains("Excel", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_protected_document_is_rejected_with_how_to_remove_the_password()
    {
        var rejection = Reject(CompoundFile("EncryptionInfo", "EncryptedPackage"));
        Assert.Equal(RejectionKind.PasswordProtected, rejection.Kind);
        Assert.Contains("password", rejection.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rights_managed_document_is_rejected_as_rights_managed()
    {
        Assert.Equal(RejectionKind.RightsManaged, Reject(CompoundFile("\u0006DataSpaces", "DRMEncryptedDataSpace", "EncryptionInfo")).Kind);
    }

    [Fact]
    public void Old_binary_doc_is_rejected_with_advice_to_save_as_docx()
    {
        var rejection = Reject(CompoundFile("WordDocument", "1Table"));
        Assert.Equal(RejectionKind.NotAWordDocument, rejection.Kind);
        Assert.Contains(".docx", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Macro_enabled_content_type_is_rejected()
    {
        var types = WordContentTypes.Replace("wordprocessingml.document.main+xml", "wordprocessingml.document.main+xml\"/><Override PartName=\"/x\" ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml", StringComparison.Ordinal);
        var zip = Zip(("[Content_Types].xml", types), ("_rels/.rels", RootRelationships), ("word/document.xml", "<w:document/>"));
        Assert.Equal(RejectionKind.MacroEnabled, Reject(zip).Kind);
    }

    [Fact]
    public void Package_with_a_vba_project_is_rejected_as_macro_enabled()
    {
        var zip = Zip(("[Content_Types].xml", WordContentTypes), ("word/vbaProject.bin", "macro"));
        Assert.Equal(RejectionKind.MacroEnabled, Reject(zip).Kind);
    }

    [Fact]
    public void Upload_over_the_size_limit_is_rejected_as_too_large()
    {
        var document = TestDocument.Create().Paragraph("Hello").Build();
        var limits = ConversionLimits.Default with { MaxPackageBytes = document.Length - 1 };
        Assert.Equal(RejectionKind.TooLarge, Reject(document, limits).Kind);
    }

    [Fact]
    public void Upload_from_a_stream_that_cannot_seek_is_still_size_limited()
    {
        var document = TestDocument.Create().Paragraph("Hello").Build();
        var limits = ConversionLimits.Default with { MaxPackageBytes = 100 };
        var error = Assert.Throws<DocumentRejectedException>(() => new WordReader(limits).Read(new NonSeekableStream(document)));
        Assert.Equal(RejectionKind.TooLarge, error.Rejection.Kind);
    }

    [Fact]
    public void Package_with_too_many_parts_is_rejected()
    {
        var document = TestDocument.Create().Paragraph("Hello").Build();
        var limits = ConversionLimits.Default with { MaxParts = 2 };
        Assert.Equal(RejectionKind.TooLarge, Reject(document, limits).Kind);
    }

    [Fact]
    public void Highly_compressible_entry_is_rejected_as_a_zip_bomb_before_inflating()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                writer.Write(WordContentTypes);
            }

            using var bomb = zip.CreateEntry("word/media/padding.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 20; i++)
            {
                bomb.Write(zeros);
            }
        }

        Assert.Equal(RejectionKind.ZipBomb, Reject(stream.ToArray()).Kind);
    }

    [Fact]
    public void Expanded_size_over_the_limit_is_rejected_as_a_zip_bomb()
    {
        var document = TestDocument.Create().Paragraph(new string('x', 5000)).Build();
        var limits = ConversionLimits.Default with { MaxExpandedBytes = 2000 };
        Assert.Equal(RejectionKind.ZipBomb, Reject(document, limits).Kind);
    }

    [Fact]
    public void Entry_that_lies_about_its_size_is_rejected_before_the_sdk_inflates_it()
    {
        var document = TestDocument.Create().Paragraph(new string('x', 20000)).Build();
        var lying = ZipSizeLiar.ShrinkDeclaredSize(document, "word/document.xml", 100);

        // The guard's capped read (or the zip reader's own size check) stops at the declared size.
        Assert.Contains(Reject(lying).Kind, new[] { RejectionKind.ZipBomb, RejectionKind.CorruptPart });
    }

    [Fact]
    public void Truncated_zip_is_rejected_as_damaged()
    {
        var document = TestDocument.Create().Paragraph("Hello").Build();
        var rejection = Reject(document[..(document.Length / 2)]);
        Assert.Equal(RejectionKind.CorruptPart, rejection.Kind);
    }

    [Fact]
    public void Malformed_xml_in_the_document_part_is_rejected_as_a_corrupt_part()
    {
        var zip = Zip(("[Content_Types].xml", WordContentTypes), ("_rels/.rels", RootRelationships), ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"));
        Assert.Equal(RejectionKind.CorruptPart, Reject(zip).Kind);
    }

    [Fact]
    public void Malformed_xml_in_both_the_body_and_the_styles_is_one_typed_rejection()
    {
        var document = TestDocument.Create().Style("Broken", "Broken", pPr: "<w:jc w:val=\"left\">").Body("<w:p><w:r>").Build();
        Assert.Equal(RejectionKind.CorruptPart, Reject(document).Kind);
    }

    [Fact]
    public void Absurdly_deep_nesting_is_rejected_before_any_reader_recurses_into_it()
    {
        var depth = 20000;
        var nested = string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + "<w:p/>" + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth));
        var document = TestDocument.Create().Body(nested).Build();
        var rejection = Reject(document);
        Assert.Equal(RejectionKind.CorruptPart, rejection.Kind);
        Assert.Contains("nested", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_nesting_of_tables_in_tables_is_accepted()
    {
        var cell = "<w:p><w:r><w:t>inner</w:t></w:r></w:p>";
        for (var i = 0; i < 10; i++)
        {
            cell = $"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl><w:p/>";
        }

        var release = TestDocument.Create().Body(cell).Read().Value;
        Assert.IsType<PressPipeline.Conversion.Model.Table>(release.Body[0]);
    }

    /// <summary>A minimal OLE compound file header followed by directory names in UTF-16, as Office writes them.</summary>
    private static byte[] CompoundFile(params string[] streamNames)
    {
        var bytes = new List<byte> { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
        bytes.AddRange(new byte[504]);
        foreach (var name in streamNames)
        {
            bytes.AddRange(Encoding.Unicode.GetBytes(name));
            bytes.AddRange(new byte[64]);
        }

        return [.. bytes];
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
