using System.Diagnostics;
using SymbolicGen.Language;
using SymbolicGen.Language.Tests;
using SymbolicGen.Runtime;
using SymbolicGen.Runtime.Execution;
using SymbolicGen.Runtime.IO;

namespace SymbolicGen.Benchmarks;

/// <summary>JungleRuins end to end: re-run cost after an edit, and peak memory against all intermediates.</summary>
internal static class FlagshipBenchmarks
{
    private static (FlowSet Flows, FunctionRegistry Registry) Load(string edit = "")
    {
        var registry = new FunctionRegistry();
        BuiltInFunctions.Register(registry);
        var text = File.ReadAllText(Path.Combine(Repository.Root, "workflows", "JungleRuins.sym"));
        if (edit.Length > 0) text = text.Replace("gain_b: -6dB", edit);
        var compilation = SymCompiler.Compile(text, registry.ToCatalog());
        if (compilation.HasErrors) throw new InvalidOperationException(compilation.Diagnostics[0].ToString());
        return (FlowSet.FromCompilation(compilation), registry);
    }

    private static FlowArguments Inputs(Image jungle, Image ruins) =>
        new FlowArguments().Input("jungle", jungle, "jungle").Input("ruins", ruins, "ruins");

    public static async Task RerunAsync()
    {
        var assets = Path.Combine(Repository.Root, "workflows", "assets");
        using var jungle = ImageFile.Read(Path.Combine(assets, "jungle.png"));
        using var ruins = ImageFile.Read(Path.Combine(assets, "ruins.png"));
        var (flows, registry) = Load();
        var (edited, _) = Load("gain_b: -9dB");

        var full = await Measure.BestAsync(async () =>
        {
            using var executor = new FlowExecutor(registry);
            await using var result = await executor.RunAsync(flows, "JungleRuins", Inputs(jungle, ruins), new RunOptions());
        }, repetitions: 3);

        var rerun = TimeSpan.MaxValue;
        RunStatistics stats = default;
        for (var i = 0; i < 3; i++)
        {
            using var executor = new FlowExecutor(registry);
            await using (await executor.RunAsync(flows, "JungleRuins", Inputs(jungle, ruins), new RunOptions())) { }
            var watch = Stopwatch.StartNew();
            await using var again = await executor.RunAsync(edited, "JungleRuins", Inputs(jungle, ruins), new RunOptions());
            if (watch.Elapsed < rerun) rerun = watch.Elapsed;
            stats = again.Statistics;
        }
        Console.WriteLine();
        Console.WriteLine("## JungleRuins: re-run after editing AudioMix.gain_b (memory cache)");
        Console.WriteLine("| run | time | ratio |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| full run (baseline) | {full.TotalMilliseconds:0} ms | 1.00 |");
        Console.WriteLine($"| re-run after the edit ({stats.Computed} computed, {stats.Cached} from cache) | {rerun.TotalMilliseconds:0} ms | {rerun / full:0.000} |");
    }

    public static async Task MemoryAsync()
    {
        var assets = Path.Combine(Repository.Root, "workflows", "assets");
        using var jungle = ImageFile.Read(Path.Combine(assets, "jungle.png"));
        using var ruins = ImageFile.Read(Path.Combine(assets, "ruins.png"));
        var (flows, registry) = Load();

        // Every node output's size, recorded as the node finishes; the sum is what a run that kept
        // every intermediate alive would hold.
        long sum = 0;
        var wrapped = new FunctionRegistry();
        foreach (var function in registry.Functions)
        {
            var invoke = function.Invoker;
            wrapped.Add(function.Info, async call =>
            {
                var outputs = await invoke(call);
                for (var i = 0; i < outputs.Count; i++) Interlocked.Add(ref sum, SizeOf(outputs.ValueAt(i)));
                return outputs;
            });
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        GC.Collect();
        var before = process.WorkingSet64;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(5);
            }
        });
        using (var executor = new FlowExecutor(wrapped))
        await using (await executor.RunAsync(flows, "JungleRuins", Inputs(jungle, ruins), new RunOptions { Cache = ValueCache.None })) { }
        sampling.Cancel();
        await sampler;

        Console.WriteLine();
        Console.WriteLine("## JungleRuins: peak memory against all intermediates (cache off)");
        Console.WriteLine("| quantity | MiB |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| sum of every node output (baseline) | {sum / 1048576.0:0} |");
        Console.WriteLine($"| peak working-set growth during the run | {(peak - before) / 1048576.0:0} |");
        Console.WriteLine($"ratio: {(double)(peak - before) / sum:0.00}");
    }

    private static long SizeOf(object? value) => value switch
    {
        TensorMedia media => media.Tensor.NumberOfElements * media.Tensor.ElementSize + (value is Video { Audio: { } audio } ? SizeOf(audio) : 0),
        _ => 0,
    };
}
