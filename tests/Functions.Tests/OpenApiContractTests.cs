using System.Reflection;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace PressPipeline.Functions.Tests;

/// <summary>
/// docs/openapi.yaml describes exactly the HTTP functions the app has: every route and method in the generated
/// functions.metadata is documented under the function's name, nothing documented is missing from the app, and the
/// routes open without sign-in (every HTTP function outside the staff API, PressPipeline.Functions.Api) are the ones
/// documented without a security requirement.
/// </summary>
public sealed class OpenApiContractTests
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private sealed record Operation(string Path, string Method, string Function, bool Anonymous);

    private static List<Operation> FromMetadata()
    {
        var folder = typeof(OpenApiContractTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutput").Value!;
        var functions = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "functions.metadata")))!.AsArray();
        return [.. functions
            .Select(f => (Name: f!["name"]!.GetValue<string>(), EntryPoint: f["entryPoint"]!.GetValue<string>(), Trigger: f["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "httpTrigger" || b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!))
            .Where(f => f.Trigger["type"]!.GetValue<string>() == "httpTrigger")
            // The staff console's pages (console/{*path}) are HTML for people behind sign-in, not API: docs/console.md describes them.
            .Where(f => !f.Trigger["route"]!.GetValue<string>().StartsWith("console/", StringComparison.Ordinal))
            .SelectMany(f => f.Trigger["methods"]!.AsArray().Select(m => new Operation(
                "/api/" + f.Trigger["route"]!.GetValue<string>().Replace("{*", "{", StringComparison.Ordinal),
                m!.GetValue<string>(),
                f.Name,
                !f.EntryPoint.StartsWith("PressPipeline.Functions.Api.", StringComparison.Ordinal))))];
    }

    private static YamlMappingNode LoadOpenApi()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "PressPipeline.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found.");
        }

        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(root, "docs", "openapi.yaml")))
        {
            yaml.Load(reader);
        }

        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>Every operation in docs/openapi.yaml with its path and method.</summary>
    private static IEnumerable<(string Path, string Method, YamlMappingNode Operation)> Documented() =>
        ((YamlMappingNode)LoadOpenApi()["paths"]).Children.SelectMany(item => ((YamlMappingNode)item.Value).Children
            .Where(c => Methods.Contains(((YamlScalarNode)c.Key).Value))
            .Select(c => (((YamlScalarNode)item.Key).Value!, ((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value)));

    private static (List<Operation> Operations, List<string> OperationIds) FromOpenApi()
    {
        var operations = new List<Operation>();
        var ids = new List<string>();
        foreach (var (path, method, operation) in Documented())
        {
            var id = Scalar(operation, "operationId")!;
            ids.Add(id);
            var anonymous = operation.Children.TryGetValue("security", out var security) && security is YamlSequenceNode { Children.Count: 0 };
            operations.Add(new Operation(path, method, Scalar(operation, "x-function") ?? id, anonymous));
        }

        return (operations, ids);
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value : null;

    private static IEnumerable<string> Lines(IEnumerable<Operation> operations) =>
        operations.Select(o => $"{o.Method.ToUpperInvariant()} {o.Path} -> {o.Function}{(o.Anonymous ? " (anonymous)" : "")}").Order(StringComparer.Ordinal);

    [Fact]
    public void Every_http_function_is_documented_with_its_route_method_and_authorisation_and_nothing_else_is()
    {
        var inApp = FromMetadata();
        var (documented, _) = FromOpenApi();

        Assert.True(inApp.Count >= 25, $"Only {inApp.Count} HTTP operations in functions.metadata; build src/Functions first.");
        Assert.Equal(Lines(inApp), Lines(documented));
    }

    [Fact]
    public void Operation_ids_are_unique()
    {
        var (_, ids) = FromOpenApi();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_staff_operation_that_takes_a_body_documents_the_413_that_refuses_one_past_its_limit()
    {
        var withBody = Documented().Where(o => o.Operation.Children.ContainsKey("requestBody")).ToList();
        var without413 = withBody
            .Where(o => !((YamlMappingNode)o.Operation["responses"]).Children.TryGetValue("413", out var tooLarge)
                || tooLarge is not YamlMappingNode reference
                || Scalar(reference, "$ref") != "#/components/responses/TooLarge")
            .Select(o => Scalar(o.Operation, "operationId"))
            .ToList();

        // Every body is read through UploadBody within a limit (docs/operations.md, "Upload limits").
        Assert.True(withBody.Count >= 11, $"Only {withBody.Count} operations with a body in docs/openapi.yaml.");
        Assert.Empty(without413);
    }
}
