using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Tests.Docx;

/// <summary>
/// Attribute values are read as Word reads them: every spelling the schema allows, and a default with a warning
/// for anything else. LibreOffice, pandoc and docx.js write <c>w:val="true"</c> where Word writes nothing, and
/// Strict documents write start/end where transitional ones write left/right; none of that may refuse a release.
/// </summary>
public sealed class LenientReaderTests
{
    private static string HeaderRow(string trPr) =>
        $"<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/></w:tblGrid><w:tr><w:trPr>{trPr}</w:trPr><w:tc><w:p><w:r><w:t>Time</w:t></w:r></w:p></w:tc></w:tr>"
        + "<w:tr><w:tc><w:p><w:r><w:t>11:30</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";

    [Theory]
    [InlineData("<w:tblHeader/>", 1)]
    [InlineData("<w:tblHeader w:val=\"true\"/>", 1)]
    [InlineData("<w:tblHeader w:val=\"on\"/>", 1)]
    [InlineData("<w:tblHeader w:val=\"1\"/>", 1)]
    [InlineData("<w:tblHeader w:val=\"false\"/>", 0)]
    [InlineData("<w:tblHeader w:val=\"off\"/>", 0)]
    [InlineData("<w:tblHeader w:val=\"0\"/>", 0)]
    [InlineData("", 0)]
    public void Table_header_rows_read_every_on_off_spelling(string trPr, int headerRows)
    {
        var result = TestDocument.Create().Body(HeaderRow(trPr)).Read();
        Assert.Equal(headerRows, Assert.IsType<Table>(result.Value.Body[0]).HeaderRowCount);
        Assert.DoesNotContain(result.Warnings, w => w.Code == Attr.UnrecognisedCode);
    }

    [Theory]
    [InlineData("<w:b/>", true)]
    [InlineData("<w:b w:val=\"true\"/>", true)]
    [InlineData("<w:b w:val=\"on\"/>", true)]
    [InlineData("<w:b w:val=\"1\"/>", true)]
    [InlineData("<w:b w:val=\"TRUE\"/>", true)]
    [InlineData("<w:b w:val=\"false\"/>", false)]
    [InlineData("<w:b w:val=\"off\"/>", false)]
    [InlineData("<w:b w:val=\"0\"/>", false)]
    [InlineData("<w:b w:val=\"\"/>", true)]
    public void Bold_reads_every_on_off_spelling(string runProperties, bool bold)
    {
        var result = TestDocument.Create().Paragraph("Hello there", runProperties: runProperties).Paragraph("second").Read();
        var text = Assert.IsType<Text>(Assert.IsType<Paragraph>(result.Value.Body[^2]).Content[0]);
        Assert.Equal(bold, (text.Style & TextStyle.Bold) != 0);
    }

    [Theory]
    [InlineData("left", false, Alignment.Start)]
    [InlineData("start", false, Alignment.Start)]
    [InlineData("right", false, Alignment.End)]
    [InlineData("end", false, Alignment.End)]
    [InlineData("center", false, Alignment.Center)]
    [InlineData("both", false, Alignment.Justify)]
    [InlineData("distribute", false, Alignment.Justify)]
    [InlineData("start", true, Alignment.Start)]
    [InlineData("end", true, Alignment.End)]
    [InlineData("right", true, Alignment.Start)]
    public void Justification_reads_transitional_and_strict_spellings(string value, bool rightToLeft, Alignment expected)
    {
        var pPr = (rightToLeft ? "<w:bidi w:val=\"true\"/>" : string.Empty) + $"<w:jc w:val=\"{value}\"/>";
        var result = TestDocument.Create().Paragraph("first").Paragraph("Aligned text", paragraphProperties: pPr).Read();
        var paragraph = Assert.IsType<Paragraph>(result.Value.Body[^1]);
        Assert.Equal(expected, paragraph.Alignment);
        Assert.DoesNotContain(result.Warnings, w => w.Code == Attr.UnrecognisedCode);
    }

    [Fact]
    public void Justification_in_a_style_reads_strict_spellings_too()
    {
        var result = TestDocument.Create().Style("Centred", "Centred", pPr: "<w:jc w:val=\"centre\"/>")
            .Paragraph("first").Paragraph("In the middle", style: "Centred").Read();
        Assert.Equal(Alignment.Center, Assert.IsType<Paragraph>(result.Value.Body[^1]).Alignment);
    }

    [Fact]
    public void Unknown_values_fall_back_to_the_default_with_one_warning_at_each_place()
    {
        var result = TestDocument.Create()
            .Paragraph("first")
            .Paragraph("Sideways", runProperties: "<w:b w:val=\"maybe\"/><w:sz w:val=\"big\"/>", paragraphProperties: "<w:jc w:val=\"sideways\"/><w:outlineLvl w:val=\"x\"/>")
            .Body("<w:tbl><w:tblGrid><w:gridCol w:w=\"wide\"/></w:tblGrid><w:tr><w:trPr><w:tblHeader w:val=\"yes\"/></w:trPr>"
                + "<w:tc><w:tcPr><w:gridSpan w:val=\"two\"/><w:vMerge w:val=\"sometimes\"/></w:tcPr><w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
            .Read();
        var paragraph = Assert.IsType<Paragraph>(result.Value.Body[1]);
        Assert.Equal(Alignment.Start, paragraph.Alignment);
        Assert.Equal(TextStyle.Bold, Assert.IsType<Text>(paragraph.Content[0]).Style);
        var table = Assert.IsType<Table>(result.Value.Body[2]);
        Assert.Equal(1, table.HeaderRowCount);
        Assert.Equal(1, table.Rows[0].Cells[0].ColumnSpan);
        Assert.Equal("Cell", ModelText.Of(table));
        Assert.Equal(
            [
                "paragraph 2, near “Sideways” (4 times)",
                "table 1",
                "table 1, row 1, cell 1, near “Cell”", // w:gridSpan, read before the cell's paragraph: the cell's first words
                "table 1, row 1",
            ],
            result.Warnings.Where(w => w.Code == Attr.UnrecognisedCode).Select(w => w.Location!.Display + (w.Count > 1 ? $" ({w.Count} times)" : string.Empty)));
    }

    [Fact]
    public void Decimal_numbers_and_universal_measures_are_read_where_the_schema_allows_them()
    {
        var result = TestDocument.Create().Body(
            "<w:tbl><w:tblGrid><w:gridCol w:w=\"1in\"/><w:gridCol w:w=\"2.54cm\"/><w:gridCol w:w=\"1440.0\"/></w:tblGrid>"
            + "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2.0\"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
            .Read();
        var table = Assert.IsType<Table>(result.Value.Body[0]);
        Assert.Equal([72.0, 72.0, 72.0], table.ColumnWidths.Select(w => Math.Round(w, 6)));
        Assert.Equal(2, table.Rows[0].Cells[0].ColumnSpan);
        Assert.DoesNotContain(result.Warnings, w => w.Code == Attr.UnrecognisedCode);
    }

    [Theory]
    [InlineData("<w:vMerge/>")]
    [InlineData("<w:vMerge w:val=\"continue\"/>")]
    [InlineData("<w:vMerge w:val=\"Continue\"/>")]
    public void Vertical_merges_continue_without_a_value_or_with_continue(string continuation)
    {
        var result = TestDocument.Create().Body(
            "<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/></w:tblGrid>"
            + "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>merged</w:t></w:r></w:p></w:tc></w:tr>"
            + $"<w:tr><w:tc><w:tcPr>{continuation}</w:tcPr><w:p/></w:tc></w:tr></w:tbl>").Read();
        var table = Assert.IsType<Table>(result.Value.Body[0]);
        Assert.Equal(2, table.Rows[0].Cells[0].RowSpan);
        Assert.Empty(table.Rows[1].Cells);
    }

    [Fact]
    public void Attr_helpers_read_raw_spellings_without_throwing()
    {
        var warnings = new Warnings();
        Assert.True(Attr.OnOff(null, warnings));
        Assert.True(Attr.OnOff(new DocumentFormat.OpenXml.OnOffValue { InnerText = "on" }, warnings));
        Assert.False(Attr.OnOff(new DocumentFormat.OpenXml.OnOffValue { InnerText = "Off" }, warnings));
        Assert.Equal(22, Attr.HalfPoints(new DocumentFormat.OpenXml.StringValue("11pt"), warnings));
        Assert.Equal(24, Attr.HalfPoints(new DocumentFormat.OpenXml.StringValue("24"), warnings));
        Assert.Equal(Justify.Start, Attr.Justification(new DocumentFormat.OpenXml.StringValue("start"), warnings));
        Assert.Equal(3, Attr.Int(new DocumentFormat.OpenXml.StringValue(" 3 "), warnings));
        Assert.Empty(warnings.Items);
        Assert.Null(Attr.Int(new DocumentFormat.OpenXml.StringValue("lots"), warnings));
        Assert.Null(Attr.Long(new DocumentFormat.OpenXml.StringValue("1e400"), warnings));
        Assert.Single(warnings.Items);
    }

    [Fact]
    public void A_damaged_styles_part_is_left_out_with_a_warning()
    {
        var result = TestDocument.Create().Style("Broken", "Broken", pPr: "<w:jc w:val=\"left\">").Paragraph("Text survives").Read();
        Assert.Equal("Text survives", ModelText.Of(result.Value.Body[^1]));
        Assert.Contains(result.Warnings, w => w.Code == SecondaryPart.DamagedCode && w.Message.Contains("styles", StringComparison.Ordinal));
    }

    [Fact]
    public void A_damaged_numbering_part_is_left_out_and_list_items_stay_as_paragraphs()
    {
        var result = TestDocument.Create().Numbering("<w:abstractNum w:abstractNumId=\"0\">")
            .Paragraph("Intro").ListItem("First point", 1).ListItem("Second point", 1).Read();
        Assert.Contains("Second point", ModelText.Of(result.Value.Body[^1]), StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Code == SecondaryPart.DamagedCode && w.Message.Contains("numbering", StringComparison.Ordinal));
    }

    [Fact]
    public void A_damaged_footnotes_part_is_left_out_and_the_body_converts()
    {
        var result = TestDocument.Create().FootnoteXml("<w:footnote w:id=\"1\"><w:p>")
            .Body("<w:p><w:r><w:t>Body text</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>").Read();
        Assert.Equal("Body text", ModelText.Of(result.Value.Body[0]));
        Assert.Empty(result.Value.Notes);
        Assert.Contains(result.Warnings, w => w.Code == SecondaryPart.DamagedCode);
    }

    [Fact]
    public void Unknown_elements_are_read_through_and_never_refuse_the_document()
    {
        var result = TestDocument.Create().Body(
            "<w:p><w:pPr><w:futureProperty w:val=\"x\"/></w:pPr><w:futureRun><w:r><w:t>Inside an unknown wrapper</w:t></w:r></w:futureRun></w:p>"
            + "<w:futureBlock><w:p><w:r><w:t>Unknown block</w:t></w:r></w:p></w:futureBlock>").Read();
        Assert.Equal("Inside an unknown wrapper", ModelText.Of(result.Value.Body[0]));
        Assert.Equal("Unknown block", ModelText.Of(result.Value.Body[1]));
    }
}
