using BenchmarkDotNet.Running;
using PressPipeline.Benchmarks.Fuzz;
using PressPipeline.Benchmarks.LayoutMemory;
using PressPipeline.Benchmarks.Robustness;

// `dotnet run -c Release --project bench/PressPipeline.Benchmarks -- --filter '*'` runs them all.
// `-- mutate [count] [seed] [file]` is the long byte-level mutation run (docs/robustness.md), not a benchmark.
if (args is ["mutate", .. var rest])
{
    return ByteMutationRun.Run(rest);
}

// `-- layout-memory [count] [file.docx...]` measures what one kept console PDF layout holds (docs/benchmarks.md).
if (args is ["layout-memory", .. var files])
{
    return LayoutMemoryRun.Run(files);
}

// `-- fuzz [seed] [mutants]` runs the structure-aware
// fuzzer (docs/robustness.md); it exits 1 when any mutant is refused or fails.
if (args is ["fuzz", ..])
{
    var seed = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15;
    var mutants = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    var root = new DirectoryInfo(AppContext.BaseDirectory);
    while (root is not null && !File.Exists(Path.Combine(root.FullName, "PressPipeline.sln")))
    {
        root = root.Parent;
    }

    var report = FuzzRun.Run(root?.FullName ?? Directory.GetCurrentDirectory(), seed, mutants, Console.WriteLine);
    foreach (var finding in report.Refusals.Concat(report.Failures))
    {
        Console.WriteLine(finding);
    }

    Console.WriteLine(report);
    return report.Refusals.Count + report.Failures.Count == 0 ? 0 : 1;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
