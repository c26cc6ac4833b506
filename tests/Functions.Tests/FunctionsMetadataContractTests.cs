using System.Reflection;
using System.Text.Json.Nodes;

namespace PressPipeline.Functions.Tests;

/// <summary>
/// The functions.metadata the Worker SDK generates is what the host (and Event Grid, and the scale controller)
/// will see; the Functions host cannot run here, so its contract is asserted directly.
/// </summary>
public sealed class FunctionsMetadataContractTests
{
    private static readonly Dictionary<string, JsonObject> Triggers = Load();

    private static Dictionary<string, JsonObject> Load()
    {
        var folder = typeof(FunctionsMetadataContractTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutput").Value!;
        var path = Path.Combine(folder, "functions.metadata");
        Assert.True(File.Exists(path), $"No functions.metadata at {path}; build src/Functions first.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray().ToDictionary(
            f => f!["name"]!.GetValue<string>(),
            f => f!["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal)));
    }

    private static string Text(JsonObject binding, string key) => binding[key]!.GetValue<string>();

    [Fact]
    public void Upload_trigger_is_an_Event_Grid_blob_trigger_on_uploads_with_the_PressStorage_connection()
    {
        var upload = Triggers["ProcessUpload"];

        Assert.Equal("blobTrigger", Text(upload, "type"));
        Assert.Equal("uploads/{name}", Text(upload, "path"));
        Assert.Equal("EventGrid", Text(upload, "source"));
        Assert.Equal("PressStorage", Text(upload, "connection"));
    }

    [Fact]
    public void Timer_reads_its_schedule_from_the_Dispatch_Schedule_setting()
    {
        var timer = Triggers["DispatchDue"];

        Assert.Equal("timerTrigger", Text(timer, "type"));
        Assert.Equal("%Dispatch:Schedule%", Text(timer, "schedule"));
        Assert.Null(timer["runOnStartup"]);
    }

    [Fact]
    public void Work_queue_trigger_drains_release_work_with_the_PressStorage_connection()
    {
        var work = Triggers["DoReleaseWork"];

        Assert.Equal("queueTrigger", Text(work, "type"));
        Assert.Equal("release-work", Text(work, "queueName"));
        Assert.Equal("PressStorage", Text(work, "connection"));
    }

    [Theory]
    [InlineData("CreateRelease", "post", "releases")]
    [InlineData("ListReleases", "get", "releases")]
    [InlineData("GetRelease", "get", "releases/{id}")]
    [InlineData("ScheduleRelease", "post", "releases/{id}/schedule")]
    [InlineData("CancelRelease", "post", "releases/{id}/cancel")]
    [InlineData("PreviewRelease", "get", "releases/{id}/preview")]
    [InlineData("ApproveRelease", "post", "releases/{id}/approve")]
    [InlineData("TestSendRelease", "post", "releases/{id}/test-send")]
    [InlineData("CorrectRelease", "post", "releases/{id}/correct")]
    [InlineData("GetDeliveryReport", "get", "releases/{id}/report")]
    [InlineData("ExportDeliveryReport", "get", "releases/{id}/report/csv")]
    [InlineData("ListMediaLists", "get", "lists")]
    [InlineData("CheckMediaList", "post", "lists/{name}/check")]
    [InlineData("CreateMediaList", "post", "lists/{name}")]
    [InlineData("ReplaceMediaList", "put", "lists/{name}")]
    [InlineData("DownloadMediaList", "get", "lists/{name}")]
    [InlineData("DeleteMediaList", "delete", "lists/{name}")]
    [InlineData("ListSuppressions", "get", "suppressions")]
    [InlineData("AddSuppression", "post", "suppressions")]
    [InlineData("RemoveSuppression", "post", "suppressions/remove")]
    [InlineData("ExportSuppressions", "get", "suppressions/csv")]
    [InlineData("ListActivity", "get", "activity")]
    [InlineData("ResumeRelease", "post", "releases/{id}/resume")]
    [InlineData("ListHeldBatches", "get", "releases/{id}/held-batches")]
    [InlineData("ReleaseHeldBatch", "post", "releases/{id}/held-batches/{batch}/release")]
    public void Staff_API_routes_need_no_function_key_because_sign_in_names_the_staff_member(string function, string method, string route)
    {
        var http = Triggers[function];

        Assert.Equal("httpTrigger", Text(http, "type"));
        Assert.Equal(route, Text(http, "route"));
        Assert.Equal([method], http["methods"]!.AsArray().Select(m => m!.GetValue<string>()));

        // People hold no function keys: App Service Authentication signs them in, and the route itself refuses a
        // request without a principal (StaffApi, tested in StaffSignInTests).
        Assert.Equal("Anonymous", Text(http, "authLevel"));
    }

    [Fact]
    public void Signed_file_route_is_anonymous_because_the_signature_is_the_credential()
    {
        var files = Triggers["SignedFile"];

        Assert.Equal("files/{id}/{*path}", Text(files, "route"));
        Assert.Equal("Anonymous", Text(files, "authLevel"));
        Assert.Equal(["get"], files["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public void Every_storage_trigger_uses_the_PressStorage_connection()
    {
        var storageTriggers = Triggers.Values.Where(t => t["connection"] is not null).ToList();

        Assert.NotEmpty(storageTriggers);
        Assert.All(storageTriggers, t => Assert.Equal("PressStorage", Text(t, "connection")));
    }
}
