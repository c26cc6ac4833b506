using System.Diagnostics;

namespace PressPipeline.Infra.Tests.Support;

/// <summary>Runs the Bicep CLI restored from NuGet (offline: no registry modules, no downloads).</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static BicepRun Run(string workingDirectory, params string[] arguments)
    {
        var executable = EnsureExecutable(BuildFacts.BicepCli);
        var start = new ProcessStartInfo(executable) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Bicep must not try to reach anything: no telemetry, no update checks.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";

        var run = ProcessRun.Run(start, Timeout);
        return new BicepRun(run.ExitCode, run.Output, run.Error);
    }

    /// <summary>NuGet extracts the binary, but an unzip that drops the mode bits leaves it not executable.</summary>
    private static string EnsureExecutable(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The Bicep CLI is missing at {path}; run 'dotnet restore tests/Infra.Tests' (it comes from the NuGet package Azure.Bicep.CommandLine.linux-x64).",
                path);
        }
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        return path;
    }
}

internal sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe() => $"exit code {ExitCode}\n{StandardError}\n{StandardOutput}";
}
