using PressPipeline.Infra.Tests.Support;

namespace PressPipeline.Infra.Tests;

/// <summary>The runbook's alerts exist: failed runs, poison messages, upload events Event Grid gave up on.</summary>
public sealed class AlertTests
{
    private readonly ArmTemplate main = CompiledInfra.Main;

    [Fact]
    public void Failed_runs_and_poison_messages_raise_log_alerts_on_Application_Insights()
    {
        var rules = main.AllResources.Where(resource => resource.Type == "Microsoft.Insights/scheduledQueryRules").ToList();

        var rule = Assert.Single(rules);
        Assert.NotNull(rule.Json["copy"]);
        var queries = rule.Template.Variable("rules")!.AsArray().Select(item => item!["query"]!.GetValue<string>()).ToList();
        Assert.Contains(queries, query => query.StartsWith("requests | where success == false", StringComparison.Ordinal));
        Assert.Contains(queries, query => query.Contains("poison", StringComparison.Ordinal));
        Assert.Equal("[parameters('applicationInsightsId')]", rule.Json["properties"]!["scopes"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Dead_lettered_upload_events_raise_a_metric_alert()
    {
        var alert = main.AllResources.Single(resource => resource.Type == "Microsoft.Insights/metricAlerts");

        Assert.Equal("DeadLetteredCount", alert.Property("properties.criteria.allOf")!.AsArray().Single()!["metricName"]!.GetValue<string>());
        Assert.Contains("Microsoft.EventGrid/systemTopics", alert.Property("properties.scopes")!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_mail_the_operator_only_when_an_address_is_given()
    {
        var group = main.AllResources.Single(resource => resource.Type == "Microsoft.Insights/actionGroups");

        Assert.Equal("[not(empty(parameters('alertEmail')))]", group.Json["condition"]!.GetValue<string>());
        Assert.Equal("", main.ParameterValue("alertEmail")!.GetValue<string>());
    }
}
