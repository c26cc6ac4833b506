using System.Diagnostics;
using PressPipeline.Infra.Tests.Support;

namespace PressPipeline.Infra.Tests;

/// <summary>
/// What azd uploads: `dotnet publish` of src/Functions, run here as azd runs it. Flex Consumption runs Linux x64, so
/// the package carries that platform's native libraries and no other's (a portable publish carried 17 platforms,
/// 240 MB of 282 MB), and those libraries load from the package in the app's own process. A missing native library
/// would otherwise show up only on Azure, at the first PDF.
/// </summary>
public sealed class DeploymentPackageTests(DeploymentPackageTests.Package package) : IClassFixture<DeploymentPackageTests.Package>
{
    [Fact]
    public void The_package_carries_the_Linux_x64_native_libraries_and_no_other_platforms()
    {
        Assert.True(File.Exists(package.PathOf("libSkiaSharp.so")), "libSkiaSharp.so is missing from the package");
        Assert.True(File.Exists(package.PathOf("libHarfBuzzSharp.so")), "libHarfBuzzSharp.so is missing from the package");
        Assert.False(Directory.Exists(package.PathOf("runtimes")), "the package still carries runtimes/ for other platforms");
        var foreign = Directory.EnumerateFiles(package.Directory, "*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".dylib", StringComparison.Ordinal)
                || (file.EndsWith(".pdb", StringComparison.Ordinal) && Path.GetFileName(file).StartsWith("lib", StringComparison.Ordinal)))
            .Select(Path.GetFileName)
            .ToList();
        Assert.Empty(foreign);
    }

    [Fact]
    public void The_package_has_what_the_Functions_host_reads_and_no_local_settings()
    {
        Assert.True(File.Exists(package.PathOf("host.json")));
        Assert.True(File.Exists(package.PathOf("functions.metadata")));
        Assert.True(File.Exists(package.PathOf("worker.config.json")));
        Assert.True(File.Exists(package.PathOf("PressPipeline.Functions.dll")));
        Assert.False(File.Exists(package.PathOf("local.settings.json")), "local.settings.json must never be deployed");
    }

    [Fact]
    public void Skia_and_HarfBuzz_load_from_the_package_in_the_apps_own_process()
    {
        var start = new ProcessStartInfo("dotnet", ["PressPipeline.Functions.dll"]) { WorkingDirectory = package.Directory };
        start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;

        var run = ProcessRun.Run(start, TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0, $"the app's process ended with {run.ExitCode}:\n{run.Output}\n{run.Error}");
        Assert.Contains(StartupHook.Loaded, run.Output, StringComparison.Ordinal);
    }

    /// <summary>One `dotnet publish` for the class, as azd runs it (no runtime given: the project picks it).</summary>
    public sealed class Package : IDisposable
    {
        public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("presspipeline-package-").FullName;

        public Package()
        {
            var start = new ProcessStartInfo("dotnet", ["publish", BuildFacts.InRepository("src", "Functions", "PressPipeline.Functions.csproj"), "-c", "Release", "-o", Directory, "--nologo"])
            {
                WorkingDirectory = BuildFacts.RepositoryRoot,
            };
            var run = ProcessRun.Run(start, TimeSpan.FromMinutes(10));
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet publish of src/Functions failed ({run.ExitCode}):\n{run.Output}\n{run.Error}");
            }
        }

        public string PathOf(string name) => Path.Combine(Directory, name);

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
