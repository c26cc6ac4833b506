using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Tests.Docx;

public sealed class StructureTests
{
    [Fact]
    public void Numbered_paragraphs_become_nested_lists_with_labels()
    {
        var release = TestDocument.Create().StandardNumbering()
            .ListItem("Labour migration", 1)
            .ListItem("Remittances", 1, level: 1)
            .ListItem("Diaspora", 1, level: 1)
            .ListItem("Integration", 1)
            .Paragraph("Objectives:")
            .ListItem("Raise awareness", 2)
            .ListItem("Share experience", 2)
            .ListItem("Sub-point", 2, level: 1)
            .Read().Value;

        var bullets = Assert.IsType<ListBlock>(release.Body[0]);
        Assert.Equal(ListStyle.Bullet, bullets.Style);
        Assert.Equal(2, bullets.Items.Count);
        var nested = Assert.IsType<ListBlock>(bullets.Items[0].Blocks[1]);
        Assert.Equal(["Remittances", "Diaspora"], nested.Items.Select(i => ModelText.Of(i.Blocks[0])));
        Assert.Equal("◦", nested.Items[0].Label);
        Assert.Equal("•", bullets.Items[0].Label);

        var numbered = Assert.IsType<ListBlock>(release.Body[2]);
        Assert.True(numbered.IsOrdered);
        Assert.Equal(ListStyle.Decimal, numbered.Style);
        Assert.Equal(["1.", "2."], numbered.Items.Select(i => i.Label));
        var letters = Assert.IsType<ListBlock>(numbered.Items[1].Blocks[1]);
        Assert.Equal(ListStyle.LowerLetter, letters.Style);
        Assert.Equal("a)", letters.Items[0].Label);
    }

    [Fact]
    public void Numbering_continues_across_interruptions_and_restarts_with_a_start_override()
    {
        var release = TestDocument.Create().StandardNumbering()
            .Numbering("<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>")
            .ListItem("one", 2).ListItem("two", 2)
            .Paragraph("break")
            .ListItem("three", 2)
            .Paragraph("break")
            .ListItem("five", 3).ListItem("six", 3)
            .Read().Value;
        var continued = Assert.IsType<ListBlock>(release.Body[2]);
        Assert.Equal(3, continued.Start);
        Assert.Equal("3.", continued.Items[0].Label);
        var restarted = Assert.IsType<ListBlock>(release.Body[4]);
        Assert.Equal(5, restarted.Start);
        Assert.Equal(["5.", "6."], restarted.Items.Select(i => i.Label));
    }

    [Fact]
    public void Multi_level_labels_and_roman_numbers_are_computed()
    {
        var release = TestDocument.Create().Numbering(
            "<w:abstractNum w:abstractNumId=\"7\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
            + "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl></w:abstractNum>"
            + "<w:num w:numId=\"9\"><w:abstractNumId w:val=\"7\"/></w:num>")
            .ListItem("a", 9).ListItem("b", 9).ListItem("c", 9, 1)
            .Read().Value;
        var list = Assert.IsType<ListBlock>(release.Body[0]);
        Assert.Equal(ListStyle.UpperRoman, list.Style);
        Assert.Equal("II.", list.Items[1].Label);
        var inner = Assert.IsType<ListBlock>(list.Items[1].Blocks[1]);
        Assert.Equal(ListStyle.Custom, inner.Style);
        Assert.Equal("II.1", inner.Items[0].Label);
    }

    [Fact]
    public void Russian_ordinal_text_numbers_are_written_in_words()
    {
        var release = TestDocument.Create().Language("ru-RU").Numbering(
            "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"ordinalText\"/><w:lvlText w:val=\"%1\"/></w:lvl></w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>")
            .ListItem("пункт", 1).ListItem("пункт", 1).ListItem("пункт", 1)
            .Read().Value;
        var list = Assert.IsType<ListBlock>(release.Body[0]);
        Assert.Equal(ListStyle.Custom, list.Style);
        Assert.Equal(["первый", "второй", "третий"], list.Items.Select(i => i.Label));
    }

    [Theory]
    [InlineData(21, "двадцать первый")]
    [InlineData(40, "сороковой")]
    [InlineData(100, "сотый")]
    [InlineData(1000, "тысячный")]
    [InlineData(3000, "трехтысячный")]
    [InlineData(3500, "три тысячи пятисотый")]
    [InlineData(1999, "одна тысяча девятьсот девяносто девятый")]
    public void Russian_ordinals_are_grammatical(int value, string expected)
    {
        Assert.Equal(expected, PressPipeline.Conversion.Docx.NumberWords.RussianOrdinal(value));
    }

    [Fact]
    public void Tables_keep_widths_header_rows_and_spans()
    {
        var release = TestDocument.Create().Body(
            "<w:tbl><w:tblGrid><w:gridCol w:w=\"1440\"/><w:gridCol w:w=\"2880\"/><w:gridCol w:w=\"2880\"/></w:tblGrid>"
            + "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + Cell("Time") + Cell("Session") + Cell("Speaker") + "</w:tr>"
            + "<w:tr>" + Cell("11:30", "<w:vMerge w:val=\"restart\"/>") + Cell("Opening, both columns", "<w:gridSpan w:val=\"2\"/>") + "</w:tr>"
            + "<w:tr>" + Cell(string.Empty, "<w:vMerge/>") + Cell("Panel") + Cell("IOM") + "</w:tr>"
            + "</w:tbl>").Read().Value;
        var table = Assert.IsType<Table>(release.Body[0]);
        Assert.Equal([72.0, 144.0, 144.0], table.ColumnWidths);
        Assert.Equal(1, table.HeaderRowCount);
        Assert.Equal(2, table.Rows[1].Cells[0].RowSpan);
        Assert.Equal(2, table.Rows[1].Cells[1].ColumnSpan);
        Assert.Equal(["Panel", "IOM"], table.Rows[2].Cells.Select(c => ModelText.Of(c.Blocks[0])));
    }

    [Fact]
    public void Footnotes_are_numbered_in_order_of_first_reference()
    {
        var release = TestDocument.Create()
            .Footnote(-1, "separator").Footnote(5, "Second note").Footnote(2, "First note")
            .Body("<w:p><w:r><w:t>Text</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:t>more</w:t></w:r><w:r><w:footnoteReference w:id=\"5\"/></w:r></w:p>")
            .Read().Value;
        var references = Assert.IsType<Paragraph>(release.Body[0]).Content.OfType<NoteReference>().ToList();
        Assert.Equal([1, 2], references.Select(r => r.Number));
        Assert.Equal(["2", "5"], references.Select(r => r.NoteId));
        Assert.Equal(2, release.Notes.Count);
        Assert.Equal(" First note", ModelText.Of(release.Notes[0].Blocks[0]));
        Assert.Equal(1, release.Notes[0].Number);
    }

    private static string Cell(string text, string tcPr = "") =>
        $"<w:tc>{(tcPr.Length > 0 ? $"<w:tcPr>{tcPr}</w:tcPr>" : string.Empty)}<w:p>{(text.Length > 0 ? $"<w:r><w:t>{text}</w:t></w:r>" : string.Empty)}</w:p></w:tc>";
}
