using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PressPipeline.Browser.Tests.Support;
using PressPipeline.Conversion;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Email;
using PressPipeline.Conversion.Rendering.Web;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Unsubscribe;

namespace PressPipeline.Browser.Tests;

/// <summary>
/// What journalists open, often on a phone: the sample's web page and e-mail as the converter writes them, and the
/// unsubscribe page the local host serves with the Functions app's handler. axe finds nothing serious or critical,
/// and nothing scrolls sideways at 375 px.
/// </summary>
public sealed class JournalistPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Lazy<string> Converted = new(ConvertSample);

    [BrowserFact]
    public async Task The_sample_web_page_is_accessible_and_fits_a_phone()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(Converted.Value, WebRenderer.FileName)).AbsoluteUri);

        await PageChecks.AssertGoodPageAsync(page, "web-page");
    }

    [BrowserFact]
    public async Task The_sample_e_mail_is_accessible_and_fits_a_phone()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(Converted.Value, EmailRenderer.FileName)).AbsoluteUri);

        await PageChecks.AssertGoodPageAsync(page, "email");
    }

    [BrowserFact]
    public async Task The_unsubscribe_pages_are_accessible_fit_a_phone_and_unsubscribe()
    {
        var services = browser.Host.Services;
        var contact = services.GetRequiredService<ContactIdentity>().IdOf("jane@kaztag.example");
        var link = services.GetRequiredService<UnsubscribeTokens>().LinkFor(new UnsubscribeSubject(contact, "iom-2014"));
        Assert.StartsWith(browser.Url("api/unsubscribe").AbsoluteUri, link, StringComparison.Ordinal);
        var page = await browser.NewPageAsync();

        var confirm = await page.GotoAsync(link);
        Assert.Equal(200, confirm!.Status);
        await PageChecks.AssertGoodPageAsync(page, "unsubscribe-confirm");

        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are unsubscribed" })).ToBeVisibleAsync();
        await PageChecks.AssertGoodPageAsync(page, "unsubscribe-done");
    }

    /// <summary>
    /// The sample converted by the repository's converter into a folder: web page, e-mail and their images. It carries
    /// two files, one with a long name without a break, so the downloads list is checked too (accessible, no sideways scrolling).
    /// </summary>
    private static string ConvertSample()
    {
        var folder = Path.Combine(Path.GetTempPath(), "presspipeline-browser-sample-" + Guid.NewGuid().ToString("N")[..8]);
        using var docx = File.OpenRead(Repository.Sample);
        var context = RenderContext.Local with
        {
            Assets =
            [
                new AssetLink("bibliography.pdf", new Uri("https://press.example.org/api/files/r1/0.sig/assets/bibliography.pdf"), "PDF", 1_258_291, "application/pdf"),
                new AssetLink(
                    "RoundtableOnMigrationAndDevelopmentInTheCustomsUnionPhotosInPrintResolution.zip",
                    new Uri("https://press.example.org/api/files/r1/0.sig/assets/RoundtableOnMigrationAndDevelopmentInTheCustomsUnionPhotosInPrintResolution.zip"),
                    "ZIP",
                    48_234_496,
                    "application/zip"),
            ],
        };
        var outcome = ReleaseConverter.CreateDefault().Convert(docx, context);
        var release = Assert.IsType<ConversionOutcome.Converted>(outcome).Release;
        foreach (var file in release.Files)
        {
            var path = Path.Combine(folder, file.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content.ToArray());
        }

        return folder;
    }
}
