using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using PressPipeline.LocalHost;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Browser.Tests.Support;

/// <summary>
/// One headless Chromium and one local host (<c>presspipe serve</c>'s, in-process on a free port) per test class,
/// against Azurite with containers, queue and tables of its own, mail to an outbox folder of its own.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Who the console says is signed in (the local host's development principal).</summary>
    public const string StaffMember = "Test Officer";

    private IPlaywright? playwright;
    private IBrowser? browser;
    private LocalWebHost? host;

    public string Run { get; } = "br" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Where the outbox transport writes every message (one .eml per recipient).</summary>
    public string Outbox { get; } = Path.Combine(Path.GetTempPath(), "presspipeline-browser-" + Guid.NewGuid().ToString("N")[..12]);

    public LocalWebHost Host => host ?? throw new InvalidOperationException("The local host did not start.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium did not start.");

    public Uri Url(string relative) => new(Host.Address, relative.TrimStart('/'));

    public async Task InitializeAsync()
    {
        if (Chromium.SkipReason is not null)
        {
            return; // every test of the class reports itself skipped with the reason
        }

        var executable = Chromium.Require();
        Azurite.RequireRunning();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build();
        host = await LocalWebHost.StartAsync(configuration, FreePort(), new LocalHostOptions(StaffMember, TimeSpan.FromSeconds(1)), CancellationToken.None);

        // Playwright's .NET package brings its driver; the browser is the system's, so nothing is downloaded.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true });
    }

    /// <summary>A fresh page at a desktop width (the phone width is checked per page by <see cref="PageChecks"/>).</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-GB" });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (Directory.Exists(Outbox))
        {
            Directory.Delete(Outbox, recursive: true);
        }
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["PressStorage"] = Azurite.ConnectionString,
        ["Pipeline:UploadsContainer"] = $"{Run}-uploads",
        ["Pipeline:ReleasesContainer"] = $"{Run}-releases",
        ["Pipeline:NewsroomContainer"] = $"{Run}-newsroom",
        ["Pipeline:ScheduleContainer"] = $"{Run}-schedule",
        ["Pipeline:WorkQueue"] = $"{Run}-work",
        ["Pipeline:DefaultTimeZone"] = "Asia/Almaty",
        ["Contacts:Container"] = $"{Run}-contacts",
        ["Contacts:SuppressionTable"] = $"{Run}suppressions",
        ["Contacts:HashKey"] = Secret(),
        ["SendGrid:LedgerTable"] = $"{Run}ledger",
        ["SendGrid:EventTable"] = $"{Run}events",
        ["SendGrid:StatusTable"] = $"{Run}recipients",
        ["Links:SigningSecret"] = Secret(),
        ["Unsubscribe:SigningSecret"] = Secret(),
        ["Mail:Transport"] = "Outbox",
        ["Mail:OutboxFolder"] = Outbox,
        ["Mail:FromAddress"] = "press@example.org",
        ["Mail:PostalAddress"] = "Example Organisation, 1 Example Street, Astana, Kazakhstan",
        ["Mail:TestRecipients"] = "officer@example.org",
    };

    private static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
