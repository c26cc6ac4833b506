using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PressPipeline.Distribution;
using PressPipeline.Distribution.Composition;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Sending;
using PressPipeline.Distribution.Tests.Infrastructure;
using PressPipeline.Distribution.Tracking;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests.Delivery;

/// <summary>
/// The whole pipeline with the real distribution (ledger, SendGrid client, webhook receiver) on Azurite, sending to a
/// local SendGrid endpoint, on the real clock (the resilience handler's timeouts need it). Releases are sent "now".
/// </summary>
public sealed class DeliveryHarness : IAsyncDisposable
{
    private readonly ECDsa webhookKey;

    private DeliveryHarness(PipelineHarness pipeline, FakeSendGridEndpoint endpoint, IConfiguration configuration, ECDsa webhookKey)
    {
        Pipeline = pipeline;
        Endpoint = endpoint;
        Configuration = configuration;
        this.webhookKey = webhookKey;
    }

    public PipelineHarness Pipeline { get; }

    public FakeSendGridEndpoint Endpoint { get; }

    public IConfiguration Configuration { get; }

    public T Get<T>()
        where T : notnull => Pipeline.Get<T>();

    /// <param name="staffDelay">How much later than the run staff act (held batches left Sending need time to be safe).</param>
    /// <param name="settings">Distribution settings over the defaults below.</param>
    /// <param name="replace">Registrations made before the distribution's own (e.g. a crashing ledger).</param>
    /// <param name="converter">The converter; the pipeline double (one tiny file per variant) when null.</param>
    /// <param name="clock">Run on the pipeline's fake clock from this instant (moved by <c>Pipeline.Time</c>), so a test can
    /// send before the lift and then reach it; the real clock when null.</param>
    public static async Task<DeliveryHarness> StartAsync(
        TimeSpan? staffDelay = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? replace = null,
        Conversion.ReleaseConverter? converter = null,
        DateTimeOffset? clock = null)
    {
        var endpoint = await FakeSendGridEndpoint.StartAsync();
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var values = new Dictionary<string, string?>
        {
            ["PressStorage"] = Azurite.ConnectionString,
            ["Contacts:Container"] = $"contacts-{suffix}",
            ["Contacts:SuppressionTable"] = $"suppr{suffix}",
            ["Contacts:HashKey"] = "test-only-hash-key",
            ["SendGrid:ApiKey"] = "SG.test-only-key",
            ["SendGrid:Host"] = endpoint.Host,
            ["SendGrid:LedgerTable"] = $"ledger{suffix}",
            ["SendGrid:EventTable"] = $"events{suffix}",
            ["SendGrid:StatusTable"] = $"status{suffix}",
            ["SendGrid:AttemptTimeoutSeconds"] = "2",
            ["SendGrid:RetryBaseDelaySeconds"] = "0.01",
            ["SendGrid:MaxRateLimitWaitSeconds"] = "1",
            ["SendGrid:MaxRetries"] = "2",
            ["SendGrid:WebhookPublicKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
            ["Unsubscribe:SigningSecret"] = "test-only-signing-secret",
            ["Unsubscribe:BaseUrl"] = "https://press.example.org/api/unsubscribe",
            ["Mail:FromAddress"] = "press@iom.example.org",
            ["Mail:PostalAddress"] = "IOM Central Asia, 14 Mambetov Street, Astana, Kazakhstan",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var pipeline = PipelineHarness.Start(clock ?? DateTimeOffset.UtcNow, converter, configure: services =>
        {
            services.RemoveAll<IReleaseDistributor>();
            if (clock is null)
            {
                services.AddSingleton(TimeProvider.System);
            }

            replace?.Invoke(services);
            if (staffDelay is { } delay)
            {
                services.AddSingleton(sp => ActivatorUtilities.CreateInstance<HeldBatches>(sp, new LaterClock(delay)));
            }

            services.AddPressDistribution(configuration);
        });
        return new DeliveryHarness(pipeline, endpoint, configuration, key);
    }

    /// <summary>Uploads media list <paramref name="list"/> with journalists j00000… (English, so every release in English reaches them).</summary>
    public async Task UploadListAsync(string list, int count)
    {
        var csv = new StringBuilder("email,name,language\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"j{i:D5}@outlet{i % 50}.example,Journalist {i},en\n");
        }

        var container = new BlobContainerClient(Azurite.ConnectionString, Configuration["Contacts:Container"]);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{list}.csv").UploadAsync(BinaryData.FromString(csv.ToString()), overwrite: true);
    }

    /// <summary>Uploads a release to be sent now to <paramref name="list"/>, and returns its id.</summary>
    public async Task<string> UploadReleaseAsync(string title, string list = "media") =>
        (await Pipeline.UploadAsync(TestDocx.Build(title, "FOR IMMEDIATE RELEASE", "Astana, May 14, 2014 – The round table met."), Flow.Send("now", lists: [list]))).ReleaseId;

    /// <summary>What the timer and the queue trigger would do next.</summary>
    public async Task DispatchAndWorkAsync()
    {
        await Pipeline.DispatchAsync();
        await Pipeline.WorkAsync();
    }

    /// <summary>SendGrid's Event Webhook reporting <paramref name="kind"/> for the given recipients of a batch, signed as SendGrid signs.</summary>
    public async Task<WebhookResult> ReportAsync(string releaseId, string batchId, string kind, IEnumerable<string> emails)
    {
        var identity = Get<ContactIdentity>();
        var now = DateTimeOffset.UtcNow;
        var events = emails.Select(email => new Dictionary<string, object>
        {
            ["sg_event_id"] = Guid.NewGuid().ToString("N"),
            ["event"] = kind,
            ["email"] = email,
            ["timestamp"] = now.ToUnixTimeSeconds(),
            [BatchComposer.ReleaseIdArg] = releaseId,
            [BatchComposer.BatchIdArg] = batchId,
            [BatchComposer.ContactIdArg] = identity.IdOf(email),
        });
        var body = JsonSerializer.SerializeToUtf8Bytes(events);
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = webhookKey.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return await Get<EventWebhookReceiver>().ReceiveAsync(body, Convert.ToBase64String(signature), timestamp, CancellationToken.None);
    }

    /// <summary>How many times each address was queued by SendGrid (the endpoint's view), case-insensitively.</summary>
    public IReadOnlyDictionary<string, int> Queued() =>
        Endpoint.DeliveredRecipients.GroupBy(ContactIdentity.Normalize).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        await Endpoint.DisposeAsync();
        webhookKey.Dispose();
    }

    /// <summary>The real clock, shifted: staff acting some time after the run.</summary>
    private sealed class LaterClock(TimeSpan later) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + later;
    }
}
