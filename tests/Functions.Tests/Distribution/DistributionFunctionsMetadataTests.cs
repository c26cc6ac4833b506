using System.Text.Json;

namespace PressPipeline.Functions.Tests.Distribution;

/// <summary>The generated functions.metadata is the contract with the host: routes, methods, anonymous access.</summary>
public class DistributionFunctionsMetadataTests
{
    private static JsonElement Trigger(string function)
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var entry = metadata.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == function);
        return entry.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger").Clone();
    }

    [Fact]
    public void Unsubscribe_is_anonymous_GET_and_POST_on_api_unsubscribe()
    {
        var trigger = Trigger("Unsubscribe");

        Assert.Equal("unsubscribe", trigger.GetProperty("route").GetString());
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["get", "post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_event_webhook_is_anonymous_POST_on_api_sendgrid_events()
    {
        var trigger = Trigger("SendGridEvents");

        Assert.Equal("sendgrid/events", trigger.GetProperty("route").GetString());
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }
}
