using System.Text;
using Microsoft.AspNetCore.Http;
using PressPipeline.Functions.Api;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Tests;

/// <summary>
/// Every API route that takes staff's bytes answers 413 with the sentence of its kind of upload when the body is past
/// the limit — before reading it when <c>Content-Length</c> says so, and after reading no more than the limit when the
/// body is chunked — and accepts a body at the limit. Limits are set small through the options, as an operator would.
/// </summary>
public sealed class UploadLimitApiTests : IAsyncLifetime
{
    private const string Officer = "anna@iom.example.org";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private OperationsHarness harness = null!;

    public async Task InitializeAsync() => harness = await FunctionHarness.StartAsync(Now, new Dictionary<string, string?>
    {
        ["Pipeline:MaxListBytes"] = "1024",
        ["Assets:MaxReleaseBytes"] = "65536",
    });

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<string> CreateAsync(string title)
    {
        var (status, body) = FunctionHarness.Read(await harness.Function<CreateRelease>().Run(
            FunctionHarness.Multipart(TestDocx.Build(title, "FOR IMMEDIATE RELEASE", "Astana, 1 December 2026 – The body."), new Dictionary<string, string>()).As(Officer), default));
        Assert.Equal(201, status);
        return body.GetProperty("status").GetProperty("id").GetString()!;
    }

    /// <summary>A real .docx made larger than a small limit by a long body (the text compresses, so many paragraphs).</summary>
    private static byte[] LargeDocx(string title, int paragraphs) =>
        TestDocx.Build(title, "FOR IMMEDIATE RELEASE", [.. Enumerable.Range(1, paragraphs).Select(n => $"Paragraph {n}: {Guid.NewGuid():N} {Guid.NewGuid():N} {Guid.NewGuid():N}.")]);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_correction_or_translation_past_the_document_limit_is_413_with_the_sentence(bool declared)
    {
        var id = await CreateAsync("Round table");
        var docx = LargeDocx("Round table, corrected", 400);
        harness.Options.MaxUploadBytes = docx.Length - 1;
        var sentence = new Pipeline.Uploads.UploadLimit(Pipeline.Uploads.UploadKind.Document, docx.Length - 1).Sentence;

        var correct = Request(docx, declared, new Dictionary<string, string>());
        var translate = Request(docx, declared, new Dictionary<string, string> { ["language"] = "ru" });
        var (correctStatus, correctBody) = FunctionHarness.Read(await harness.Function<CorrectRelease>().Run(correct, id, default));
        var (translateStatus, translateBody) = FunctionHarness.Read(await harness.Function<TranslateRelease>().Run(translate, id, default));

        Assert.Equal((413, sentence), (correctStatus, correctBody.GetProperty("error").GetString()));
        Assert.Equal((413, sentence), (translateStatus, translateBody.GetProperty("error").GetString()));
        var (_, after) = FunctionHarness.Read(await harness.Function<GetRelease>().Run(FunctionHarness.Json("GET"), id, default));
        Assert.Equal(("Round table", 1), (after.GetProperty("status").GetProperty("title").GetString(), after.GetProperty("status").GetProperty("version").GetInt32()));
        Assert.DoesNotContain("ru", JsonLanguages(after));
    }

    [Fact]
    public async Task Documents_at_the_limit_are_accepted_by_upload_correct_and_translate()
    {
        var first = TestDocx.Build("At the limit", "FOR IMMEDIATE RELEASE", "Astana, 1 December 2026 – The body.");
        var corrected = TestDocx.Build("At the limit, corrected", "FOR IMMEDIATE RELEASE", "Astana, 1 December 2026 – The body.");
        var russian = TestDocx.Build("На пределе", "ДЛЯ НЕМЕДЛЕННОГО РАСПРОСТРАНЕНИЯ", "Астана, 1 декабря 2026 г. – Текст.");
        harness.Options.MaxUploadBytes = new[] { first.Length, corrected.Length, russian.Length }.Max();

        var (created, body) = FunctionHarness.Read(await harness.Function<CreateRelease>().Run(Request(first, declared: false, new Dictionary<string, string>()), default));
        var id = body.GetProperty("status").GetProperty("id").GetString()!;
        var (correctedStatus, _) = FunctionHarness.Read(await harness.Function<CorrectRelease>().Run(Request(corrected, declared: true, new Dictionary<string, string>()), id, default));
        var (translated, after) = FunctionHarness.Read(await harness.Function<TranslateRelease>().Run(Request(russian, declared: false, new Dictionary<string, string> { ["language"] = "ru" }), id, default));

        Assert.Equal((201, 200, 200), (created, correctedStatus, translated));
        Assert.Contains("ru", JsonLanguages(after));
    }

    [Fact]
    public async Task A_chunked_upload_past_the_limit_is_refused_having_read_no_more_than_the_limit()
    {
        var id = await CreateAsync("Chunked");
        const long limit = 128 * 1024;
        harness.Options.MaxUploadBytes = limit;
        var form = FunctionHarness.Multipart(new byte[8 * 1024 * 1024], new Dictionary<string, string>());
        var counted = new CountedStream(form.Body);
        form.Body = counted;
        form.ContentLength = null;

        var (status, body) = FunctionHarness.Read(await harness.Function<CorrectRelease>().Run(form.As(Officer), id, default));

        Assert.Equal(413, status);
        Assert.StartsWith("The file is larger than 128 KB", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.InRange(counted.BytesRead, limit, limit + UploadBody.FormOverhead + 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Files_past_the_release_limit_are_413_with_the_sentence_and_nothing_is_added(bool declared)
    {
        var id = await CreateAsync("With files");
        var request = FunctionHarness.Multipart(null, new Dictionary<string, string>(), ("file", "scan.pdf", [.. "%PDF-1.4\n"u8, .. new byte[1024 * 1024]]));
        var counted = new CountedStream(request.Body);
        request.ContentLength = declared ? request.Body.Length : null;
        request.Body = counted;

        var (status, body) = FunctionHarness.Read(await harness.Function<AddReleaseAssets>().Run(request.As(Officer), id, default));

        Assert.Equal(413, status);
        Assert.Equal("These files are more than the 64 KB a release's files may take together; send fewer or smaller files.", body.GetProperty("error").GetString());
        if (declared)
        {
            Assert.Equal(0, counted.BytesRead);
        }
        else
        {
            Assert.InRange(counted.BytesRead, 65536, 65536 + UploadBody.FormOverhead + 1);
        }

        var manifest = await harness.Get<Pipeline.Storage.ReleaseBlobStore>().GetManifestAsync(id, default);
        Assert.Empty(manifest!.Assets);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_list_past_the_limit_is_413_at_check_create_and_replace_and_is_not_stored(bool declared)
    {
        var csv = "email,name\n" + string.Concat(Enumerable.Range(1, 60).Select(n => $"journalist{n}@outlet.example,Journalist {n}\n"));
        Assert.True(Encoding.UTF8.GetByteCount(csv) > 1024);
        HttpRequest Body(string method)
        {
            var request = FunctionHarness.Body(method, csv).As(Officer);
            request.ContentLength = declared ? request.ContentLength : null;
            return request;
        }

        var (check, checkBody) = FunctionHarness.Read(await harness.Function<CheckMediaList>().Run(Body("POST"), "media", default));
        var (create, _) = FunctionHarness.Read(await harness.Function<CreateMediaList>().Run(Body("POST"), "media", default));
        var (replace, _) = FunctionHarness.Read(await harness.Function<ReplaceMediaList>().Run(Body("PUT"), "media", default));

        Assert.Equal((413, 413, 413), (check, create, replace));
        Assert.Equal("The list is larger than 1 KB; split it into several lists.", checkBody.GetProperty("error").GetString());
        Assert.Empty(await harness.Get<MediaListOperations>().ListAsync(default));
    }

    [Fact]
    public async Task A_list_at_the_limit_is_stored()
    {
        var csv = "email,name\n" + string.Concat(Enumerable.Range(1, 60).Select(n => $"journalist{n}@outlet.example,Journalist {n}\n"));
        harness.Options.MaxListBytes = Encoding.UTF8.GetByteCount(csv);

        var (status, body) = FunctionHarness.Read(await harness.Function<CreateMediaList>().Run(FunctionHarness.Body("POST", csv).As(Officer), "media", default));

        Assert.Equal(201, status);
        Assert.Equal(60, body.GetProperty("contacts").GetInt32());
    }

    [Fact]
    public async Task A_json_body_past_a_megabyte_is_413()
    {
        var id = await CreateAsync("Schedule");
        var request = FunctionHarness.Json("POST", "{\"lists\": [\"" + new string('a', 2 * 1024 * 1024) + "\"]}").As(Officer);

        var (status, body) = FunctionHarness.Read(await harness.Function<ScheduleRelease>().Run(request, id, default));

        Assert.Equal(413, status);
        Assert.Equal("The request is larger than 1 MB; send less at once.", body.GetProperty("error").GetString());
    }

    private static List<string?> JsonLanguages(System.Text.Json.JsonElement view) =>
        view.GetProperty("status").TryGetProperty("languages", out var languages) ? [.. languages.EnumerateArray().Select(l => l.GetString())] : [];

    private static HttpRequest Request(byte[] docx, bool declared, Dictionary<string, string> fields)
    {
        var request = FunctionHarness.Multipart(docx, fields).As(Officer);
        request.ContentLength = declared ? request.Body.Length : null;
        if (!declared)
        {
            request.Body = new CountedStream(request.Body);
        }

        return request;
    }

    /// <summary>A request body that hides its length (as a chunked one does); its position counts what was read of it.</summary>
    private sealed class CountedStream(Stream body) : MemoryStream(((MemoryStream)body).ToArray())
    {
        public long BytesRead => Position;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
