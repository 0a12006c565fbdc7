using System.Text;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Benchmarks;

/// <summary>The executor's own cost: per-node overhead and parallel speedup.</summary>
internal static class ExecutorBenchmarks
{
    private static readonly EquatableArray<PortInfo> TextPort = EquatableArray.Of(new PortInfo("text", PortType.Text));

    private static string Step(string text) => text.Length > 64 ? "s" : text + "s";

    // CPU-bound work of a fixed size: what a real node does, without depending on media.
    private static string Work(string text)
    {
        var x = 0.0;
        for (var i = 0; i < 40_000_000; i++) x += Math.Sqrt(i ^ text.Length);
        return x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static FunctionRegistry Registry() => new FunctionRegistry()
        .Add(new FunctionInfo("Start", default, TextPort, default), _ => new(NodeOutputs.Single("s")))
        .Add(new FunctionInfo("Step", TextPort, TextPort, default), call => new(NodeOutputs.Single(Step(call.Input<string>("text")))))
        .Add(new FunctionInfo("Work", TextPort, TextPort, default), call => new(NodeOutputs.Single(Work(call.Input<string>("text")))))
        .Add(new FunctionInfo("Join", EquatableArray.Of(new PortInfo("a", PortType.Text), new PortInfo("b", PortType.Text)), TextPort, default),
            call => new(NodeOutputs.Single(call.Input<string>("a") + call.Input<string>("b"))));

    private static Language.Ir.Flow Compile(string text, FunctionRegistry registry)
    {
        var compilation = SymCompiler.Compile(text, registry.ToCatalog());
        if (compilation.HasErrors) throw new InvalidOperationException("benchmark flow has errors: " + compilation.Diagnostics[0]);
        return compilation.File.Flows[0];
    }

    public static async Task OverheadAsync()
    {
        const int nodes = 2000;
        var text = new StringBuilder("flow Chain() -> (out: Text) {\n    n0 = Start()\n");
        for (var i = 1; i < nodes; i++) text.Append($"    n{i} = Step(n{i - 1})\n");
        text.Append($"    out = n{nodes - 1}\n}}\n");
        var registry = Registry();
        var flow = Compile(text.ToString(), registry);
        using var executor = new FlowExecutor(registry);
        var options = new RunOptions { Cache = ValueCache.None };

        var direct = await Measure.BestAsync(() =>
        {
            var value = "s";
            for (var i = 1; i < nodes; i++) value = Step(value);
            return Task.FromResult(value);
        });
        var executed = await Measure.BestAsync(async () =>
        {
            await using var result = await executor.RunAsync(flow, null, options);
        });
        var perNode = (executed - direct).TotalMicroseconds / nodes;
        Console.WriteLine();
        Console.WriteLine($"## Executor overhead ({nodes}-node chain, cache off)");
        Console.WriteLine("| run | time | per node |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| direct calls in a loop (baseline) | {direct.TotalMilliseconds:0.00} ms | {direct.TotalMicroseconds / nodes:0.00} µs |");
        Console.WriteLine($"| through the executor | {executed.TotalMilliseconds:0.00} ms | {executed.TotalMicroseconds / nodes:0.00} µs |");
        Console.WriteLine($"overhead per node: {perNode:0.00} µs (goal < 50 µs)");
    }

    public static async Task ParallelAsync()
    {
        const string text = """
            flow Two() -> (out: Text) {
                seed = Start()
                a = Work(seed)
                b = Work(seed)
                out = Join(a, b)
            }
            """;
        var registry = Registry();
        var flow = Compile(text, registry);
        using var executor = new FlowExecutor(registry);
        async Task Run(int degree)
        {
            await using var result = await executor.RunAsync(flow, null, new RunOptions { Cache = ValueCache.None, MaxDegreeOfParallelism = degree });
        }

        var sequential = await Measure.BestAsync(() => Run(1), repetitions: 3);
        var parallel = await Measure.BestAsync(() => Run(2), repetitions: 3);
        Console.WriteLine();
        Console.WriteLine("## Parallel speedup (two independent CPU-bound branches)");
        Console.WriteLine("| degree | time | speedup |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| 1 (baseline) | {sequential.TotalMilliseconds:0} ms | 1.00× |");
        Console.WriteLine($"| 2 | {parallel.TotalMilliseconds:0} ms | {sequential / parallel:0.00}× |");
    }
}
