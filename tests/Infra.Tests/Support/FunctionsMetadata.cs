using System.Text.Json.Nodes;

namespace PressPipeline.Infra.Tests.Support;

/// <summary>The functions.metadata the Worker SDK generates from the [Function] attributes: what the host will run.</summary>
internal static class FunctionsMetadata
{
    public static string Path => System.IO.Path.Combine(BuildFacts.FunctionsOutput, "functions.metadata");

    public static IReadOnlyList<FunctionEntry> Functions()
    {
        if (!File.Exists(Path))
        {
            throw new FileNotFoundException($"No functions.metadata at {Path}; the Functions project is built before these tests (ProjectReference).", Path);
        }
        return [.. JsonNode.Parse(File.ReadAllText(Path))!.AsArray().Select(node => new FunctionEntry(
            node!["name"]!.GetValue<string>(),
            node["entryPoint"]?.GetValue<string>() ?? "",
            [.. node["bindings"]!.AsArray().Select(binding => binding!.AsObject())]))];
    }
}

internal sealed record FunctionEntry(string Name, string EntryPoint, IReadOnlyList<JsonObject> Bindings)
{
    /// <summary>
    /// A staff route: the staff API (PressPipeline.Functions.Api) or the console's pages (PressPipeline.Functions.Console).
    /// Anonymous at the Functions level like every HTTP function, and refused by the app without a signed-in principal.
    /// </summary>
    public bool IsStaffRoute =>
        EntryPoint.StartsWith("PressPipeline.Functions.Api.", StringComparison.Ordinal)
        || EntryPoint.StartsWith("PressPipeline.Functions.Console.", StringComparison.Ordinal);

    public JsonObject? Trigger => Bindings.FirstOrDefault(binding =>
        (binding["type"]?.GetValue<string>() ?? "").EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));

    public string? TriggerType => Trigger?["type"]?.GetValue<string>();
}
