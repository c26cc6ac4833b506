using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Tests.Docx;

/// <summary>
/// Page headers and footers are not part of the release, but the text a press office keeps there (its address, a
/// phone number) must not vanish without a word: it is warned about at "page header" / "page footer". Page numbers,
/// fields, text the body repeats and a logo alone are not.
/// </summary>
public sealed class PageHeaderFooterTests
{
    /// <summary>Corpus files (by name) whose headers or footers hold text that is not in the release; checked by hand (docs/warnings.md).</summary>
    private static readonly HashSet<string> WarnedFiles = new(StringComparer.Ordinal)
    {
        "DA-xmlerror.docx",                       // footer: "Rubrica das partes:" (the parties' initials) around "Página N de M"
        "RA001-Tracked-Revisions-01.docx",        // header: "Head1"
        "Source2.docx",                           // header: "WordprocessingML to HTML  This header has an image."
        "hdr-header-footer.docx",                 // header "Header for section-1", footer "Footer for section 1"
        "places-en.docx",                         // header: the office's address (made by make-places.py)
        "roundtrip-python-docx-places-en.docx",   // the same, as LibreOffice writes it
    };

    private static Result<Model.PressRelease> Read(string folder, string file)
    {
        using var stream = File.OpenRead(Corpus.Fixture(folder, file));
        return new WordReader(ConversionLimits.Default).Read(stream);
    }

    public static TheoryData<string> CorpusFiles() => Corpus.Theory();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Only_files_whose_header_or_footer_holds_text_missing_from_the_release_are_warned_about(string path)
    {
        if (Corpus.ReadOrExpectedRefusal(path) is not { } result)
        {
            return; // listed in expected-refusals.json, and refused for the reason given there
        }

        var warned = result.Warnings.Where(w => w.Code is HeaderFooterCheck.HeaderCode or HeaderFooterCheck.FooterCode).ToList();
        Assert.True(
            warned.Count > 0 == WarnedFiles.Contains(Path.GetFileName(path)),
            $"{Corpus.Key(path)}: {(warned.Count > 0 ? "warned: " + string.Join(" | ", warned) : "not warned")}");
        Assert.All(warned, w => Assert.Contains(w.Location!.Kind, new[] { "header", "footer" }));
    }

    [Fact]
    public void The_corpus_files_with_header_text_are_among_the_fixtures()
    {
        // CI has no shared corpus: at least these two are copied, so the warning is checked on other producers' files there.
        Assert.True(File.Exists(Corpus.Fixture("clippit", "RA001-Tracked-Revisions-01.docx")));
        Assert.True(File.Exists(Corpus.Fixture("python-docx", "hdr-header-footer.docx")));
    }

    [Fact]
    public void An_address_in_the_header_is_warned_about_with_its_words_and_page_numbers_are_not()
    {
        var warnings = Read("Producers/python-docx", "places-en.docx").Warnings;

        var warning = Assert.Single(warnings, w => w.Code is HeaderFooterCheck.HeaderCode or HeaderFooterCheck.FooterCode);
        Assert.Equal(HeaderFooterCheck.HeaderCode, warning.Code);
        // "FOR IMMEDIATE RELEASE" in the header repeats the body's release line, so only the address is named.
        Assert.Equal(new WarningLocation("header", null, "IOM Mission in Kazakhstan, 14 Mamyr…"), warning.Location);
        Assert.Equal("page header, near “IOM Mission in Kazakhstan, 14 Mamyr…”", warning.Location!.Display);
        Assert.Contains("put it in the body", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LibreOffice_headers_and_footers_are_read_the_same_way()
    {
        var warnings = Read("Producers/libreoffice", "roundtrip-python-docx-places-en.docx").Warnings;

        var warning = Assert.Single(warnings, w => w.Code is HeaderFooterCheck.HeaderCode or HeaderFooterCheck.FooterCode);
        Assert.Equal("header", warning.Location!.Kind);
        Assert.StartsWith("IOM Mission in Kazakhstan", warning.Location.Near, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_and_a_footer_of_another_producer_are_each_warned_about()
    {
        var warnings = Read("python-docx", "hdr-header-footer.docx").Warnings;

        Assert.Equal("page header, near “Header for section-1”", Assert.Single(warnings, w => w.Code == HeaderFooterCheck.HeaderCode).Location!.Display);
        Assert.Equal("page footer, near “Footer for section 1”", Assert.Single(warnings, w => w.Code == HeaderFooterCheck.FooterCode).Location!.Display);
    }

    [Fact]
    public void A_header_holding_only_a_logo_raises_no_warning_and_the_logo_is_not_carried_over()
    {
        var result = Read("Producers/python-docx", "logo-header-en.docx");

        Assert.DoesNotContain(result.Warnings, w => w.Code is HeaderFooterCheck.HeaderCode or HeaderFooterCheck.FooterCode);
        Assert.Empty(result.Value.Images);
        Assert.Empty(result.Value.Metadata.Letterhead);
    }

    [Fact]
    public void Page_number_words_around_a_page_field_are_not_text_of_the_release()
    {
        // Page N of M, in the footer of places-en.docx, raises nothing; clippit's "Page N" and "页面 N" footers neither.
        Assert.DoesNotContain(Read("Producers/python-docx", "places-en.docx").Warnings, w => w.Code == HeaderFooterCheck.FooterCode);
        Assert.DoesNotContain(Read("clippit", "HC006-Test-01.docx").Warnings, w => w.Code == HeaderFooterCheck.FooterCode);
        Assert.DoesNotContain(Read("clippit", "HC004-ResumeTemplate.docx").Warnings, w => w.Code == HeaderFooterCheck.FooterCode);
    }
}
