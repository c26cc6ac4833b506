using PressPipeline.Browser.Tests.Support;

namespace PressPipeline.Browser.Tests;

/// <summary>
/// The whole flow with a mouse, every page checked: axe finds nothing serious or critical, nothing scrolls sideways
/// at 375 px, and a screenshot of each page lands in out/screenshots/.
/// </summary>
public sealed class ConsoleTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public Task The_sample_goes_from_upload_to_Sent_through_accessible_pages() =>
        new ConsoleFlow(browser, StaffHands.Mouse, checkEveryPage: true).RunAsync();
}

/// <summary>The same flow with the keyboard only: Tab to each field and button, type, Space and Enter; no clicks.</summary>
public sealed class ConsoleKeyboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public Task The_sample_goes_from_upload_to_Sent_with_the_keyboard_only() =>
        new ConsoleFlow(browser, StaffHands.Keyboard, checkEveryPage: false).RunAsync();
}
