using PressPipeline.Browser.Tests.Support;
using Xunit.Sdk;

namespace PressPipeline.Browser.Tests;

/// <summary>The page checks themselves: they must fail on the faults they exist to catch.</summary>
public sealed class PageChecksTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Axe_check_fails_on_an_unlabelled_field_and_an_image_without_alt()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Bad</title></head><body><main><h1>Bad</h1><img src=\"x.png\"><input type=\"text\"></main></body></html>");

        var failure = await Assert.ThrowsAsync<TrueException>(() => PageChecks.AssertAccessibleAsync(page, "bad-page"));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Phone_check_fails_on_a_page_wider_than_375_px()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Wide</title><meta name=\"viewport\" content=\"width=device-width\"></head><body><main><h1>Wide</h1><div style=\"width:900px\">wide</div></main></body></html>");

        await Assert.ThrowsAsync<TrueException>(() => PageChecks.AssertFitsAPhoneAsync(page, "wide-page"));
    }
}
