using System.Text.Json.Nodes;
using PressPipeline.Infra.Tests.Support;

namespace PressPipeline.Infra.Tests;

/// <summary>
/// What cannot be made again is protected: the vault (purge protection, 90-day soft delete), releases, media lists and
/// table exports (versions and soft delete), the suppression and ledger tables (a daily export), and in production
/// the account and the vault themselves (delete locks).
/// </summary>
public sealed class DataProtectionTests
{
    private readonly ArmTemplate main = CompiledInfra.Main;

    private ArmResource Single(string type) => main.AllResources.Single(resource => resource.Type == type);

    [Fact]
    public void Key_Vault_keeps_deleted_secrets_90_days_and_purge_protection_is_on_unless_turned_off()
    {
        var vault = Single("Microsoft.KeyVault/vaults");

        Assert.Equal(90, vault.Property("properties.softDeleteRetentionInDays")!.GetValue<int>());
        Assert.True(main.ParameterValue("keyVaultPurgeProtection")!.GetValue<bool>());
        Assert.Equal("${KEY_VAULT_PURGE_PROTECTION=true}", Parameter("keyVaultPurgeProtection"));
    }

    [Fact]
    public void Blobs_keep_versions_and_soft_deleted_copies_and_releases_contacts_exports_keep_versions_longest()
    {
        var blobService = Single("Microsoft.Storage/storageAccounts/blobServices");
        var rules = Single("Microsoft.Storage/storageAccounts/managementPolicies").Property("properties.policy.rules")!.AsArray();
        var storage = main.Module("storage");

        Assert.True(blobService.Property("properties.isVersioningEnabled")!.GetValue<bool>());
        Assert.True(blobService.Property("properties.deleteRetentionPolicy.enabled")!.GetValue<bool>());
        Assert.Equal(30, blobService.Property("properties.deleteRetentionPolicy.days")!.GetValue<int>());
        Assert.Equal(30, blobService.Property("properties.containerDeleteRetentionPolicy.days")!.GetValue<int>());
        Assert.Equal(["releases", "contacts", "table-exports"], storage.ParameterValue("versionedContainers")!.AsArray().Select(name => name!.GetValue<string>()));
        var kept = Rule(rules, "keep-versions-of-releases-contacts-exports");
        Assert.Equal(30, kept["actions"]!["version"]!["delete"]!["daysAfterCreationGreaterThan"]!.GetValue<int>());
        var pruned = Rule(rules, "prune-versions-elsewhere");
        Assert.Equal(1, pruned["actions"]!["version"]!["delete"]!["daysAfterCreationGreaterThan"]!.GetValue<int>());
        Assert.Equal(90, Rule(rules, "delete-old-exports")["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!.GetValue<int>());
        Assert.Equal("${BLOB_RETENTION_DAYS=30}", Parameter("blobRetentionDays"));
    }

    [Fact]
    public void Suppressions_and_the_ledger_are_exported_daily_to_their_own_container()
    {
        var settings = AppSettings.Of(main);
        var trigger = FunctionsMetadata.Functions().Single(function => function.Name == "ExportTables").Trigger!;

        Assert.Equal("timerTrigger", trigger["type"]!.GetValue<string>());
        Assert.Equal("%Export:Schedule%", trigger["schedule"]!.GetValue<string>());
        Assert.Equal("0 30 2 * * *", settings["Export__Schedule"]);
        Assert.Equal("table-exports", settings["Export__Container"]);
        Assert.Contains("table-exports", main.Module("storage").ParameterValue("privateContainers")!.AsArray().Select(name => name!.GetValue<string>()));
    }

    [Fact]
    public void Production_can_lock_the_account_and_the_vault_against_deletion()
    {
        var locks = main.AllResources.Where(resource => resource.Type == "Microsoft.Authorization/locks").ToList();

        Assert.Equal(2, locks.Count);
        Assert.All(locks, resource =>
        {
            Assert.Equal("CanNotDelete", resource.Property("properties.level")!.GetValue<string>());
            Assert.Equal("[parameters('deleteLock')]", resource.Json["condition"]!.GetValue<string>());
        });
        Assert.Contains(locks, resource => resource.Json["scope"]!.GetValue<string>().Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal));
        Assert.Contains(locks, resource => resource.Json["scope"]!.GetValue<string>().Contains("Microsoft.KeyVault/vaults", StringComparison.Ordinal));
        Assert.False(main.ParameterValue("deleteLocks")!.GetValue<bool>());
        Assert.Equal("${DELETE_LOCKS=false}", Parameter("deleteLocks"));
    }

    private static JsonNode Rule(JsonArray rules, string name) =>
        rules.Single(rule => rule!["name"]!.GetValue<string>() == name)!["definition"]!;

    private static string Parameter(string name) =>
        JsonNode.Parse(File.ReadAllText(BuildFacts.InRepository("infra", "main.parameters.json")))!["parameters"]![name]!["value"]!.GetValue<string>();
}
