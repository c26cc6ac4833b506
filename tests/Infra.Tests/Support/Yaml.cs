using YamlDotNet.RepresentationModel;

namespace PressPipeline.Infra.Tests.Support;

/// <summary>Reads a YAML file (azure.yaml, the workflows) as a tree of mappings, sequences and scalars.</summary>
internal static class Yaml
{
    public static YamlMappingNode Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static YamlNode At(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var child)
                ? child
                : throw new KeyNotFoundException($"No '{key}' in the YAML at this point (path {string.Join('.', path)}).");
        }
        return node;
    }

    public static string Text(this YamlNode node, params string[] path) => ((YamlScalarNode)node.At(path)).Value ?? "";
}
