using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Backup;
using PressPipeline.Distribution.Composition;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Outbox;
using PressPipeline.Distribution.Sending;
using PressPipeline.Distribution.Storage;
using PressPipeline.Distribution.Suppressions;
using PressPipeline.Distribution.Tracking;
using PressPipeline.Distribution.Unsubscribe;

namespace PressPipeline.Distribution;

/// <summary>Registers e-mail distribution. The host registers <see cref="IReleaseContentSource"/> (the pipeline's storage).</summary>
public static class DistributionServiceCollectionExtensions
{
    public static IServiceCollection AddPressDistribution(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        // Secrets are checked when the host starts (ValidateOnStart) and again whenever they are read: an empty value
        // or an unresolved Key Vault reference stops the app with a sentence naming the setting (docs/deploy.md).
        services.AddOptions<SendGridOptions>().Bind(configuration.GetSection(SendGridOptions.Section)).ValidateOnStart();
        services.AddOptions<UnsubscribeOptions>().Bind(configuration.GetSection(UnsubscribeOptions.Section)).ValidateOnStart();
        services.AddOptions<ContactsOptions>().Bind(configuration.GetSection(ContactsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SendGridOptions>, SendGridOptionsValidation>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UnsubscribeOptions>, UnsubscribeOptionsValidation>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContactsOptions>, ContactsOptionsValidation>());

        services.TryAddSingleton(_ => DistributionStorage.FromConfiguration(configuration));
        services.TryAddSingleton(sp => new TableProvider(sp.GetRequiredService<DistributionStorage>().Tables));
        services.TryAddSingleton(sp => new ContactIdentity(sp.GetRequiredService<IOptions<ContactsOptions>>().Value.HashKey));
        services.TryAddSingleton(sp => new MediaListStore(
            sp.GetRequiredService<DistributionStorage>().Blobs.GetBlobContainerClient(sp.GetRequiredService<IOptions<ContactsOptions>>().Value.Container)));
        services.TryAddSingleton<SuppressionList>();
        services.TryAddSingleton<IBatchLedger, TableBatchLedger>();
        services.TryAddSingleton<RecipientStatusStore>();
        services.TryAddSingleton<HeldBatches>();
        services.TryAddSingleton<IDeliveryStatistics, DeliveryStatistics>();
        services.TryAddSingleton<UnsubscribeTokens>();
        services.TryAddSingleton<UnsubscribeService>();
        services.TryAddSingleton<EventWebhookReceiver>();
        services.TryAddSingleton<ReleaseMailFactory>();
        services.TryAddSingleton<BatchComposer>();

        services.AddHttpClient(SendGridTransport.HttpClientName)
            // The resilience handler owns timeouts (per attempt); HttpClient's own 100 s would hide them.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddSendGridResilience();
        services.TryAddSingleton<IOutbox>(sp =>
        {
            var mail = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            return string.IsNullOrWhiteSpace(mail.OutboxFolder)
                ? new BlobOutbox(sp.GetRequiredService<DistributionStorage>().Blobs.GetBlobContainerClient(mail.OutboxContainer))
                : new FolderOutbox(mail.OutboxFolder);
        });
        services.TryAddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<IOptions<MailOptions>>().Value.Transport == MailTransport.Outbox
                ? new OutboxTransport(sp.GetRequiredService<IOutbox>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OutboxTransport>>())
                : ActivatorUtilities.CreateInstance<SendGridTransport>(sp));

        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.Section));
        services.TryAddSingleton<TableExport>();

        services.TryAddSingleton<ReleaseDistributor>();
        services.TryAddSingleton<IReleaseDistributor>(sp => sp.GetRequiredService<ReleaseDistributor>());
        services.TryAddSingleton<IReleaseTestSender>(sp => sp.GetRequiredService<ReleaseDistributor>());
        return services;
    }
}
