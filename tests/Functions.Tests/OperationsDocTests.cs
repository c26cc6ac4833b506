using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PressPipeline.Functions.Tests;

/// <summary>docs/operations.md lists every staff route the app has, so the table of staff actions stays true.</summary>
public sealed class OperationsDocTests
{
    [Fact]
    public void Every_staff_route_in_functions_metadata_is_in_the_table_of_staff_actions()
    {
        var folder = typeof(OperationsDocTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutput").Value!;
        // The staff API: the HTTP functions of PressPipeline.Functions.Api (all behind sign-in, none with a function key).
        var staffRoutes = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "functions.metadata")))!.AsArray()
            .Where(f => f!["entryPoint"]!.GetValue<string>().StartsWith("PressPipeline.Functions.Api.", StringComparison.Ordinal))
            .Select(f => f!["bindings"]!.AsArray().First(b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!)
            .Where(t => t["type"]!.GetValue<string>() == "httpTrigger")
            .SelectMany(t => t["methods"]!.AsArray().Select(m => $"{m!.GetValue<string>().ToUpperInvariant()} /api/{t["route"]!.GetValue<string>()}"))
            .ToList();
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "operations.md"));

        Assert.True(staffRoutes.Count >= 20, "Too few staff routes found; build src/Functions first.");
        Assert.All(staffRoutes, route => Assert.Matches(new Regex("`" + Regex.Escape(route) + "[`\\[? ]"), doc));
    }

    private static string RepositoryRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "PressPipeline.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found.");
        }

        return root;
    }
}
