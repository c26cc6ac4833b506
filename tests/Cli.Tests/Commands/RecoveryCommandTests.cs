using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Conversion.Manifest;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Cli.Tests.Commands;

/// <summary>
/// <c>presspipe resume</c> and <c>release-batch</c> as staff run them: the built CLI as a process, configured by
/// environment variables, against Azurite (containers and queue of its own).
/// </summary>
public sealed class RecoveryCommandTests : IAsyncLifetime
{
    private readonly string suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("presspipe-recovery-");
    private ServiceProvider services = null!;

    private Dictionary<string, string> Settings => new()
    {
        ["PressStorage"] = "UseDevelopmentStorage=true",
        ["Pipeline:ReleasesContainer"] = $"rel-{suffix}",
        ["Pipeline:UploadsContainer"] = $"up-{suffix}",
        ["Pipeline:ScheduleContainer"] = $"sch-{suffix}",
        ["Pipeline:NewsroomContainer"] = $"news-{suffix}",
        ["Pipeline:WorkQueue"] = $"work-{suffix}",
        ["SendGrid:LedgerTable"] = $"ledger{suffix}",
        ["SendGrid:StatusTable"] = $"status{suffix}",
    };

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings.ToDictionary(kv => kv.Key, kv => (string?)kv.Value)).Build();
        services = new ServiceCollection().AddLogging().AddPressPipeline(configuration).BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        var storage = services.GetRequiredService<PressStorage>();
        await storage.Container($"rel-{suffix}").DeleteIfExistsAsync();
        await storage.Queues.GetQueueClient($"work-{suffix}").DeleteIfExistsAsync();
        await services.DisposeAsync();
        work.Delete(recursive: true);
    }

    [Fact]
    public async Task Resume_puts_a_partly_sent_release_back_to_Sending_with_the_actor_in_its_history_and_queues_the_send()
    {
        var id = await PartlySentReleaseAsync();

        var (code, output) = await PresspipeAsync("resume", id, "--as", "aigerim");

        Assert.True(code == 0, output);
        Assert.Contains($"Release {id} is Sending", output, StringComparison.Ordinal);
        var status = await services.GetRequiredService<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Sending, status.State);
        Assert.StartsWith("Resumed by aigerim (cli)", status.History[^1].Message, StringComparison.Ordinal);
        var queued = Assert.Single(await services.GetRequiredService<WorkQueue>().PeekAsync(default));
        Assert.Equal(id, queued.ReleaseId);
        Assert.Equal(["media"], queued.Dispatch!.Lists);
    }

    [Fact]
    public async Task Release_batch_of_a_batch_that_is_not_held_says_so_in_one_sentence_and_changes_nothing()
    {
        var id = await PartlySentReleaseAsync();

        var (code, output) = await PresspipeAsync("release-batch", id, "b-0123456789abcdef0123", "--as", "aigerim");

        Assert.Equal(2, code);
        Assert.Contains($"Release {id} has no held batch 'b-0123456789abcdef0123'", output, StringComparison.Ordinal);
        Assert.Equal(ReleaseState.PartlySent, (await services.GetRequiredService<ReleaseStatusStore>().RequireAsync(id, default)).State);
        Assert.Empty(await services.GetRequiredService<WorkQueue>().PeekAsync(default));
    }

    /// <summary>A release as a run that could not finish leaves it: PartlySent, with a plan and a manifest.</summary>
    private async Task<string> PartlySentReleaseAsync()
    {
        var id = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..20];
        var at = DateTimeOffset.UtcNow;
        var plan = new DeliveryPlan(["media"], [], at.AddMinutes(-5), at.AddMinutes(-5), "Asia/Almaty");
        var status = ReleaseStatus.Received(id, "release.docx", at.AddMinutes(-10)) with
        {
            State = ReleaseState.PartlySent,
            Plan = plan,
            Title = "Round table",
            Reasons = ["Batch b-1 (1,000 recipients) was not sent: SendGrid could not be reached."],
        };
        Assert.True(await services.GetRequiredService<ReleaseStatusStore>().TryCreateAsync(status, default));
        await services.GetRequiredService<ReleaseBlobStore>().SaveManifestAsync(
            ManifestWriter.Create(
                id,
                [new ManifestVersion("en", Main: true, "", new ManifestSource("release.docx", 0, ""), new ManifestMetadata("Round table", null, "en", "ltr", new ManifestReleaseInstruction("not-stated", null), null, null, null), [], [])],
                [],
                at),
            default);
        return id;
    }

    /// <summary>
    /// presspipe.dll from the CLI project's own output (bin/{configuration}/{tfm}), with its own deps.json: the copy
    /// beside the tests resolves its dependencies through the test project's deps.json, which is not the CLI's.
    /// </summary>
    private static string BuiltCli()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PressPipeline.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root!.FullName, "src", "Cli", "bin", configuration, output.Name, "presspipe.dll");
    }

    private async Task<(int Code, string Output)> PresspipeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BuiltCli());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["COLUMNS"] = "400"; // one sentence on one line
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }
}
