using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PressPipeline.Infra.Tests.Support;

/// <summary>
/// A compiled ARM template, with the nested templates Bicep makes of modules. Resolves the simple references the
/// assertions need (a parameter's value as the parent deployment passes it, a variable, a property of either); any
/// other expression is returned as the text ARM would evaluate.
/// </summary>
internal sealed partial class ArmTemplate
{
    private readonly JsonObject root;
    private readonly ArmTemplate? parent;
    private readonly JsonObject? deployment;

    private ArmTemplate(JsonObject root, string name, ArmTemplate? parent, JsonObject? deployment)
    {
        this.root = root;
        this.parent = parent;
        this.deployment = deployment;
        Name = name;
    }

    /// <summary>"main" for the top template, the module's symbolic name (or deployment name) for nested ones.</summary>
    public string Name { get; }

    public JsonObject Json => root;

    public static ArmTemplate Load(string path) =>
        new(JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path} is empty."),
            Path.GetFileNameWithoutExtension(path), parent: null, deployment: null);

    /// <summary>
    /// The resources the template deploys; language version 2.0 keys them by symbolic name (and lists the
    /// <c>existing</c> ones it only reads, which are left out here), 1.0 lists them.
    /// </summary>
    public IEnumerable<ArmResource> Resources => (root["resources"] switch
    {
        JsonObject bySymbol => bySymbol.Select(pair => new ArmResource(this, pair.Key, pair.Value!.AsObject())),
        JsonArray list => list.Select((node, index) => new ArmResource(this, $"#{index}", node!.AsObject())),
        _ => [],
    }).Where(resource => resource.Json["existing"]?.GetValue<bool>() != true);

    /// <summary>Every resource here and in every nested module template.</summary>
    public IEnumerable<ArmResource> AllResources =>
        Resources.SelectMany(resource => resource.NestedTemplate is { } nested ? [resource, .. nested.AllResources] : new[] { resource });

    public IEnumerable<ArmTemplate> AllTemplates =>
        Resources.Select(resource => resource.NestedTemplate).OfType<ArmTemplate>().SelectMany(nested => nested.AllTemplates).Prepend(this);

    public ArmTemplate Module(string symbolicName) =>
        Resources.SingleOrDefault(resource => resource.SymbolicName == symbolicName)?.NestedTemplate
        ?? throw new InvalidOperationException($"{Name} has no module '{symbolicName}'.");

    public JsonObject? ParameterDefinition(string name) => root["parameters"]?[name]?.AsObject();

    /// <summary>What the parameter holds at deployment: what the parent passes, else its default.</summary>
    public JsonNode? ParameterValue(string name)
    {
        switch (deployment?["properties"]?["parameters"]?[name])
        {
            case JsonObject { } wrapper when wrapper["value"] is { } passed:
                return parent!.Resolve(passed);
            case JsonValue conditional:
                // A conditional argument compiles to if(…, createObject('value', a), createObject('value', b)): left as
                // the expression ARM evaluates.
                return conditional.DeepClone();
        }
        return Resolve(ParameterDefinition(name)?["defaultValue"]);
    }

    public JsonNode? Variable(string name) => Resolve(root["variables"]?[name]);

    /// <summary>
    /// Resolves "[parameters('x')]", "[variables('x')]" and property paths on them (".a.b"); every other expression
    /// comes back as its text with those references inside it replaced by their literal values where they have one.
    /// </summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        // Objects and arrays are resolved member by member here, where their expressions belong.
        switch (node)
        {
            case JsonObject obj:
                var resolvedObject = new JsonObject();
                foreach (var (name, member) in obj)
                {
                    resolvedObject[name] = Resolve(member);
                }
                return resolvedObject;
            case JsonArray array:
                return new JsonArray([.. array.Select(Resolve)]);
        }
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || !IsExpression(text))
        {
            return node?.DeepClone();
        }
        var whole = WholeReference().Match(text);
        if (whole.Success)
        {
            return Follow(Lookup(whole.Groups["kind"].Value, whole.Groups["name"].Value), whole.Groups["path"].Value);
        }
        var inlined = InnerReference().Replace(text, match =>
            Follow(Lookup(match.Groups["kind"].Value, match.Groups["name"].Value), match.Groups["path"].Value) is JsonValue literal
            && literal.TryGetValue<string>(out var resolved) && !IsExpression(resolved)
                ? $"'{resolved.Replace("'", "''", StringComparison.Ordinal)}'"
                : match.Value);
        return JsonValue.Create(inlined);
    }

    public static bool IsExpression(string text) =>
        text.StartsWith('[') && text.EndsWith(']') && !text.StartsWith("[[", StringComparison.Ordinal);

    private JsonNode? Lookup(string kind, string name) => kind == "parameters" ? ParameterValue(name) : Variable(name);

    private static JsonNode? Follow(JsonNode? node, string path)
    {
        foreach (var property in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonObject obj ? obj[property] : null;
        }
        return node?.DeepClone();
    }

    internal ArmTemplate Nested(JsonObject template, string name, JsonObject deploymentResource) =>
        new(template, name, this, deploymentResource);

    [GeneratedRegex(@"^\[(?<kind>parameters|variables)\('(?<name>[^']+)'\)(?<path>(\.[A-Za-z0-9_]+)*)\]$")]
    private static partial Regex WholeReference();

    [GeneratedRegex(@"(?<kind>parameters|variables)\('(?<name>[^']+)'\)(?<path>(\.[A-Za-z0-9_]+)*)")]
    private static partial Regex InnerReference();
}

internal sealed record ArmResource(ArmTemplate Template, string SymbolicName, JsonObject Json)
{
    public string Type => Json["type"]?.GetValue<string>() ?? "";

    public JsonNode? Name => Json["name"];

    public JsonObject? Properties => Json["properties"] as JsonObject;

    public bool IsConditional => Json["condition"] is not null;

    /// <summary>A module compiles to a deployment whose template is inline.</summary>
    public ArmTemplate? NestedTemplate =>
        Type == "Microsoft.Resources/deployments" && Json["properties"]?["template"] is JsonObject template
            ? Template.Nested(template, SymbolicName, Json)
            : null;

    /// <summary>A property (path "a.b.c") with simple references resolved in this resource's template.</summary>
    public JsonNode? Property(string path)
    {
        JsonNode? node = Json;
        foreach (var part in path.Split('.'))
        {
            node = Template.Resolve(node)?[part];
        }
        return Template.Resolve(node);
    }

    public override string ToString() => $"{Type} '{SymbolicName}' in {Template.Name}";
}
