using Microsoft.AspNetCore.Http;
using PressPipeline.Functions.Api;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Functions.Tests;

/// <summary>The recovery doors of the API, called as the host calls them, on Azurite.</summary>
public sealed class RecoveryApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SendAt = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = FunctionHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Resume_answers_202_with_the_release_Sending_and_the_signed_in_user_in_its_history()
    {
        harness.Distributor.FailWith = ["Batch b-1 was not sent: SendGrid could not be reached."];
        var id = (await harness.UploadAsync(TestDocx.Build("Resume over the API"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        harness.Time.SetUtcNow(SendAt);
        await harness.DispatchAsync();
        await harness.WorkAsync();
        harness.Distributor.FailWith = [];

        var request = FunctionHarness.Json("POST");
        request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"] = "aigerim@iom.example.org";
        var (status, body) = FunctionHarness.Read(await harness.Function<ResumeRelease>().Run(request, id, default));
        await harness.WorkAsync();

        Assert.Equal(StatusCodes.Status202Accepted, status);
        Assert.Equal("Sending", body.GetProperty("status").GetProperty("state").GetString());
        var stored = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Sent, stored.State);
        Assert.Contains(stored.History, e => e.Message.StartsWith("Resumed by aigerim@iom.example.org (api)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resume_of_a_release_that_is_not_partly_sent_is_409_with_a_sentence()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Nothing to resume"), Flow.Send("2026-12-01T09:00"))).ReleaseId;

        var (status, body) = FunctionHarness.Read(await harness.Function<ResumeRelease>().Run(FunctionHarness.Json("POST"), id, default));

        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Equal($"Release {id} is Scheduled; only a partly sent release can be resumed.", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Held_batches_are_listed_as_json_and_releasing_an_unknown_one_is_409()
    {
        harness.Distributor.FailWith = ["Batch b-1 was not sent."];
        var id = (await harness.UploadAsync(TestDocx.Build("Held over the API"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        harness.Time.SetUtcNow(SendAt);
        await harness.DispatchAsync();
        await harness.WorkAsync();

        var list = Assert.IsType<Microsoft.AspNetCore.Mvc.ContentResult>(await harness.Function<ListHeldBatches>().Run(FunctionHarness.Json("GET"), id, default));
        var (status, body) = FunctionHarness.Read(await harness.Function<ReleaseHeldBatch>().Run(FunctionHarness.Json("POST"), id, "b-0123", default));

        Assert.Equal(StatusCodes.Status200OK, list.StatusCode);
        Assert.Equal("[]", list.Content);
        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Equal($"Release {id} has no held batch 'b-0123'; `presspipe status {id}` lists the held ones.", body.GetProperty("error").GetString());
    }
}
