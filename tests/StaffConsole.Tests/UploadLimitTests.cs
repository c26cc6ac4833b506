using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.StaffConsole.Tests.Support;

namespace PressPipeline.StaffConsole.Tests;

/// <summary>
/// Each console form past its limit shows the refusal inline (<c>#form-error</c>, 413) in the page's language, with
/// nothing stored; at the limit it is accepted. Limits are set small through the options, as an operator would.
/// </summary>
public sealed class UploadLimitTests
{
    private static byte[] Sample => ConsoleClient.Sample();

    private static async Task<ConsoleClient> StartAsync(string language, IDictionary<string, string?>? settings = null)
    {
        var console = await ConsoleClient.StartAsync(settings: settings);
        console.Headers["Accept-Language"] = language;
        return console;
    }

    [Theory]
    [InlineData("en", "The file is larger than 8 KB: compress the pictures in Word (Picture Format › Compress Pictures) and upload it again.")]
    [InlineData("ru", "Файл больше 8 КБ: сожмите рисунки в Word (Формат рисунка › Сжать рисунки) и загрузите его снова.")]
    [InlineData("kk", "Файл 8 КБ-тан үлкен: Word-та суреттерді сығыңыз (Сурет пішімі › Суреттерді сығу) және оны қайта жүктеңіз.")]
    public async Task An_upload_past_the_document_limit_is_refused_on_the_form_in_the_page_language_and_nothing_is_stored(string language, string sentence)
    {
        Assert.True(Sample.Length > 8 * 1024, "The sample must be larger than the limit this test sets.");
        await using var console = await StartAsync(language, new Dictionary<string, string?> { ["Pipeline:MaxUploadBytes"] = "8192" });
        var form = await console.GetAsync("/upload");

        var posted = await console.PostFileAsync("/upload", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = form.Token, ["lists"] = "media" }, "file", "iom-roundtable-2014.docx", Sample);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, posted.Status);
        Assert.Equal(sentence, posted.Page.QuerySelector("#form-error")!.TextContent.Trim());
        Assert.NotNull(posted.Page.QuerySelector("#upload-form"));
        Assert.Empty(await console.Harness.Get<ReleaseOperations>().ListAsync(10, default));
    }

    [Fact]
    public async Task A_form_past_the_whole_upload_limit_is_refused_before_it_is_read_even_without_its_token()
    {
        await using var console = await StartAsync("ru", new Dictionary<string, string?> { ["Pipeline:MaxUploadBytes"] = "8192", ["Assets:MaxReleaseBytes"] = "8192" });

        // No token: the form is not read past the limit, so the page says what is wrong instead of "forbidden".
        var posted = await console.PostFileAsync("/upload", new Dictionary<string, string> { ["lists"] = "media" }, "file", "big.docx", new byte[512 * 1024]);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, posted.Status);
        Assert.StartsWith("Эта загрузка больше 16 КБ", posted.Page.QuerySelector("#form-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(await console.Harness.Get<ReleaseOperations>().ListAsync(10, default));
    }

    [Fact]
    public async Task An_upload_at_the_document_limit_is_accepted()
    {
        await using var console = await StartAsync("en", new Dictionary<string, string?> { ["Pipeline:MaxUploadBytes"] = Sample.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var id = await console.UploadSampleAsync();

        Assert.Equal(20, id.Length);
    }

    [Fact]
    public async Task A_correction_or_translation_past_the_limit_is_refused_on_the_release_page_and_the_release_is_unchanged()
    {
        await using var console = await StartAsync("ru");
        var id = await console.UploadSampleAsync();
        console.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.MaxUploadBytes = 8 * 1024;
        var page = await console.GetAsync($"/releases/{id}");

        var corrected = await console.PostFileAsync($"/releases/{id}/correct", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = page.Token }, "file", "corrected.docx", Sample);
        var translated = await console.PostFileAsync($"/releases/{id}/translate", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = page.Token, ["language"] = "ru" }, "file", "ru.docx", Sample);

        foreach (var refused in new[] { corrected, translated })
        {
            Assert.Equal(StatusCodes.Status413PayloadTooLarge, refused.Status);
            Assert.StartsWith("Файл больше 8 КБ", refused.Page.QuerySelector("#form-error")!.TextContent.Trim(), StringComparison.Ordinal);
            Assert.Equal("Converted", refused.Page.QuerySelector("#release-state")!.GetAttribute("data-state"));
        }

        var status = await console.Harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(1, status.Version);
        Assert.Single(status.Languages.DefaultIfEmpty("en"));
    }

    [Fact]
    public async Task Files_past_the_release_limit_are_refused_on_the_release_page_and_none_is_added()
    {
        await using var console = await StartAsync("kk", new Dictionary<string, string?> { ["Assets:MaxReleaseBytes"] = "65536" });
        var id = await console.UploadSampleAsync();
        var page = await console.GetAsync($"/releases/{id}");
        var pdf = ConsoleClient.RepositoryFile("tests", "Pipeline.Tests", "Fixtures", "assets", "bibliography.pdf");

        var posted = await console.PostFilesAsync(
            $"/releases/{id}/assets",
            new Dictionary<string, string> { [ConsoleSecurity.TokenField] = page.Token },
            [("files", "one.pdf", [.. pdf, .. new byte[40 * 1024]]), ("files", "two.pdf", [.. pdf, .. new byte[40 * 1024]])]);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, posted.Status);
        Assert.StartsWith("Бұл файлдар бір пресс-релиздің барлық файлдарына рұқсат етілген 64 КБ-тан көп", posted.Page.QuerySelector("#form-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty((await console.Harness.Get<ReleaseBlobStore>().GetManifestAsync(id, default))!.Assets);
    }

    [Theory]
    [InlineData("/lists")]
    [InlineData("/lists/media/replace")]
    public async Task A_list_past_the_limit_is_refused_on_the_lists_page_and_not_stored(string path)
    {
        await using var console = await StartAsync("ru", new Dictionary<string, string?> { ["Pipeline:MaxListBytes"] = "1024" });
        var page = await console.GetAsync("/lists");
        var csv = "email,name\n" + string.Concat(Enumerable.Range(1, 60).Select(n => $"journalist{n}@outlet.example,Journalist {n}\n"));

        var posted = await console.PostFileAsync(path, new Dictionary<string, string> { [ConsoleSecurity.TokenField] = page.Token, ["name"] = "media" }, "file", "media.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, posted.Status);
        Assert.Equal("Список больше 1 КБ; разделите его на несколько списков.", posted.Page.QuerySelector("#form-error")!.TextContent.Trim());
        Assert.Empty(await console.Harness.Get<MediaListOperations>().ListAsync(default));
    }

    [Fact]
    public async Task A_chunked_form_past_the_limit_is_refused_without_being_read_whole()
    {
        await using var console = await StartAsync("en", new Dictionary<string, string?> { ["Pipeline:MaxListBytes"] = "1024" });
        var page = await console.GetAsync("/lists");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(page.Token), ConsoleSecurity.TokenField },
            { new ByteArrayContent(new byte[4 * 1024 * 1024]), "file", "media.csv" },
        };
        var bytes = await content.ReadAsByteArrayAsync();
        var body = new ReadCounter(bytes);

        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("console.test");
        context.Request.Path = "/console/lists";
        context.Request.Headers.Origin = ConsoleClient.Origin;
        context.Request.ContentType = content.Headers.ContentType!.ToString();
        context.Request.Body = body;
        context.Response.Body = new MemoryStream();
        await console.App.HandleAsync(context, "/lists");

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.InRange(body.Position, 1024, 1024 + UploadBody.FormOverhead + 1);
    }

    /// <summary>A body without a length (chunked); its position says how much of it was read.</summary>
    private sealed class ReadCounter(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
