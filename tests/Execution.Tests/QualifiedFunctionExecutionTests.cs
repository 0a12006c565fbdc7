using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Runtime.Execution;
using static SymbolicGen.Execution.Tests.SchedulingTests;

namespace SymbolicGen.Execution.Tests;

/// <summary>The executor runs functions with qualified names, written in full or through a <c>using</c> line.</summary>
public class QualifiedFunctionExecutionTests
{
    private const string Flows = """
        using acme.audio

        flow Louder(sound: Audio) -> (out: Audio) {
            out = Gain(sound, factor: 3)
        }

        flow Mixed(seconds: Duration = 2s) -> (out: Audio, other: Audio) {
            birds = Birdsong(duration: seconds, density: 0.5)
            loud  = acme.audio.Gain(birds, factor: 2)
            out   = Louder(loud)
            other = Gain(birds)
        }
        """;

    [Fact]
    public async Task Qualified_functions_run_with_their_parameters_cached_under_their_full_names()
    {
        var world = new TestWorld();
        var calls = 0;
        world.Registry.Add(
            new FunctionInfo("acme.audio.Gain",
                EquatableArray.Of(new PortInfo("a", PortType.Audio)),
                EquatableArray.Of(new PortInfo("audio", PortType.Audio)),
                EquatableArray.Of(new ParameterInfo("factor", ParamType.Float, new NumberValue(10)))),
            call =>
            {
                Interlocked.Increment(ref calls);
                var factor = call.GetDouble("factor");
                return ValueTask.FromResult(NodeOutputs.Single(world.New(call.Input<Num>("a").Data.Select(x => x * factor).ToArray())));
            });
        var flows = world.Compile(Flows);
        Assert.Equal(["acme.audio.Gain", "Louder", "acme.audio.Gain"], flows.Find("Mixed")!.Nodes.Skip(1).Select(n => n.Function));
        using var executor = new FlowExecutor(world.Registry);

        await using (var result = await executor.RunAsync(flows, "Mixed"))
        {
            // birds: [2, 0.5]; loud ×2, then Louder ×3; other ×10 (the default factor).
            AssertNumbers([12, 3], result.Get<Num>("out").Data);
            AssertNumbers([20, 5], result.Get<Num>("other").Data);
        }
        Assert.Equal(3, calls);

        await using (await executor.RunAsync(flows, "Mixed"))
        {
        }
        Assert.Equal(3, calls);
    }
}
