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

    [Theory]
    [InlineData(null)]
    [InlineData("'6f1c2a9e-0000-4000-8000-00000000c11e'")]
    public void The_app_believes_the_principal_headers_exactly_when_sign_in_is_configured(string? clientId)
    {
        // What the pinned Bicep CLI predicts azd would deploy (bicep snapshot), with and without AUTH_CLIENT_ID.
        var snapshot = clientId is null ? DeploymentSnapshot.Of() : DeploymentSnapshot.Of(("authClientId", clientId));
        var configs = snapshot.OfType("Microsoft.Web/sites/config").ToList();
        var auth = configs.Where(config => config["name"]!.GetValue<string>().EndsWith("/authsettingsV2", StringComparison.Ordinal)).ToList();
        var settings = configs.Single(config => config["name"]!.GetValue<string>().EndsWith("/appsettings", StringComparison.Ordinal)).At("properties")!.AsObject();

        Assert.Equal(clientId is null ? 0 : 1, auth.Count);
        if (clientId is null)
        {
            Assert.False(settings.ContainsKey("StaffConsole__TrustPrincipalHeaders"), "the app is told to believe principal headers that nothing in front of it strips");
        }
        else
        {
            Assert.Equal(clientId.Trim('\''), auth[0].At("properties.identityProviders.azureActiveDirectory.registration.clientId")!.GetValue<string>());
            Assert.Equal("true", settings["StaffConsole__TrustPrincipalHeaders"]!.GetValue<string>());
        }

        // Nowhere does the template give the app a development actor: in Azure a request without a principal is refused.
        Assert.False(settings.ContainsKey("StaffConsole__DevelopmentActor"));
    }

    [Fact]
    public void Exactly_the_anonymous_routes_are_excluded_from_sign_in()
    {
        var excluded = main.Variable("anonymousPaths")!.AsArray().Select(path => path!.GetValue<string>()).ToList();
        var http = FunctionsMetadata.Functions()
            .Where(function => function.TriggerType == "httpTrigger")
            .Select(function => (function.Name, Route: "/api/" + function.Trigger!["route"]!.GetValue<string>(), Level: function.Trigger["authLevel"]!.GetValue<string>(), Staff: function.IsStaffRoute))
            .ToList();
        bool Covered(string route) => excluded.Any(path => path.EndsWith('*') ? route.StartsWith(path[..^1], StringComparison.Ordinal) : route == path);

        Assert.Contains("/runtime/webhooks/blobs", excluded);
        Assert.NotEmpty(http);

        // No function keys: people sign in. Every HTTP function is anonymous at the Functions level; the staff routes
        // (the API and the console's pages) rely on App Service Authentication and refuse a request without its
        // principal, so none of them may be excluded; every other route must be reachable without sign-in.
        Assert.All(http, f => Assert.True(f.Level == "Anonymous", $"{f.Name} ({f.Route}) needs a function key ({f.Level})."));
        Assert.Contains(http, f => f.Name == "ConsolePages" && f.Staff);
        Assert.True(http.Count(f => f.Staff) >= 25, "Too few staff routes found in functions.metadata.");
        Assert.All(http.Where(f => f.Staff), f => Assert.False(Covered(f.Route), $"{f.Name} ({f.Route}) is a staff route but is excluded from sign-in."));
        Assert.All(http.Where(f => !f.Staff), f => Assert.True(Covered(f.Route), $"{f.Name} ({f.Route}) is anonymous but App Service Authentication would demand sign-in."));
        Assert.All(excluded.Where(path => path.StartsWith("/api/", StringComparison.Ordinal)), path => Assert.Contains(http, f => !f.Staff && (path.EndsWith('*') ? f.Route.StartsWith(path[..^1], StringComparison.Ordinal) : f.Route == path)));
    }
}
