using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Conversion;
using PressPipeline.Pipeline.Assets;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Tests;

/// <summary>
/// Every change of a release's files holds its write lock (<see cref="ReleaseWriteLock"/>), on Azurite through the
/// real services: changes made at the same moment all stay in manifest.json and in storage, a change that waits
/// too long is told so in one sentence with nothing written, and a held lock is renewed past its lease's length.
/// </summary>
public sealed class ReleaseWriteLockTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly Actor Officer = Actor.Of("aigerim", Door.Api);
    private readonly List<PipelineHarness> harnesses = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var harness in harnesses)
        {
            await harness.DisposeAsync();
        }
    }

    private PipelineHarness Start(ReleaseConverter? converter = null, Action<PipelineOptions>? lease = null)
    {
        var harness = PipelineHarness.Start(Now, converter, services => services.Configure<PipelineOptions>(o => lease?.Invoke(o)));
        harnesses.Add(harness);
        return harness;
    }

    /// <summary>Runs every change on its own thread, released together, each after a small seeded delay, as staff at two desks would.</summary>
    private static async Task<T[]> AllAtOnceAsync<T>(Random random, IEnumerable<Func<Task<T>>> changes)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = changes.Select(change =>
        {
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 25));
            return Task.Run(async () =>
            {
                await go.Task;
                await Task.Delay(delay);
                return await change();
            });
        }).ToList();
        go.SetResult();
        return await Task.WhenAll(running);
    }

    private static AssetUpload Csv(string name, string row) => new(name, BinaryData.FromString($"region,migrants\n{row}\n"));

    [Fact]
    public async Task Files_added_to_one_release_at_the_same_moment_are_all_kept()
    {
        var harness = Start();
        var assets = harness.Get<ReleaseAssets>();
        var store = harness.Get<ReleaseBlobStore>();
        var random = new Random(19);
        for (var round = 0; round < 4; round++)
        {
            var id = (await harness.UploadAsync(TestDocx.Build($"Round {round}"), name: $"round-{round}.docx")).ReleaseId;
            var files = Enumerable.Range(1, 3 + (round % 2)).Select(n => Csv($"table-{round}-{n}.csv", $"Astana,{(round * 100) + n}")).ToList();

            var reports = await AllAtOnceAsync(random, files.Select(file => (Func<Task<AssetReport>>)(() => assets.AddAsync(id, [file], Officer, default))));

            var added = reports.Select(r => Assert.Single(r.Added)).ToList();
            var manifest = await store.RequireManifestAsync(id, default);
            Assert.Equal(added.Select(a => a.Path).Order(StringComparer.Ordinal), manifest.Assets.Select(a => a.Path).Order(StringComparer.Ordinal));
            foreach (var (file, asset) in files.Zip(added))
            {
                var stored = await store.ReadAsync(id, asset.Path, default);
                Assert.NotNull(stored);
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file.Content.ToMemory().Span)), Convert.ToHexStringLower(SHA256.HashData(stored.ToMemory().Span)));
                Assert.Equal(asset.Sha256, Convert.ToHexStringLower(SHA256.HashData(stored.ToMemory().Span)));
            }

            var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
            Assert.All(added, a => Assert.Contains(status.Files, f => f.FileName == a.Path));
        }
    }

    [Fact]
    public async Task A_translation_two_files_and_a_schedule_at_the_same_moment_all_stay()
    {
        var harness = Start(ReleaseConverter.CreateDefault());
        var random = new Random(1906);
        var store = harness.Get<ReleaseBlobStore>();
        for (var round = 0; round < 2; round++)
        {
            var id = (await harness.UploadAsync(TestDocx.Build($"Round table {round}", "FOR IMMEDIATE RELEASE", "Astana, 30 November 2026 – The round table met."), name: $"mixed-{round}.docx")).ReleaseId;
            var russian = TestDocx.Build($"Круглый стол {round}", null, "Астана, 30 ноября 2026 г. — Круглый стол собрался.");
            Func<Task<object>>[] changes =
            [
                async () => await harness.Get<ReleaseVersions>().AddAsync(id, [new VersionUpload("ru.docx", new MemoryStream(russian), "ru")], Officer, default),
                async () => await harness.Get<ReleaseAssets>().AddAsync(id, [Csv("first.csv", $"Astana,{round}")], Officer, default),
                async () => await harness.Get<ReleaseAssets>().AddAsync(id, [Csv("second.csv", $"Almaty,{round}")], Officer, default),
                async () => await harness.Get<ReleaseScheduler>().ScheduleAsync(id, Flow.Send("2026-12-01T09:00", publishAt: "2026-12-02T10:00"), default, Officer),
            ];

            await AllAtOnceAsync(random, changes);

            var manifest = await store.RequireManifestAsync(id, default);
            Assert.Equal(["assets/first.csv", "assets/second.csv"], manifest.Assets.Select(a => a.Path).Order(StringComparer.Ordinal));
            Assert.Equal(["en", "ru"], manifest.Versions.Select(v => v.Language).Order(StringComparer.Ordinal));
            var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
            Assert.Equal(ReleaseState.Scheduled, status.State);

            // Whoever went last rendered the pages from everything the others had written: both files, both languages.
            foreach (var version in manifest.Versions)
            {
                var page = (await store.ReadAsync(id, ReleaseVersions.FolderOf(version.Language, version.Main) + ReleaseIntake.WebFileName, default))!.ToString();
                Assert.All(manifest.Assets, a => Assert.Contains(a.DisplayName(), page, StringComparison.Ordinal));
                Assert.Contains("hreflang=\"ru\"", page, StringComparison.Ordinal);
            }

            Assert.All(manifest.Assets, a => Assert.Contains(status.Files, f => f.FileName == a.Path));
        }
    }

    [Fact]
    public async Task A_change_that_waits_too_long_is_told_so_in_one_sentence_and_writes_nothing()
    {
        var harness = Start(lease: o => o.ReleaseLeaseWait = TimeSpan.FromSeconds(2));
        var store = harness.Get<ReleaseBlobStore>();
        var id = (await harness.UploadAsync(TestDocx.Build("Busy"))).ReleaseId;
        await harness.Get<ReleaseAssets>().AddAsync(id, [Csv("kept.csv", "Astana,1")], Officer, default);
        var manifestBefore = (await store.ReadAsync(id, ReleaseBlobStore.ManifestName, default))!.ToString();
        var historyBefore = (await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).History.Count;

        // Someone else (another instance, a lease of its own) holds the release for longer than a change waits.
        var other = (await store.ContainerAsync(default)).GetBlobClient($"{id}/{ReleaseWriteLock.LockName}").GetBlobLeaseClient();
        await other.AcquireAsync(TimeSpan.FromSeconds(60));
        try
        {
            var started = DateTimeOffset.UtcNow;
            var busy = await Assert.ThrowsAsync<ReleaseBusyException>(() => harness.Get<ReleaseAssets>().AddAsync(id, [Csv("late.csv", "Almaty,2")], Officer, default));
            Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
            Assert.Equal("Another change to this release is being saved; try again in a minute.", busy.Message);
            Assert.Equal(ProblemKind.Conflict, busy.Kind);
            Assert.Equal(id, busy.ReleaseId);
            await Assert.ThrowsAsync<ReleaseBusyException>(() => harness.Get<ReleaseVersions>().AddAsync(id, [new VersionUpload("ru.docx", new MemoryStream(TestDocx.Build("Занято")), "ru")], Officer, default));
            await Assert.ThrowsAsync<ReleaseBusyException>(() => harness.Get<ReleaseScheduler>().ScheduleAsync(id, Flow.Send("2026-12-01T09:00"), default, Officer));

            Assert.Equal(manifestBefore, (await store.ReadAsync(id, ReleaseBlobStore.ManifestName, default))!.ToString());
            Assert.Null(await store.ReadAsync(id, "assets/late.csv", default));
            Assert.NotNull(await store.ReadAsync(id, "assets/kept.csv", default));
            var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
            Assert.Equal(historyBefore, status.History.Count);
            Assert.Equal(ReleaseState.Converted, status.State);
        }
        finally
        {
            await other.ReleaseAsync();
        }

        // Free again: the same change goes through.
        Assert.Single((await harness.Get<ReleaseAssets>().AddAsync(id, [Csv("late.csv", "Almaty,2")], Officer, default)).Added);
        Assert.Equal(2, (await store.RequireManifestAsync(id, default)).Assets.Count);
    }

    [Fact]
    public async Task A_held_lock_is_renewed_past_its_lease_and_given_back_when_disposed()
    {
        // The shortest lease the blob service grants, renewed every 3 s; an unrenewed lease of the same length beside it.
        var harness = Start(lease: o =>
        {
            o.ReleaseLeaseLength = TimeSpan.FromSeconds(15);
            o.ReleaseLeaseRenewal = TimeSpan.FromSeconds(3);
            o.ReleaseLeaseWait = TimeSpan.FromSeconds(1);
        });
        var locks = harness.Get<ReleaseWriteLocks>();
        var renewed = (await harness.UploadAsync(TestDocx.Build("Renewed"), name: "renewed.docx")).ReleaseId;
        var unrenewed = (await harness.UploadAsync(TestDocx.Build("Not renewed"), name: "unrenewed.docx")).ReleaseId;
        var container = await harness.Get<ReleaseBlobStore>().ContainerAsync(default);
        await (await locks.AcquireAsync(unrenewed, default)).DisposeAsync(); // creates its lock blob
        await container.GetBlobClient($"{unrenewed}/{ReleaseWriteLock.LockName}").GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15));

        var held = await locks.AcquireAsync(renewed, default);
        await using (held)
        {
            await Task.Delay(TimeSpan.FromSeconds(20));

            var properties = (await container.GetBlobClient($"{renewed}/{ReleaseWriteLock.LockName}").GetPropertiesAsync()).Value;
            Assert.Equal(LeaseState.Leased, properties.LeaseState);
            await Assert.ThrowsAsync<ReleaseBusyException>(() => locks.AcquireAsync(renewed, default));

            // The control: the same length without renewal has run out by now, so the wait above was long enough.
            await (await locks.AcquireAsync(unrenewed, default)).DisposeAsync();
        }

        // Disposed: renewal stopped and the lease given back, so the next change gets in at once.
        await using var next = await locks.AcquireAsync(renewed, default);
        Assert.Equal(renewed, next.ReleaseId);
    }

    [Fact]
    public async Task No_lock_blob_is_left_for_a_release_that_does_not_exist()
    {
        var harness = Start();
        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() => harness.Get<ReleaseWriteLocks>().AcquireAsync("0123456789abcdef0123", default));

        Assert.Equal(ProblemKind.NotFound, problem.Kind);
        Assert.False(await (await harness.Get<ReleaseBlobStore>().ContainerAsync(default)).GetBlobClient($"0123456789abcdef0123/{ReleaseWriteLock.LockName}").ExistsAsync());
    }
}
