using PressPipeline.Distribution.Contacts;

namespace PressPipeline.Distribution.Tests.Contacts;

public class RecipientSelectorTests
{
    private static Contact C(string email, string[]? languages = null, string[]? tags = null) => new(email, null, null, languages ?? [], tags ?? []);

    private static ContactListResult List(string name, params Contact[] contacts) => new(name, contacts, []);

    [Fact]
    public void Lists_are_merged_with_each_address_once_whatever_its_case()
    {
        var routed = RecipientSelector.Route(
            [List("a", C("Jane@Outlet.example"), C("bob@outlet.example")), List("b", C("jane@outlet.example"), C("zed@outlet.example"))],
            ["en"],
            []);

        Assert.Equal(["Jane@Outlet.example", "bob@outlet.example", "zed@outlet.example"], routed.Select(c => c.Contact.Email));
    }

    [Fact]
    public void Each_contact_gets_the_first_of_their_languages_the_release_has_else_the_main_version()
    {
        var routed = RecipientSelector.Route(
            [List("a", C("ru@x.example", ["ru"]), C("en@x.example", ["en"]), C("any@x.example"), C("kkru@x.example", ["kk", "ru"]), C("ruen@x.example", ["ru", "en"]), C("de@x.example", ["de"]))],
            ["en", "ru-KZ"],
            []);

        Assert.Equal(
            [("ru@x.example", "ru"), ("en@x.example", "en"), ("any@x.example", "en"), ("kkru@x.example", "ru"), ("ruen@x.example", "ru"), ("de@x.example", "en")],
            routed.Select(c => (c.Contact.Email, c.Language)));
    }

    [Fact]
    public void A_release_in_one_language_reaches_contacts_of_every_language()
    {
        var routed = RecipientSelector.Route([List("a", C("ru@x.example", ["ru"]), C("en@x.example", ["en"]))], ["kk"], []);

        Assert.Equal(["kk", "kk"], routed.Select(c => c.Language));
    }

    [Fact]
    public void Tags_narrow_the_audience_when_asked()
    {
        var routed = RecipientSelector.Route(
            [List("a", C("eco@x.example", tags: ["Economy"]), C("sport@x.example", tags: ["sport"]), C("none@x.example"))],
            ["en"],
            ["economy", "migration"]);

        Assert.Equal(["eco@x.example"], routed.Select(c => c.Contact.Email));
    }
}
