using PressPipeline.Distribution.Contacts;

namespace PressPipeline.Distribution.Tests.Contacts;

public class RecipientSelectorTests
{
    private static Contact C(string email, string[]? languages = null, string[]? tags = null) => new(email, null, null, languages ?? [], tags ?? []);

    private static ContactListResult List(string name, params Contact[] contacts) => new(name, contacts, []);

    [Fact]
    public void Lists_are_merged_with_each_address_once_whatever_its_case()
    {
        var selected = RecipientSelector.Select(
            [List("a", C("Jane@Outlet.example"), C("bob@outlet.example")), List("b", C("jane@outlet.example"), C("zed@outlet.example"))],
            "en",
            []);

        Assert.Equal(["Jane@Outlet.example", "bob@outlet.example", "zed@outlet.example"], selected.Select(c => c.Email));
    }

    [Fact]
    public void Contacts_get_releases_in_their_language_and_contacts_without_one_get_everything()
    {
        var selected = RecipientSelector.Select(
            [List("a", C("ru@x.example", ["ru"]), C("en@x.example", ["en"]), C("any@x.example"), C("both@x.example", ["kk", "ru"]))],
            "ru-KZ",
            []);

        Assert.Equal(["ru@x.example", "any@x.example", "both@x.example"], selected.Select(c => c.Email));
    }

    [Fact]
    public void Tags_narrow_the_audience_when_asked()
    {
        var selected = RecipientSelector.Select(
            [List("a", C("eco@x.example", tags: ["Economy"]), C("sport@x.example", tags: ["sport"]), C("none@x.example"))],
            "en",
            ["economy", "migration"]);

        Assert.Equal(["eco@x.example"], selected.Select(c => c.Email));
    }
}
