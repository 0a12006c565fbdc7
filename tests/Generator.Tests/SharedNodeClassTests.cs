namespace SymbolicGen.Generator.Tests;

/// <summary>Nodes that call the same function share one generated class; each node's object keeps its own values.</summary>
public class SharedNodeClassTests
{
    // 21 nodes: 11 Birdsong layers folded through 10 AudioMix nodes (the build-time benchmark's flow).
    private static string BigFlow()
    {
        var text = new System.Text.StringBuilder("flow Big(seconds: Duration = 4s) -> (out: Audio) {\n");
        for (var i = 1; i <= 11; i++) text.Append($"    b{i} = Birdsong(duration: {i}s, density: 0.{i % 9 + 1})\n");
        text.Append("    m1 = AudioMix(b1, b2)\n");
        for (var i = 2; i <= 10; i++) text.Append($"    m{i} = AudioMix(m{i - 1}, b{i + 1})\n");
        text.Append("    out = m10\n}\n");
        return text.ToString();
    }

    [Fact]
    public void One_class_per_function_with_per_node_values_and_checks()
    {
        var run = GeneratorHarness.Generate([("/proj/big.sym", BigFlow())]);
        Assert.Empty(run.GeneratorDiagnostics);
        var source = run.Source(Emit.PipelineEmitter.HintName("big.sym"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(source, "public sealed class BirdsongNode\\b"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(source, "public sealed class AudioMixNode\\b"));
        Assert.DoesNotContain("class B1Node", source);
        // Far less than one class per node (about 107 KB before).
        Assert.True(source.Length < 50_000, $"{source.Length} characters");

        var type = GeneratorHarness.Load(run.Output).GetType("TestApp.Workflows.BigPipeline", true)!;
        var pipeline = Activator.CreateInstance(type)!;
        var nodes = type.GetProperty("Nodes")!.GetValue(pipeline)!;
        var b2 = nodes.GetType().GetProperty("B2")!.GetValue(nodes)!;
        var b5 = nodes.GetType().GetProperty("B5")!.GetValue(nodes)!;
        Assert.Same(b2.GetType(), b5.GetType());
        var density = b2.GetType().GetProperty("Density")!;
        Assert.Equal(0.3, (double)density.GetValue(b2)!);
        Assert.Equal(0.6, (double)density.GetValue(b5)!);
        density.SetValue(b5, 0.25);
        Assert.Equal(0.25, (double)density.GetValue(b5)!);
        Assert.Equal(0.3, (double)density.GetValue(b2)!);
        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => density.SetValue(b5, double.NaN)).InnerException;
        Assert.IsType<ArgumentOutOfRangeException>(error);
        Assert.Contains("'density' of node 'b5'", error!.Message);
    }
}
