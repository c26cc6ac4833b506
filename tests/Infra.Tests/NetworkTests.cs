using System.Text.Json.Nodes;
using PressPipeline.Infra.Tests.Support;

namespace PressPipeline.Infra.Tests;

/// <summary>
/// Private networking (vnetEnabled) and zone redundancy, checked on what the template would deploy for each value of
/// the option (`bicep snapshot` with the pinned CLI), not on the expressions.
/// </summary>
public sealed class NetworkTests
{
    private const string Storage = "Microsoft.Storage/storageAccounts";
    private const string Vault = "Microsoft.KeyVault/vaults";

    private static DeploymentSnapshot Default => DeploymentSnapshot.Of();

    private static DeploymentSnapshot Private => DeploymentSnapshot.Of(("vnetEnabled", "true"), ("publicNewsroom", "false"));

    private static DeploymentSnapshot PrivateWithOperator => DeploymentSnapshot.Of(
        ("vnetEnabled", "true"), ("publicNewsroom", "false"), ("operatorIpAddresses", "' 203.0.113.7 , 198.51.100.0/24,'"));

    private static DeploymentSnapshot ZoneRedundant => DeploymentSnapshot.Of(("zoneRedundant", "true"));

    [Fact]
    public void Without_vnetEnabled_there_is_no_network_and_storage_and_vault_stay_reachable_from_anywhere()
    {
        var snapshot = Default;

        Assert.DoesNotContain(snapshot.Resources, resource => resource["type"]!.GetValue<string>().StartsWith("Microsoft.Network/", StringComparison.Ordinal));
        foreach (var type in new[] { Storage, Vault })
        {
            var resource = snapshot.Single(type);
            Assert.Equal("Enabled", resource.Text("properties.publicNetworkAccess"));
            Assert.Equal("Allow", resource.Text("properties.networkAcls.defaultAction"));
            Assert.Empty(resource.At("properties.networkAcls.ipRules")!.AsArray());
        }
        Assert.Null(snapshot.Single("Microsoft.Web/sites").At("properties.virtualNetworkSubnetId"));
    }

    [Fact]
    public void With_vnetEnabled_storage_and_vault_refuse_public_traffic_except_trusted_Azure_services()
    {
        foreach (var type in new[] { Storage, Vault })
        {
            var resource = Private.Single(type);
            Assert.Equal("Disabled", resource.Text("properties.publicNetworkAccess"));
            Assert.Equal("Deny", resource.Text("properties.networkAcls.defaultAction"));
            // Event Grid dead-letters to the storage account with its system-assigned identity through this exception.
            Assert.Equal("AzureServices", resource.Text("properties.networkAcls.bypass"));
            Assert.Empty(resource.At("properties.networkAcls.ipRules")!.AsArray());
        }
        Assert.Equal("SystemAssigned", Private.Single("Microsoft.EventGrid/systemTopics").Text("identity.type"));
    }

    [Fact]
    public void With_vnetEnabled_the_listed_operator_addresses_and_no_others_pass_the_firewall()
    {
        var storage = PrivateWithOperator.Single(Storage);
        var vault = PrivateWithOperator.Single(Vault);

        // An IP rule applies only while public network access is on; the default action still denies everyone else.
        Assert.Equal("Enabled", storage.Text("properties.publicNetworkAccess"));
        Assert.Equal("Deny", storage.Text("properties.networkAcls.defaultAction"));
        Assert.Equal(["203.0.113.7", "198.51.100.0/24"], storage.At("properties.networkAcls.ipRules")!.AsArray().Select(rule => rule!["value"]!.GetValue<string>()));
        Assert.All(storage.At("properties.networkAcls.ipRules")!.AsArray(), rule => Assert.Equal("Allow", rule!["action"]!.GetValue<string>()));
        Assert.Equal("Enabled", vault.Text("properties.publicNetworkAccess"));
        Assert.Equal("Deny", vault.Text("properties.networkAcls.defaultAction"));
        Assert.Equal(["203.0.113.7", "198.51.100.0/24"], vault.At("properties.networkAcls.ipRules")!.AsArray().Select(rule => rule!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void Operator_addresses_are_ignored_without_vnetEnabled()
    {
        var storage = DeploymentSnapshot.Of(("operatorIpAddresses", "'203.0.113.7'")).Single(Storage);

        Assert.Equal("Allow", storage.Text("properties.networkAcls.defaultAction"));
        Assert.Empty(storage.At("properties.networkAcls.ipRules")!.AsArray());
    }

    [Fact]
    public void With_vnetEnabled_the_function_app_sends_its_traffic_through_a_subnet_delegated_to_Microsoft_App_environments()
    {
        var vnet = Private.Single("Microsoft.Network/virtualNetworks");
        var subnets = vnet.At("properties.subnets")!.AsArray().Select(subnet => subnet!.AsObject()).ToList();
        var site = Private.Single("Microsoft.Web/sites");

        Assert.Equal(["10.20.0.0/16"], vnet.At("properties.addressSpace.addressPrefixes")!.AsArray().Select(prefix => prefix!.GetValue<string>()));
        var app = subnets.Single(subnet => subnet.At("properties.delegations") is JsonArray { Count: > 0 });
        Assert.Equal("Microsoft.App/environments", Assert.Single(app.At("properties.delegations")!.AsArray())!["properties"]!["serviceName"]!.GetValue<string>());
        Assert.Equal("10.20.0.0/24", app.Text("properties.addressPrefix"));
        Assert.Equal($"{vnet["id"]!.GetValue<string>()}/subnets/{app["name"]!.GetValue<string>()}", site.Text("properties.virtualNetworkSubnetId"));
        // Every subnet has a network security group.
        var nsg = Private.Single("Microsoft.Network/networkSecurityGroups")["id"]!.GetValue<string>();
        Assert.All(subnets, subnet => Assert.Equal(nsg, subnet.Text("properties.networkSecurityGroup.id")));
    }

    [Fact]
    public void With_vnetEnabled_blob_queue_table_and_vault_each_have_a_private_endpoint_and_a_linked_private_DNS_zone()
    {
        var snapshot = Private;
        var vnetId = snapshot.Single("Microsoft.Network/virtualNetworks")["id"]!.GetValue<string>();
        var storageId = snapshot.Single(Storage)["id"]!.GetValue<string>();
        var vaultId = snapshot.Single(Vault)["id"]!.GetValue<string>();
        var endpointSubnet = snapshot.Single("Microsoft.Network/virtualNetworks").At("properties.subnets")!.AsArray()
            .Select(subnet => subnet!.AsObject()).Single(subnet => subnet.At("properties.delegations") is null);
        var endpoints = snapshot.OfType("Microsoft.Network/privateEndpoints").ToList();
        var zones = snapshot.OfType("Microsoft.Network/privateDnsZones").ToList();
        var links = snapshot.OfType("Microsoft.Network/privateDnsZones/virtualNetworkLinks").ToList();
        var groups = snapshot.OfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups").ToList();

        var expected = new Dictionary<string, (string Target, string ZonePrefix)>
        {
            ["blob"] = (storageId, "privatelink.blob."),
            ["queue"] = (storageId, "privatelink.queue."),
            ["table"] = (storageId, "privatelink.table."),
            // privatelink.vaultcore.azure.net in the public cloud, built from environment() (left unevaluated offline).
            ["vault"] = (vaultId, "privatelink"),
        };
        Assert.Equal(expected.Keys.Order(), endpoints.Select(endpoint => GroupId(endpoint)).Order());
        Assert.Equal(4, zones.Count);
        Assert.Equal(4, links.Count);
        Assert.Equal(4, groups.Count);
        foreach (var endpoint in endpoints)
        {
            var groupId = GroupId(endpoint);
            var connection = endpoint.At("properties.privateLinkServiceConnections")!.AsArray().Single()!.AsObject();
            Assert.Equal(expected[groupId].Target, connection.Text("properties.privateLinkServiceId"));
            Assert.Equal($"{vnetId}/subnets/{endpointSubnet["name"]!.GetValue<string>()}", endpoint.Text("properties.subnet.id"));

            // The endpoint's DNS zone group points at a zone of the right name, and that zone is linked to the network.
            var group = groups.Single(g => g["name"]!.GetValue<string>().StartsWith(endpoint["name"]!.GetValue<string>() + "/", StringComparison.Ordinal));
            var zoneId = group.At("properties.privateDnsZoneConfigs")!.AsArray().Single()!["properties"]!["privateDnsZoneId"]!.GetValue<string>();
            var zone = zones.Single(z => z["id"]!.GetValue<string>() == zoneId);
            var zoneName = zone["name"]!.GetValue<string>();
            Assert.Contains($"'{expected[groupId].ZonePrefix}", zoneName, StringComparison.Ordinal);
            Assert.Equal("global", zone["location"]!.GetValue<string>());
            var link = links.Single(l => l["name"]!.GetValue<string>().Contains(zoneName[1..^1], StringComparison.Ordinal));
            Assert.Equal(vnetId, link.Text("properties.virtualNetwork.id"));
            Assert.False(link.At("properties.registrationEnabled")!.GetValue<bool>());
        }
        var vaultZone = zones.Single(z => z["name"]!.GetValue<string>().Contains("keyvaultDns", StringComparison.Ordinal))["name"]!.GetValue<string>();
        Assert.Contains("'.vaultcore.'", vaultZone, StringComparison.Ordinal);
    }

    [Fact]
    public void The_function_app_is_created_only_after_its_private_endpoints()
    {
        var app = CompiledInfra.Main.Resources.Single(resource => resource.SymbolicName == "functionApp");

        Assert.Contains("network", app.Json["dependsOn"]!.AsArray().Select(dependency => dependency!.GetValue<string>()));
        Assert.Equal("[parameters('vnetEnabled')]", CompiledInfra.Main.Resources.Single(resource => resource.SymbolicName == "network").Json["condition"]!.GetValue<string>());
    }

    [Fact]
    public void A_public_newsroom_behind_private_endpoints_is_refused_with_a_sentence()
    {
        var run = DeploymentSnapshot.TryTake(("vnetEnabled", "true"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("vnetEnabled needs publicNewsroom=false (PUBLIC_NEWSROOM=false)", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Zone_redundancy_is_off_by_default_locally_redundant_storage_and_a_regional_plan()
    {
        Assert.Equal("Standard_LRS", Default.Single(Storage).Text("sku.name"));
        Assert.False(Default.Single("Microsoft.Web/serverfarms").At("properties.zoneRedundant")!.GetValue<bool>());
    }

    [Fact]
    public void Zone_redundancy_makes_storage_ZRS_and_the_Flex_plan_zone_redundant()
    {
        Assert.Equal("Standard_ZRS", ZoneRedundant.Single(Storage).Text("sku.name"));
        var plan = ZoneRedundant.Single("Microsoft.Web/serverfarms");
        Assert.True(plan.At("properties.zoneRedundant")!.GetValue<bool>());
        Assert.Equal("FC1", plan.Text("sku.name"));
    }

    private static string GroupId(JsonObject endpoint) =>
        endpoint.At("properties.privateLinkServiceConnections")!.AsArray().Single()!["properties"]!["groupIds"]!.AsArray().Single()!.GetValue<string>();
}
