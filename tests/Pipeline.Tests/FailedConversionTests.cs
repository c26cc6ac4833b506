using PressPipeline.Conversion;
using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Results;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

/// <summary>
/// A converter failure that is not the document's fault (out of memory, a bug) leaves the release Failed, not
/// Rejected: the same bytes uploaded again are converted again, on Azurite with the real converter.
/// </summary>
public sealed class FailedConversionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private readonly FailsUntilToldNot reader = new();
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now, new ReleaseConverter(reader, DefaultRenderers.All()));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_release_that_failed_for_another_reason_than_the_document_converts_when_uploaded_again()
    {
        var docx = TestDocx.Build("Roundtable on labour migration", "FOR IMMEDIATE RELEASE", "Astana, May 14, 2014 – The roundtable met.");

        var failed = await harness.UploadAsync(docx);

        Assert.Equal(ReleaseState.Failed, failed.Status.State);
        var sentence = Assert.Single(failed.Status.Reasons);
        Assert.StartsWith("Failed: the document could not be processed", sentence, StringComparison.Ordinal);
        Assert.Contains("upload it again", sentence, StringComparison.Ordinal);
        Assert.Equal(ReleaseState.Failed, (await harness.Get<ReleaseStatusStore>().RequireAsync(failed.ReleaseId, default)).State);

        reader.Fail = false;
        var again = await harness.UploadAsync(docx);

        Assert.Equal(failed.ReleaseId, again.ReleaseId);
        Assert.Equal(ReleaseState.Converted, again.Status.State);
        Assert.Empty(again.Status.Reasons);
        Assert.Equal(
            [ReleaseState.Received, ReleaseState.Failed, ReleaseState.Converted],
            again.Status.History.Select(e => e.State).ToArray());
    }

    [Fact]
    public async Task A_rejected_document_stays_rejected_when_uploaded_again()
    {
        reader.Fail = false;
        var notWord = "plain text, not a Word document"u8.ToArray();

        var first = await harness.UploadAsync(notWord);
        var again = await harness.UploadAsync(notWord);

        Assert.Equal(ReleaseState.Rejected, first.Status.State);
        Assert.True(again.AlreadyKnown);
        Assert.Equal(ReleaseState.Rejected, again.Status.State);
    }

    /// <summary>The real reader, failing as the process would when out of memory until the test says otherwise.</summary>
    private sealed class FailsUntilToldNot : IDocxReader
    {
        private readonly WordReader real = new();

        public bool Fail { get; set; } = true;

        public Result<PressRelease> Read(Stream docx) =>
            Fail ? throw new InsufficientMemoryException("Simulated: the worker ran out of memory.") : real.Read(docx);
    }
}
