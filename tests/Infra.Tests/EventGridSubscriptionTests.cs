using PressPipeline.Infra.Tests.Support;

namespace PressPipeline.Infra.Tests;

/// <summary>
/// The second step wires uploads to the blob trigger. Event Grid accepts a wrong function name silently and drops
/// every event, so the name is checked against what the Functions SDK generated from the code.
/// </summary>
public sealed class EventGridSubscriptionTests
{
    private readonly ArmTemplate template = CompiledInfra.EventGridSubscription;

    private ArmResource Subscription => template.AllResources.Single(resource => resource.Type == "Microsoft.EventGrid/systemTopics/eventSubscriptions");

    [Fact]
    public void The_webhook_names_the_blob_trigger_function_exactly()
    {
        var blobTriggers = FunctionsMetadata.Functions().Where(function => function.TriggerType == "blobTrigger").ToList();

        var blobTrigger = Assert.Single(blobTriggers);
        // Flex Consumption only runs blob triggers fed by Event Grid.
        Assert.Equal("EventGrid", blobTrigger.Trigger!["source"]!.GetValue<string>());
        Assert.Equal(blobTrigger.Name, template.ParameterValue("blobTriggerFunctionName")!.GetValue<string>());
    }

    [Fact]
    public void The_webhook_is_the_blobs_extension_endpoint_with_its_system_key()
    {
        var url = Subscription.Property("properties.destination.properties.endpointUrl")!.GetValue<string>();

        Assert.Equal("WebHook", Subscription.Property("properties.destination.endpointType")!.GetValue<string>());
        Assert.StartsWith("[format('https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}', ", url, StringComparison.Ordinal);
        Assert.EndsWith($".defaultHostName, '{template.ParameterValue("blobTriggerFunctionName")}', parameters('blobsExtensionKey'))]", url, StringComparison.Ordinal);
        Assert.Equal("securestring", template.ParameterDefinition("blobsExtensionKey")!["type"]!.GetValue<string>());
        Assert.Null(template.ParameterDefinition("blobsExtensionKey")!["defaultValue"]);
    }

    [Fact]
    public void Only_new_releases_and_their_sidecars_in_the_uploads_container_are_delivered()
    {
        var blobTrigger = FunctionsMetadata.Functions().Single(function => function.TriggerType == "blobTrigger");
        var watched = blobTrigger.Trigger!["path"]!.GetValue<string>().Split('/')[0];

        Assert.Equal(["Microsoft.Storage.BlobCreated"], Subscription.Property("properties.filter.includedEventTypes")!.AsArray().Select(type => type!.GetValue<string>()));
        Assert.Equal($"[format('/blobServices/default/containers/{{0}}/', '{watched}')]", Subscription.Property("properties.filter.subjectBeginsWith")!.GetValue<string>());
        var suffixes = Subscription.Property("properties.filter.advancedFilters")!.AsArray().Single()!;
        Assert.Equal("StringEndsWith", suffixes["operatorType"]!.GetValue<string>());
        Assert.Equal("subject", suffixes["key"]!.GetValue<string>());
        Assert.Equal([".docx", ".json"], suffixes["values"]!.AsArray().Select(value => value!.GetValue<string>()));
    }

    [Fact]
    public void Undeliverable_events_are_retried_then_dead_lettered_with_the_managed_identity()
    {
        var main = CompiledInfra.Main;

        Assert.Equal(30, Subscription.Property("properties.retryPolicy.maxDeliveryAttempts")!.GetValue<int>());
        Assert.Equal(1440, Subscription.Property("properties.retryPolicy.eventTimeToLiveInMinutes")!.GetValue<int>());
        // The topic's own identity, not the app's (IdentityTests).
        Assert.Equal("SystemAssigned", Subscription.Property("properties.deadLetterWithResourceIdentity.identity.type")!.GetValue<string>());
        Assert.Equal("StorageBlob", Subscription.Property("properties.deadLetterWithResourceIdentity.deadLetterDestination.endpointType")!.GetValue<string>());
        Assert.Null(Subscription.Property("properties.deadLetterDestination"));
        // The container the subscription writes to is one main.bicep provisions.
        var deadLetterContainer = template.ParameterValue("deadLetterContainer")!.GetValue<string>();
        Assert.Contains(deadLetterContainer, main.Module("storage").ParameterValue("privateContainers")!.AsArray().Select(name => name!.GetValue<string>()));
        Assert.Equal(deadLetterContainer, main.Json["outputs"]!["EVENTGRID_DEADLETTER_CONTAINER"]!["value"] is { } output ? main.Resolve(output)!.GetValue<string>() : null);
    }
}
