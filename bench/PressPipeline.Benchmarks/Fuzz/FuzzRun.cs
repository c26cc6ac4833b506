using System.Diagnostics;
using PressPipeline.Conversion;
using PressPipeline.Conversion.Rendering;

namespace PressPipeline.Benchmarks.Fuzz;

/// <summary>
/// Converts structure-aware mutants of real releases and counts what happens. A mutant keeps every part
/// well-formed, so the only acceptable outcome is a conversion with all four variants; a refusal, a missing variant
/// or an exception is a finding, recorded with the seed and the mutation that made it.
/// </summary>
public static class FuzzRun
{
    public static readonly string[] Variants = ["web", "email", "text", "pdf"];

    /// <summary>The releases mutated, from the repository root.</summary>
    public static readonly string[] BaseDocuments =
    [
        "samples/iom-roundtable-2014.docx",
        "samples/mom-kruglyi-stol-2014-ru.docx",
        "tests/Conversion.Tests/Fixtures/Producers/pandoc/release-en.docx",
        "tests/Conversion.Tests/Fixtures/Producers/docxjs/release-en.docx",
        "tests/Conversion.Tests/Fixtures/Producers/libreoffice/release-ru-from-odt.docx",
        "tests/Conversion.Tests/Fixtures/Producers/python-docx/release-en.docx",
    ];

    public static FuzzReport Run(string repositoryRoot, int seed, int mutations, Action<string>? progress = null)
    {
        var converter = ReleaseConverter.CreateDefault();
        var documents = BaseDocuments.Select(d => File.ReadAllBytes(Path.Combine(repositoryRoot, d))).ToArray();
        var mutators = documents.Select((d, i) => new StructureMutator(d, seed + i)).ToArray();
        var report = new FuzzReport(seed, mutations);
        for (var n = 0; n < mutations; n++)
        {
            var k = n % mutators.Length;
            var mutant = mutators[k].Next();
            var name = $"{Path.GetFileName(BaseDocuments[k])} #{n}: {mutators[k].LastMutation}";
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            try
            {
                var outcome = converter.Convert(new MemoryStream(mutant, writable: false), RenderContext.Local);
                clock.Stop();
                switch (outcome)
                {
                    case ConversionOutcome.Rejected rejected:
                        report.Refusals.Add($"{name} -> {rejected.Rejection.Kind}: {rejected.Rejection.Message}");
                        break;
                    case ConversionOutcome.Converted converted:
                        var missing = Variants.Where(v => !converted.Release.Files.Any(f => f.Variant == v && f.Content.Length > 0)).ToList();
                        if (missing.Count > 0)
                        {
                            report.Failures.Add($"{name} -> no {string.Join(", ", missing)}");
                        }
                        else
                        {
                            report.Converted++;
                        }

                        break;
                }
            }
#pragma warning disable CA1031 // The point of the run: every exception is a finding, recorded rather than thrown.
            catch (Exception error)
#pragma warning restore CA1031
            {
                clock.Stop();
                report.Failures.Add($"{name} -> {error.GetType().Name}: {error.Message}");
            }

            report.Record(name, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
            if (progress is not null && (n + 1) % 1000 == 0)
            {
                progress($"{n + 1} mutants, {report.Refusals.Count} refused, {report.Failures.Count} failed");
            }
        }

        report.PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64;
        return report;
    }
}

/// <summary>What a fuzz run found: the figures docs/robustness.md reports, and every finding by name.</summary>
public sealed class FuzzReport(int seed, int mutations)
{
    public int Seed { get; } = seed;

    public int Mutations { get; } = mutations;

    public int Converted { get; set; }

    public List<string> Refusals { get; } = [];

    public List<string> Failures { get; } = [];

    public TimeSpan WorstTime { get; private set; }

    public string WorstTimeMutant { get; private set; } = string.Empty;

    /// <summary>Most bytes allocated on the converting thread by one mutant (the renderers' threads not counted).</summary>
    public long WorstAllocatedBytes { get; private set; }

    public long PeakWorkingSetBytes { get; set; }

    public void Record(string name, TimeSpan elapsed, long allocated)
    {
        if (elapsed > WorstTime)
        {
            WorstTime = elapsed;
            WorstTimeMutant = name;
        }

        WorstAllocatedBytes = Math.Max(WorstAllocatedBytes, allocated);
    }

    public override string ToString() =>
        $"seed {Seed}, {Mutations} mutants: {Converted} converted, {Refusals.Count} refused, {Failures.Count} failed; "
        + $"worst time {WorstTime.TotalMilliseconds:F0} ms ({WorstTimeMutant}); worst allocation on the converting thread "
        + $"{WorstAllocatedBytes / 1048576.0:F1} MB; process peak working set {PeakWorkingSetBytes / 1048576.0:F0} MB";
}
