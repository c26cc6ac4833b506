using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PressPipeline.Conversion;
using PressPipeline.Distribution;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline;

/// <summary>Registers the application services the Functions app and the CLI share.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Reads <c>PressStorage</c>, <c>Pipeline:*</c> and <c>Links:*</c>. Sending needs an <see cref="IReleaseDistributor"/>
    /// from the distribution package; this registers none.
    /// </summary>
    public static IServiceCollection AddPressPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section));
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection(LinkOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => PressStorage.FromConfiguration(configuration));
        services.TryAddSingleton(_ => ReleaseConverter.CreateDefault());

        services.AddSingleton<ReleaseBlobStore>();
        services.AddSingleton<ReleaseStatusStore>();
        services.AddSingleton<ScheduleIndex>();
        services.AddSingleton<ReleaseScheduler>();
        services.AddSingleton<WorkQueue>();
        services.AddSingleton<NewsroomUrls>();
        services.AddSingleton<SignedLinks>();
        services.AddSingleton<SignedFileReader>();
        services.AddSingleton<DispatchRequests>();
        services.AddSingleton<ReleasePublisher>();
        services.AddSingleton<DueWorkDispatcher>();
        services.AddSingleton<ReleaseWorker>();
        services.AddSingleton<Recovery.ReleaseRecovery>();
        services.AddSingleton<ReleaseIntake>();
        services.AddSingleton<UploadProcessor>();
        services.AddSingleton<UploadsInbox>();
        services.AddSingleton<Local.LocalRunner>();
        services.TryAddSingleton<IReleaseContentSource, StoredReleaseContent>();
        return services;
    }
}
