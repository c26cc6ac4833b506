using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PressPipeline.Browser.Tests.Support;

/// <summary>What every page journalists or staff open must pass: axe, a phone's width, and a screenshot for people.</summary>
internal static class PageChecks
{
    /// <summary>The width of a small phone; nothing may need sideways scrolling at it.</summary>
    public const int PhoneWidth = 375;

    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>axe-core on the page as it is now: no serious or critical violations.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        // Frames are judged on their own pages: the console's previews are sandboxed (no script), where axe would wait forever.
        var result = await page.RunAxe(new AxeRunOptions { Iframes = false }).WaitAsync(TimeSpan.FromMinutes(2));
        var blocking = (result.Violations ?? []).Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(
            blocking.Count == 0,
            $"{name} ({page.Url}) has {blocking.Count} serious or critical accessibility violations:\n" + string.Join("\n", blocking.Select(v =>
                $"- {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + Shorten(n.Html)))}")));
    }

    /// <summary>At 375 px wide the page is no wider than the screen: nothing to scroll sideways to.</summary>
    public static async Task AssertFitsAPhoneAsync(IPage page, string name)
    {
        var before = page.ViewportSize;
        await page.SetViewportSizeAsync(PhoneWidth, 800);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0, window.innerWidth]");
        await ScreenshotAsync(page, name + "-375");
        if (before is not null)
        {
            await page.SetViewportSizeAsync(before.Width, before.Height);
        }

        Assert.True(
            widths[0] <= widths[2] && widths[1] <= widths[2],
            $"{name} ({page.Url}) scrolls sideways at {PhoneWidth} px: the page is {Math.Max(widths[0], widths[1])} px wide.");
    }

    /// <summary>All three checks, the screenshot at the desktop width first.</summary>
    public static async Task AssertGoodPageAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        await AssertAccessibleAsync(page, name);
        await AssertFitsAPhoneAsync(page, name);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Repository.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, name + ".png"), FullPage = true });
    }

    private static string Shorten(string? html) => html is null ? "" : html.Length <= 120 ? html : html[..120] + "…";
}
