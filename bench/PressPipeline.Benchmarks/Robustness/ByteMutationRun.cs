using System.Diagnostics;
using System.Globalization;
using PressPipeline.Conversion;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Tests.Robustness;

namespace PressPipeline.Benchmarks.Robustness;

/// <summary>
/// The long byte-level mutation run (docs/robustness.md): converts N seeded mutants of one .docx in this
/// process and prints conversions, refusals by reason, unexpected exceptions (with the mutant number, to
/// replay), the worst time and the most memory any one convert allocated, and the process's peak working set.
///
///   dotnet run -c Release --project bench/PressPipeline.Benchmarks -- mutate [count] [seed] [file.docx]
/// </summary>
internal static class ByteMutationRun
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        var file = args.Length > 2 ? args[2] : Path.Combine(BenchmarkFiles.RepositoryRoot(), "samples", "iom-roundtable-2014.docx");
        var original = File.ReadAllBytes(file);
        var mutator = new ByteMutator(original, seed);
        var converter = ReleaseConverter.CreateDefault();
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unexpected = new List<string>();
        var worstTime = TimeSpan.Zero;
        long worstAllocated = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var (kind, bytes) = mutator.Next();
            kinds[kind.ToString()] = kinds.GetValueOrDefault(kind.ToString()) + 1;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            string outcome;
            try
            {
                outcome = converter.Convert(new MemoryStream(bytes), RenderContext.Local) switch
                {
                    ConversionOutcome.Rejected r => "refused: " + r.Rejection.Kind,
                    _ => "converted",
                };
            }
#pragma warning disable CA1031 // Counted and listed: finding these is what the run is for.
            catch (Exception error)
#pragma warning restore CA1031
            {
                outcome = "UNEXPECTED " + error.GetType().Name;
                unexpected.Add($"mutant {i} ({kind}): {error.GetType().Name}: {error.Message}");
            }

            watch.Stop();
            worstTime = watch.Elapsed > worstTime ? watch.Elapsed : worstTime;
            worstAllocated = Math.Max(worstAllocated, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Console.WriteLine($"byte-level mutation of {Path.GetFileName(file)}: {count} mutants, seed {seed}, {total.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine("mutants by kind: " + string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}")));
        foreach (var (outcome, n) in outcomes)
        {
            Console.WriteLine($"  {outcome,-32} {n,6}");
        }

        Console.WriteLine($"worst time for one convert: {worstTime.TotalMilliseconds:F0} ms");
        Console.WriteLine($"most allocated by one convert: {worstAllocated / (1024.0 * 1024):F1} MB");
        Console.WriteLine($"process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F0} MB");
        foreach (var line in unexpected.Take(20))
        {
            Console.WriteLine(line);
        }

        return unexpected.Count == 0 ? 0 : 1;
    }
}
