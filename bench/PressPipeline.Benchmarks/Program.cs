using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/PressPipeline.Benchmarks -- --filter '*'` runs them all.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
