using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PressPipeline.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace PressPipeline.Infra.Tests;

/// <summary>azd, the parameters file, the postdeploy hook and the workflows fit the templates they drive.</summary>
public sealed partial class DeploymentWiringTests
{
    private readonly ArmTemplate main = CompiledInfra.Main;

    [Fact]
    public void Azd_deploys_the_Functions_project_as_service_api_to_the_tagged_app()
    {
        var azure = Yaml.Load(BuildFacts.InRepository("azure.yaml"));
        var api = azure.At("services", "api");

        Assert.Equal("function", api.Text("host"));
        Assert.Equal("dotnet", api.Text("language"));
        Assert.True(File.Exists(Path.Combine(BuildFacts.InRepository(api.Text("project")), "PressPipeline.Functions.csproj")));
        Assert.Equal("bicep", azure.Text("infra", "provider"));
        Assert.True(File.Exists(BuildFacts.InRepository(azure.Text("infra", "path"), azure.Text("infra", "module") + ".bicep")));
        // azd finds the app by this tag.
        var app = main.AllResources.Single(resource => resource.Type == "Microsoft.Web/sites");
        Assert.Equal("[union(parameters('tags'), createObject('azd-service-name', parameters('serviceName')))]", app.Json["tags"]!.GetValue<string>());
        Assert.Equal("api", app.Template.ParameterValue("serviceName")!.GetValue<string>());
    }

    [Fact]
    public void Main_template_creates_its_resource_group_at_subscription_scope_as_azd_expects()
    {
        Assert.Contains("subscriptionDeploymentTemplate.json", main.Json["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(main.AllResources, resource => resource.Type == "Microsoft.Resources/resourceGroups");
        foreach (var output in new[] { "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME" })
        {
            Assert.NotNull(main.Json["outputs"]![output]);
        }
    }

    [Fact]
    public void The_parameters_file_names_only_real_parameters_and_every_required_one()
    {
        var file = JsonNode.Parse(File.ReadAllText(BuildFacts.InRepository("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = main.Json["parameters"]!.AsObject();

        Assert.All(file, pair => Assert.True(declared.ContainsKey(pair.Key), $"main.parameters.json sets '{pair.Key}', which main.bicep does not declare."));
        var required = declared.Where(pair => pair.Value!["defaultValue"] is null).Select(pair => pair.Key);
        Assert.All(required, name => Assert.True(file.ContainsKey(name), $"main.bicep requires '{name}' but main.parameters.json does not pass it."));
        // Values come from the azd environment, never literals; secrets default to empty (set in Key Vault instead).
        Assert.All(file, pair => Assert.Matches(AzdVariable(), pair.Value!["value"]!.GetValue<string>()));
        foreach (var secure in declared.Where(pair => pair.Value!["type"]!.GetValue<string>() == "securestring").Select(pair => pair.Key))
        {
            Assert.EndsWith("=}", file[secure]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_postdeploy_hook_runs_the_second_step_with_outputs_main_bicep_provides()
    {
        var azure = Yaml.Load(BuildFacts.InRepository("azure.yaml"));
        var hook = azure.At("hooks", "postdeploy", "posix");
        var script = BuildFacts.InRepository(hook.Text("run"));
        var text = File.ReadAllText(script);

        Assert.Equal("sh", hook.Text("shell"));
        Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, "The hook must be executable.");
        Assert.Contains("az functionapp keys list", text, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", text, StringComparison.Ordinal);
        Assert.Contains("eventgrid-subscription.bicep", text, StringComparison.Ordinal);

        var outputs = main.Json["outputs"]!.AsObject().Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var readFromAzd = RequiredVariables().Match(text).Groups["names"].Value
            .Split([' ', '\\', '\n'], StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(readFromAzd);
        // azd itself puts the subscription into every environment; the rest are main.bicep outputs.
        Assert.All(readFromAzd.Where(name => name != "AZURE_SUBSCRIPTION_ID"), name => Assert.Contains(name, outputs));

        // Every parameter of the second step without a default is passed by the hook.
        var passed = PassedParameter().Matches(text).Select(match => match.Groups["name"].Value).Append("blobsExtensionKey").ToHashSet(StringComparer.Ordinal);
        var required = CompiledInfra.EventGridSubscription.Json["parameters"]!.AsObject()
            .Where(pair => pair.Value!["defaultValue"] is null).Select(pair => pair.Key);
        Assert.All(required, name => Assert.Contains(name, passed));
    }

    [Fact]
    public void The_postprovision_hook_covers_every_Key_Vault_secret_the_app_references()
    {
        var azure = Yaml.Load(BuildFacts.InRepository("azure.yaml"));
        var script = BuildFacts.InRepository(azure.At("hooks", "postprovision", "posix").Text("run"));
        var text = File.ReadAllText(script);
        var secretNames = main.Variable("secretNames")!.AsObject().Select(pair => pair.Value!.GetValue<string>()).ToList();

        Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, "The hook must be executable.");
        var generated = HookSecretList().Matches(text).SelectMany(match => match.Groups["names"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        // Generated here: the three the app signs and hashes with; SendGrid's two are checked by name.
        Assert.Equal(["contacts-hash-key", "links-signing-secret", "unsubscribe-signing-secret"], generated.Order());
        Assert.All(secretNames.Except(generated), name => Assert.Contains($"secret_state {name}", text, StringComparison.Ordinal));
        // Signing keys are generated, never typed; SendGrid's keys come from SendGrid and are only reported.
        Assert.Contains("openssl rand", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--value", text, StringComparison.Ordinal);
        Assert.Contains("AZURE_KEY_VAULT_NAME", main.Json["outputs"]!.AsObject().Select(pair => pair.Key));
    }

    [Fact]
    public void CI_workflow_builds_and_runs_the_project_test_script()
    {
        var ci = Yaml.Load(BuildFacts.InRepository(".github", "workflows", "ci.yml"));
        var steps = Steps(ci.At("jobs", "build-and-test"));

        Assert.Contains(steps, step => step.Run == "bash .ci/run");
        Assert.Contains(steps, step => step.Uses.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal));
        Assert.Equal("read", ci.Text("permissions", "contents"));
    }

    [Fact]
    public void Deploy_workflow_runs_on_demand_and_signs_in_with_OIDC_only()
    {
        var deploy = Yaml.Load(BuildFacts.InRepository(".github", "workflows", "deploy.yml"));
        var text = File.ReadAllText(BuildFacts.InRepository(".github", "workflows", "deploy.yml"));
        var steps = Steps(deploy.At("jobs", "deploy"));

        Assert.True(((YamlMappingNode)deploy.At("on")).Children.ContainsKey(new YamlScalarNode("workflow_dispatch")));
        Assert.Equal("write", deploy.Text("permissions", "id-token"));
        // The Azure CLI signs in with the job's OIDC token itself; azd with its federated provider.
        Assert.Contains("--federated-token \"$token\"", string.Join('\n', steps.Select(step => step.Run)), StringComparison.Ordinal);
        Assert.Contains("--federated-credential-provider github", string.Join('\n', steps.Select(step => step.Run)), StringComparison.Ordinal);
        Assert.Contains(steps, step => step.Run.Contains("azd deploy", StringComparison.Ordinal));
        // No stored Azure credential: OIDC needs none.
        Assert.DoesNotContain("client-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AZURE_CREDENTIALS", text, StringComparison.Ordinal);
        // Nothing is deployed that has not passed the tests.
        Assert.Equal("test", deploy.Text("jobs", "deploy", "needs"));
    }

    [Theory]
    [InlineData("VNET_ENABLED")]
    [InlineData("VNET_ADDRESS_SPACE")]
    [InlineData("ZONE_REDUNDANT")]
    [InlineData("PUBLIC_NEWSROOM")]
    public void Deploy_workflow_falls_back_to_the_parameter_file_default_for_an_unset_option(string variable)
    {
        var deploy = Yaml.Load(BuildFacts.InRepository(".github", "workflows", "deploy.yml"));
        var parameters = File.ReadAllText(BuildFacts.InRepository("infra", "main.parameters.json"));

        // An unset repository variable is an empty string, which azd would not replace by the ${NAME=default} fallback.
        var value = deploy.Text("jobs", "deploy", "env", variable);
        var fallback = Regex.Match(value, @"^\$\{\{ vars\.(?<name>[A-Z_]+) \|\| '(?<default>[^']*)' \}\}$");
        Assert.True(fallback.Success, $"{variable} in deploy.yml has no fallback: {value}");
        Assert.Equal(variable, fallback.Groups["name"].Value);
        Assert.Contains($"${{{variable}={fallback.Groups["default"].Value}}}", parameters, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_workflow_previews_the_infrastructure_change_before_making_it()
    {
        var deploy = Yaml.Load(BuildFacts.InRepository(".github", "workflows", "deploy.yml"));
        var runs = Steps(deploy.At("jobs", "deploy")).Select(step => step.Run).ToList();

        var preview = runs.FindIndex(run => run == "azd provision --preview --no-prompt");
        var provision = runs.FindIndex(run => run == "azd provision --no-prompt");
        Assert.True(preview >= 0 && provision > preview, "azd provision --preview must run before azd provision.");
    }

    [Fact]
    public void Every_action_is_pinned_by_commit()
    {
        foreach (var file in Directory.EnumerateFiles(BuildFacts.InRepository(".github", "workflows"), "*.yml"))
        {
            var workflow = Yaml.Load(file);
            foreach (var job in ((YamlMappingNode)workflow.At("jobs")).Children.Values)
            {
                Assert.All(Steps(job).Where(step => step.Uses.Length > 0), step =>
                    Assert.Matches(@"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+@[0-9a-f]{40}$", step.Uses));
            }

            // The tag each commit was read from stays beside it for people.
            Assert.All(File.ReadAllLines(file).Where(line => line.Contains("uses:", StringComparison.Ordinal)), line =>
                Assert.Matches(@"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line));
        }
    }

    private static List<(string Uses, string Run)> Steps(YamlNode job) =>
        [.. ((YamlSequenceNode)job.At("steps")).Children.OfType<YamlMappingNode>().Select(step => (
            step.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) ? ((YamlScalarNode)uses).Value ?? "" : "",
            step.Children.TryGetValue(new YamlScalarNode("run"), out var run) ? ((YamlScalarNode)run).Value?.Trim() ?? "" : ""))];

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*(=[^}]*)?\}$")]
    private static partial Regex AzdVariable();

    [GeneratedRegex(@"for name in (?<names>[A-Z_ \\\n]+); do")]
    private static partial Regex RequiredVariables();

    [GeneratedRegex(@"for secret in (?<names>[a-z0-9 -]+); do")]
    private static partial Regex HookSecretList();

    [GeneratedRegex(@"^\s+(?<name>[a-zA-Z]+)=""\$", RegexOptions.Multiline)]
    private static partial Regex PassedParameter();
}
