namespace PressPipeline.Infra.Tests.Support;

/// <summary>Every .bicep file under infra/, compiled once per test run with the pinned Bicep CLI.</summary>
internal static class CompiledInfra
{
    private static readonly Lazy<Compilation> Compiled = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string InfraDirectory => BuildFacts.InRepository("infra");

    /// <summary>Paths of the .bicep files relative to infra/, with '/' separators.</summary>
    public static IReadOnlyList<string> BicepFiles =>
        [.. Directory.EnumerateFiles(InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(InfraDirectory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static Compilation Result => Compiled.Value;

    public static ArmTemplate Main => ArmTemplate.Load(Result.OutputOf("main.bicep"));

    public static ArmTemplate EventGridSubscription => ArmTemplate.Load(Result.OutputOf("eventgrid-subscription.bicep"));

    private static Compilation Compile()
    {
        var output = Directory.CreateTempSubdirectory("presspipeline-bicep-").FullName;
        var run = BicepCli.Run(InfraDirectory, "build", "--pattern", "**/*.bicep", "--outdir", output);
        return new Compilation(run, output);
    }
}

internal sealed record Compilation(BicepRun Run, string OutputDirectory)
{
    public string OutputOf(string bicepFile)
    {
        var path = Path.Combine(OutputDirectory, Path.ChangeExtension(bicepFile, ".json"));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"bicep build wrote no {Path.GetFileName(path)}: {Run.Describe()}", path);
    }
}
