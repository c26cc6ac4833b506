using System.Text.Json.Nodes;
using PressPipeline.Infra.Tests.Support;

namespace PressPipeline.Infra.Tests;

/// <summary>
/// The runbook's alerts exist and watch exact signals: failed runs, a stopped dispatch timer, 5xx answers, poison
/// moves from the queue service's own log (not sampled traces), unresolved Key Vault references, Event Grid delivery
/// failures and dead letters; resource logs of every part reach Log Analytics; operators get a workbook.
/// </summary>
public sealed class AlertTests
{
    private readonly ArmTemplate main = CompiledInfra.Main;

    private IReadOnlyList<JsonNode> Rules =>
        [.. main.Module("alerts").Variable("rules")!.AsArray().Select(rule => rule!)];

    private JsonNode Rule(string name) => Rules.Single(rule => rule["name"]!.GetValue<string>() == name);

    [Fact]
    public void Log_alerts_cover_failures_the_dispatch_timer_5xx_poison_and_unresolved_references()
    {
        var resource = main.AllResources.Single(resource => resource.Type == "Microsoft.Insights/scheduledQueryRules");

        Assert.NotNull(resource.Json["copy"]);
        Assert.Equal(
            ["function-failures", "dispatch-timer-stopped", "http-5xx", "poison-messages", "unresolved-references"],
            Rules.Select(rule => rule["name"]!.GetValue<string>()));
        Assert.StartsWith("requests | where success == false", Rule("function-failures")["query"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dispatch_timer_that_missed_three_periods_raises_an_alert()
    {
        var rule = Rule("dispatch-timer-stopped");

        Assert.Contains("operation_Name == \"DispatchDue\"", rule["query"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("runs == 0", rule["query"]!.GetValue<string>(), StringComparison.Ordinal);
        // Three periods of the default one-minute schedule, but never below a log alert's five-minute minimum.
        Assert.Contains("max(5, mul(3, parameters('dispatchPeriodMinutes')))", main.Module("alerts").Json["variables"]!["dispatchWindowMinutes"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, main.ParameterValue("dispatchPeriodMinutes")!.GetValue<int>());
    }

    [Fact]
    public void Poison_moves_are_counted_from_the_queue_log_not_from_sampled_traces()
    {
        var rule = Rule("poison-messages");

        Assert.StartsWith("StorageQueueLogs | where OperationName == \"PutMessage\" and ObjectKey has \"-poison\"", rule["query"]!.GetValue<string>(), StringComparison.Ordinal);
        // The workspace (resource logs), which main.bicep passes as the monitoring module's output.
        Assert.Contains("logAnalyticsId", rule["scope"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(Rules, r => r["query"]!.GetValue<string>().StartsWith("traces", StringComparison.Ordinal));
    }

    [Fact]
    public void Unresolved_references_and_5xx_raise_alerts()
    {
        Assert.Contains("unresolved Key Vault reference", Rule("unresolved-references")["query"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, Rule("unresolved-references")["severity"]!.GetValue<int>());
        Assert.Contains("toint(resultCode) >= 500", Rule("http-5xx")["query"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Event_Grid_delivery_failures_and_dead_letters_raise_metric_alerts()
    {
        var alert = main.AllResources.Single(resource => resource.Type == "Microsoft.Insights/metricAlerts");
        var metrics = alert.Template.Variable("topicAlerts")!.AsArray().Select(item => item!["metricName"]!.GetValue<string>());

        Assert.NotNull(alert.Json["copy"]);
        Assert.Equal(["DeliveryAttemptFailCount", "DeadLetteredCount"], metrics);
        Assert.Contains("Microsoft.EventGrid/systemTopics", alert.Json["properties"]!["scopes"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_mail_the_operator_only_when_an_address_is_given()
    {
        var group = main.AllResources.Single(resource => resource.Type == "Microsoft.Insights/actionGroups");

        Assert.Equal("[not(empty(parameters('alertEmail')))]", group.Json["condition"]!.GetValue<string>());
        Assert.Equal("", main.ParameterValue("alertEmail")!.GetValue<string>());
    }

    [Fact]
    public void Every_part_sends_its_resource_logs_to_Log_Analytics()
    {
        var settings = main.AllResources.Where(resource => resource.Type == "Microsoft.Insights/diagnosticSettings").ToList();
        string Categories(ArmResource setting) => string.Join(',', setting.Property("properties.logs")!.AsArray().Select(log => (log!["category"] ?? log["categoryGroup"])!.GetValue<string>()));
        ArmResource On(string scopeType) => settings.Single(setting => setting.Json["scope"]!.GetValue<string>().Contains(scopeType, StringComparison.Ordinal));

        Assert.Equal(6, settings.Count);
        Assert.All(settings, setting => Assert.Equal("[parameters('logAnalyticsId')]", setting.Json["properties"]!["workspaceId"]!.GetValue<string>()));
        Assert.Equal("FunctionAppLogs", Categories(On("Microsoft.Web/sites")));
        Assert.Equal("audit", Categories(On("Microsoft.KeyVault/vaults")));
        Assert.Equal("DeliveryFailures", Categories(On("Microsoft.EventGrid/systemTopics")));
        foreach (var service in new[] { "blobServices", "queueServices", "tableServices" })
        {
            // Reads are logged too: anonymous newsroom reads included.
            Assert.Equal("StorageRead,StorageWrite,StorageDelete", Categories(On($"Microsoft.Storage/storageAccounts/{service}")));
        }
    }

    [Fact]
    public void Operators_get_a_workbook_of_releases_sends_and_failures()
    {
        var workbook = main.AllResources.Single(resource => resource.Type == "Microsoft.Insights/workbooks");
        var content = JsonNode.Parse(File.ReadAllText(BuildFacts.InRepository("infra", "app", "workbook.json")))!;
        var titles = content["items"]!.AsArray().Select(item => item!["content"]?["title"]?.GetValue<string>()).OfType<string>().ToList();

        Assert.Equal("[parameters('logAnalyticsId')]", workbook.Json["properties"]!["sourceId"]!.GetValue<string>());
        Assert.Contains(titles, title => title.StartsWith("Releases", StringComparison.Ordinal));
        Assert.Contains(titles, title => title.StartsWith("Sends", StringComparison.Ordinal));
        Assert.Contains(titles, title => title.StartsWith("Failures", StringComparison.Ordinal));
        // Bicep inlines the file (loadJsonContent) into the template, so the deployed workbook is exactly workbook.json.
        Assert.Equal("[string(variables('$fxv#0'))]", workbook.Json["properties"]!["serializedData"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(content, workbook.Template.Json["variables"]!["$fxv#0"]));
    }
}
