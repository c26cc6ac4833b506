using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using PressPipeline.Conversion;
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
        Assert.All(harness.Queued(), pair => Assert.Equal(1, pair.Value));
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
}
