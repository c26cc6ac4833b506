using PressPipeline.Distribution.Contacts;

namespace PressPipeline.Distribution.Tests.Contacts;

public class EmailAddressRulesTests
{
    [Theory]
    [InlineData("jane.doe@kaztag.kz")]
    [InlineData("j+press@mail.example.org")]
    [InlineData("o'brien@outlet.example")]
    public void Ordinary_addresses_are_accepted(string address) => Assert.True(EmailAddressRules.IsDeliverable(address));

    [Theory]
    [InlineData("jane.doe@")]
    [InlineData("@kaztag.kz")]
    [InlineData("jane doe@kaztag.kz")]
    [InlineData("Jane <jane@kaztag.kz>")]
    [InlineData("jane@localhost")]
    [InlineData("jane..doe@kaztag.kz")]
    [InlineData("jane@kaztag..kz")]
    [InlineData("a@b@c.example")]
    public void Things_that_are_not_a_journalists_address_are_refused(string address) => Assert.False(EmailAddressRules.IsDeliverable(address));
}
