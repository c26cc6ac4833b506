using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using PressPipeline.Distribution.Storage;
using PressPipeline.Distribution.Tests.Infrastructure;

namespace PressPipeline.Distribution.Tests.Storage;

public sealed class TableProviderTests
{
    [Fact]
    public async Task A_table_creation_that_failed_is_tried_again_on_the_next_call()
    {
        Azurite.EnsureRunning();
        var failOnce = new FailOncePolicy();
        var options = new TableClientOptions();
        options.AddPolicy(failOnce, HttpPipelinePosition.PerCall);
        var provider = new TableProvider(new TableServiceClient(Azurite.ConnectionString, options));
        var name = Azurite.UniqueName("retry");

        await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetAsync(name, CancellationToken.None));
        var table = await provider.GetAsync(name, CancellationToken.None);

        await table.AddEntityAsync(new TableEntity("p", "r"));
    }

    [Fact]
    public async Task A_first_caller_that_gives_up_does_not_break_the_table_for_the_others()
    {
        Azurite.EnsureRunning();
        var provider = new TableProvider(new TableServiceClient(Azurite.ConnectionString));
        var name = Azurite.UniqueName("cancel");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetAsync(name, new CancellationToken(canceled: true)));
        var table = await provider.GetAsync(name, CancellationToken.None);

        await table.AddEntityAsync(new TableEntity("p", "r"));
    }

    /// <summary>Storage unreachable for the first request only, as after a network blip at start-up.</summary>
    private sealed class FailOncePolicy : HttpPipelinePolicy
    {
        public int Calls { get; private set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (++Calls == 1)
            {
                throw new HttpRequestException("storage unreachable (simulated)");
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
