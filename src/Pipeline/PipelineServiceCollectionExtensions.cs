using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PressPipeline.Conversion;
using PressPipeline.Distribution;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Operations;
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
        // Checked at host start and on every read: an empty or unresolved signing secret stops the app (docs/deploy.md).
        services.AddOptions<Assets.AssetOptions>().Bind(configuration.GetSection(Assets.AssetOptions.Section));
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection(LinkOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LinkOptions>, LinkOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => PressStorage.FromConfiguration(configuration));

        // One factory of storage clients: distribution's tables and blobs come from the pipeline's (TryAdd in
        // AddPressDistribution then keeps these).
        services.TryAddSingleton(sp => sp.GetRequiredService<PressStorage>().DistributionClients());
        services.TryAddSingleton(_ => ReleaseConverter.CreateDefault());

        services.AddSingleton<ReleaseBlobStore>();
        services.AddSingleton<ReleaseStatusStore>();
        services.AddSingleton<Releases.ReleaseWriteLocks>();
        services.AddSingleton<ScheduleIndex>();
        services.AddSingleton<ReleaseScheduler>();
        services.AddSingleton<WorkQueue>();
        services.AddSingleton<NewsroomUrls>();
        services.AddSingleton<SignedLinks>();
        services.AddSingleton<SignedFileReader>();
        services.AddSingleton<DispatchRequests>();
        services.AddSingleton<ReleasePublisher>();
        services.TryAddSingleton<Assets.ReleaseAssets>();
        services.AddSingleton<ReleaseApprovals>();
        services.AddSingleton<DueWorkDispatcher>();
        services.AddSingleton<ReleaseWorker>();
        services.AddSingleton<Recovery.ReleaseRecovery>();
        services.TryAddSingleton<ReleaseViews>();
        services.AddSingleton<ReleaseRendering>();
        services.AddSingleton<ReleaseVersions>();
        services.AddSingleton<ReleaseIntake>();
        services.TryAddSingleton<UploadLimits>();
        services.AddSingleton<UploadProcessor>();
        services.AddSingleton<UploadsInbox>();
        services.AddSingleton<Local.LocalRunner>();
        services.TryAddSingleton<IReleaseContentSource, StoredReleaseContent>();
        return services;
    }

    /// <summary>
    /// The operations service staff reach through the API, <c>presspipe</c> and the console. Needs
    /// <see cref="AddPressPipeline"/> and the distribution package's services.
    /// </summary>
    public static IServiceCollection AddPressOperations(this IServiceCollection services)
    {
        services.TryAddSingleton<ReleaseViews>();
        services.TryAddSingleton<OperationsLog>();
        services.TryAddSingleton<ReleaseCorrection>();
        services.TryAddSingleton<EmailPreview>();
        services.TryAddSingleton<PdfPagePreview>();
        services.TryAddSingleton<ReleaseTestSend>();
        services.TryAddSingleton<ReleaseOperations>();
        services.TryAddSingleton<DeliveryReports>();
        services.TryAddSingleton<MediaListOperations>();
        services.TryAddSingleton<SuppressionOperations>();
        return services;
    }

    /// <summary>
    /// The composition root both hosts share: pipeline, e-mail distribution (its storage clients from the same
    /// factory) and the operations service. The Functions app and <c>presspipe</c> each call this once.
    /// </summary>
    public static IServiceCollection AddPressPipelineApp(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddPressPipeline(configuration)
            .AddPressDistribution(configuration)
            .AddPressOperations();
}
