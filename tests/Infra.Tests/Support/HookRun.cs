using System.Diagnostics;
using System.Text;

namespace PressPipeline.Infra.Tests.Support;

/// <summary>Which edition of an azd hook runs: the posix one under sh, or the Windows one under PowerShell 7.</summary>
public enum HookEdition
{
    Sh,
    Pwsh,
}

/// <summary>
/// Runs an azd hook from infra/hooks against a fake <c>az</c>: a shell script first on PATH that records every call
/// (its arguments, and the length of any <c>--file</c> it was handed) and answers from rules the test gives, the
/// first matching rule winning. A rule may be limited to its first N uses, so a sequence (Initialized, then
/// Resolved) can be played. An az call no rule matches fails the hook loudly (exit 99), so a hook cannot make a
/// call the test did not expect without the test seeing it. PowerShell is the repository's local .NET tool
/// (.config/dotnet-tools.json, restored before the build).
/// </summary>
internal sealed class HookRun : IDisposable
{
    public const string Subscription = "00000000-1111-2222-3333-444444444444";

    private const string FakeAz = """
        #!/bin/sh
        # Fake Azure CLI for tests/Infra.Tests: records the call, answers from $FAKE_AZ_DIR/rules
        # (times|glob over the arguments|exit code|stdout|stderr; times "-" = always).
        dir="$FAKE_AZ_DIR"
        args="$*"
        bytes=""
        previous=""
        for argument in "$@"; do
          if [ "$previous" = "--file" ]; then bytes=" #file-bytes=$(wc -c <"$argument" | tr -d ' ')"; fi
          previous="$argument"
        done
        printf '%s%s\n' "$args" "$bytes" >>"$dir/calls.log"
        i=0
        while IFS='|' read -r times pattern code out err; do
          i=$((i + 1))
          case "$args" in
            $pattern)
              if [ "$times" != "-" ]; then
                used=$(cat "$dir/used.$i" 2>/dev/null || echo 0)
                [ "$used" -ge "$times" ] && continue
                echo $((used + 1)) >"$dir/used.$i"
              fi
              [ -n "$out" ] && printf '%b\n' "$out"
              [ -n "$err" ] && printf '%b\n' "$err" >&2
              exit "$code"
              ;;
          esac
        done <"$dir/rules"
        echo "fake az: no rule for: $args" >&2
        exit 99
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("presspipeline-fake-az-").FullName;
    private readonly List<string> _rules = [];

    public HookRun()
    {
        var az = Path.Combine(_directory, "az");
        File.WriteAllText(az, FakeAz.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Environment azd would hand the hook (main.bicep outputs and the subscription).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal)
    {
        ["AZURE_SUBSCRIPTION_ID"] = Subscription,
        ["AZURE_RESOURCE_GROUP"] = "rg-press-test",
        ["AZURE_KEY_VAULT_NAME"] = "kv-test",
        ["AZURE_FUNCTION_APP_NAME"] = "func-test",
        ["AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"] = "evgt-test",
        ["AZURE_STORAGE_ACCOUNT_NAME"] = "sttest",
        ["AZURE_USER_ASSIGNED_IDENTITY_ID"] = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-test",
        ["AZURE_EVENTGRID_IDENTITY_ID"] = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-evgt-test",
        ["UPLOADS_CONTAINER"] = "uploads",
        ["EVENTGRID_DEADLETTER_CONTAINER"] = "eventgrid-deadletter",
        ["PRESSPIPE_HOOK_WAIT_SECONDS"] = "0",
        ["PRESSPIPE_HOOK_ATTEMPTS"] = "3",
    };

    /// <summary>Answers calls whose arguments match <paramref name="glob"/> (sh case pattern); <paramref name="times"/> 0 = always.</summary>
    public HookRun On(string glob, int exitCode = 0, string stdout = "", string stderr = "", int times = 0)
    {
        _rules.Add(string.Join('|', times == 0 ? "-" : times.ToString(System.Globalization.CultureInfo.InvariantCulture), glob, exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), stdout, stderr));
        return this;
    }

    /// <summary>The az calls the hook made, in order, as "arg arg …" (plus " #file-bytes=N" when it passed --file).</summary>
    public IReadOnlyList<string> Calls =>
        File.Exists(Path.Combine(_directory, "calls.log")) ? File.ReadAllLines(Path.Combine(_directory, "calls.log")) : [];

    public HookResult Run(string hook, HookEdition edition)
    {
        File.WriteAllText(Path.Combine(_directory, "rules"), string.Join('\n', _rules) + "\n");
        foreach (var used in Directory.EnumerateFiles(_directory, "used.*"))
        {
            File.Delete(used);
        }

        File.Delete(Path.Combine(_directory, "calls.log"));

        var script = BuildFacts.InRepository("infra", "hooks", hook + (edition == HookEdition.Sh ? ".sh" : ".ps1"));
        var start = edition == HookEdition.Sh
            ? new ProcessStartInfo("sh") { ArgumentList = { script } }
            : new ProcessStartInfo("dotnet") { ArgumentList = { "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", script } };
        start.WorkingDirectory = BuildFacts.RepositoryRoot;
        start.Environment["PATH"] = _directory + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_AZ_DIR"] = _directory;
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        var run = ProcessRun.Run(start, TimeSpan.FromMinutes(2));
        var result = new HookResult(run.ExitCode, run.Output, run.Error, Calls);
        if (edition == HookEdition.Pwsh && result.StandardError.Contains("pwsh", StringComparison.Ordinal) && result.StandardError.Contains("dotnet tool restore", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"PowerShell is not restored; run 'dotnet tool restore' in the repository root. {result.Describe()}");
        }

        return result;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

internal sealed record HookResult(int ExitCode, string StandardOutput, string StandardError, IReadOnlyList<string> Calls)
{
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"exit code {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}\n--- az calls\n");
        foreach (var call in Calls)
        {
            text.Append(call).Append('\n');
        }

        return text.ToString();
    }
}
