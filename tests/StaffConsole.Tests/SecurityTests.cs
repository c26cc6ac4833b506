using Microsoft.AspNetCore.Http;
using PressPipeline.StaffConsole.Tests.Support;

namespace PressPipeline.StaffConsole.Tests;

/// <summary>Nobody acts without a name, no other site can post a console form, and the pages run no inline code.</summary>
public sealed class SecurityTests
{
    [Fact]
    public async Task Without_a_principal_or_development_actor_every_page_asks_to_sign_in()
    {
        await using var console = await ConsoleClient.StartAsync(developmentActor: null);

        var page = await console.GetAsync("");
        Assert.Equal(StatusCodes.Status401Unauthorized, page.Status);
        Assert.Null(page.Page.QuerySelector("#releases-table"));
        Assert.Null(page.Page.QuerySelector($"input[name={ConsoleSecurity.TokenField}]"));

        var post = await console.PostAsync("/suppressions", new Dictionary<string, string> { ["email"] = "a@example.org" });
        Assert.Equal(StatusCodes.Status401Unauthorized, post.Status);
    }

    [Fact]
    public async Task The_App_Service_principal_names_the_staff_member()
    {
        await using var console = await ConsoleClient.StartAsync(developmentActor: null);
        console.Headers[StaffPrincipal.NameHeader] = "dana@iom.example.org";

        var page = await console.GetAsync("");

        Assert.Equal(StatusCodes.Status200OK, page.Status);
        Assert.Contains("dana@iom.example.org", page.Page.QuerySelector(".actor")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Principal_headers_are_not_believed_where_nothing_strips_them()
    {
        // App Service with its authentication switched off: a caller could send the header themselves.
        await using var console = await ConsoleClient.StartAsync(developmentActor: null, trustPrincipalHeaders: false);
        console.Headers[StaffPrincipal.NameHeader] = "dana@iom.example.org";

        var page = await console.GetAsync("");

        Assert.Equal(StatusCodes.Status401Unauthorized, page.Status);
        Assert.DoesNotContain("dana@iom.example.org", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_token_or_from_another_origin_is_refused()
    {
        await using var console = await ConsoleClient.StartAsync();
        var page = await console.GetAsync("/suppressions");
        var fields = new Dictionary<string, string> { ["email"] = "someone@example.org", ["reason"] = "DoNotContact" };

        Assert.Equal(StatusCodes.Status403Forbidden, (await console.PostAsync("/suppressions", fields)).Status);
        fields[ConsoleSecurity.TokenField] = "1." + page.Token.Split('.')[1];
        Assert.Equal(StatusCodes.Status403Forbidden, (await console.PostAsync("/suppressions", fields)).Status);
        fields[ConsoleSecurity.TokenField] = page.Token;
        Assert.Equal(StatusCodes.Status403Forbidden, (await console.PostAsync("/suppressions", fields, origin: "https://evil.example")).Status);
        Assert.Equal(StatusCodes.Status403Forbidden, (await console.PostAsync("/suppressions", fields, origin: null)).Status);

        // Nothing was added by the refused posts; the genuine one is.
        Assert.Null((await console.GetAsync("/suppressions")).Page.QuerySelector("#suppressions-table"));
        Assert.Equal(StatusCodes.Status303SeeOther, (await console.PostAsync("/suppressions", fields)).Status);
        Assert.NotNull((await console.GetAsync("/suppressions")).Page.QuerySelector("#suppressions-table"));
    }

    [Fact]
    public async Task A_token_issued_to_one_staff_member_does_not_work_for_another()
    {
        await using var console = await ConsoleClient.StartAsync(developmentActor: null);
        console.Headers[StaffPrincipal.NameHeader] = "dana@iom.example.org";
        var token = (await console.GetAsync("/suppressions")).Token;

        console.Headers[StaffPrincipal.NameHeader] = "mallory@iom.example.org";
        var post = await console.PostAsync("/suppressions", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = token, ["email"] = "x@example.org" });

        Assert.Equal(StatusCodes.Status403Forbidden, post.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/upload")]
    [InlineData("/lists")]
    [InlineData("/suppressions")]
    [InlineData("/no-such-page")]
    public async Task Every_page_carries_a_strict_policy_and_no_inline_script_or_style(string path)
    {
        await using var console = await ConsoleClient.StartAsync();
        var page = await console.GetAsync(path);

        var policy = page.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.XContentTypeOptions.ToString());
        Assert.False(string.IsNullOrEmpty(page.Headers["Referrer-Policy"].ToString()));
        Assert.Empty(page.Page.QuerySelectorAll("[style], style"));
        Assert.All(page.Page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        Assert.DoesNotContain(page.Page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_style_sheet_and_script_are_served_from_the_build()
    {
        await using var console = await ConsoleClient.StartAsync(developmentActor: null);
        var css = await console.GetAsync("/assets/console.css");
        var js = await console.GetAsync("/assets/console.js");

        Assert.Equal(StatusCodes.Status200OK, css.Status);
        Assert.StartsWith("text/css", css.Headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.Contains(":focus-visible", css.Body, StringComparison.Ordinal);
        Assert.StartsWith("text/javascript", js.Headers.ContentType.ToString(), StringComparison.Ordinal);
    }
}
