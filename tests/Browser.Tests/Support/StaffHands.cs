using Microsoft.Playwright;

namespace PressPipeline.Browser.Tests.Support;

/// <summary>How a press officer works the console's pages: with a mouse, or with the keyboard only.</summary>
public abstract class StaffHands
{
    public static StaffHands Mouse { get; } = new MouseHands();

    public static StaffHands Keyboard { get; } = new KeyboardHands();

    /// <summary>Follows the link <paramref name="selector"/> names and waits for the page it opens.</summary>
    public abstract Task FollowAsync(IPage page, string selector);

    /// <summary>Replaces what the field holds with <paramref name="text"/>.</summary>
    public abstract Task FillAsync(IPage page, string selector, string text);

    public abstract Task ChooseFileAsync(IPage page, string selector, string path);

    /// <summary>Presses the submit button and waits for the page the form's answer loads.</summary>
    public abstract Task SubmitAsync(IPage page, string buttonSelector);

    /// <summary>Does <paramref name="action"/> and waits until the page it leads to has loaded (redirects followed).</summary>
    private static async Task LoadsAsync(IPage page, Func<Task> action)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await action();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    private sealed class MouseHands : StaffHands
    {
        public override Task FollowAsync(IPage page, string selector) =>
            LoadsAsync(page, () => page.Locator(selector).First.ClickAsync());

        public override Task FillAsync(IPage page, string selector, string text) => page.Locator(selector).FillAsync(text);

        public override Task ChooseFileAsync(IPage page, string selector, string path) => page.Locator(selector).SetInputFilesAsync(path);

        public override Task SubmitAsync(IPage page, string buttonSelector) =>
            LoadsAsync(page, () => page.Locator(buttonSelector).First.ClickAsync());
    }

    /// <summary>Tab to the element (no clicks, no focusing by script), then type, Space or Enter, as a keyboard user does.</summary>
    private sealed class KeyboardHands : StaffHands
    {
        private const int MaxTabs = 200;

        public override async Task FollowAsync(IPage page, string selector)
        {
            await TabToAsync(page, selector);
            await LoadsAsync(page, () => page.Keyboard.PressAsync("Enter"));
        }

        public override async Task FillAsync(IPage page, string selector, string text)
        {
            await TabToAsync(page, selector);
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.PressAsync("Delete");
            await page.Keyboard.TypeAsync(text);
        }

        public override async Task ChooseFileAsync(IPage page, string selector, string path)
        {
            // Under a loaded CI machine Chromium has been seen to drop the first Space on a file input (no chooser in
            // 30 s, once in many runs); a keyboard user presses again, and so do we, still from the focused input.
            for (var attempt = 1; ; attempt++)
            {
                await TabToAsync(page, selector);
                try
                {
                    var chooser = await page.RunAndWaitForFileChooserAsync(
                        () => page.Keyboard.PressAsync("Space"),
                        new PageRunAndWaitForFileChooserOptions { Timeout = 10_000 });
                    await chooser.SetFilesAsync(path);
                    return;
                }
                catch (TimeoutException) when (attempt < 3)
                {
                }
            }
        }

        public override async Task SubmitAsync(IPage page, string buttonSelector)
        {
            await TabToAsync(page, buttonSelector);
            await LoadsAsync(page, () => page.Keyboard.PressAsync("Enter"));
        }

        /// <summary>Presses Tab until <paramref name="selector"/> has the focus; fails if the keyboard cannot reach it.</summary>
        private static async Task TabToAsync(IPage page, string selector)
        {
            for (var tabs = 0; tabs < MaxTabs; tabs++)
            {
                if (await page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector))
                {
                    return;
                }

                await page.Keyboard.PressAsync("Tab");
            }

            Assert.Fail($"{MaxTabs} presses of Tab on {page.Url} never reached {selector}: it cannot be used with the keyboard.");
        }
    }
}
