using System.Reflection;
using System.Runtime.Versioning;

// The Bicep CLI package these tests run is the Linux x64 build (CI and the development machines are Linux).
[assembly: SupportedOSPlatform("linux")]

namespace PressPipeline.Infra.Tests.Support;

/// <summary>Paths the build wrote into this assembly (see the .csproj): where the repository and the Bicep CLI are.</summary>
internal static class BuildFacts
{
    public static string RepositoryRoot => Read("RepositoryRoot");

    public static string BicepCli => Read("BicepCli");

    public static string BicepCliVersion => Read("BicepCliVersion");

    /// <summary>The Functions app's build output, where the SDK writes functions.metadata.</summary>
    public static string FunctionsOutput => Read("FunctionsOutput");

    public static string InRepository(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static string Read(string key) =>
        typeof(BuildFacts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly was built without the '{key}' metadata; build it with dotnet build.");
}
