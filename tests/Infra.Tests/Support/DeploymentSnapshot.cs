using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PressPipeline.Infra.Tests.Support;

/// <summary>
/// What main.bicep would deploy for a given set of parameter values, as the pinned Bicep CLI predicts it offline
/// (`bicep snapshot`): every condition, ternary, loop and module evaluated, so an option can be checked for each of its
/// values rather than read as an expression. Names built from environment() and values only known after deployment
/// (another resource's runtime properties) stay as expression text.
/// </summary>
internal sealed class DeploymentSnapshot
{
    // Placeholders: the snapshot needs a subscription and a tenant to name things, and reaches neither.
    private const string SubscriptionId = "00000000-0000-0000-0000-0000000000a1";
    private const string TenantId = "00000000-0000-0000-0000-0000000000b2";
    private const string Location = "swedencentral";

    private static readonly ConcurrentDictionary<string, Lazy<DeploymentSnapshot>> Cache = new(StringComparer.Ordinal);

    private DeploymentSnapshot(IReadOnlyList<JsonObject> resources) => Resources = resources;

    public IReadOnlyList<JsonObject> Resources { get; }

    /// <summary>
    /// main.bicep with its required parameters filled in and <paramref name="parameters"/> on top (Bicep literals:
    /// <c>true</c>, <c>'text'</c>); everything else keeps its default, as azd would with an empty environment.
    /// </summary>
    public static DeploymentSnapshot Of(params (string Name, string BicepValue)[] parameters)
    {
        var key = string.Join(';', parameters.Select(parameter => $"{parameter.Name}={parameter.BicepValue}"));
        return Cache.GetOrAdd(key, _ => new Lazy<DeploymentSnapshot>(() => Take(parameters))).Value;
    }

    /// <summary>Runs the snapshot and returns the CLI's answer, for cases where the template must refuse.</summary>
    public static BicepRun TryTake(params (string Name, string BicepValue)[] parameters) => Run(parameters).Run;

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(resource => string.Equals(resource["type"]?.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type)
    {
        var matches = OfType(type).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one {type} in the snapshot, found {matches.Count}.");
    }

    private static DeploymentSnapshot Take((string Name, string BicepValue)[] parameters)
    {
        var (run, output) = Run(parameters);
        if (run.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"bicep snapshot failed: {run.Describe()}");
        }
        var root = JsonNode.Parse(File.ReadAllText(output))!.AsObject();
        return new DeploymentSnapshot([.. root["predictedResources"]!.AsArray().Select(node => node!.AsObject())]);
    }

    private static (BicepRun Run, string Output) Run((string Name, string BicepValue)[] parameters)
    {
        var (directory, file) = WriteParameters(parameters);
        var run = BicepCli.Run(directory, "snapshot", file,
            "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--location", Location, "--mode", "overwrite");
        return (run, Path.Combine(directory, Path.ChangeExtension(file, ".snapshot.json")));
    }

    private static (string Directory, string File) WriteParameters((string Name, string BicepValue)[] parameters)
    {
        var directory = Directory.CreateTempSubdirectory("presspipeline-snapshot-").FullName;
        var main = Path.GetRelativePath(directory, Path.Combine(CompiledInfra.InfraDirectory, "main.bicep")).Replace('\\', '/');
        var required = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["environmentName"] = "'snapshot'",
            ["location"] = $"'{Location}'",
            ["mailFromAddress"] = "'press@news.example.org'",
            ["mailPostalAddress"] = "'Street 1, 010000 Astana'",
        };
        foreach (var (name, value) in parameters)
        {
            required[name] = value;
        }
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"using '{main}'\n");
        foreach (var (name, value) in required)
        {
            text.Append(CultureInfo.InvariantCulture, $"param {name} = {value}\n");
        }
        const string file = "deployment.bicepparam";
        File.WriteAllText(Path.Combine(directory, file), text.ToString());
        return (directory, file);
    }
}

internal static class SnapshotJson
{
    /// <summary>A property path ("properties.networkAcls.defaultAction") of a predicted resource.</summary>
    public static JsonNode? At(this JsonObject resource, string path)
    {
        JsonNode? node = resource;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }
        return node;
    }

    public static string Text(this JsonObject resource, string path) =>
        resource.At(path)?.GetValue<string>() ?? throw new InvalidOperationException($"{resource["name"]} has no {path}.");
}
