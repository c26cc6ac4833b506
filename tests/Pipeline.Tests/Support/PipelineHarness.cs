using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PressPipeline.Conversion;
using PressPipeline.Distribution;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Tests.Support;

/// <summary>
/// The pipeline's real services on Azurite, with containers and a queue of their own (several test classes and
/// helpers share one Azurite), a fake clock, and a recording distributor.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    public const string SigningSecret = "test-signing-secret-0123456789abcdef-0123456789";

    private PipelineHarness(ServiceProvider services, FakeTimeProvider time, RecordingDistributor distributor)
    {
        Services = services;
        Time = time;
        Distributor = distributor;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public RecordingDistributor Distributor { get; }

    public PipelineOptions Options => Services.GetRequiredService<IOptions<PipelineOptions>>().Value;

    public PressStorage Storage => Services.GetRequiredService<PressStorage>();

    public static PipelineHarness Start(DateTimeOffset now, ReleaseConverter? converter = null, Action<IServiceCollection>? configure = null)
    {
        Azurite.RequireRunning();
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PressStorage"] = Azurite.ConnectionString,
            ["Pipeline:UploadsContainer"] = $"up-{suffix}",
            ["Pipeline:ReleasesContainer"] = $"rel-{suffix}",
            ["Pipeline:NewsroomContainer"] = $"news-{suffix}",
            ["Pipeline:ScheduleContainer"] = $"sch-{suffix}",
            ["Pipeline:WorkQueue"] = $"work-{suffix}",
            ["Pipeline:DefaultTimeZone"] = "Asia/Almaty",
            ["Links:SigningSecret"] = SigningSecret,
            ["Links:BaseUrl"] = "https://press.example.org",
        }).Build();

        var time = new FakeTimeProvider(now);
        var distributor = new RecordingDistributor();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(converter ?? PipelineConverterDouble.Create());
        services.AddSingleton<IReleaseDistributor>(distributor);
        services.AddPressPipeline(configuration);
        configure?.Invoke(services);
        return new PipelineHarness(services.BuildServiceProvider(), time, distributor);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public BlobContainerClient Container(string name) => Storage.Container(name);

    public async ValueTask DisposeAsync()
    {
        var options = Options;
        foreach (var container in new[] { options.UploadsContainer, options.ReleasesContainer, options.NewsroomContainer, options.ScheduleContainer })
        {
            await Storage.Container(container).DeleteIfExistsAsync();
        }

        await Storage.Queues.GetQueueClient(options.WorkQueue).DeleteIfExistsAsync();
        await Storage.Queues.GetQueueClient(options.WorkQueue + "-poison").DeleteIfExistsAsync();
        await Services.DisposeAsync();
    }
}
