using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using PressPipeline.Infra.Tests.Support;

namespace PressPipeline.Infra.Tests;

/// <summary>The templates compile and lint with zero diagnostics under the repository's analyzer settings.</summary>
public sealed class BicepCompilesAndLintsCleanTests
{
    public static TheoryData<string> BicepFiles => [.. CompiledInfra.BicepFiles];

    [Fact]
    public void Infra_has_the_main_template_the_second_step_and_local_modules_only()
    {
        var files = CompiledInfra.BicepFiles;

        Assert.Contains("main.bicep", files);
        Assert.Contains("eventgrid-subscription.bicep", files);
        foreach (var file in files)
        {
            // Registry modules (br:, ts:) cannot be restored offline; every module is a local file.
            var text = File.ReadAllText(Path.Combine(CompiledInfra.InfraDirectory, file));
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts/", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Every_bicep_file_compiles_to_an_ARM_template(string bicepFile)
    {
        var compiled = CompiledInfra.Result.OutputOf(bicepFile);

        var template = JsonNode.Parse(File.ReadAllText(compiled))!.AsObject();
        Assert.EndsWith("DeploymentTemplate.json#", template["$schema"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(template["resources"]);
    }

    [Fact]
    public void Linting_every_bicep_file_reports_no_warning_and_no_error()
    {
        var report = LintReport.Lint(CompiledInfra.InfraDirectory, "**/*.bicep");

        Assert.True(report.Findings.Count == 0, "bicep lint found:\n" + string.Join('\n', report.Findings));
    }

    [Fact]
    public void The_lint_check_does_catch_a_planted_warning()
    {
        // Proves the check above can fail: the same analyzer settings flag an unused parameter.
        var scratch = Directory.CreateTempSubdirectory("presspipeline-lint-").FullName;
        File.Copy(Path.Combine(CompiledInfra.InfraDirectory, "bicepconfig.json"), Path.Combine(scratch, "bicepconfig.json"));
        File.WriteAllText(Path.Combine(scratch, "planted.bicep"), "param unused string\n");

        var report = LintReport.Lint(scratch, "*.bicep");

        Assert.Contains(report.Findings, finding => finding.Rule == "no-unused-params");
    }

    [Fact]
    public void Every_bicep_file_is_laid_out_as_bicep_format_writes_it()
    {
        // Formatted in a copy, so the check never changes the working tree.
        var copy = Directory.CreateTempSubdirectory("presspipeline-format-").FullName;
        foreach (var file in CompiledInfra.BicepFiles.Append("bicepconfig.json"))
        {
            var target = Path.Combine(copy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(CompiledInfra.InfraDirectory, file), target);
        }

        var run = BicepCli.Run(copy, "format", "--pattern", "**/*.bicep");

        Assert.True(run.ExitCode == 0, run.Describe());
        var changed = CompiledInfra.BicepFiles
            .Where(file => File.ReadAllText(Path.Combine(copy, file)) != File.ReadAllText(Path.Combine(CompiledInfra.InfraDirectory, file)))
            .ToList();
        Assert.True(changed.Count == 0, "Run `bicep format --pattern '**/*.bicep'` in infra/; these differ: " + string.Join(", ", changed));
    }

    [Fact]
    public void Linter_configuration_keeps_every_rule_at_warning_or_error()
    {
        var config = JsonNode.Parse(
            File.ReadAllText(Path.Combine(CompiledInfra.InfraDirectory, "bicepconfig.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var core = config["analyzers"]!["core"]!;
        var rules = core["rules"]!.AsObject();

        Assert.True(core["enabled"]!.GetValue<bool>());
        Assert.All(rules, rule => Assert.Contains(rule.Value!["level"]!.GetValue<string>(), new[] { "warning", "error" }));
        // The rules that guard secrets and identifiers are errors, and the ones off by default are on.
        foreach (var rule in new[] { "outputs-should-not-contain-secrets", "secure-secrets-in-params", "use-secure-value-for-secure-inputs", "no-hardcoded-env-urls" })
        {
            Assert.Equal("error", rules[rule]!["level"]!.GetValue<string>());
        }
        foreach (var rule in new[] { "use-recent-api-versions", "what-if-short-circuiting", "no-hardcoded-location", "no-loc-expr-outside-params", "explicit-values-for-loc-params", "use-resource-id-functions" })
        {
            Assert.Contains(rule, rules.Select(pair => pair.Key));
        }
    }

    [Fact]
    public void The_Bicep_CLI_the_tests_run_is_the_version_the_repository_pins()
    {
        var props = XDocument.Load(BuildFacts.InRepository("Directory.Packages.props"));
        var pinned = props.Descendants("PackageVersion")
            .Single(item => (string?)item.Attribute("Include") == "Azure.Bicep.CommandLine.linux-x64")
            .Attribute("Version")!.Value;

        Assert.Equal(pinned, BuildFacts.BicepCliVersion);
        var version = BicepCli.Run(CompiledInfra.InfraDirectory, "--version");
        Assert.Contains($"Bicep CLI version {pinned} ", version.StandardOutput, StringComparison.Ordinal);
    }
}
