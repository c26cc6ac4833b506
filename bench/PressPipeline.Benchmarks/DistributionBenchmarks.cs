using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PressPipeline.Distribution;
using PressPipeline.Distribution.Composition;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Sending;

namespace PressPipeline.Benchmarks;

/// <summary>
/// 10,000 recipients → SendGrid requests posted by the real SendGrid client to a local endpoint (Kestrel on
/// 127.0.0.1). <see cref="ComposeAndPost"/>: plan, compose and post the batches (the brief's bar: ≤ 10 requests,
/// ≤ 2 s). <see cref="DistributeEndToEnd"/>: the whole run against Azurite — CSV list from blob storage,
/// suppressions, ledger writes before and after each request, sandbox check. Needs Azurite (scripts/azurite.sh).
/// </summary>
[Config(typeof(DistributionBenchmarkConfig))]
public class DistributionBenchmarks
{
    private const int Recipients = 10_000;
    private WebApplication _endpoint = null!;
    private ServiceProvider _services = null!;
    private IReadOnlyList<Recipient> _recipients = [];
    private ReleaseMail _mail = null!;
    private int _sendRequests;
    private int _sandboxRequests;
    private int _run;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _endpoint = builder.Build();
        _endpoint.MapPost("/v3/mail/send", async (HttpContext context) =>
        {
            using var body = new StreamReader(context.Request.Body, Encoding.UTF8);
            var json = await body.ReadToEndAsync();
            var sandbox = json.Contains("\"sandbox_mode\":{\"enable\":true}", StringComparison.Ordinal);
            Interlocked.Increment(ref sandbox ? ref _sandboxRequests : ref _sendRequests);
            context.Response.StatusCode = sandbox ? 200 : 202;
            context.Response.Headers["X-Message-Id"] = "bench";
        });
        await _endpoint.StartAsync();
        var host = _endpoint.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var suffix = Guid.NewGuid().ToString("N")[..10];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PressStorage"] = "UseDevelopmentStorage=true",
            ["Contacts:Container"] = "benchcontacts" + suffix,
            ["Contacts:SuppressionTable"] = "benchsuppr" + suffix,
            ["Contacts:HashKey"] = "bench-only-hash-key",
            ["SendGrid:ApiKey"] = "SG.bench-only",
            ["SendGrid:Host"] = host,
            ["SendGrid:LedgerTable"] = "benchledger" + suffix,
            ["Unsubscribe:SigningSecret"] = "bench-only-signing-secret",
            ["Mail:FromAddress"] = "press@example.org",
            ["Mail:PostalAddress"] = "Example Organisation, Astana",
        }).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IReleaseContentSource>(new BenchRelease())
            .AddPressDistribution(configuration)
            .BuildServiceProvider();

        var csv = MediaList();
        var contacts = new BlobContainerClient("UseDevelopmentStorage=true", configuration["Contacts:Container"]);
        await contacts.CreateIfNotExistsAsync();
        await contacts.GetBlobClient("national.csv").UploadAsync(BinaryData.FromString(csv), overwrite: true);

        var identity = _services.GetRequiredService<ContactIdentity>();
        _recipients = ContactListReader.Read("national", new MemoryStream(Encoding.UTF8.GetBytes(csv))).Contacts
            .Select(c => new Recipient(identity.IdOf(c.Email), c.Email, c.Name)).ToArray();
        var release = await new BenchRelease().LoadAsync("bench", CancellationToken.None);
        _mail = _services.GetRequiredService<ReleaseMailFactory>().Create(Request("bench"), release, null, []);
    }

    [Benchmark(Baseline = true)]
    public async Task ComposeAndPost()
    {
        var before = _sendRequests;
        var composer = _services.GetRequiredService<BatchComposer>();
        var transport = _services.GetRequiredService<IMailTransport>();
        foreach (var batch in BatchPlanner.Plan(_recipients, BatchPlanner.SendGridLimit))
        {
            var outcome = await transport.SendAsync("bench", batch.Id, composer.Compose(_mail, batch.Id, batch.Members), CancellationToken.None);
            if (outcome is not SendOutcome.Accepted)
            {
                throw new InvalidOperationException($"Batch {batch.Id} was not accepted: {outcome}");
            }
        }

        Check(_sendRequests - before);
    }

    [Benchmark]
    public async Task DistributeEndToEnd()
    {
        var before = _sendRequests;
        var releaseId = "bench-" + Interlocked.Increment(ref _run).ToString(CultureInfo.InvariantCulture);
        var report = await _services.GetRequiredService<IReleaseDistributor>().DistributeAsync(Request(releaseId), CancellationToken.None);
        if (!report.Complete || report.Recipients != Recipients)
        {
            throw new InvalidOperationException(string.Join("\n", report.Problems));
        }

        Check(_sendRequests - before);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        Console.WriteLine($"// send requests: {_sendRequests}, sandbox checks: {_sandboxRequests}, peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        await _services.DisposeAsync();
        await _endpoint.StopAsync();
        await _endpoint.DisposeAsync();
    }

    private static void Check(int requests)
    {
        if (requests != 10)
        {
            throw new InvalidOperationException($"10,000 recipients took {requests} SendGrid requests; the bar is 10.");
        }
    }

    private static DispatchRequest Request(string releaseId) => new(
        releaseId, ["national"], [],
        new DateTimeOffset(2026, 5, 21, 4, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 22, 6, 30, 0, TimeSpan.Zero), "Asia/Almaty",
        new Uri($"https://press.example.org/{releaseId}/"), new Uri($"https://press.example.org/{releaseId}/release.pdf"));

    private static string MediaList()
    {
        var csv = new StringBuilder("email,name,outlet,language,tags\n");
        for (var i = 0; i < Recipients; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"j{i:D5}@outlet{i % 50}.example,Journalist {i},Outlet {i % 50},en,news\n");
        }

        return csv.ToString();
    }

    private sealed class BenchRelease : IReleaseContentSource
    {
        // About the size of the IOM round-table release's e-mail variant (~12 KB of HTML).
        private static readonly string Body = string.Concat(Enumerable.Repeat("<p style=\"margin:0 0 12px 0\">The International Organization for Migration held a round table on the rights of migrant workers in Astana.</p>", 80));

        public Task<ReleaseEmailContent> LoadAsync(string releaseId, CancellationToken cancellationToken) => Task.FromResult(new ReleaseEmailContent(
            "IOM Hosts Round Table on Migrants' Rights in Astana", "en", "IOM Central Asia", "media@example.org",
            $"<!DOCTYPE html><html lang=\"en\"><body>{Body}</body></html>", "IOM Hosts Round Table\n\nThe International Organization for Migration held a round table."));

        public Task<ReadOnlyMemory<byte>?> LoadPdfAsync(string releaseId, CancellationToken cancellationToken) => Task.FromResult<ReadOnlyMemory<byte>?>(null);
    }
}

/// <summary>
/// A macro benchmark (each operation is a whole distribution run), measured in process: on a shared 2-core
/// machine the out-of-process build alone exceeds BenchmarkDotNet's build timeout.
/// </summary>
public sealed class DistributionBenchmarkConfig : ManualConfig
{
    public DistributionBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(15)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
