using System.Text;
using Microsoft.AspNetCore.Http;
using PressPipeline.Functions.Api;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Functions.Tests;

/// <summary>Who a staff route records, from the headers App Service Authentication adds.</summary>
public sealed class StaffActorTests
{
    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var request = new DefaultHttpContext().Request;
        foreach (var (name, value) in headers)
        {
            request.Headers[name] = value;
        }

        return request;
    }

    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void The_principal_name_header_wins()
    {
        var actor = StaffActor.From(Request((StaffActor.NameHeader, "anna@iom.example.org"), (StaffActor.PrincipalHeader, Base64("""{"claims":[{"typ":"name","val":"Someone Else"}]}"""))));

        Assert.Equal(new Actor("anna@iom.example.org", Door.Api), actor);
    }

    [Fact]
    public void Without_the_name_header_the_principal_claim_named_by_name_typ_is_used_then_the_usual_name_claims()
    {
        var byNameType = StaffActor.From(Request((StaffActor.PrincipalHeader, Base64("""{"name_typ":"preferred_username","claims":[{"typ":"name","val":"Anna"},{"typ":"preferred_username","val":"anna@iom.example.org"}]}"""))), Door.Page);
        var byName = StaffActor.From(Request((StaffActor.PrincipalHeader, Base64("""{"claims":[{"typ":"roles","val":"staff"},{"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn","val":"boris@iom.example.org"}]}"""))));

        Assert.Equal(new Actor("anna@iom.example.org", Door.Page), byNameType);
        Assert.Equal("boris@iom.example.org", byName.Name);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("eyJjbGFpbXMiOjQyfQ==")]
    public void A_principal_that_cannot_be_read_falls_back_to_the_principal_id_or_the_key_holder(string principal)
    {
        var withId = StaffActor.From(Request((StaffActor.PrincipalHeader, principal), (StaffActor.IdHeader, "8f2c-object-id")));
        var without = StaffActor.From(Request((StaffActor.PrincipalHeader, principal)));

        Assert.Equal("8f2c-object-id", withId.Name);
        Assert.Equal(StaffActor.KeyHolder, without.Name);
    }

    [Fact]
    public void Control_characters_are_dropped_and_long_names_cut()
    {
        var actor = StaffActor.From(Request((StaffActor.NameHeader, "anna\u0007" + new string('x', 300))));

        Assert.Equal(200, actor.Name.Length);
        Assert.StartsWith("annaxxx", actor.Name, StringComparison.Ordinal);
    }
}
