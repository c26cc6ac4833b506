namespace PressPipeline.Cli.Tests.Commands;

/// <summary>docs/operations.md names every presspipe verb, so the table of staff actions stays true.</summary>
public sealed class OperationsDocTests
{
    [Fact]
    public void Every_presspipe_verb_is_named_in_docs_operations()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "PressPipeline.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var doc = File.ReadAllText(Path.Combine(root, "docs", "operations.md"));
        var verbs = CliApp.Root().Subcommands.SelectMany(c => c.Subcommands.Select(s => $"{c.Name} {s.Name}").Prepend(c.Name)).ToList();

        Assert.True(verbs.Count > 20);
        Assert.All(verbs, verb => Assert.Contains($"presspipe {verb}", doc, StringComparison.Ordinal));
    }
}
