using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Tests;

/// <summary>Uploads are measured while they stream in: one past the limit is refused with a sentence, never buffered whole.</summary>
public sealed class UploadSizeTests : IAsyncLifetime
{
    private const long Limit = 1024 * 1024;
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now, configure: s => s.Configure<PipelineOptions>(o => o.MaxUploadBytes = Limit));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task An_upload_past_the_limit_is_refused_with_a_sentence_and_not_kept()
    {
        // Not seekable, so its size is only known by reading it, as with a request body.
        await using var upload = new Unseekable(new byte[(3 * Limit) + 17]);

        var result = await harness.Get<ReleaseIntake>().IntakeAsync(upload, "huge.docx", ReleaseInstructions.None, default);

        Assert.Equal(ReleaseState.Rejected, result.Status.State);
        Assert.Equal("The file is larger than 1 MB: compress the pictures in Word (Picture Format › Compress Pictures) and upload it again.", Assert.Single(result.Status.Reasons));
        Assert.Equal(ReleaseId.FromContent(new byte[(3 * Limit) + 17]), result.ReleaseId);
        Assert.Null(await harness.Get<Storage.ReleaseBlobStore>().ReadAsync(result.ReleaseId, "original.docx", default));
    }

    [Fact]
    public async Task An_upload_past_the_limit_through_the_uploads_container_is_refused_with_a_sentence()
    {
        using var stream = new MemoryStream(new byte[Limit + 1]);
        await harness.Get<UploadsInbox>().PutAsync("big.docx", stream, ReleaseInstructions.None, default);

        var result = await harness.Get<UploadProcessor>().ProcessAsync("big.docx", null, default);

        Assert.Equal(ReleaseState.Rejected, result!.Status.State);
        Assert.StartsWith("The file is larger than 1 MB", Assert.Single(result.Status.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_at_the_limit_is_read_whole_and_hashed_as_before()
    {
        var bytes = new byte[Limit];
        new Random(15).NextBytes(bytes);

        var read = await BoundedUpload.ReadAsync(new Unseekable(bytes), Limit, default);

        Assert.Equal(bytes, read.Content!.ToArray());
        Assert.Equal(ReleaseId.FromContent(bytes), read.Id);
    }

    [Fact]
    public async Task A_translation_past_the_limit_in_the_uploads_container_is_refused_once_in_the_history_and_its_blob_kept()
    {
        await using var real = PipelineHarness.Start(Now, Conversion.ReleaseConverter.CreateDefault(), s => s.Configure<PipelineOptions>(o => o.MaxUploadBytes = 64 * 1024));
        var inbox = real.Get<UploadsInbox>();
        var processor = real.Get<UploadProcessor>();
        await inbox.PutAsync("roundtable.docx", new MemoryStream(TestDocx.Build("Round table", "FOR IMMEDIATE RELEASE", "Astana, 1 December 2026 – The body.")), ReleaseInstructions.None, default);
        await inbox.PutAsync("roundtable.ru.docx", new MemoryStream(new byte[(64 * 1024) + 1]), ReleaseInstructions.None, default);

        var main = (await processor.ProcessAsync("roundtable.docx", null, default))!;
        var arrived = (await processor.ProcessAsync("roundtable.ru.docx", null, default))!;
        await processor.ProcessAsync("roundtable.docx", null, default);

        const string Sentence = "roundtable.ru.docx was not added: The file is larger than 64 KB: compress the pictures in Word (Picture Format › Compress Pictures) and upload it again.";
        Assert.Equal(main.ReleaseId, arrived.ReleaseId);
        var status = await real.Get<Status.ReleaseStatusStore>().RequireAsync(main.ReleaseId, default);
        Assert.Equal(ReleaseState.Converted, status.State);
        Assert.Single(status.History, h => h.Message.Contains(Sentence, StringComparison.Ordinal));
        Assert.DoesNotContain("ru", status.Languages);
        var uploads = real.Container(real.Options.UploadsContainer);
        Assert.True((await uploads.GetBlobClient("roundtable.ru.docx").ExistsAsync()).Value);
    }

    /// <summary>A stream that hides its length, as an HTTP request body does.</summary>
    private sealed class Unseekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
