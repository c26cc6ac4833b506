using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PressPipeline.Conversion;
using PressPipeline.Distribution.Storage;
using PressPipeline.Distribution.Tests.Infrastructure;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Tests.Support;

/// <summary>
/// The whole application as a host composes it (<see cref="PipelineServiceCollectionExtensions.AddPressPipelineApp"/>):
/// pipeline, real e-mail distribution and the operations service on Azurite, every container, queue and table named
/// for this harness only, a fake clock, and SendGrid pointed at a local endpoint (the real SendGrid client talks to it).
/// </summary>
public sealed class OperationsHarness : IAsyncDisposable
{
    public const string SigningSecret = PipelineHarness.SigningSecret;

    private OperationsHarness(ServiceProvider services, FakeTimeProvider time, FakeSendGridEndpoint endpoint, IReadOnlyDictionary<string, string?> settings)
    {
        Services = services;
        Time = time;
        Endpoint = endpoint;
        Settings = settings;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public FakeSendGridEndpoint Endpoint { get; }

    /// <summary>The configuration the services were built from, so another host (the CLI) can use the same storage.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public PipelineOptions Options => Services.GetRequiredService<IOptions<PipelineOptions>>().Value;

    public PressStorage Storage => Services.GetRequiredService<PressStorage>();

    public static async Task<OperationsHarness> StartAsync(DateTimeOffset now, ReleaseConverter? converter = null, IDictionary<string, string?>? settings = null)
    {
        Support.Azurite.RequireRunning();
        var endpoint = await FakeSendGridEndpoint.StartAsync();
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var values = new Dictionary<string, string?>
        {
            ["PressStorage"] = Support.Azurite.ConnectionString,
            ["Pipeline:UploadsContainer"] = $"up-{suffix}",
            ["Pipeline:ReleasesContainer"] = $"rel-{suffix}",
            ["Pipeline:NewsroomContainer"] = $"news-{suffix}",
            ["Pipeline:ScheduleContainer"] = $"sch-{suffix}",
            ["Pipeline:WorkQueue"] = $"work-{suffix}",
            ["Pipeline:OperationsTable"] = $"ops{suffix}",
            ["Pipeline:DefaultTimeZone"] = "Asia/Almaty",
            ["Links:SigningSecret"] = SigningSecret,
            ["Links:BaseUrl"] = "https://press.example.org",
            ["Contacts:Container"] = $"contacts-{suffix}",
            ["Export:Container"] = $"exports-{suffix}",
            ["Contacts:SuppressionTable"] = $"suppr{suffix}",
            ["Contacts:HashKey"] = "test-only-hash-key",
            ["Mail:Transport"] = "SendGrid",
            ["SendGrid:ApiKey"] = "SG.test-only-key",
            ["SendGrid:Host"] = endpoint.Host,
            ["SendGrid:LedgerTable"] = $"ledger{suffix}",
            ["SendGrid:EventTable"] = $"events{suffix}",
            ["SendGrid:StatusTable"] = $"status{suffix}",
            ["SendGrid:AttemptTimeoutSeconds"] = "10",
            ["SendGrid:RetryBaseDelaySeconds"] = "0.01",
            ["SendGrid:MaxRetries"] = "1",
            ["Unsubscribe:SigningSecret"] = "test-only-unsubscribe-secret",
            ["Unsubscribe:BaseUrl"] = "https://press.example.org/api/unsubscribe",
            ["Mail:FromAddress"] = "press@iom.example.org",
            ["Mail:PostalAddress"] = "IOM Central Asia, 14 Mambetov Street, Astana, Kazakhstan",
            ["Mail:TestRecipients"] = "officer@iom.example.org",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(now);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(converter ?? PipelineConverterDouble.Create());
        services.AddPressPipelineApp(configuration);
        return new OperationsHarness(services.BuildServiceProvider(), time, endpoint, values);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Stores a media list as a press officer's CSV.</summary>
    public async Task PutListAsync(string list, string csv)
    {
        var container = Storage.Blobs.GetBlobContainerClient(Settings["Contacts:Container"]);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{list}.csv").UploadAsync(BinaryData.FromString(csv), overwrite: true);
    }

    public async ValueTask DisposeAsync()
    {
        var options = Options;
        foreach (var container in new[] { options.UploadsContainer, options.ReleasesContainer, options.NewsroomContainer, options.ScheduleContainer, Settings["Contacts:Container"]!, Settings["Export:Container"]! })
        {
            await Storage.Container(container).DeleteIfExistsAsync();
        }

        await Storage.Queues.GetQueueClient(options.WorkQueue).DeleteIfExistsAsync();
        await Storage.Queues.GetQueueClient(options.WorkQueue + "-poison").DeleteIfExistsAsync();
        var tables = Get<DistributionStorage>().Tables;
        foreach (var key in new[] { "Pipeline:OperationsTable", "Contacts:SuppressionTable", "SendGrid:LedgerTable", "SendGrid:EventTable", "SendGrid:StatusTable" })
        {
            await tables.DeleteTableAsync(Settings[key]);
        }

        await Services.DisposeAsync();
        await Endpoint.DisposeAsync();
    }
}

/// <summary>The same steps as <see cref="Flow"/>, on the whole application.</summary>
public static class OperationsFlow
{
    public static Task<Dispatch.DispatchSummary> DispatchAsync(this OperationsHarness harness) =>
        harness.Get<Dispatch.DueWorkDispatcher>().DispatchDueAsync(CancellationToken.None);

    public static async Task<IReadOnlyList<Dispatch.WorkResult>> WorkAsync(this OperationsHarness harness)
    {
        var queue = harness.Get<Dispatch.WorkQueue>();
        var worker = harness.Get<Dispatch.ReleaseWorker>();
        var results = new List<Dispatch.WorkResult>();
        while ((await queue.ReceiveAsync(16, TimeSpan.FromSeconds(30), CancellationToken.None)) is { Count: > 0 } batch)
        {
            foreach (var message in batch)
            {
                results.Add(await worker.HandleAsync(message.Item!, CancellationToken.None));
                await queue.CompleteAsync(message, CancellationToken.None);
            }
        }

        return results;
    }
}
