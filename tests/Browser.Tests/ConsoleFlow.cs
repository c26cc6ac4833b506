using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using PressPipeline.Browser.Tests.Support;

namespace PressPipeline.Browser.Tests;

/// <summary>
/// The sample from upload to Sent through the console's pages, as a press officer does it with nothing but the
/// browser: load the media list, upload the release, look at the preview, send a test to herself, schedule "now",
/// watch it reach Sent and read the report; then the suppressions page. The local host processes the schedule as
/// the Functions triggers do.
/// </summary>
internal sealed partial class ConsoleFlow(BrowserFixture browser, StaffHands hands, bool checkEveryPage)
{
    private static readonly TimeSpan SendingTimeout = TimeSpan.FromSeconds(90);

    public async Task RunAsync()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("console").AbsoluteUri);
        await CheckAsync(page, "console-releases-empty");

        // Media lists: the sample list, checked and stored.
        await hands.FollowAsync(page, "nav.sections a[href$='/console/lists']");
        await CheckAsync(page, "console-lists-empty");
        await hands.FillAsync(page, "#list-name", "media");
        await hands.ChooseFileAsync(page, "#list-file", Repository.SampleList);
        await hands.SubmitAsync(page, "#list-form button[type=submit]");
        await Assertions.Expect(page.Locator("#lists-table")).ToContainTextAsync("media");
        await CheckAsync(page, "console-lists");

        // Upload: the sample with the list, not scheduled yet.
        await hands.FollowAsync(page, "nav.sections a[href$='/console/upload']");
        await CheckAsync(page, "console-upload");
        await hands.ChooseFileAsync(page, "#file", Repository.Sample);
        await hands.FillAsync(page, "#lists", "media");
        await hands.SubmitAsync(page, "#upload-form button[type=submit]");
        Assert.Matches(ReleasePage(), page.Url);
        await Assertions.Expect(page.Locator("#release-state")).ToHaveAttributeAsync("data-state", "Converted");

        // Preview: the e-mail as journalists will get it.
        var email = page.Locator("iframe[src*='/preview/email']").First.ContentFrame;
        await Assertions.Expect(email.GetByText("IOM Roundtable").First).ToBeVisibleAsync();
        await CheckAsync(page, "console-release-converted");

        // Test send: one message in the outbox, marked TEST, to the address typed.
        await hands.FillAsync(page, "#test-send-form textarea[name=addresses]", "officer@example.org");
        await hands.SubmitAsync(page, "#test-send-form button[type=submit]");
        await Assertions.Expect(page.Locator("#done")).ToBeVisibleAsync();
        var test = await WaitForTestMessageAsync("officer@example.org");
        Assert.StartsWith("[TEST]", test.Subject, StringComparison.Ordinal);

        // Schedule "now": the local host dispatches it within seconds, as the timer does in Azure.
        await hands.FillAsync(page, "#schedule-lists", "media");
        await hands.FillAsync(page, "#schedule-send", "now");
        await hands.FillAsync(page, "#schedule-publish", "now");
        await hands.SubmitAsync(page, "#schedule-form button[type=submit]");
        await WaitForStateAsync(page, "Sent");
        await CheckAsync(page, "console-release-sent");

        // Report: everyone on the list was sent the release.
        await hands.FollowAsync(page, "a[href$='/report']");
        var recipients = page.Locator("#report-counts [data-count]").First.Locator("dd");
        await Assertions.Expect(recipients).ToHaveTextAsync(PositiveNumber());
        await CheckAsync(page, "console-report");

        // Suppressions: add one by hand; the table lists it.
        await hands.FollowAsync(page, "nav.sections a[href$='/console/suppressions']");
        await hands.FillAsync(page, "#suppress-email", "desk@example.org");
        await hands.SubmitAsync(page, "#suppression-form button[type=submit]");
        await Assertions.Expect(page.Locator("#done")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#suppressions-table tbody tr")).Not.ToHaveCountAsync(0);
        await CheckAsync(page, "console-suppressions");

        // Releases: the release, Sent.
        await hands.FollowAsync(page, "nav.sections a[href$='/console']");
        await Assertions.Expect(page.Locator("#releases-table")).ToContainTextAsync("IOM Roundtable");
        await CheckAsync(page, "console-releases");
    }

    private async Task CheckAsync(IPage page, string name)
    {
        if (checkEveryPage)
        {
            await PageChecks.AssertGoodPageAsync(page, name);
        }
    }

    private static async Task WaitForStateAsync(IPage page, string state)
    {
        var until = DateTime.UtcNow + SendingTimeout;
        string? now = null;
        while (DateTime.UtcNow < until)
        {
            now = await page.Locator("#release-state").GetAttributeAsync("data-state");
            if (now == state)
            {
                return;
            }

            await Task.Delay(1000);
            await page.ReloadAsync();
        }

        Assert.Fail($"The release stayed {now} for {SendingTimeout.TotalSeconds} s; expected {state}.");
    }

    /// <summary>The test message the outbox transport wrote (one .eml per recipient) for <paramref name="address"/>.</summary>
    private async Task<MimeMessage> WaitForTestMessageAsync(string address)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (Directory.Exists(browser.Outbox))
            {
                foreach (var file in Directory.EnumerateFiles(browser.Outbox, "*.eml", SearchOption.AllDirectories))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(500);
        }

        Assert.Fail($"No message to {address} in the outbox {browser.Outbox}.");
        return null!;
    }

    [GeneratedRegex("/console/releases/[^/]+$")]
    private static partial Regex ReleasePage();

    [GeneratedRegex(@"^\s*[1-9][0-9]*\s*$")]
    private static partial Regex PositiveNumber();
}
