using BenchmarkDotNet.Running;
using PressPipeline.Benchmarks.Robustness;

// `dotnet run -c Release --project bench/PressPipeline.Benchmarks -- --filter '*'` runs them all.
// `-- mutate [count] [seed] [file]` is the long byte-level mutation run (docs/robustness.md), not a benchmark.
if (args is ["mutate", .. var rest])
{
    return ByteMutationRun.Run(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
