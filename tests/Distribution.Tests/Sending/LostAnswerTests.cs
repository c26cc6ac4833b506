using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Sending;
using PressPipeline.Distribution.Storage;
using PressPipeline.Distribution.Tests.Infrastructure;

namespace PressPipeline.Distribution.Tests.Sending;

/// <summary>
/// Storage applied a ledger write but its answer was lost; the storage client retries the same conditional write and
/// gets 412 (our own write changed the ETag). Seen in the fault campaign with a loaded Azurite.
/// </summary>
public sealed class LostAnswerTests
{
    [Fact]
    public async Task A_claim_and_an_outcome_whose_answers_were_lost_are_recognised_as_our_own_writes()
    {
        Azurite.EnsureRunning();
        var loseAnswers = new LoseAnswerOfUpdates();
        var options = new TableClientOptions();
        options.AddPolicy(loseAnswers, HttpPipelinePosition.PerRetry);
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var ledger = new TableBatchLedger(
            new TableProvider(new TableServiceClient(Azurite.ConnectionString, options)),
            Options.Create(new SendGridOptions { LedgerTable = Azurite.UniqueName("lost") }),
            TimeProvider.System);
        var row = Assert.Single(await ledger.PlanAsync("r-lost", ["a", "b", "c"], 1000, CancellationToken.None));

        loseAnswers.Armed = true;
        var claimed = await ledger.TryClaimAsync(row, ["a", "b", "c"], CancellationToken.None);
        Assert.NotNull(claimed);
        Assert.Equal(BatchState.Sending, claimed.State);

        loseAnswers.Armed = true;
        var accepted = await ledger.RecordAsync(claimed, BatchState.Accepted, "msg-1", null, CancellationToken.None);

        Assert.Equal(BatchState.Accepted, accepted.State);
        Assert.Equal(2, loseAnswers.Lost);
        Assert.Equal(BatchState.Accepted, Assert.Single(await ledger.ListAsync("r-lost", CancellationToken.None)).State);
    }

    /// <summary>Lets the next entity update reach storage, then loses its answer, as a timeout would.</summary>
    private sealed class LoseAnswerOfUpdates : HttpPipelinePolicy
    {
        public bool Armed { get; set; }

        public int Lost { get; private set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (Armed && message.Request.Method == RequestMethod.Put)
            {
                Armed = false;
                Lost++;
                throw new IOException("the answer was lost (simulated)");
            }
        }
    }
}
