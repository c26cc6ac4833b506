using System.Diagnostics;

namespace PressPipeline.Infra.Tests.Support;

/// <summary>A finished child process (the Bicep CLI, an azd hook, dotnet publish): its exit code and everything it wrote.</summary>
internal sealed record ProcessRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs to the end, or kills the whole tree and throws when it outlives <paramref name="timeout"/>.</summary>
    public static ProcessRun Run(ProcessStartInfo start, TimeSpan timeout)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }

        return new ProcessRun(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
