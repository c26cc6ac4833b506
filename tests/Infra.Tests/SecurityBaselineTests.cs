using System.Text.Json;
using System.Text.RegularExpressions;
using PressPipeline.Infra.Tests.Support;

namespace PressPipeline.Infra.Tests;

/// <summary>The compiled main template keeps the security baseline of brief §4 and §7: no keys, Entra ID everywhere.</summary>
public sealed partial class SecurityBaselineTests
{
    private readonly ArmTemplate main = CompiledInfra.Main;

    private ArmResource Single(string type) => main.AllResources.Single(resource => resource.Type == type);

    private IReadOnlyDictionary<string, string> Settings => AppSettings.Of(main);

    [Fact]
    public void Storage_accepts_only_Entra_ID_over_HTTPS_with_TLS_1_2()
    {
        var storage = Single("Microsoft.Storage/storageAccounts");

        Assert.False(storage.Property("properties.allowSharedKeyAccess")!.GetValue<bool>());
        Assert.True(storage.Property("properties.defaultToOAuthAuthentication")!.GetValue<bool>());
        Assert.True(storage.Property("properties.supportsHttpsTrafficOnly")!.GetValue<bool>());
        Assert.Equal("TLS1_2", storage.Property("properties.minimumTlsVersion")!.GetValue<string>());
    }

    [Fact]
    public void Only_published_releases_in_the_newsroom_can_be_read_anonymously()
    {
        var storage = Single("Microsoft.Storage/storageAccounts");
        var containers = main.AllResources.Where(resource => resource.Type == "Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        // The account allows anonymous reads exactly when the operator keeps the public newsroom (the default; refused
        // with vnetEnabled, NetworkTests): what the template deploys with the defaults, evaluated.
        Assert.True(main.ParameterValue("publicNewsroom")!.GetValue<bool>());
        Assert.True(DeploymentSnapshot.Of().Single("Microsoft.Storage/storageAccounts").At("properties.allowBlobPublicAccess")!.GetValue<bool>());
        Assert.False(DeploymentSnapshot.Of(("publicNewsroom", "false")).Single("Microsoft.Storage/storageAccounts").At("properties.allowBlobPublicAccess")!.GetValue<bool>());
        Assert.Equal("[parameters('publicNewsroom')]", storage.Json["properties"]!["allowBlobPublicAccess"]!.GetValue<string>());
        var open = containers.Where(container => container.Property("properties.publicAccess")?.ToJsonString() != "\"None\"").ToList();
        var newsroom = Assert.Single(open);
        // 'Blob' at most: a URL can be read, the container can never be listed.
        Assert.Equal("[if(parameters('publicNewsroom'), 'Blob', 'None')]", newsroom.Property("properties.publicAccess")!.GetValue<string>());
        Assert.Equal("newsroom", newsroom.Template.ParameterValue("newsroomContainer")!.GetValue<string>());
        Assert.Contains("uploads", containers.Select(container => container.Template.ParameterValue("privateContainers")!.ToJsonString()).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_template_reads_a_storage_key_or_builds_a_connection_string()
    {
        foreach (var file in CompiledInfra.BicepFiles)
        {
            var json = File.ReadAllText(CompiledInfra.Result.OutputOf(file));
            foreach (var forbidden in new[] { "listKeys", "listConnectionStrings", "listAccountSas", "listServiceSas", "AccountKey=", "DefaultEndpointsProtocol", "SharedAccessSignature" })
            {
                Assert.False(json.Contains(forbidden, StringComparison.OrdinalIgnoreCase), $"{file} contains {forbidden}.");
            }
        }
    }

    [Fact]
    public void Application_Insights_and_Log_Analytics_accept_only_Entra_ID()
    {
        Assert.True(Single("Microsoft.Insights/components").Property("properties.DisableLocalAuth")!.GetValue<bool>());
        Assert.True(Single("Microsoft.OperationalInsights/workspaces").Property("properties.features.disableLocalAuth")!.GetValue<bool>());
    }

    [Fact]
    public void Key_Vault_uses_RBAC_and_soft_delete_and_can_enable_purge_protection()
    {
        var vault = Single("Microsoft.KeyVault/vaults");

        Assert.True(vault.Property("properties.enableRbacAuthorization")!.GetValue<bool>());
        Assert.True(vault.Property("properties.enableSoftDelete")!.GetValue<bool>());
        Assert.Null(vault.Property("properties.accessPolicies"));
        Assert.Contains("parameters('enablePurgeProtection')", vault.Property("properties.enablePurgeProtection")!.GetValue<string>(), StringComparison.Ordinal);
        // On unless a throwaway environment turns it off (DataProtectionTests).
        Assert.Equal(JsonValueKind.True, main.ParameterDefinition("keyVaultPurgeProtection")!["defaultValue"]!.GetValueKind());
    }

    [Fact]
    public void Secrets_are_written_to_Key_Vault_only_when_their_value_is_passed()
    {
        var secrets = main.AllResources.Where(resource => resource.Type == "Microsoft.KeyVault/vaults/secrets").ToList();

        Assert.Equal(5, secrets.Count);
        Assert.All(secrets, secret => Assert.StartsWith("[not(empty(parameters(", secret.Json["condition"]!.GetValue<string>(), StringComparison.Ordinal));
        foreach (var name in new[] { "sendGridApiKey", "sendGridWebhookPublicKey", "unsubscribeSigningSecret", "linksSigningSecret", "contactsHashKey" })
        {
            Assert.Equal("securestring", main.ParameterDefinition(name)!["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_function_app_runs_on_a_Flex_Consumption_FC1_plan()
    {
        var plan = Single("Microsoft.Web/serverfarms");
        var app = Single("Microsoft.Web/sites");

        Assert.Equal("FC1", plan.Property("sku.name")!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan.Property("sku.tier")!.GetValue<string>());
        Assert.True(plan.Property("properties.reserved")!.GetValue<bool>());
        Assert.Equal("functionapp,linux", app.Property("kind")!.GetValue<string>());
        Assert.True(app.Property("properties.httpsOnly")!.GetValue<bool>());
        Assert.Equal("1.2", app.Property("properties.siteConfig.minTlsVersion")!.GetValue<string>());
    }

    [Fact]
    public void The_function_app_runs_dotnet_isolated_10_with_scale_set_by_parameters()
    {
        var app = Single("Microsoft.Web/sites");
        var version = app.Property("properties.functionAppConfig.runtime.version")!;

        Assert.Equal("dotnet-isolated", app.Property("properties.functionAppConfig.runtime.name")!.GetValue<string>());
        // The string '10.0', not a number that would serialise as 10.
        Assert.Equal(JsonValueKind.String, version.GetValueKind());
        Assert.Equal("10.0", version.GetValue<string>());
        Assert.Equal(main.ParameterValue("instanceMemoryMB")!.GetValue<int>(), app.Property("properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB")!.GetValue<int>());
        Assert.Equal(main.ParameterValue("maximumInstanceCount")!.GetValue<int>(), app.Property("properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount")!.GetValue<int>());
    }

    [Fact]
    public void The_deployment_package_is_read_with_the_user_assigned_identity()
    {
        var app = Single("Microsoft.Web/sites");
        var storage = app.Property("properties.functionAppConfig.deployment.storage")!;

        Assert.Equal("blobContainer", storage["type"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", storage["authentication"]!["type"]!.GetValue<string>());
        Assert.Equal("[reference('identity').outputs.id.value]", app.Property("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId")!.GetValue<string>());
        Assert.Equal("[reference('identity').outputs.id.value]", app.Property("properties.keyVaultReferenceIdentity")!.GetValue<string>());
        Assert.Equal("UserAssigned", app.Property("identity.type")!.GetValue<string>());
        var basicAuth = main.AllResources.Where(resource => resource.Type == "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, basicAuth.Count);
        Assert.All(basicAuth, policy => Assert.False(policy.Property("properties.allow")!.GetValue<bool>()));
    }

    [Fact]
    public void App_settings_never_set_the_worker_runtime_or_a_time_zone()
    {
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", Settings.Keys);
        Assert.DoesNotContain("WEBSITE_TIME_ZONE", Settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", Settings.Keys);
        var json = File.ReadAllText(CompiledInfra.Result.OutputOf("main.bicep"));
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", json, StringComparison.Ordinal);
        Assert.DoesNotContain("WEBSITE_TIME_ZONE", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Functions_host_reaches_storage_with_the_managed_identity()
    {
        AssertIdentityBasedConnection(Settings, "AzureWebJobsStorage");
    }

    [Fact]
    public void Telemetry_is_sent_with_the_managed_identity()
    {
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", Settings.Keys);
        var authentication = Settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", authentication);
    }

    [Fact]
    public void Secrets_reach_the_app_only_as_Key_Vault_references()
    {
        var secretLooking = Settings.Where(setting => SecretName().IsMatch(setting.Key)).ToList();

        Assert.True(secretLooking.Count >= 5, "Expected the SendGrid key, webhook key, both signing secrets and the contacts hash key among the settings.");
        Assert.All(secretLooking, setting =>
        {
            Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName={1})', variables('names').keyVault, '", setting.Value, StringComparison.Ordinal);
            Assert.Matches(@", '[a-z0-9-]+'\)\]$", setting.Value);
        });
        Assert.NotNull(Single("Microsoft.Web/sites").Property("properties.keyVaultReferenceIdentity"));
    }

    [Fact]
    public void The_managed_identity_holds_exactly_the_roles_the_app_needs()
    {
        var forApp = main.AllResources
            .Where(resource => resource.Type == "Microsoft.Authorization/roleAssignments"
                && resource.Property("properties.principalId")!.GetValue<string>() == "[reference('identity').outputs.principalId.value]")
            .ToList();

        var granted = forApp.Select(assignment => RoleId(assignment.Property("properties.roleDefinitionId")!.GetValue<string>())).Order().ToList();
        Assert.Equal(
            new[] { Roles.StorageBlobDataOwner, Roles.StorageQueueDataContributor, Roles.StorageTableDataContributor, Roles.MonitoringMetricsPublisher, Roles.KeyVaultSecretsUser }.Order(),
            granted);
        Assert.All(forApp, assignment =>
        {
            Assert.Equal("[reference('identity').outputs.principalId.value]", assignment.Property("properties.principalId")!.GetValue<string>());
            Assert.Equal("ServicePrincipal", assignment.Property("properties.principalType")!.GetValue<string>());
            // Stable names: a redeploy updates the same assignment instead of failing on a duplicate.
            Assert.StartsWith("[guid(", assignment.Property("name")!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Old_uploads_are_deleted_by_a_lifecycle_rule()
    {
        var policy = Single("Microsoft.Storage/storageAccounts/managementPolicies");
        var rule = policy.Property("properties.policy.rules")!.AsArray().Single(rule => rule!["name"]!.GetValue<string>() == "delete-old-uploads")!;
        var definition = rule["definition"]!;

        Assert.Equal("[format('{0}/', 'uploads')]", definition["filters"]!["prefixMatch"]![0]!.GetValue<string>());
        Assert.Equal(["blockBlob"], definition["filters"]!["blobTypes"]!.AsArray().Select(type => type!.GetValue<string>()));
        Assert.Equal(main.ParameterValue("uploadsRetentionDays")!.GetValue<int>(), definition["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!.GetValue<int>());
        Assert.Equal(30, main.ParameterValue("uploadsRetentionDays")!.GetValue<int>());
    }

    [Fact]
    public void An_Event_Grid_system_topic_watches_the_storage_account()
    {
        var topic = Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Property("properties.topicType")!.GetValue<string>());
        Assert.Contains("Microsoft.Storage/storageAccounts", topic.Property("properties.source")!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("SystemAssigned", topic.Property("identity.type")!.GetValue<string>());
    }

    internal static void AssertIdentityBasedConnection(IReadOnlyDictionary<string, string> settings, string connection)
    {
        Assert.False(settings.ContainsKey(connection), $"{connection} must not be a connection string in Azure; it is identity-based ({connection}__*).");
        Assert.Equal("managedidentity", settings[$"{connection}__credential"]);
        Assert.Contains($"{connection}__clientId", settings.Keys);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Contains($"{connection}__{service}ServiceUri", settings.Keys);
            Assert.Contains(service, settings[$"{connection}__{service}ServiceUri"], StringComparison.Ordinal);
        }
    }

    private static string RoleId(string roleDefinitionId) =>
        RoleGuid().Match(roleDefinitionId) is { Success: true } match
            ? match.Value
            : throw new InvalidOperationException($"No role id in {roleDefinitionId}.");

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RoleGuid();

    // Setting names that would hold a secret if not referenced from Key Vault.
    [GeneratedRegex("(?i)(secret|apikey|password|publickey|privatekey|token|key$)")]
    private static partial Regex SecretName();
}
