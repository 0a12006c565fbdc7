using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SymbolicGen.Benchmarks.ParseCheckBenchmarks).Assembly).Run(args);
