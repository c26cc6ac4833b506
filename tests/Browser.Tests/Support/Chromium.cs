namespace PressPipeline.Browser.Tests.Support;

/// <summary>
/// The system Chromium (Debian package <c>chromium</c>) that Playwright drives: Playwright's own browser download is
/// not used, so the tests pass its path. CI installs it and sets <see cref="ExpectedVariable"/>, so a missing browser
/// fails there; on a developer's machine without it the browser tests report themselves skipped.
/// </summary>
internal static class Chromium
{
    public const string ExpectedVariable = "PRESSPIPELINE_EXPECT_BROWSER";

    /// <summary>Another browser binary to use instead (e.g. a Chromium outside /usr/bin).</summary>
    public const string PathVariable = "PRESSPIPELINE_CHROMIUM";

    public static string? Path { get; } = new[] { Environment.GetEnvironmentVariable(PathVariable), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
        .FirstOrDefault(candidate => !string.IsNullOrEmpty(candidate) && File.Exists(candidate));

    public static bool Expected => Environment.GetEnvironmentVariable(ExpectedVariable) == "1";

    public static string? SkipReason => Path is not null || Expected
        ? null
        : $"Chromium is not installed (apt-get install chromium, or set {PathVariable}); CI installs it and sets {ExpectedVariable}=1";

    /// <summary>The browser's path, or a failure saying why there is none when CI expects one.</summary>
    public static string Require() => Path ?? throw new InvalidOperationException(
        $"Chromium is not at /usr/bin/chromium and {ExpectedVariable}=1 says it must be: install the Debian package chromium (.ci/run does) or set {PathVariable}.");
}

/// <summary>A test that drives Chromium: skipped without it on a developer's machine, failed without it in CI.</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        Skip = Chromium.SkipReason;
    }
}
