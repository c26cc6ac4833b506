using System.Text.Json.Nodes;
using PressPipeline.Infra.Tests.Support;

namespace PressPipeline.Infra.Tests;

/// <summary>
/// The properties an IaC scanner such as checkov checks on these resource types, asserted on what the template would
/// deploy for every combination of the network and zone options (`bicep snapshot`). checkov itself cannot be installed
/// here (docs/deploy.md, "Scanning"); these tests stand in for the checks that apply to this template, and say beside
/// each group which of checkov's Azure checks it mirrors.
/// </summary>
public sealed class ScannerBaselineTests
{
    public static TheoryData<string> Configurations => ["default", "vnetEnabled", "vnetEnabled with operator addresses", "zoneRedundant"];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void The_function_app_is_HTTPS_only_with_TLS_1_2_no_FTP_and_a_managed_identity(string configuration)
    {
        var snapshot = Of(configuration);
        var site = snapshot.Single("Microsoft.Web/sites");

        // checkov: HTTPS only, minimum TLS 1.2, FTP(S) disabled, HTTP/2, managed identity on the app.
        Assert.True(site.At("properties.httpsOnly")!.GetValue<bool>());
        Assert.Equal("1.2", site.Text("properties.siteConfig.minTlsVersion"));
        Assert.Equal("Disabled", site.Text("properties.siteConfig.ftpsState"));
        Assert.True(site.At("properties.siteConfig.http20Enabled")!.GetValue<bool>());
        Assert.Equal("UserAssigned", site.Text("identity.type"));
        Assert.Single(site.At("identity.userAssignedIdentities")!.AsObject());
        // Publishing with user names and passwords is off for both the SCM site and FTP.
        var basicAuth = snapshot.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(["ftp", "scm"], basicAuth.Select(policy => policy["name"]!.GetValue<string>().Split('/')[^1]).Order());
        Assert.All(basicAuth, policy => Assert.False(policy.At("properties.allow")!.GetValue<bool>()));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Storage_takes_only_Entra_ID_over_TLS_1_2_and_allows_no_anonymous_access_outside_the_newsroom(string configuration)
    {
        var snapshot = Of(configuration);
        var storage = snapshot.Single("Microsoft.Storage/storageAccounts");

        // checkov: HTTPS only, TLS 1.2, shared key access off, no cross-tenant replication, trusted services allowed.
        Assert.True(storage.At("properties.supportsHttpsTrafficOnly")!.GetValue<bool>());
        Assert.Equal("TLS1_2", storage.Text("properties.minimumTlsVersion"));
        Assert.False(storage.At("properties.allowSharedKeyAccess")!.GetValue<bool>());
        Assert.True(storage.At("properties.defaultToOAuthAuthentication")!.GetValue<bool>());
        Assert.False(storage.At("properties.allowCrossTenantReplication")!.GetValue<bool>());
        Assert.Equal("AzureServices", storage.Text("properties.networkAcls.bypass"));
        // checkov: no public blob access. The one deliberate exception is the newsroom container (publicNewsroom, on by
        // default, impossible with vnetEnabled): blob-level reads only, never listing, and no other container.
        var open = snapshot.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Where(container => container.Text("properties.publicAccess") != "None")
            .ToList();
        if (storage.At("properties.allowBlobPublicAccess")!.GetValue<bool>())
        {
            var newsroom = Assert.Single(open);
            Assert.EndsWith("/newsroom", newsroom["name"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("Blob", newsroom.Text("properties.publicAccess"));
        }
        else
        {
            Assert.Empty(open);
        }
        // checkov: soft delete for blobs (and here containers and versions too).
        var blobService = snapshot.Single("Microsoft.Storage/storageAccounts/blobServices");
        Assert.True(blobService.At("properties.deleteRetentionPolicy.enabled")!.GetValue<bool>());
        Assert.True(blobService.At("properties.containerDeleteRetentionPolicy.enabled")!.GetValue<bool>());
        Assert.True(blobService.At("properties.isVersioningEnabled")!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Key_Vault_uses_RBAC_with_purge_protection_and_90_days_of_soft_delete(string configuration)
    {
        var vault = Of(configuration).Single("Microsoft.KeyVault/vaults");

        // checkov: RBAC, purge protection, soft delete.
        Assert.True(vault.At("properties.enableRbacAuthorization")!.GetValue<bool>());
        Assert.Null(vault.At("properties.accessPolicies"));
        Assert.True(vault.At("properties.enablePurgeProtection")!.GetValue<bool>());
        Assert.True(vault.At("properties.enableSoftDelete")!.GetValue<bool>());
        Assert.Equal(90, vault.At("properties.softDeleteRetentionInDays")!.GetValue<int>());
    }

    [Theory]
    [InlineData("vnetEnabled")]
    [InlineData("vnetEnabled with operator addresses")]
    public void With_vnetEnabled_storage_and_vault_deny_by_default_and_are_reached_through_private_endpoints(string configuration)
    {
        var snapshot = Of(configuration);

        // checkov: default network action Deny (storage, Key Vault), private endpoints for both.
        foreach (var type in new[] { "Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults" })
        {
            var resource = snapshot.Single(type);
            Assert.Equal("Deny", resource.Text("properties.networkAcls.defaultAction"));
            var id = resource["id"]!.GetValue<string>();
            Assert.Contains(snapshot.OfType("Microsoft.Network/privateEndpoints"), endpoint =>
                endpoint.At("properties.privateLinkServiceConnections")!.AsArray().Any(connection => connection!["properties"]!["privateLinkServiceId"]!.GetValue<string>() == id));
        }
        Assert.False(snapshot.Single("Microsoft.Storage/storageAccounts").At("properties.allowBlobPublicAccess")!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Every_resource_that_handles_releases_or_secrets_sends_its_logs_to_Log_Analytics(string configuration)
    {
        var snapshot = Of(configuration);
        var settings = snapshot.OfType("Microsoft.Insights/diagnosticSettings").ToList();
        string Scope(JsonObject setting) => setting["id"]!.GetValue<string>().Split("/providers/Microsoft.Insights/")[0];

        // checkov: diagnostic settings / logging for the app, storage services, Key Vault; here Event Grid too.
        var scopes = settings.Select(Scope).ToList();
        foreach (var target in new[]
        {
            snapshot.Single("Microsoft.Web/sites")["id"]!.GetValue<string>(),
            snapshot.Single("Microsoft.Storage/storageAccounts/blobServices")["id"]!.GetValue<string>(),
            snapshot.Single("Microsoft.Storage/storageAccounts/queueServices")["id"]!.GetValue<string>(),
            snapshot.Single("Microsoft.Storage/storageAccounts/tableServices")["id"]!.GetValue<string>(),
            snapshot.Single("Microsoft.KeyVault/vaults")["id"]!.GetValue<string>(),
            snapshot.Single("Microsoft.EventGrid/systemTopics")["id"]!.GetValue<string>(),
        })
        {
            Assert.Contains(target, scopes);
        }
        Assert.All(settings, setting =>
        {
            Assert.Contains("logAnalyticsId", setting.Text("properties.workspaceId"), StringComparison.Ordinal);
            Assert.NotEmpty(setting.At("properties.logs")!.AsArray());
        });
        // Telemetry and logs accept only Entra ID tokens.
        Assert.True(snapshot.Single("Microsoft.Insights/components").At("properties.DisableLocalAuth")!.GetValue<bool>());
        Assert.True(snapshot.Single("Microsoft.OperationalInsights/workspaces").At("properties.features.disableLocalAuth")!.GetValue<bool>());
    }

    private static DeploymentSnapshot Of(string configuration) => configuration switch
    {
        "default" => DeploymentSnapshot.Of(),
        "vnetEnabled" => DeploymentSnapshot.Of(("vnetEnabled", "true"), ("publicNewsroom", "false")),
        "vnetEnabled with operator addresses" => DeploymentSnapshot.Of(
            ("vnetEnabled", "true"), ("publicNewsroom", "false"), ("operatorIpAddresses", "' 203.0.113.7 , 198.51.100.0/24,'")),
        "zoneRedundant" => DeploymentSnapshot.Of(("zoneRedundant", "true")),
        _ => throw new ArgumentOutOfRangeException(nameof(configuration), configuration, "Unknown configuration."),
    };
}
