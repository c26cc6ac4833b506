using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PressPipeline.Infra.Tests.Support;

namespace PressPipeline.Infra.Tests;

/// <summary>
/// Code and infrastructure cannot drift apart: every setting the code reads (as the local settings example lists it,
/// as the triggers name it, as the options classes bind it) has an app setting in the compiled template, and back.
/// </summary>
public sealed partial class AppSettingsContractTests
{
    /// <summary>
    /// Keys of the local settings example (in app-setting form) that deliberately have no app setting in Azure.
    /// Storage connection strings are not listed: they become identity-based settings, checked separately.
    /// </summary>
    private static readonly Dictionary<string, string> LocalOnly = new(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "Flex Consumption takes the worker runtime from functionAppConfig.runtime and rejects the app setting.",
        ["Mail__OutboxFolder"] = "A folder on the developer's disk for the CLI and the demo; in Azure the outbox is the blob container Mail__OutboxContainer.",
        ["StaffConsole__DevelopmentActor"] = "Who acts on the console and the staff API when nobody signed in: only the local host; in Azure sign-in names the staff member, and the app ignores it on App Service.",
    };

    /// <summary>App settings the template sets that the local settings example deliberately leaves out.</summary>
    private static readonly Dictionary<string, string> AzureOnly = new(StringComparer.Ordinal)
    {
        ["StaffConsole__TrustPrincipalHeaders"] = "Set exactly when App Service Authentication is configured (authsettingsV2); locally nothing stands in front of the host and the default (believe the headers off App Service) applies.",
    };

    private readonly IReadOnlyDictionary<string, string> settings = AppSettings.Of(CompiledInfra.Main);
    private readonly IReadOnlyDictionary<string, string> example = LocalSettingsExample.Values();

    [Fact]
    public void Every_setting_in_the_local_settings_example_has_an_app_setting_in_Azure()
    {
        var missing = example
            .Where(pair => !LocalSettingsExample.IsStorageConnectionString(pair.Value))
            .Select(pair => LocalSettingsExample.AsAppSettingName(pair.Key))
            .Where(name => !LocalOnly.ContainsKey(name) && !settings.ContainsKey(name))
            .ToList();

        Assert.True(missing.Count == 0, "infra/main.bicep sets no app setting for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Storage_connections_that_are_connection_strings_locally_are_identity_based_in_Azure()
    {
        var connections = example.Where(pair => LocalSettingsExample.IsStorageConnectionString(pair.Value)).Select(pair => pair.Key).ToList();

        Assert.Contains("AzureWebJobsStorage", connections);
        Assert.Contains("PressStorage", connections);
        foreach (var connection in connections)
        {
            SecurityBaselineTests.AssertIdentityBasedConnection(settings, connection);
        }
    }

    [Fact]
    public void Every_app_setting_for_the_code_is_listed_in_the_local_settings_example()
    {
        var exampleNames = example.Keys.Select(LocalSettingsExample.AsAppSettingName).ToHashSet(StringComparer.Ordinal);
        var connections = example.Where(pair => LocalSettingsExample.IsStorageConnectionString(pair.Value)).Select(pair => pair.Key + "__").ToList();

        var stale = settings.Keys
            .Where(name => !name.StartsWith("APPLICATIONINSIGHTS_", StringComparison.Ordinal))
            .Where(name => !connections.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .Where(name => !exampleNames.Contains(name) && !AzureOnly.ContainsKey(name))
            .ToList();

        Assert.True(stale.Count == 0, "App settings the code no longer lists (rename or remove them in infra/main.bicep): " + string.Join(", ", stale));
    }

    [Fact]
    public void The_local_only_exceptions_are_still_in_the_example()
    {
        // An exception for a key that is gone would hide nothing but would mislead the next reader.
        var exampleNames = example.Keys.Select(LocalSettingsExample.AsAppSettingName).ToList();
        Assert.All(LocalOnly.Keys, name => Assert.Contains(name, exampleNames));
        Assert.All(LocalOnly.Keys, name => Assert.DoesNotContain(name, settings.Keys));
        Assert.All(AzureOnly.Keys, name => Assert.Contains(name, settings.Keys));
        Assert.All(AzureOnly.Keys, name => Assert.DoesNotContain(name, exampleNames));
    }

    [Fact]
    public void Every_connection_a_trigger_names_is_identity_based_in_Azure()
    {
        var connections = FunctionsMetadata.Functions()
            .SelectMany(function => function.Bindings)
            .Select(binding => binding["connection"]?.GetValue<string>())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("PressStorage", connections);
        foreach (var connection in connections)
        {
            SecurityBaselineTests.AssertIdentityBasedConnection(settings, connection);
        }
    }

    [Fact]
    public void Every_setting_a_binding_expression_names_has_an_app_setting()
    {
        var named = FunctionsMetadata.Functions()
            .SelectMany(function => function.Bindings)
            .SelectMany(binding => BindingExpression().Matches(binding.ToJsonString()).Select(match => match.Groups["name"].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("Dispatch:Schedule", named);
        Assert.All(named, name => Assert.Contains(LocalSettingsExample.AsAppSettingName(name), settings.Keys));
    }

    [Fact]
    public void The_timer_schedule_in_Azure_is_a_six_field_NCRONTAB()
    {
        var schedule = CompiledInfra.Main.ParameterValue("dispatchSchedule")!.GetValue<string>();

        Assert.Equal(schedule, settings["Dispatch__Schedule"]);
        Assert.Equal(6, schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Every_options_section_the_code_binds_has_app_settings()
    {
        var sections = SourceFiles()
            .SelectMany(file => OptionsSection().Matches(File.ReadAllText(file)).Select(match => (Section: match.Groups["section"].Value, File: file)))
            .ToList();

        Assert.NotEmpty(sections);
        Assert.All(sections, found => Assert.True(
            settings.Keys.Any(name => name.StartsWith(found.Section + "__", StringComparison.Ordinal)),
            $"{Path.GetRelativePath(BuildFacts.RepositoryRoot, found.File)} binds section '{found.Section}', but no app setting starts with {found.Section}__."));
    }

    [Fact]
    public void Queues_the_triggers_read_are_provisioned_and_named_to_the_code()
    {
        var queues = FunctionsMetadata.Functions()
            .Select(function => function.Trigger)
            .Where(trigger => trigger?["type"]?.GetValue<string>() == "queueTrigger")
            .Select(trigger => trigger!["queueName"]!.GetValue<string>())
            .ToList();
        var provisioned = CompiledInfra.Main.Module("storage").ParameterValue("queues")!.AsArray().Select(queue => queue!.GetValue<string>()).ToList();

        Assert.NotEmpty(queues);
        Assert.All(queues, queue => Assert.Contains(queue, provisioned));
        Assert.Contains(settings["Pipeline__WorkQueue"], queues);
    }

    [Fact]
    public void The_work_item_retry_limit_the_code_is_told_matches_host_json()
    {
        var host = JsonNode.Parse(File.ReadAllText(BuildFacts.InRepository("host.json")))!;

        Assert.Equal(host["extensions"]!["queues"]!["maxDequeueCount"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture), settings["Pipeline__MaxDequeueCount"]);
    }

    [Fact]
    public void The_consoles_PDF_layout_cache_is_a_sixteenth_of_the_instance_memory()
    {
        // 128 MB on the default 2,048 MB instance (the code's own default), 32 on 512: docs/console.md.
        Assert.Equal("[string(div(parameters('instanceMemoryMB'), 16))]", settings["Pipeline__PdfPreviewCacheMegabytes"]);
        Assert.Equal("128", example["Pipeline:PdfPreviewCacheMegabytes"]);
    }

    [Fact]
    public void Containers_the_code_is_told_about_are_provisioned()
    {
        var storage = CompiledInfra.Main.Module("storage");
        var provisioned = storage.ParameterValue("privateContainers")!.AsArray().Select(name => name!.GetValue<string>())
            .Append(storage.ParameterValue("newsroomContainer")!.GetValue<string>())
            .ToList();

        var containerSettings = settings.Where(setting => setting.Key.EndsWith("Container", StringComparison.Ordinal)).ToList();
        Assert.True(containerSettings.Count >= 5);
        Assert.All(containerSettings, setting => Assert.Contains(setting.Value, provisioned));
    }

    /// <summary>C# files of the app (not build output): where options classes name their configuration sections.</summary>
    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(BuildFacts.InRepository("src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    [GeneratedRegex("%(?<name>[^%\"]+)%")]
    private static partial Regex BindingExpression();

    // `public const string Section = "Mail";` (or SectionName), the convention the options classes follow.
    [GeneratedRegex(@"const\s+string\s+Section(Name)?\s*=\s*""(?<section>[A-Za-z0-9]+)""")]
    private static partial Regex OptionsSection();
}
