using PressPipeline.Conversion;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Tests;

/// <summary>Language versions of one release through the blob door and added later, with the real converter on Azurite.</summary>
public sealed class LanguageVersionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly byte[] EnglishDocx = TestDocx.Build("Round table on migration", "FOR IMMEDIATE RELEASE", "Astana, May 14, 2014 – The round table met.");
    private static readonly byte[] RussianDocx = TestDocx.Build("Круглый стол по миграции", null, "Астана, 14 мая 2014 г. — Круглый стол собрался сегодня.");
    private static readonly byte[] KazakhDocx = TestDocx.Build("Көші-қон жөніндегі дөңгелек үстел", null, "Астана, 2014 жылғы 14 мамыр — Дөңгелек үстел бүгін өтті.");
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now, ReleaseConverter.CreateDefault());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Translations_beside_the_document_in_the_uploads_container_join_its_release_in_either_order()
    {
        var inbox = harness.Get<UploadsInbox>();
        var processor = harness.Get<UploadProcessor>();
        await inbox.PutAsync("roundtable.docx", new MemoryStream(EnglishDocx), ReleaseInstructions.None, default);
        await inbox.PutAsync("roundtable.ru.docx", new MemoryStream(RussianDocx), ReleaseInstructions.None, default);

        // The document first: it takes the Russian translation already there along.
        var main = (await processor.ProcessAsync("roundtable.docx", null, default))!;
        Assert.Equal(["en", "ru"], main.Status.Languages);

        // The translation's own event changes nothing (same bytes); a Kazakh one arriving later joins the release.
        Assert.Equal(main.ReleaseId, (await processor.ProcessAsync("roundtable.ru.docx", null, default))!.ReleaseId);
        await inbox.PutAsync("roundtable.kk.docx", new MemoryStream(KazakhDocx), ReleaseInstructions.None, default);
        var later = (await processor.ProcessAsync("roundtable.kk.docx", null, default))!;

        Assert.Equal(main.ReleaseId, later.ReleaseId);
        Assert.Equal(["en", "ru", "kk"], later.Status.Languages);
        var manifest = (await harness.Get<ReleaseBlobStore>().GetManifestAsync(main.ReleaseId, default))!;
        Assert.Equal(["", "ru/", "kk/"], manifest.Versions.Select(v => v.Folder));
        var english = (await harness.Get<ReleaseBlobStore>().ReadAsync(main.ReleaseId, "index.html", default))!.ToString();
        Assert.Contains("hreflang=\"kk\"", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_translation_added_later_keeps_the_release_and_can_be_replaced_but_not_after_sending()
    {
        var id = (await harness.UploadAsync(EnglishDocx, Flow.Send("2026-12-01T09:00"))).ReleaseId;
        var versions = harness.Get<ReleaseVersions>();

        var added = await versions.AddAsync(id, [new VersionUpload("ru.docx", new MemoryStream(RussianDocx))], Actor.Of("Aigerim", Door.Cli), default);
        var replaced = await versions.AddAsync(
            id,
            [new VersionUpload("ru-2.docx", new MemoryStream(TestDocx.Build("Круглый стол по миграции (исправлено)", null, "Астана — Текст.")), "ru")],
            Actor.Of("Aigerim", Door.Cli),
            default);

        Assert.Empty(added.Problems);
        Assert.Equal(ReleaseState.Scheduled, replaced.Status.State);
        Assert.Equal(["en", "ru"], replaced.Status.Languages);
        Assert.StartsWith("Added the Русский version (ru) from ru-2.docx", replaced.Status.History[^1].Message, StringComparison.Ordinal);
        var manifest = (await harness.Get<ReleaseBlobStore>().GetManifestAsync(id, default))!;
        Assert.Equal("Круглый стол по миграции (исправлено)", manifest.VersionIn("ru")!.Metadata.Title);

        var same = await versions.AddAsync(id, [new VersionUpload("en.docx", new MemoryStream(EnglishDocx), "en")], Actor.System, default, recordProblems: false);
        Assert.Contains("the language of the main version", Assert.Single(same.Problems), StringComparison.Ordinal);

        await harness.Get<ReleaseStatusStore>().UpdateAsync(id, s => s with { State = ReleaseState.Sending }, default);
        var refused = await Assert.ThrowsAsync<ReleaseProblemException>(
            () => versions.AddAsync(id, [new VersionUpload("kk.docx", new MemoryStream(KazakhDocx))], Actor.System, default));
        Assert.Equal(ProblemKind.Conflict, refused.Kind);
    }

    [Fact]
    public async Task The_multilingual_sample_folder_is_one_release_in_english_russian_and_kazakh()
    {
        var inbox = harness.Get<UploadsInbox>();
        var folder = Path.Combine(RepositoryRoot(), "samples", "multilingual");
        foreach (var name in new[] { "roundtable-2026.docx", "roundtable-2026.ru.docx", "roundtable-2026.kk.docx" })
        {
            await using var file = File.OpenRead(Path.Combine(folder, name));
            await inbox.PutAsync(name, file, ReleaseInstructions.None, default);
        }

        var result = (await harness.Get<UploadProcessor>().ProcessAsync("roundtable-2026.docx", null, default))!;

        // Translations found beside the document join in the order the container lists them (by name).
        Assert.Null(result.InstructionProblem);
        Assert.Equal(["en", "kk", "ru"], result.Status.Languages);
        var manifest = (await harness.Get<ReleaseBlobStore>().GetManifestAsync(result.ReleaseId, default))!;
        Assert.Equal("Круглый стол по трудовой миграции в Центральной Азии", manifest.VersionIn("ru")!.Metadata.Title);
        Assert.Equal("Орталық Азиядағы еңбек көші-қоны жөніндегі дөңгелек үстел", manifest.VersionIn("kk")!.Metadata.Title);
        Assert.All(manifest.Versions, v => Assert.Empty(v.Warnings));
    }

    [Fact]
    public async Task Preview_returns_every_version_with_its_files()
    {
        var id = (await harness.UploadAsync(EnglishDocx)).ReleaseId;
        var status = (await harness.Get<ReleaseVersions>().AddAsync(id, [new VersionUpload("kk.docx", new MemoryStream(KazakhDocx))], Actor.System, default)).Status;

        var preview = ReleasePreview.Of(
            harness.Get<ReleaseViews>().Of(status),
            Now.AddDays(1),
            new EmailSummary("subject", "press@example.org", null, []));

        Assert.Equal(["en", "kk"], preview.Languages);
        Assert.Contains(preview.Files, f => f.Language == "kk" && f.FileName == "kk/release.pdf");
        Assert.Contains(preview.Files, f => f.Language == "en" && f.FileName == "release.pdf");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PressPipeline.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (PressPipeline.sln) was not found above the test output.");
    }
}
