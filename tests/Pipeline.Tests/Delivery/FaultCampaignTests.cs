using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace PressPipeline.Pipeline.Tests.Delivery;

/// <summary>
/// The fault campaign (see <see cref="FaultCampaign"/>). In the suite: a few seeds with a smaller list, seconds.
/// The long run is the same test with environment variables (docs/robustness.md, "Fault campaign"):
/// <c>PRESSPIPE_FAULT_RUNS=1000 PRESSPIPE_FAULT_RECIPIENTS=10000 dotnet test tests/Pipeline.Tests -c Release --filter FullyQualifiedName~FaultCampaignTests</c>.
/// </summary>
public sealed class FaultCampaignTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "FaultCampaign")]
    public async Task Seeded_faults_at_every_step_then_staff_recovery_mail_nobody_twice_and_lose_nobody()
    {
        var runs = Setting("PRESSPIPE_FAULT_RUNS", 4);
        var recipients = Setting("PRESSPIPE_FAULT_RECIPIENTS", 2_000);
        var firstSeed = Setting("PRESSPIPE_FAULT_SEED", 1);
        var batches = (recipients + 999) / 1000;

        var report = Environment.GetEnvironmentVariable("PRESSPIPE_FAULT_REPORT");
        await using var campaign = await FaultCampaign.StartAsync(recipients);
        var results = new List<CampaignRun>();
        for (var seed = firstSeed; seed < firstSeed + runs; seed++)
        {
            var run = await campaign.RunAsync(seed, batches);
            results.Add(run);
            if (report is { Length: > 0 })
            {
                // Line by line, so a long run that is stopped early still leaves its figures.
                await File.AppendAllTextAsync(report + ".runs", Describe(run) + "\n");
            }

            if (runs <= 20 || run.Duplicates + run.AcceptedTwice + run.Lost > 0 || seed % 50 == 0)
            {
                output.WriteLine(Describe(run));
            }
        }

        var summary = Summarise(results, recipients) + $" Worker exceptions not injected (retried as the host does): {campaign.StorageErrors}.";
        output.WriteLine(summary);
        if (report is { Length: > 0 })
        {
            await File.WriteAllTextAsync(report, summary + "\n");
        }

        Assert.All(results, r => Assert.Equal(0, r.Duplicates));
        Assert.All(results, r => Assert.Equal(0, r.AcceptedTwice));
        Assert.All(results, r => Assert.Equal(0, r.Lost));

        // Staff's resume and release always got the release out in the end.
        Assert.All(results, r => Assert.Equal(Status.ReleaseState.Sent, r.Final));

        // Every kind of fault and every step was exercised (the seeds in the suite are chosen so).
        if (runs >= 4 && firstSeed == 1)
        {
            Assert.True(results.SelectMany(r => r.Faults).Select(f => f.Kind).Distinct().Count() >= 6, "too few fault kinds were drawn");
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static string Describe(CampaignRun run) => string.Create(
        CultureInfo.InvariantCulture,
        $"seed {run.Seed}: [{string.Join(", ", run.Faults.Select(f => $"{f.Kind}@{f.At}" + (f.Repeat > 1 ? $"x{f.Repeat}" : "")))}] → {run.Final}, duplicates {run.Duplicates}, accepted twice {run.AcceptedTwice}, lost {run.Lost}, held at end {run.HeldAtEnd}, staff actions {run.StaffActions}, crashes {run.Crashes}, {run.Took.TotalSeconds:0.0} s");

    private static string Summarise(IReadOnlyList<CampaignRun> results, int recipients)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{results.Count} runs × {recipients:N0} recipients: ");
        text.Append(CultureInfo.InvariantCulture, $"duplicates {results.Sum(r => r.Duplicates)}, recipients in two accepted batches {results.Sum(r => r.AcceptedTwice)}, lost {results.Sum(r => r.Lost)}; ");
        text.Append(CultureInfo.InvariantCulture, $"final Sent {results.Count(r => r.Final == Status.ReleaseState.Sent)}/{results.Count}; ");
        text.Append(CultureInfo.InvariantCulture, $"faults {results.Sum(r => r.Faults.Count)} ({string.Join(", ", results.SelectMany(r => r.Faults).GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}); ");
        text.Append(CultureInfo.InvariantCulture, $"staff actions {results.Sum(r => r.StaffActions)}, crashes {results.Sum(r => r.Crashes)}; ");
        var took = results.Select(r => r.Took.TotalSeconds).Order().ToArray();
        text.Append(CultureInfo.InvariantCulture, $"median run {took[took.Length / 2]:0.00} s, total {took.Sum():0} s.");
        return text.ToString();
    }
}
