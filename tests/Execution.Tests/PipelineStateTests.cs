using SymbolicGen.Runtime.Execution;
using static SymbolicGen.Execution.Tests.SchedulingTests;

namespace SymbolicGen.Execution.Tests;

/// <summary>
/// The runtime core of generated pipelines, driven as generated code drives it: the embedded text compiled on
/// first use, typed values with the file's initial values, checks on what is set, node parameters reaching
/// the run, and errors that name the file's lines.
/// </summary>
public sealed class PipelineStateTests
{
    private const string Path = "workflows/Ambience.sym";

    private const string Ambience = """
        # Birds over water.
        flow Ambience(seconds: Duration = 5s, level: Gain = 0dB, take: Duration = 48f) -> (audio: Audio) {
            birds = Birdsong(duration: seconds, density: 0.7)
            water = WaterAmbience(duration: seconds)
            audio = AudioMix(birds, water, gain_b: level)
        }
        """;

    private static (TestWorld World, PipelineState State) Pipeline(string text = Ambience, string flow = "Ambience")
    {
        var world = new TestWorld();
        var definition = new PipelineDefinition(Path, flow, text, () => world.Registry);
        return (world, new PipelineState(definition, new FlowExecutor(world.Registry)));
    }

    [Fact]
    public void Flow_and_node_parameters_start_with_the_file_s_canonical_values_or_null_when_only_a_run_knows_them()
    {
        var (_, state) = Pipeline();
        Assert.Equal(5.0, state.Get<double>("seconds"));
        Assert.Equal(0.0, state.Get<double>("level"));
        Assert.Null(state.Get<double?>("take"));                  // frames: converted through a node's frame rate when it runs
        Assert.Equal(0.7, state.GetNode<double?>("birds", "density"));
        Assert.Null(state.GetNode<double?>("birds", "duration"));  // fed by a flow parameter
        Assert.Equal(0.5, state.GetNode<double?>("water", "flow")); // the function's default
    }

    [Fact]
    public async Task Values_set_on_the_flow_and_on_nodes_reach_the_next_runs_and_null_goes_back_to_the_file()
    {
        var (world, state) = Pipeline();
        async Task<double[]> Run()
        {
            await using var result = await state.RunAsync(new RunOptions(), r => r);
            return result.Get<Num>("audio").Data;
        }

        // birds [seconds, 0.7] + water [seconds, 0.5] at 0 dB.
        AssertNumbers([10, 1.2], await Run());
        state.Set("seconds", 2.0);
        state.SetNode("water", "flow", 0.25);
        AssertNumbers([4, 0.95], await Run());
        Assert.Equal(0.25, state.GetNode<double?>("water", "flow"));

        state.SetNode("water", "flow", null);
        state.Set("seconds", null);
        Assert.Equal(5.0, state.Get<double>("seconds"));
        AssertNumbers([10, 1.2], await Run());
        Assert.Equal(2, world.Calls("AudioMix")); // the third run is the first again: from the executor's cache
    }

    [Fact]
    public void Setters_reject_NaN_out_of_range_numbers_and_unknown_enum_values_naming_what_is_accepted()
    {
        var (_, state) = Pipeline();
        // 'seconds' feeds Birdsong and WaterAmbience durations: the intersection of their ranges.
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => state.Set("seconds", 1e9));
        // The checker's SYM0203 wording, with the flow as the owner of a flow parameter.
        Assert.StartsWith("'seconds' is 1000000000 s; Ambience accepts ", range.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => state.SetNode("birds", "density", double.NaN));
        Assert.Equal(5.0, state.Get<double>("seconds"));
    }

    [Fact]
    public async Task A_required_flow_parameter_must_be_set_before_a_run()
    {
        var (_, state) = Pipeline("flow Tone(value: Float) -> (audio: Audio) {\n    audio = Source(value: value)\n}\n", "Tone");
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => state.RunAsync(new RunOptions(), r => r));
        Assert.Equal("set flow parameter 'value' (it has no default) before running the flow", missing.Message);

        state.Set("value", 3.0);
        await using var result = await state.RunAsync(new RunOptions(), r => r);
        AssertNumbers([3], result.Get<Num>("audio").Data);
    }

    [Fact]
    public async Task Inputs_are_checked_in_declared_order()
    {
        var (world, state) = Pipeline("flow Twice(a: Audio) -> (audio: Audio) {\n    audio = Add(a, a)\n}\n", "Twice");
        await Assert.ThrowsAsync<ArgumentNullException>(() => state.RunAsync(new RunOptions(), r => r, [null!]));
        await Assert.ThrowsAsync<ArgumentException>(() => state.RunAsync(new RunOptions(), r => r));
        using var input = world.New(1, 2);
        await using var result = await state.RunAsync(new RunOptions(), r => r, input);
        AssertNumbers([2, 4], result.Get<Num>("audio").Data);
    }

    [Fact]
    public void A_text_that_no_longer_compiles_against_the_registry_fails_on_first_use_naming_the_file_and_line()
    {
        var world = new TestWorld();
        var definition = new PipelineDefinition(Path, "Broken", "flow Broken() -> (audio: Audio) {\n    audio = Missing()\n}\n", () => world.Registry);
        var error = Assert.Throws<InvalidOperationException>(() => definition.Flow);
        Assert.StartsWith("workflows/Ambience.sym(2): flow 'Broken' does not compile against the functions this program registers: ", error.Message);

        var renamed = new PipelineDefinition(Path, "Gone", Ambience, () => world.Registry);
        Assert.Equal("workflows/Ambience.sym has no flow 'Gone' any more; rebuild the project", Assert.Throws<InvalidOperationException>(() => renamed.Flow).Message);
    }

    [Fact]
    public async Task A_failing_node_is_reported_at_its_line_in_the_embedded_file()
    {
        var (world, state) = Pipeline();
        world.OnNode("water", _ => throw new InvalidOperationException("dry"));
        var error = await Assert.ThrowsAsync<FlowExecutionException>(() => state.RunAsync(new RunOptions(), r => r));
        Assert.StartsWith("workflows/Ambience.sym(4): node 'water' (WaterAmbience)", error.Message);
    }
}
