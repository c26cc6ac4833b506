using System.Text;
using PressPipeline.Distribution.Contacts;

namespace PressPipeline.Distribution.Tests.Contacts;

public class ContactListReaderTests
{
    private static ContactListResult Read(string csv, bool bom = false)
    {
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return ContactListReader.Read("press", new MemoryStream(bytes));
    }

    [Fact]
    public void A_list_saved_by_Excel_with_a_BOM_and_semicolons_is_read()
    {
        var list = Read("Email;Name;Outlet;Language;Tags\njane.doe@kaztag.example;Jane Doe;Kaztag;en;economy|migration\nivan@tengri.example;Иван Петров;Tengri News;ru;\n", bom: true);

        Assert.Empty(list.Problems);
        Assert.Equal(["jane.doe@kaztag.example", "ivan@tengri.example"], list.Contacts.Select(c => c.Email));
        Assert.Equal("Иван Петров", list.Contacts[1].Name);
        Assert.Equal(["economy", "migration"], list.Contacts[0].Tags);
        Assert.Equal(["ru"], list.Contacts[1].Languages);
    }

    [Fact]
    public void Quoted_cells_may_hold_commas_and_line_breaks()
    {
        var list = Read("email,name,outlet\n\"a@b.example\",\"Doe, Jane\",\"Radio Azattyq,\nAlmaty desk\"\nc@d.example,C,\n");

        Assert.Empty(list.Problems);
        Assert.Equal("Doe, Jane", list.Contacts[0].Name);
        Assert.Equal("Radio Azattyq,\nAlmaty desk", list.Contacts[0].Outlet);
        Assert.Equal("c@d.example", list.Contacts[1].Email);
    }

    [Fact]
    public void A_bad_address_is_reported_with_its_spreadsheet_row()
    {
        var list = Read("email,name\nok@outlet.example,A\njane.doe@,Jane\nnot an address,B\n\"Jane <j@x.example>\",C\n");

        Assert.Single(list.Contacts);
        Assert.Equal(
            ["List 'press', row 3: 'jane.doe@' is not an e-mail address.", "List 'press', row 4: 'not an address' is not an e-mail address.", "List 'press', row 5: 'Jane <j@x.example>' is not an e-mail address."],
            list.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_duplicate_in_another_case_is_skipped_and_reported()
    {
        var list = Read("email\nJane@Outlet.example\nother@outlet.example\njane@outlet.EXAMPLE\n");

        Assert.Equal(2, list.Contacts.Count);
        var problem = Assert.Single(list.Problems);
        Assert.Equal(4, problem.Row);
        Assert.Contains("duplicate of row 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_without_an_email_column_is_unusable_and_says_what_it_found()
    {
        var list = Read("mail,name\na@b.example,A\n");

        Assert.True(list.Unusable);
        Assert.Empty(list.Contacts);
        Assert.Equal("List 'press': missing column \"email\"; the first row must name the columns (found: mail, name).", Assert.Single(list.Problems).ToString());
    }

    [Fact]
    public void An_empty_file_is_unusable()
    {
        var list = Read("");

        Assert.True(list.Unusable);
        Assert.Contains("email", Assert.Single(list.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_only_list_is_usable_and_empty()
    {
        var list = Read("email,name\n");

        Assert.False(list.Unusable);
        Assert.Empty(list.Contacts);
        Assert.Empty(list.Problems);
    }

    [Fact]
    public void Blank_lines_and_short_rows_are_tolerated()
    {
        var list = Read("email,name,outlet,language,tags\n\nshort@row.example\n,,,\n");

        Assert.Empty(list.Problems);
        var contact = Assert.Single(list.Contacts);
        Assert.Null(contact.Name);
        Assert.Empty(contact.Languages);
    }

    [Fact]
    public void Ten_thousand_rows_are_read_in_full()
    {
        var list = Read(Infrastructure.DistributionHost.Journalists(10_000));

        Assert.Empty(list.Problems);
        Assert.Equal(10_000, list.Contacts.Count);
        Assert.Equal("j09999@outlet49.example", list.Contacts[^1].Email);
    }
}
