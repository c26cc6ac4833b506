using System.Text.Json;
using System.Text.Json.Nodes;

namespace PressPipeline.Infra.Tests.Support;

/// <summary>src/Functions/local.settings.json.example: the list of settings the code reads, with local values.</summary>
internal static class LocalSettingsExample
{
    public static string Path => BuildFacts.InRepository("src", "Functions", "local.settings.json.example");

    public static IReadOnlyDictionary<string, string> Values()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        return root["Values"]!.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "", StringComparer.Ordinal);
    }

    /// <summary>Nested keys are written "Section:Key" locally and "Section__Key" as app settings (Linux needs the latter).</summary>
    public static string AsAppSettingName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>A value that is a storage connection string: in Azure the same name becomes identity-based settings.</summary>
    public static bool IsStorageConnectionString(string value) =>
        value.StartsWith("UseDevelopmentStorage=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("AccountName=", StringComparison.OrdinalIgnoreCase);
}
