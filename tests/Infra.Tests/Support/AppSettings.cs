using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PressPipeline.Infra.Tests.Support;

/// <summary>The function app's application settings as the compiled template deploys them (name → value or expression).</summary>
internal static partial class AppSettings
{
    public static IReadOnlyDictionary<string, string> Of(ArmTemplate main)
    {
        var config = main.AllResources.Single(resource =>
            resource.Type == "Microsoft.Web/sites/config"
            && (resource.Name?.ToJsonString() ?? "").Contains("appsettings", StringComparison.Ordinal));
        var properties = config.Json["properties"];

        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in Parts(config.Template, properties))
        {
            foreach (var (name, value) in part)
            {
                // union(): a later object wins, as in ARM.
                merged[name] = value is JsonValue text && text.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
            }
        }
        return merged;
    }

    /// <summary>An object literal, or union(a, b, …) of parameter and variable references to object literals.</summary>
    private static IEnumerable<JsonObject> Parts(ArmTemplate template, JsonNode? properties)
    {
        if (properties is JsonObject literal)
        {
            return [literal];
        }
        var text = properties?.GetValue<string>() ?? "";
        var union = Union().Match(text);
        if (!union.Success)
        {
            throw new InvalidOperationException($"The appsettings properties are neither an object nor union(...) of references: {text}");
        }
        return union.Groups["args"].Value.Split(", ")
            .Select(argument => template.Resolve(JsonValue.Create($"[{argument}]")) switch
            {
                JsonObject obj => obj,
                JsonValue expression when Conditional(expression.GetValue<string>()) is { } settings => settings,
                _ => throw new InvalidOperationException($"Cannot resolve '{argument}' in the appsettings union to an object literal."),
            });
    }

    /// <summary>
    /// A part present only under a condition, <c>if(cond, createObject(), createObject('Name', 'value', …))</c>: the
    /// settings it may add (string literals only), so the contract checks see them; DeploymentSnapshot says when.
    /// </summary>
    private static JsonObject? Conditional(string expression)
    {
        var shape = ConditionalObject().Match(expression);
        if (!shape.Success)
        {
            return null;
        }

        var settings = new JsonObject();
        foreach (Match pair in LiteralPair().Matches(shape.Groups["pairs"].Value))
        {
            settings[pair.Groups["name"].Value] = pair.Groups["value"].Value;
        }

        return settings;
    }

    [GeneratedRegex(@"^\[?if\(.+, createObject\(\), createObject\((?<pairs>('[^']*', '[^']*'(, )?)+)\)\)\]?$")]
    private static partial Regex ConditionalObject();

    [GeneratedRegex(@"'(?<name>[^']*)', '(?<value>[^']*)'")]
    private static partial Regex LiteralPair();

    [GeneratedRegex(@"^\[union\((?<args>.+)\)\]$")]
    private static partial Regex Union();
}
