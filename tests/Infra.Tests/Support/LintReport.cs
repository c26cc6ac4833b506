using System.Text;
using System.Text.Json;

namespace PressPipeline.Infra.Tests.Support;

/// <summary>What `bicep lint --diagnostics-format sarif` found: one SARIF log per file, written back to back.</summary>
internal sealed record LintReport(IReadOnlyList<LintFinding> Findings)
{
    public static LintReport Lint(string directory, string pattern)
    {
        var run = BicepCli.Run(directory, "lint", "--pattern", pattern, "--diagnostics-format", "sarif");
        if (string.IsNullOrWhiteSpace(run.StandardOutput))
        {
            throw new InvalidOperationException($"bicep lint printed no SARIF: {run.Describe()}");
        }
        return new LintReport(Parse(run.StandardOutput));
    }

    private static List<LintFinding> Parse(string sarif)
    {
        var findings = new List<LintFinding>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(sarif), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var log = JsonDocument.ParseValue(ref reader);
            foreach (var run in log.RootElement.GetProperty("runs").EnumerateArray())
            {
                foreach (var result in run.GetProperty("results").EnumerateArray())
                {
                    var location = result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                        ? locations[0].GetProperty("physicalLocation")
                        : default;
                    findings.Add(new LintFinding(
                        result.TryGetProperty("ruleId", out var rule) ? rule.GetString() ?? "" : "",
                        result.TryGetProperty("level", out var level) ? level.GetString() ?? "" : "",
                        result.GetProperty("message").GetProperty("text").GetString() ?? "",
                        location.ValueKind == JsonValueKind.Object
                            ? $"{location.GetProperty("artifactLocation").GetProperty("uri").GetString()}:{location.GetProperty("region").GetProperty("startLine").GetInt32()}"
                            : "?"));
                }
            }
        }
        return findings;
    }
}

internal sealed record LintFinding(string Rule, string Level, string Message, string Where)
{
    public override string ToString() => $"{Where} {Level} {Rule}: {Message}";
}
