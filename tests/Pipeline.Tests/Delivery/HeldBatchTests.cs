using PressPipeline.Distribution.Sending;
using PressPipeline.Distribution.Tests.Infrastructure;
using PressPipeline.Pipeline.Recovery;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests.Delivery;

/// <summary>
/// Held ("unknown") batches end to end: the real pipeline and distribution on Azurite, the real SendGrid client against
/// a local endpoint, the real webhook receiver. Staff see what SendGrid reported and release each batch.
/// </summary>
public sealed class HeldBatchTests : IAsyncLifetime
{
    private const int Journalists = 2_500; // three batches: 1,000 + 1,000 + 500
    private DeliveryHarness harness = null!;

    public async Task InitializeAsync()
    {
        harness = await DeliveryHarness.StartAsync();
        await harness.UploadListAsync("media", Journalists);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private ReleaseRecovery Recovery => harness.Get<ReleaseRecovery>();

    private async Task<ReleaseStatus> StatusAsync(string id) => await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);

    [Fact]
    public async Task A_held_batch_the_webhook_shows_SendGrid_took_is_marked_accepted_and_never_sent_again()
    {
        // SendGrid queued the second batch, but a gateway answered 502: the run cannot know.
        harness.Endpoint.Then(EndpointAnswer.Accept, EndpointAnswer.QueuedThenBadGateway);
        var id = await harness.UploadReleaseAsync("Queued behind a 502");
        await harness.DispatchAndWorkAsync();

        var partly = await StatusAsync(id);
        Assert.Equal(ReleaseState.PartlySent, partly.State);
        var held = Assert.Single(await Recovery.HeldBatchesAsync(id, default));
        Assert.Equal(BatchState.Unknown, held.State);
        Assert.Empty(held.Reported);
        Assert.Contains("SendGrid answered 502", held.Reason, StringComparison.Ordinal);

        // The webhook then reports the batch's messages (custom_args carry release and batch).
        var request = harness.Endpoint.Requests.Single(r => r.Answer == EndpointAnswer.QueuedThenBadGateway);
        Assert.Equal(held.BatchId, request.BatchId);
        await harness.ReportAsync(id, held.BatchId, "processed", request.Recipients);
        await harness.ReportAsync(id, held.BatchId, "delivered", request.Recipients.Take(40));
        var seen = Assert.Single(await Recovery.HeldBatchesAsync(id, default));
        Assert.Equal(request.Recipients.Count, seen.Reported["processed"]);
        Assert.Equal(40, seen.Reported["delivered"]);

        var requestsBefore = harness.Endpoint.Requests.Count;
        var released = await Recovery.ReleaseHeldBatchAsync(id, held.BatchId, new Actor("aigerim", Door.Cli), default);
        await harness.Pipeline.WorkAsync();

        Assert.Equal(ReleaseState.Sending, released.State);
        Assert.Contains("SendGrid reported delivered 40, processed", released.History[^1].Message, StringComparison.Ordinal);
        Assert.Contains("marked accepted and not sent again", released.History[^1].Message, StringComparison.Ordinal);
        // One more request: the third batch, left unsent when the run stopped at the 502. The held one is not resent.
        Assert.Equal(requestsBefore + 1, harness.Endpoint.Requests.Count);
        Assert.Single(harness.Endpoint.Requests, r => r.BatchId == held.BatchId);
        var final = await StatusAsync(id);
        Assert.Equal(ReleaseState.Sent, final.State);
        Assert.Empty(await Recovery.HeldBatchesAsync(id, default));
        Assert.Equal(Journalists, harness.Queued().Count);
        Assert.All(harness.Queued().Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_held_batch_SendGrid_reported_nothing_for_is_sent_when_staff_release_it()
    {
        // A gateway timed out without passing the request on: nobody got the first batch.
        harness.Endpoint.Then(EndpointAnswer.GatewayTimeout);
        var id = await harness.UploadReleaseAsync("Lost behind a 504");
        await harness.DispatchAndWorkAsync();

        // The run stops at an unknown outcome (SendGrid may be in trouble): the other batches wait for staff.
        var held = Assert.Single(await Recovery.HeldBatchesAsync(id, default));
        Assert.Empty(harness.Queued());
        var partly = await StatusAsync(id);
        Assert.Equal(ReleaseState.PartlySent, partly.State);
        Assert.Equal("2 batches were not sent (resume the release to send them) and 1 have an unknown outcome and are held (release each one after checking SendGrid's activity).", partly.History[^1].Message);

        // Resuming sends the batches that were not attempted, and does not touch the held one.
        await Recovery.ResumeAsync(id, Actor.Of("staff", Door.Api), default);
        await harness.Pipeline.WorkAsync();
        Assert.Equal(ReleaseState.PartlySent, (await StatusAsync(id)).State);
        Assert.Equal(Journalists - 1_000, harness.Queued().Count);
        Assert.DoesNotContain(harness.Endpoint.Requests, r => r.BatchId == held.BatchId && r.Answer == EndpointAnswer.Accept);

        var released = await Recovery.ReleaseHeldBatchAsync(id, held.BatchId, new Actor("aigerim", Door.Api), default);
        await harness.Pipeline.WorkAsync();

        Assert.Contains($"Batch {held.BatchId} (1000 recipients) released by aigerim (api): SendGrid reported nothing for it; it is sent now.", released.History[^1].Message, StringComparison.Ordinal);
        Assert.Equal(ReleaseState.Sent, (await StatusAsync(id)).State);
        Assert.Equal(Journalists, harness.Queued().Count);
        Assert.All(harness.Queued().Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Releasing_a_batch_that_is_not_held_is_a_conflict_with_a_sentence()
    {
        harness.Endpoint.Then(EndpointAnswer.ServerError);
        var id = await harness.UploadReleaseAsync("Held by a 500");
        await harness.DispatchAndWorkAsync();

        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() => Recovery.ReleaseHeldBatchAsync(id, "b-00000000000000000000", Actor.Of("staff", Door.Api), default));

        Assert.Equal(ProblemKind.Conflict, problem.Kind);
        Assert.Equal($"Release {id} has no held batch 'b-00000000000000000000'; `presspipe status {id}` lists the held ones.", problem.Message);
    }
}
