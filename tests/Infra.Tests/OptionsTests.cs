using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PressPipeline.Infra.Tests.Support;

namespace PressPipeline.Infra.Tests;

/// <summary>
/// The options operators expect are azd environment variables, and staff sign-in (App Service Authentication with
/// Microsoft Entra ID) leaves exactly the anonymous routes open.
/// </summary>
public sealed class OptionsTests
{
    private readonly ArmTemplate main = CompiledInfra.Main;

    private static JsonObject ParametersFile =>
        JsonNode.Parse(File.ReadAllText(BuildFacts.InRepository("infra", "main.parameters.json")))!["parameters"]!.AsObject();

    [Theory]
    [InlineData("instanceMemoryMB", "${INSTANCE_MEMORY_MB=2048}")]
    [InlineData("maximumInstanceCount", "${MAXIMUM_INSTANCE_COUNT=40}")]
    [InlineData("publicNewsroom", "${PUBLIC_NEWSROOM=true}")]
    [InlineData("uploadsRetentionDays", "${UPLOADS_RETENTION_DAYS=30}")]
    [InlineData("logRetentionDays", "${LOG_RETENTION_DAYS=30}")]
    [InlineData("blobRetentionDays", "${BLOB_RETENTION_DAYS=30}")]
    [InlineData("keyVaultPurgeProtection", "${KEY_VAULT_PURGE_PROTECTION=true}")]
    [InlineData("deleteLocks", "${DELETE_LOCKS=false}")]
    [InlineData("vnetEnabled", "${VNET_ENABLED=false}")]
    [InlineData("vnetAddressSpace", "${VNET_ADDRESS_SPACE=10.20.0.0/16}")]
    [InlineData("operatorIpAddresses", "${OPERATOR_IP_ADDRESSES=}")]
    [InlineData("zoneRedundant", "${ZONE_REDUNDANT=false}")]
    [InlineData("owner", "${OWNER=}")]
    [InlineData("costCentre", "${COST_CENTRE=}")]
    [InlineData("authClientId", "${AUTH_CLIENT_ID=}")]
    [InlineData("mailTransport", "${MAIL_TRANSPORT=SendGrid}")]
    public void Each_option_is_an_azd_environment_variable_with_the_template_default(string parameter, string expected)
    {
        Assert.Equal(expected, ParametersFile[parameter]!["value"]!.GetValue<string>());
        var fallback = expected[(expected.IndexOf('=', StringComparison.Ordinal) + 1)..^1];
        Assert.Equal(fallback, main.ParameterValue(parameter)!.ToJsonString().Trim('"'));
    }

    [Fact]
    public void Only_regions_offering_Flex_Consumption_are_accepted_and_azd_prompts_for_one()
    {
        var location = main.ParameterDefinition("location")!;
        var allowed = location["allowedValues"]!.AsArray().Select(value => value!.GetValue<string>()).ToList();

        Assert.Contains("swedencentral", allowed);
        Assert.Contains("eastus", allowed);
        Assert.All(allowed, region => Assert.Matches("^[a-z0-9]+$", region));
        Assert.Equal("location", location["metadata"]!["azd"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void The_region_list_is_the_verified_one_and_docs_deploy_md_names_the_same_regions()
    {
        var allowed = main.ParameterDefinition("location")!["allowedValues"]!.AsArray().Select(value => value!.GetValue<string>()).ToList();
        var docs = File.ReadAllText(BuildFacts.InRepository("docs", "deploy.md"));
        var paragraph = docs[docs.IndexOf("Regions accepted:", StringComparison.Ordinal)..];
        paragraph = paragraph[..paragraph.IndexOf("\n\n", StringComparison.Ordinal)];
        var documented = Regex.Matches(paragraph, "`([a-z0-9]+)`").Select(match => match.Groups[1].Value).ToList();

        Assert.Equal(allowed.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        // Not in Microsoft's list: an early-access canary region, and three names no source confirmed.
        foreach (var region in new[] { "eastus2euap", "japanwest", "polandcentral", "switzerlandnorth" })
        {
            Assert.DoesNotContain(region, allowed);
        }
        Assert.Equal(31, allowed.Count);
    }

    [Fact]
    public void Owner_and_cost_centre_become_tags_only_when_given()
    {
        var tags = main.Json["variables"]!["tags"]!.GetValue<string>();

        Assert.Contains("createObject('owner', parameters('owner'))", tags, StringComparison.Ordinal);
        Assert.Contains("createObject('cost-centre', parameters('costCentre'))", tags, StringComparison.Ordinal);
        Assert.Contains("empty(parameters('owner'))", tags, StringComparison.Ordinal);
    }

    [Fact]
    public void Staff_sign_in_uses_Entra_ID_and_is_off_until_a_client_id_is_given()
    {
        var auth = main.AllResources.Single(resource => resource.Type == "Microsoft.Web/sites/config" && (resource.Name?.ToJsonString() ?? "").Contains("authsettingsV2", StringComparison.Ordinal));

        Assert.Equal("[not(empty(parameters('authClientId')))]", auth.Json["condition"]!.GetValue<string>());
        Assert.True(auth.Json["properties"]!["globalValidation"]!["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("[parameters('anonymousPaths')]", auth.Json["properties"]!["globalValidation"]!["excludedPaths"]!.GetValue<string>());
        Assert.True(auth.Json["properties"]!["identityProviders"]!["azureActiveDirectory"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("[parameters('authClientId')]", auth.Json["properties"]!["identityProviders"]!["azureActiveDirectory"]!["registration"]!["clientId"]!.GetValue<string>());
        Assert.Contains("/v2.0", auth.Json["properties"]!["identityProviders"]!["azureActiveDirectory"]!["registration"]!["openIdIssuer"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("", main.ParameterValue("authClientId")!.GetValue<string>());
    }

    [Fact]
    public void Exactly_the_anonymous_routes_are_excluded_from_sign_in()
    {
        var excluded = main.Variable("anonymousPaths")!.AsArray().Select(path => path!.GetValue<string>()).ToList();
        var http = FunctionsMetadata.Functions()
            .Where(function => function.TriggerType == "httpTrigger")
            .Select(function => (function.Name, Route: "/api/" + function.Trigger!["route"]!.GetValue<string>(), Level: function.Trigger["authLevel"]!.GetValue<string>()))
            .ToList();
        bool Covered(string route) => excluded.Any(path => path.EndsWith('*') ? route.StartsWith(path[..^1], StringComparison.Ordinal) : route == path);

        Assert.Contains("/runtime/webhooks/blobs", excluded);
        Assert.NotEmpty(http);
        // Every anonymous function is reachable without sign-in; no function-key (staff) route is. The staff console
        // is the one anonymous function that must demand sign-in: people have no function keys, so the pages rely on
        // App Service Authentication alone (and refuse a request without its principal).
        var console = Assert.Single(http, f => f.Name == "ConsolePages");
        Assert.False(Covered(console.Route), $"The staff console ({console.Route}) is excluded from sign-in.");
        Assert.All(http.Where(f => f.Level == "Anonymous" && f.Name != "ConsolePages"), f => Assert.True(Covered(f.Route), $"{f.Name} ({f.Route}) is anonymous but App Service Authentication would demand sign-in."));
        Assert.All(http.Where(f => f.Level != "Anonymous"), f => Assert.False(Covered(f.Route), $"{f.Name} ({f.Route}) is a staff route but is excluded from sign-in."));
        Assert.All(excluded.Where(path => path.StartsWith("/api/", StringComparison.Ordinal)), path => Assert.Contains(http, f => f.Level == "Anonymous" && (path.EndsWith('*') ? f.Route.StartsWith(path[..^1], StringComparison.Ordinal) : f.Route == path)));
    }
}
