using System.Diagnostics;
using SymbolicGen.Benchmarks;

// A Stopwatch harness: these figures are whole runs (hundreds of ms to seconds), where
// BenchmarkDotNet's per-invocation machinery adds nothing. Every figure is a ratio against a
// baseline measured in the same process, best of several repetitions.
var which = args.Length > 0 ? args[0] : "all";
Console.WriteLine($"SymbolicGen runtime benchmarks — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
if (which is "all" or "overhead") await ExecutorBenchmarks.OverheadAsync();
if (which is "all" or "parallel") await ExecutorBenchmarks.ParallelAsync();
if (which is "all" or "rerun") await FlagshipBenchmarks.RerunAsync();
if (which is "all" or "memory") await FlagshipBenchmarks.MemoryAsync();
if (which is "all" or "imagetovideo") ImageToVideoBenchmarks.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);

internal static class Measure
{
    /// <summary>Best wall time of <paramref name="repetitions"/> runs after one warm-up.</summary>
    public static async Task<TimeSpan> BestAsync(Func<Task> run, int repetitions = 5)
    {
        await run();
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            if (watch.Elapsed < best) best = watch.Elapsed;
        }
        return best;
    }
}
