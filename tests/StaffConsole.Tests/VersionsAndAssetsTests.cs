using System.Text.Json;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.Http;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Storage;
using PressPipeline.StaffConsole.Tests.Support;

namespace PressPipeline.StaffConsole.Tests;

/// <summary>
/// Translations and files reach a release through the console's upload and release pages, by the same services as
/// the API (ReleaseOperations.UploadAsync/TranslateAsync, ReleaseAssets), on Azurite with the multilingual sample.
/// </summary>
public sealed class VersionsAndAssetsTests
{
    private static byte[] Multilingual(string name) => ConsoleClient.RepositoryFile("samples", "multilingual", name);

    private static byte[] Bibliography => ConsoleClient.RepositoryFile("tests", "Pipeline.Tests", "Fixtures", "assets", "bibliography.pdf");

    /// <summary>An ELF header named .pdf: refused by its bytes whatever its name says.</summary>
    private static readonly byte[] Program = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0];

    [Fact]
    public async Task Upload_with_two_translations_and_a_file_shows_three_versions_and_the_file()
    {
        await using var console = await ConsoleClient.StartAsync();
        var form = await console.GetAsync("/upload");
        Assert.NotNull(form.Page.QuerySelector("#upload-form input[type=file][name=translation][multiple]"));
        Assert.NotNull(form.Page.QuerySelector("#upload-form input[type=file][name=assets][multiple]"));

        var posted = await console.PostFilesAsync(
            "/upload",
            new Dictionary<string, string> { [ConsoleSecurity.TokenField] = form.Token },
            [
                ("file", "roundtable-2026.docx", Multilingual("roundtable-2026.docx")),
                ("translation", "roundtable-2026.ru.docx", Multilingual("roundtable-2026.ru.docx")),
                ("translation", "roundtable-2026.kk.docx", Multilingual("roundtable-2026.kk.docx")),
                ("assets", "bibliography.pdf", Bibliography),
            ]);

        Assert.Equal(StatusCodes.Status303SeeOther, posted.Status);
        var id = posted.Location!["/console/releases/".Length..].Split('?')[0];
        var page = await console.GetAsync($"/releases/{id}");
        Assert.Equal("Converted", page.Page.QuerySelector("#release-state")!.GetAttribute("data-state"));
        var versions = page.Page.QuerySelectorAll("#versions li").Select(li => li.GetAttribute("data-language")).ToList();
        Assert.Equal(["en", "kk", "ru"], versions.Order(StringComparer.Ordinal));
        Assert.Contains("main version", page.Page.QuerySelector("#versions li[data-language=en]")!.TextContent, StringComparison.Ordinal);

        // Each version's link opens its own web page, in its language.
        foreach (var link in page.Page.QuerySelectorAll("#versions a"))
        {
            var preview = await console.GetAsync(link.GetAttribute("href")!["/console".Length..]);
            Assert.Equal(StatusCodes.Status200OK, preview.Status);
            Assert.Contains("sandbox", preview.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        }

        var russian = await console.GetAsync($"/releases/{id}/preview/ru/web");
        Assert.StartsWith("ru", russian.Page.DocumentElement.GetAttribute("lang"), StringComparison.Ordinal);

        var asset = Assert.Single(page.Page.QuerySelectorAll("#assets tbody tr"));
        Assert.Equal(["bibliography.pdf", "PDF"], asset.QuerySelectorAll("td").Take(2).Select(td => td.TextContent.Trim()));
        Assert.EndsWith("MB", asset.QuerySelectorAll("td")[2].TextContent.Trim(), StringComparison.Ordinal);

        // The file's name links to the stored file, downloaded under its own name.
        var download = await console.GetAsync(asset.QuerySelector("a[download]")!.GetAttribute("href")!["/console".Length..]);
        Assert.Equal(200, download.Status);
        Assert.Equal("application/pdf", download.Headers.ContentType.ToString());
        Assert.Contains("filename=bibliography.pdf", download.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal(Bibliography, download.Bytes);
        Assert.Equal(404, (await console.GetAsync($"/releases/{id}/files/2")).Status);
        Assert.NotNull(page.Page.QuerySelector("#translate-form"));
        Assert.NotNull(page.Page.QuerySelector("#assets-form"));
    }

    [Fact]
    public async Task A_translation_added_later_through_the_release_page_becomes_a_version()
    {
        await using var console = await ConsoleClient.StartAsync();
        var form = await console.GetAsync("/upload");
        var posted = await console.PostFileAsync("/upload", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = form.Token }, "file", "roundtable-2026.docx", Multilingual("roundtable-2026.docx"));
        var id = posted.Location!["/console/releases/".Length..].Split('?')[0];
        var page = await console.GetAsync($"/releases/{id}");
        Assert.Single(page.Page.QuerySelectorAll("#versions li"));
        Assert.Equal(["", "en", "ru", "kk"], page.Page.QuerySelectorAll("#translate-form select[name=language] option").Select(o => o.GetAttribute("value")));

        var translated = await console.PostFileAsync(
            $"/releases/{id}/translate",
            new Dictionary<string, string> { [ConsoleSecurity.TokenField] = page.Token, ["language"] = "" },
            "file",
            "roundtable-2026.kk.docx",
            Multilingual("roundtable-2026.kk.docx"));

        Assert.Equal(StatusCodes.Status303SeeOther, translated.Status);
        Assert.Equal($"/console/releases/{id}?done=translate", translated.Location);
        var after = await console.GetAsync($"/releases/{id}?done=translate");
        Assert.Equal("The translation was added.", after.Page.QuerySelector("#done")!.TextContent.Trim());
        Assert.Equal(["en", "kk"], after.Page.QuerySelectorAll("#versions li").Select(li => li.GetAttribute("data-language")).Order(StringComparer.Ordinal));
        Assert.Contains("Қазақша", after.Page.QuerySelector("#versions")!.TextContent, StringComparison.Ordinal);

        // Without the page's token the form is refused, as every console form is.
        var forged = await console.PostFileAsync($"/releases/{id}/translate", new Dictionary<string, string>(), "file", "roundtable-2026.ru.docx", Multilingual("roundtable-2026.ru.docx"));
        Assert.Equal(StatusCodes.Status403Forbidden, forged.Status);
    }

    [Fact]
    public async Task A_translation_that_cannot_be_used_is_named_and_the_release_kept()
    {
        await using var console = await ConsoleClient.StartAsync();
        var form = await console.GetAsync("/upload");
        var posted = await console.PostFilesAsync(
            "/upload",
            new Dictionary<string, string> { [ConsoleSecurity.TokenField] = form.Token },
            [("file", "roundtable-2026.docx", Multilingual("roundtable-2026.docx")), ("translation", "notes.docx", "not a Word document"u8.ToArray()), ("translation", "roundtable-2026.ru.docx", Multilingual("roundtable-2026.ru.docx"))]);

        Assert.Equal(StatusCodes.Status303SeeOther, posted.Status);
        var id = posted.Location!["/console/releases/".Length..].Split('?')[0];
        var page = await console.GetAsync($"/releases/{id}");
        Assert.StartsWith("notes.docx was not added", page.Page.QuerySelector("#problems li")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["en", "ru"], page.Page.QuerySelectorAll("#versions li").Select(li => li.GetAttribute("data-language")).Order(StringComparer.Ordinal));

        // Through "Add a translation": the main version's language again is refused with the service's sentence.
        var again = await console.PostFileAsync($"/releases/{id}/translate", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = page.Token, ["language"] = "en" }, "file", "copy.docx", Multilingual("roundtable-2026.docx"));
        Assert.Equal(StatusCodes.Status400BadRequest, again.Status);
        Assert.StartsWith("copy.docx was not added: it is in English, the language of the main version", again.Page.QuerySelector("#form-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(2, again.Page.QuerySelectorAll("#versions li").Length);
    }

    [Fact]
    public async Task A_refused_file_shows_its_sentence_and_the_release_is_kept()
    {
        await using var console = await ConsoleClient.StartAsync();
        var form = await console.GetAsync("/upload");
        var posted = await console.PostFilesAsync(
            "/upload",
            new Dictionary<string, string> { [ConsoleSecurity.TokenField] = form.Token },
            [("file", "iom-roundtable-2014.docx", ConsoleClient.Sample()), ("assets", "evil.pdf", Program), ("assets", "bibliography.pdf", Bibliography)]);

        // The release page itself answers, naming the refused file; the release and the good file are kept.
        const string Sentence = "'evil.pdf' is a program, and programs are never published with a release, so it was not added.";
        Assert.Equal(StatusCodes.Status200OK, posted.Status);
        Assert.Equal(Sentence, posted.Page.QuerySelector("#refused-files li")!.TextContent.Trim());
        Assert.Equal("Converted", posted.Page.QuerySelector("#release-state")!.GetAttribute("data-state"));
        Assert.Equal("bibliography.pdf", Assert.Single(posted.Page.QuerySelectorAll("#assets tbody tr")).QuerySelector("td")!.TextContent.Trim());
        var id = posted.Page.QuerySelector("#assets-form")!.GetAttribute("action")!.Split('/')[^2];

        // Through "Add files" alone: nothing added (422), the same sentence, the release as it was.
        var added = await console.PostFilesAsync($"/releases/{id}/assets", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = posted.Token }, [("files", "evil.pdf", Program)]);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, added.Status);
        Assert.Equal(Sentence, added.Page.QuerySelector("#refused-files li")!.TextContent.Trim());
        var page = await console.GetAsync($"/releases/{id}");
        Assert.Equal("Converted", page.Page.QuerySelector("#release-state")!.GetAttribute("data-state"));
        Assert.Single(page.Page.QuerySelectorAll("#assets tbody tr"));
        Assert.Null(page.Page.QuerySelector("#refused-files"));
    }

    [Fact]
    public async Task Test_send_of_one_version_picked_on_the_release_page_sends_one_TEST_message_in_that_language()
    {
        await using var console = await ConsoleClient.StartAsync();
        var form = await console.GetAsync("/upload");
        var posted = await console.PostFilesAsync(
            "/upload",
            new Dictionary<string, string> { [ConsoleSecurity.TokenField] = form.Token },
            [
                ("file", "roundtable-2026.docx", Multilingual("roundtable-2026.docx")),
                ("translation", "roundtable-2026.ru.docx", Multilingual("roundtable-2026.ru.docx")),
                ("translation", "roundtable-2026.kk.docx", Multilingual("roundtable-2026.kk.docx")),
            ]);
        Assert.Equal(StatusCodes.Status303SeeOther, posted.Status);
        var id = posted.Location!["/console/releases/".Length..].Split('?')[0];
        var page = await console.GetAsync($"/releases/{id}");

        // "All versions" first (empty: one message per version), then each version the release has, by its name.
        var select = page.Page.QuerySelector("#test-send-form select#test-language[name=language]");
        Assert.NotNull(select);
        Assert.NotNull(page.Page.QuerySelector("#test-send-form label[for=test-language]"));
        var options = select.QuerySelectorAll("option").ToList();
        Assert.Equal(["", "en", "ru", "kk"], options.Select(o => o.GetAttribute("value")));
        Assert.Equal("All versions (one message each)", options[0].TextContent.Trim());
        Assert.Equal("Русский (ru)", options[2].TextContent.Trim());
        var russianTitle = page.Page.QuerySelector("#versions li[data-language=ru] span[lang=ru]:last-of-type")!.TextContent.Trim();
        var englishTitle = page.Page.QuerySelector("#versions li[data-language=en] span[lang=en]:last-of-type")!.TextContent.Trim();
        Assert.NotEqual(englishTitle, russianTitle);

        // A version the release does not have (a forged or stale form) is refused with the service's sentence; nothing sent.
        var missing = await console.PostAsync($"/releases/{id}/test-send", new Dictionary<string, string>
        {
            [ConsoleSecurity.TokenField] = page.Token,
            ["addresses"] = "desk@iom.example.org",
            ["language"] = "de",
        });
        Assert.Equal(StatusCodes.Status400BadRequest, missing.Status);
        Assert.Contains("the release has no version in 'de'", missing.Page.QuerySelector("#form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(console.Harness.Endpoint.Requests);

        var sent = await console.PostAsync($"/releases/{id}/test-send", new Dictionary<string, string>
        {
            [ConsoleSecurity.TokenField] = page.Token,
            ["addresses"] = "desk@iom.example.org",
            ["language"] = "ru",
        });

        Assert.Equal(StatusCodes.Status303SeeOther, sent.Status);
        Assert.Equal($"/console/releases/{id}?done=test-sent", sent.Location);
        var request = Assert.Single(console.Harness.Endpoint.Requests);
        Assert.Equal(["desk@iom.example.org"], request.Recipients);
        var subject = JsonDocument.Parse(request.Body).RootElement.GetProperty("subject").GetString()!;
        Assert.Contains("[TEST]", subject, StringComparison.Ordinal);
        Assert.Contains(russianTitle, subject, StringComparison.Ordinal);
        var after = await console.GetAsync($"/releases/{id}?done=test-sent");
        Assert.Contains("Test e-mail of version 1 (ru) sent to 1 address(es).", after.Page.QuerySelector("#release-history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_file_while_another_change_holds_the_release_says_to_try_again_and_keeps_the_release_as_it_was()
    {
        await using var console = await ConsoleClient.StartAsync(settings: new Dictionary<string, string?> { ["Pipeline:ReleaseLeaseWait"] = "00:00:02" });
        var form = await console.GetAsync("/upload");
        var posted = await console.PostFilesAsync("/upload", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = form.Token }, [("file", "iom-roundtable-2014.docx", ConsoleClient.Sample())]);
        var page = await console.GetAsync(posted.Location!["/console".Length..]);
        var id = page.Page.QuerySelector("#assets-form")!.GetAttribute("action")!.Split('/')[^2];

        // Another change (another instance, its own lease) is saving the release for longer than a change waits.
        var lockBlob = (await console.Harness.Get<ReleaseBlobStore>().ContainerAsync(default)).GetBlobClient($"{id}/{ReleaseWriteLock.LockName}");
        await lockBlob.UploadAsync(BinaryData.Empty, overwrite: true);
        var lease = lockBlob.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(60));
        try
        {
            var added = await console.PostFilesAsync($"/releases/{id}/assets", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = page.Token }, [("files", "bibliography.pdf", Bibliography)]);

            Assert.Equal(StatusCodes.Status409Conflict, added.Status);
            Assert.Equal(ReleaseBusyException.Sentence, added.Page.QuerySelector("#form-error")!.TextContent.Trim());
        }
        finally
        {
            await lease.ReleaseAsync();
        }

        var after = await console.GetAsync($"/releases/{id}");
        Assert.Empty(after.Page.QuerySelectorAll("#assets tbody tr"));
    }
}
