using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Distribution.Storage;

namespace PressPipeline.Distribution.Tests.Infrastructure;

/// <summary>
/// The distribution services wired exactly as the app wires them (AddPressDistribution) against Azurite,
/// with table and container names unique to this host, and SendGrid pointed at a local endpoint (or, without
/// one, the outbox in a temporary folder).
/// </summary>
public sealed class DistributionHost : IAsyncDisposable
{
    public const string WebhookTolerance = "300";
    private readonly ServiceProvider _services;

    private DistributionHost(ServiceProvider services, IConfiguration configuration, string outboxFolder, SampleRelease release)
    {
        _services = services;
        Configuration = configuration;
        OutboxFolder = outboxFolder;
        Release = release;
    }

    public IConfiguration Configuration { get; }

    public string OutboxFolder { get; }

    /// <summary>The content source registered for this host; tests change its content.</summary>
    public SampleRelease Release { get; }

    public IServiceProvider Services => _services;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static DistributionHost Create(FakeSendGridEndpoint? endpoint = null, Action<IServiceCollection>? replace = null, IDictionary<string, string?>? settings = null)
    {
        Azurite.EnsureRunning();
        var outbox = Path.Combine(Path.GetTempPath(), Azurite.UniqueName("outbox"));
        var values = new Dictionary<string, string?>
        {
            ["PressStorage"] = Azurite.ConnectionString,
            ["Contacts:Container"] = Azurite.UniqueName("contacts"),
            ["Contacts:SuppressionTable"] = Azurite.UniqueName("suppr"),
            ["Contacts:HashKey"] = "test-only-hash-key",
            ["SendGrid:LedgerTable"] = Azurite.UniqueName("ledger"),
            ["SendGrid:EventTable"] = Azurite.UniqueName("events"),
            ["SendGrid:StatusTable"] = Azurite.UniqueName("status"),
            ["SendGrid:AttemptTimeoutSeconds"] = "4",
            ["SendGrid:RetryBaseDelaySeconds"] = "0.01",
            ["SendGrid:MaxRateLimitWaitSeconds"] = "2",
            ["SendGrid:MaxRetries"] = "2",
            ["SendGrid:WebhookToleranceSeconds"] = WebhookTolerance,
            ["Unsubscribe:SigningSecret"] = "test-only-signing-secret",
            ["Unsubscribe:BaseUrl"] = "https://press.example.org/api/unsubscribe",
            ["Mail:FromAddress"] = "press@iom.example.org",
            ["Mail:PostalAddress"] = "IOM Central Asia, 14 Mambetov Street, Astana, Kazakhstan",
            ["Mail:TestRecipients"] = "officer@iom.example.org; editor@iom.example.org",
            ["Mail:OutboxFolder"] = outbox,
            ["Mail:Transport"] = "Outbox",
        };
        if (endpoint is not null)
        {
            values["Mail:Transport"] = "SendGrid";
            values["SendGrid:ApiKey"] = "SG.test-only-key";
            values["SendGrid:Host"] = endpoint.Host;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        var release = new SampleRelease();
        services.AddSingleton<IReleaseContentSource>(release);
        replace?.Invoke(services);
        services.AddPressDistribution(configuration);
        return new DistributionHost(services.BuildServiceProvider(), configuration, outbox, release);
    }

    /// <summary>Uploads a media list as contacts/{list}.csv.</summary>
    public async Task UploadListAsync(string list, string csv, bool bom = false)
    {
        var container = Get<DistributionStorage>().Blobs.GetBlobContainerClient(Configuration["Contacts:Container"]);
        await container.CreateIfNotExistsAsync();
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        await container.GetBlobClient($"{list}.csv").UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
    }

    /// <summary>A list of <paramref name="count"/> journalists, j00000@outlet.example … in English.</summary>
    public static string Journalists(int count, int start = 0)
    {
        var csv = new StringBuilder("email,name,outlet,language,tags\n");
        for (var i = start; i < start + count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"j{i:D5}@outlet{i % 50}.example,Journalist {i},Outlet {i % 50},en,news\n");
        }

        return csv.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(OutboxFolder))
        {
            Directory.Delete(OutboxFolder, recursive: true);
        }
    }
}
