using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using PressPipeline.Conversion;
using PressPipeline.Pipeline.Assets;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Tests.Delivery;

/// <summary>
/// One release in English, Russian and Kazakh, sent through the real converter, ledger and SendGrid client to a local
/// SendGrid endpoint on Azurite: every contact gets exactly one message, in the first of their languages the release
/// has (else the main version), and the links between versions work before and after the lift.
/// </summary>
public sealed partial class MultilingualDeliveryTests : IAsyncLifetime
{
    private const string English = "Round table on labour migration in Central Asia";
    private const string Russian = "Круглый стол по трудовой миграции в Центральной Азии";
    private const string Kazakh = "Орталық Азиядағы еңбек көші-қоны жөніндегі дөңгелек үстел";

    private static readonly DateTimeOffset SentAt = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private DeliveryHarness harness = null!;

    public async Task InitializeAsync() => harness = await DeliveryHarness.StartAsync(converter: ReleaseConverter.CreateDefault());

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Each_contact_gets_one_message_in_their_language_and_the_versions_link_to_each_other()
    {
        await UploadListAsync(
            "email,name,language\nen@x.example,En,en\nru@x.example,Ru,ru\nkk@x.example,Kk,kk\nruen@x.example,RuEn,\"ru,en\"\nde@x.example,De,de\nnone@x.example,None,\n");
        var result = await harness.Get<ReleaseIntake>().IntakeAsync(
            new MemoryStream(TestDocx.Build(English, "FOR IMMEDIATE RELEASE", "Astana, May 14, 2014 – The round table met today to discuss labour migration.")),
            "release.docx",
            Flow.Send("now", lists: ["media"]),
            CancellationToken.None,
            translations:
            [
                new VersionUpload("release-ru.docx", new MemoryStream(TestDocx.Build(Russian, "Для немедленного распространения", "Астана, 14 мая 2014 г. — Круглый стол обсудил трудовую миграцию в регионе."))),
                new VersionUpload("release-kk.docx", new MemoryStream(TestDocx.Build(Kazakh, null, "Астана, 2014 жылғы 14 мамыр — Дөңгелек үстел өңірдегі еңбек көші-қонын талқылады."))),
            ]);

        Assert.Null(result.InstructionProblem);
        Assert.Equal(ReleaseState.Scheduled, result.Status.State);
        Assert.Equal(["en", "ru", "kk"], result.Status.Languages);
        var id = result.ReleaseId;
        var manifest = (await harness.Get<ReleaseBlobStore>().GetManifestAsync(id, default))!;
        Assert.Equal(["en", "ru", "kk"], manifest.Versions.Select(v => v.Language));
        Assert.All(manifest.Versions, v => Assert.Contains(v.Files, f => f.Variant == "pdf" && f.Path == v.Folder + "release.pdf"));

        // Before the lift: the web page names every version, and the Russian e-mail's links open the other versions.
        var page = (await harness.Get<ReleaseBlobStore>().ReadAsync(id, "ru/index.html", default))!.ToString();
        Assert.Contains("hreflang=\"kk\"", page, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en\"", page, StringComparison.Ordinal);
        Assert.Contains("Қазақша", page, StringComparison.Ordinal);
        var russianMail = (await harness.Get<ReleaseBlobStore>().ReadAsync(id, "ru/email.html", default))!.ToString();
        var links = VersionLinks(russianMail, id);
        Assert.Equal(["index.html", "kk/index.html"], links.Select(l => l.File).Order(StringComparer.Ordinal));
        foreach (var (path, _) in links)
        {
            Assert.IsType<SignedFileResult.Found>(await harness.Get<SignedFileReader>().ReadAsync(id, path, default));
        }

        await harness.DispatchAndWorkAsync();

        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Sent, status.State);
        Assert.Equal(new Dictionary<string, int> { ["en"] = 3, ["ru"] = 2, ["kk"] = 1 }, status.Distribution!.ByLanguage);
        AssertOneMessageEachInTheirLanguage();

        // After the lift: the same links lead to the public newsroom copy of each version.
        Assert.NotNull(status.PublishedAt);
        foreach (var (path, file) in links)
        {
            var moved = Assert.IsType<SignedFileResult.Moved>(await harness.Get<SignedFileReader>().ReadAsync(id, path, default));
            Assert.EndsWith($"/{id}/{file}", moved.PublicUrl.AbsolutePath, StringComparison.Ordinal);
            var newsroom = harness.Pipeline.Container(harness.Pipeline.Options.NewsroomContainer).GetBlobClient($"{id}/{file}");
            Assert.True(await newsroom.ExistsAsync(), $"{file} is not in the newsroom.");
        }
    }

    /// <summary>
    /// The Done-when of issue 19 end to end: EN + RU + KK and two files, sent before the lift. Every message, and every
    /// version's stored web page and text, carries working links to the other versions and to both files through the
    /// signed route, and after the lift the same links lead to the public newsroom copies, byte for byte what the
    /// links served before; each page lists both files with type and size in its language; the manifest lists both
    /// files with their size and SHA-256.
    /// </summary>
    [Fact]
    public async Task Every_message_links_the_versions_and_both_files_before_and_after_the_lift()
    {
        // On the fake clock, so the lift can be reached: the harness InitializeAsync made runs on the real one.
        await harness.DisposeAsync();
        harness = await DeliveryHarness.StartAsync(converter: ReleaseConverter.CreateDefault(), clock: SentAt);
        await UploadListAsync(
            "email,name,language\nen@x.example,En,en\nru@x.example,Ru,ru\nkk@x.example,Kk,kk\nruen@x.example,RuEn,\"ru,en\"\nde@x.example,De,de\nnone@x.example,None,\n");
        var result = await harness.Get<ReleaseIntake>().IntakeAsync(
            new MemoryStream(TestDocx.Build(English, "FOR IMMEDIATE RELEASE", "Astana, 1 December 2026 – The round table met today to discuss labour migration.")),
            "release.docx",
            Flow.Send("now", publishAt: "2026-12-03T10:00", lists: ["media"]),
            CancellationToken.None,
            translations:
            [
                new VersionUpload("release-ru.docx", new MemoryStream(TestDocx.Build(Russian, null, "Астана, 1 декабря 2026 г. — Круглый стол обсудил трудовую миграцию в регионе."))),
                new VersionUpload("release-kk.docx", new MemoryStream(TestDocx.Build(Kazakh, null, "Астана, 2026 жылғы 1 желтоқсан — Дөңгелек үстел өңірдегі еңбек көші-қонын талқылады."))),
            ]);
        Assert.Equal(ReleaseState.Scheduled, result.Status.State);
        var id = result.ReleaseId;
        var pdf = File.ReadAllBytes(AssetCheckTests.Fixture("bibliography.pdf"));
        var photo = File.ReadAllBytes(AssetCheckTests.Fixture("photo-gps.jpg"));
        var added = await harness.Get<ReleaseAssets>().AddAsync(
            id, [new AssetUpload("bibliography.pdf", BinaryData.FromBytes(pdf)), new AssetUpload("photo.jpg", BinaryData.FromBytes(photo))], Actor.Of("Aigerim", Door.Api), default);
        Assert.Empty(added.Refused);

        // The manifest lists both files with the size and SHA-256 of the bytes stored (the photo's after its GPS position went).
        var manifest = (await harness.Get<ReleaseBlobStore>().GetManifestAsync(id, default))!;
        Assert.Equal(["assets/bibliography.pdf", "assets/photo.jpg"], manifest.Assets.Select(a => a.Path));
        foreach (var asset in manifest.Assets)
        {
            var stored = (await harness.Get<ReleaseBlobStore>().ReadAsync(id, asset.Path, default))!.ToArray();
            Assert.Equal(stored.Length, asset.Size);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored)), asset.Sha256);
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), manifest.Assets[0].Sha256);
        Assert.Equal(photo.Length, manifest.Assets[1].Size);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(photo)), manifest.Assets[1].Sha256);

        await harness.DispatchAndWorkAsync();
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Sent, status.State);
        Assert.Null(status.PublishedAt);
        var messages = AssertOneMessageEachInTheirLanguage();

        // Every link each message carries, version by version: the other versions' pages and both files among them.
        var linksByVersion = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (language, html, text) in messages)
        {
            var paths = SignedPaths(html, id);
            var others = new[] { "en", "ru", "kk" }.Where(l => l != language).Select(l => (l == "en" ? "" : l + "/") + "index.html");
            Assert.All(others, page => Assert.Contains(paths, p => FileOf(p) == page));
            Assert.Contains(paths, p => FileOf(p) == "assets/bibliography.pdf");
            Assert.Contains(paths, p => FileOf(p) == "assets/photo.jpg");
            Assert.Contains(SignedPaths(text, id), p => FileOf(p) == "assets/bibliography.pdf");
            Assert.Contains(SignedPaths(text, id), p => FileOf(p) == "assets/photo.jpg");
            linksByVersion[language] = paths;
        }

        Assert.Equal(["en", "kk", "ru"], linksByVersion.Keys.Order(StringComparer.Ordinal));

        // Every version's stored web page and text: both files listed with type and size in that version's language,
        // and every signed link in them (the other versions, both files) is opened below like the messages' links.
        var sizes = manifest.Assets.ToDictionary(a => a.Path, a => a.Size, StringComparer.Ordinal);
        var pageLinks = new List<string>();
        foreach (var language in new[] { "en", "ru", "kk" })
        {
            var folder = language == "en" ? "" : language + "/";
            var web = (await harness.Get<ReleaseBlobStore>().ReadAsync(id, folder + "index.html", default))?.ToString();
            var text = (await harness.Get<ReleaseBlobStore>().ReadAsync(id, folder + "release.txt", default))?.ToString();
            Assert.True(web is not null, $"{folder}index.html is not stored.");
            Assert.True(text is not null, $"{folder}release.txt is not stored.");
            var (heading, pdfLine, photoLine) = DownloadsIn(language, sizes["assets/bibliography.pdf"], sizes["assets/photo.jpg"]);
            var webDownloads = Regex.Match(web, "<section class=\"release-downloads\".*?</section>", RegexOptions.Singleline).Value;
            Assert.True(webDownloads.Length > 0, $"{folder}index.html has no downloads section.");
            Assert.Contains($">{heading}</h2>", webDownloads, StringComparison.Ordinal);
            Assert.Contains($">{pdfLine}</a>", webDownloads, StringComparison.Ordinal);
            Assert.Contains($">{photoLine}</a>", webDownloads, StringComparison.Ordinal);
            Assert.Contains($"\n{heading}:\n", text, StringComparison.Ordinal);
            Assert.Contains($"\n- {pdfLine}: ", text, StringComparison.Ordinal);
            Assert.Contains($"\n- {photoLine}: ", text, StringComparison.Ordinal);

            foreach (var (variant, body) in new[] { ("index.html", web), ("release.txt", text) })
            {
                var paths = SignedPaths(body, id);
                var others = new[] { "en", "ru", "kk" }.Where(l => l != language).Select(l => (l == "en" ? "" : l + "/") + "index.html");
                Assert.All(others, page => Assert.Contains(paths, p => FileOf(p) == page));
                Assert.Contains(paths, p => FileOf(p) == "assets/bibliography.pdf");
                Assert.Contains(paths, p => FileOf(p) == "assets/photo.jpg");
                pageLinks.AddRange(paths);
            }
        }

        var reader = harness.Get<SignedFileReader>();
        var servedBeforeLift = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in linksByVersion.Values.SelectMany(p => p).Concat(pageLinks).Distinct(StringComparer.Ordinal))
        {
            var found = Assert.IsType<SignedFileResult.Found>(await reader.ReadAsync(id, path, default));
            servedBeforeLift[FileOf(path)] = found.Content.ToArray();
            if (FileOf(path) == "assets/bibliography.pdf")
            {
                Assert.Equal(pdf, found.Content.ToArray());
                Assert.Equal("application/pdf", found.ContentType);
            }
        }

        Assert.False(await harness.Pipeline.Container(harness.Pipeline.Options.NewsroomContainer).GetBlobClient($"{id}/assets/photo.jpg").ExistsAsync());

        // The lift: 10:00 Astana time on 3 December is 05:00 UTC.
        harness.Pipeline.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 5, 0, 0, TimeSpan.Zero));
        await harness.DispatchAndWorkAsync();
        Assert.NotNull((await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).PublishedAt);
        foreach (var path in linksByVersion.Values.SelectMany(p => p).Concat(pageLinks).Distinct(StringComparer.Ordinal))
        {
            var moved = Assert.IsType<SignedFileResult.Moved>(await reader.ReadAsync(id, path, default));
            Assert.EndsWith($"/{id}/{FileOf(path)}", moved.PublicUrl.AbsolutePath, StringComparison.Ordinal);
            var newsroom = harness.Pipeline.Container(harness.Pipeline.Options.NewsroomContainer).GetBlobClient($"{id}/{FileOf(path)}");
            Assert.True(await newsroom.ExistsAsync(), $"{FileOf(path)} is not in the newsroom.");
            var published = (await newsroom.DownloadContentAsync()).Value.Content.ToArray();
            Assert.True(servedBeforeLift[FileOf(path)].SequenceEqual(published), $"The newsroom copy of {FileOf(path)} differs from what the signed link served before the lift.");
        }
    }

    /// <summary>
    /// Each of the six contacts was queued once, in the version their language column asks for; returns each
    /// version's message (one SendGrid request per version) with its HTML and text parts.
    /// </summary>
    private List<(string Language, string Html, string Text)> AssertOneMessageEachInTheirLanguage()
    {
        Assert.All(harness.Queued(), pair => Assert.Equal(1, pair.Value));
        var messages = harness.Endpoint.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        var subjects = harness.Endpoint.Requests
            .SelectMany(r => r.Recipients.Select(to => (To: to, Subject: JsonDocument.Parse(r.Body).RootElement.GetProperty("subject").GetString()!)))
            .ToDictionary(x => x.To, x => x.Subject, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(6, subjects.Count);
        Assert.Contains(English, subjects["en@x.example"], StringComparison.Ordinal);
        Assert.Contains(English, subjects["de@x.example"], StringComparison.Ordinal);
        Assert.Contains(English, subjects["none@x.example"], StringComparison.Ordinal);
        Assert.Contains(Russian, subjects["ru@x.example"], StringComparison.Ordinal);
        Assert.Contains(Russian, subjects["ruen@x.example"], StringComparison.Ordinal);
        Assert.Contains(Kazakh, subjects["kk@x.example"], StringComparison.Ordinal);

        string Part(JsonElement message, string type) =>
            message.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == type).GetProperty("value").GetString()!;
        string LanguageOf(JsonElement message) => message.GetProperty("subject").GetString()!.Contains(Russian, StringComparison.Ordinal) ? "ru"
            : message.GetProperty("subject").GetString()!.Contains(Kazakh, StringComparison.Ordinal) ? "kk" : "en";
        return [.. messages.Select(m => (LanguageOf(m), Part(m, "text/html"), Part(m, "text/plain")))];
    }

    /// <summary>Every signed link in a message: the part of its path after the release id (grant and file).</summary>
    private static IReadOnlyList<string> SignedPaths(string body, string id) =>
        [.. SignedLink().Matches(body.Replace("&amp;", "&", StringComparison.Ordinal)).Select(m => m.Value).Where(u => u.Contains($"/api/files/{id}/", StringComparison.Ordinal))
            .Select(url => Uri.UnescapeDataString(new Uri(url).AbsolutePath.Split($"/api/files/{id}/")[1])).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// What a version's downloads list must say, written out here rather than taken from the renderer: the heading and
    /// "name (TYPE, size unit)" with the language's decimal separator and unit.
    /// </summary>
    private static (string Heading, string Pdf, string Photo) DownloadsIn(string language, long pdfBytes, long photoBytes)
    {
        var (heading, separator, unit) = language switch
        {
            "ru" => ("Файлы для скачивания", ",", "МБ"),
            "kk" => ("Жүктеп алуға арналған файлдар", ",", "МБ"),
            _ => ("Downloads", ".", "MB"),
        };
        string Size(long bytes) => Math.Max(0.1, bytes / 1024.0 / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture).Replace(".", separator, StringComparison.Ordinal);
        return (heading, $"bibliography.pdf (PDF, {Size(pdfBytes)} {unit})", $"photo.jpg (JPG, {Size(photoBytes)} {unit})");
    }

    /// <summary>"0.{sig}/kk/index.html" → "kk/index.html".</summary>
    private static string FileOf(string path) => path[(path.IndexOf('/', StringComparison.Ordinal) + 1)..];

    [Fact]
    public async Task A_translation_whose_language_cannot_be_told_is_held_with_a_sentence_and_holds_the_schedule()
    {
        var result = await harness.Get<ReleaseIntake>().IntakeAsync(
            new MemoryStream(TestDocx.Build(English, "FOR IMMEDIATE RELEASE", "Astana – Body.")),
            "release.docx",
            Flow.Send("now", lists: ["media"]),
            CancellationToken.None,
            translations: [new VersionUpload("untagged.docx", new MemoryStream(TestDocx.Build("Mesa redonda", null, "Astana – Texto sin etiqueta de idioma.")))]);

        Assert.Equal(ReleaseState.Converted, result.Status.State);
        Assert.StartsWith("untagged.docx was not added because its language could not be told", result.InstructionProblem, StringComparison.Ordinal);
        Assert.Contains(result.InstructionProblem, result.Status.InstructionProblems);
    }

    /// <summary>The "Read in" links of an e-mail: the part after the release id (grant and file) and the file.</summary>
    private static IReadOnlyList<(string Path, string File)> VersionLinks(string html, string id)
    {
        var versions = Regex.Match(html, "<p class=\"versions\".*?</p>", RegexOptions.Singleline).Value;
        return [.. Href().Matches(versions).Select(m => m.Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal))
            .Select(url => new Uri(url).AbsolutePath.Split($"/api/files/{id}/")[1])
            .Select(path => (path, path[(path.IndexOf('/', StringComparison.Ordinal) + 1)..]))];
    }

    private async Task UploadListAsync(string csv)
    {
        var container = new BlobContainerClient(Azurite.ConnectionString, harness.Configuration["Contacts:Container"]);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("media.csv").UploadAsync(BinaryData.FromString(csv), overwrite: true);
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"https?://[^\s""'<>)\]]+")]
    private static partial Regex SignedLink();
}
