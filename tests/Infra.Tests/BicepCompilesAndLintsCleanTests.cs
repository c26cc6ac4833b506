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

    // The core linter rules of Bicep 0.49 (the analyzers section of Azure/bicep's bicepconfig.schema.json of that
    // release line); a rule a newer pinned CLI adds must be added here and to infra/bicepconfig.json.
    private static readonly string[] CoreLinterRules =
    [
        "adminusername-should-not-be-literal", "artifacts-parameters", "decompiler-cleanup", "explicit-values-for-loc-params",
        "max-asserts", "max-outputs", "max-params", "max-resources", "max-variables", "nested-deployment-template-scoping",
        "no-conflicting-metadata", "no-deployments-resources", "no-explicit-any", "no-hardcoded-env-urls",
        "no-hardcoded-location", "no-loc-expr-outside-params", "no-unnecessary-dependson", "no-unused-existing-resources",
        "no-unused-imports", "no-unused-params", "no-unused-vars", "outputs-should-not-contain-secrets",
        "prefer-interpolation", "prefer-unquoted-property-names", "protect-commandtoexecute-secrets",
        "secure-parameter-default", "secure-params-in-nested-deploy", "secure-secrets-in-params", "simplify-interpolation",
        "simplify-json-null", "stacks-extensibility-compat", "use-parent-property", "use-recent-api-versions",
        "use-recent-az-powershell-version", "use-recent-module-versions", "use-resource-id-functions",
        "use-resource-symbol-reference", "use-safe-access", "use-secure-value-for-secure-inputs",
        "use-stable-resource-identifiers", "use-stable-vm-image", "use-user-defined-types", "what-if-short-circuiting",
    ];

    // Their verdict changes with the calendar and the CLI doing the build (azd brings its own), not with this code.
    private static readonly string[] TimeDependentRules = ["use-recent-api-versions", "use-recent-az-powershell-version", "use-recent-module-versions"];

    [Fact]
    public void Linter_configuration_makes_every_rule_an_error_except_the_ones_that_change_with_time()
    {
        var config = JsonNode.Parse(
            File.ReadAllText(Path.Combine(CompiledInfra.InfraDirectory, "bicepconfig.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var core = config["analyzers"]!["core"]!;
        var rules = core["rules"]!.AsObject();

        Assert.True(core["enabled"]!.GetValue<bool>());
        Assert.Equal(CoreLinterRules.Order(StringComparer.Ordinal), rules.Select(rule => rule.Key).Order(StringComparer.Ordinal));
        Assert.All(rules, rule => Assert.Equal(
            TimeDependentRules.Contains(rule.Key) ? "warning" : "error",
            rule.Value!["level"]!.GetValue<string>()));
    }

    [Fact]
    public void Bicep_build_itself_refuses_a_template_with_a_linter_finding()
    {
        // So `azd provision`, which builds the template, stops too: an unused parameter is an error, not a warning.
        var scratch = Directory.CreateTempSubdirectory("presspipeline-build-").FullName;
        File.Copy(Path.Combine(CompiledInfra.InfraDirectory, "bicepconfig.json"), Path.Combine(scratch, "bicepconfig.json"));
        File.WriteAllText(Path.Combine(scratch, "planted.bicep"), "param unused string\n");

        var run = BicepCli.Run(scratch, "build", "planted.bicep", "--stdout");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Error no-unused-params", run.StandardError, StringComparison.Ordinal);
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
