using SymbolicGen.Language.Ir;
using SymbolicGen.Runtime.Execution;
using static SymbolicGen.Execution.Tests.SchedulingTests;

namespace SymbolicGen.Execution.Tests;

public class FlowCallAndParameterTests
{
    private const string Scene = """
        flow Ambience(seconds: Duration = 5s, level: Gain = 0dB) -> (audio: Audio) {
            birds = Birdsong(duration: seconds, density: 0.7)
            water = WaterAmbience(duration: seconds)
            audio = AudioMix(birds, water, gain_b: level)
        }

        flow Scene(photo: Image, seconds: Duration = 3s) -> (film: Video) {
            clip  = ImageToVideo(photo, duration: seconds)
            sound = Ambience(seconds: seconds)
            film  = AddAudio(clip, sound)
        }
        """;

    [Fact]
    public async Task A_flow_calling_another_flow_runs_with_the_callee_inlined()
    {
        var world = new TestWorld();
        var observer = new RecordingObserver();
        using var executor = new FlowExecutor(world.Registry);
        using var photo = world.New(5);

        await using var result = await executor.RunAsync(world.Compile(Scene), "Scene",
            new FlowArguments().Input("photo", photo).Parameter("seconds", 2.0), new RunOptions { Observer = observer });

        // clip: photo, 2 s, 24 fps; sound: birds [2, 0.7] + water [2, 0.5] at 0 dB (the callee's default level).
        AssertNumbers([5, 2, 24, 4, 1.2], result.Get<Num>("film").Data);
        Assert.Equal(["clip", "film", "sound/audio", "sound/birds", "sound/water"], observer.Finished.Select(f => f.Node).Order().ToArray());
    }

    [Fact]
    public async Task A_called_flow_runs_its_own_defaults_and_can_be_run_on_its_own()
    {
        var world = new TestWorld();
        var flows = world.Compile(Scene);
        using var executor = new FlowExecutor(world.Registry);

        await using var result = await executor.RunAsync(flows, "Ambience", null, new RunOptions { Cache = ValueCache.None });

        AssertNumbers([10, 1.2], result.Get<Num>("audio").Data);
    }

    [Fact]
    public async Task Nodes_of_a_called_flow_are_cached_one_by_one()
    {
        var world = new TestWorld();
        var flows = world.Compile(Scene);
        using var executor = new FlowExecutor(world.Registry);
        using var photo = world.New(5);
        await using (await executor.RunAsync(flows, "Scene", new FlowArguments().Input("photo", photo)))
        {
        }

        // Running the callee alone with the same effective parameters reuses the inlined nodes.
        await using var alone = await executor.RunAsync(flows, "Ambience", new FlowArguments().Parameter("seconds", 3.0));

        Assert.Equal(1, world.Calls("AudioMix"));
        Assert.Equal(new RunStatistics(Computed: 0, Cached: 1, Skipped: 2), alone.Statistics);
    }

    [Fact]
    public async Task Frames_convert_through_the_nodes_fps_argument_or_default()
    {
        var world = new TestWorld();
        var flows = world.Compile("""
            flow Frames(photo: Image, length: Duration = 72f) -> (a: Video, b: Video, c: Video) {
                a = ImageToVideo(photo, duration: 48f, fps: 12fps)
                b = ImageToVideo(photo, duration: length)
                c = ImageToVideo(photo, duration: 500ms, fps: 30fps)
            }
            """);
        using var executor = new FlowExecutor(world.Registry);
        using var photo = world.New(1);

        await using (var result = await executor.RunAsync(flows, "Frames", new FlowArguments().Input("photo", photo)))
        {
            AssertNumbers([1, 4, 12], result.Get<Num>("a").Data);
            AssertNumbers([1, 3, 24], result.Get<Num>("b").Data); // 72 frames at the default 24 fps
            AssertNumbers([1, 0.5, 30], result.Get<Num>("c").Data);
        }

        // An override written with a unit converts where it is used, like a default.
        await using var written = await executor.RunAsync(flows, "Frames",
            new FlowArguments().Input("photo", photo).Parameter("length", new QuantityValue(96, "f")));
        AssertNumbers([1, 4, 24], written.Get<Num>("b").Data);
    }

    [Fact]
    public async Task Every_parameter_type_arrives_in_canonical_form_and_a_literal_feeds_a_text_input()
    {
        var world = new TestWorld();
        var flows = world.Compile("""
            flow Types() -> (out: Audio) {
                a = Source(value: 0.25)
                out = Label(a, "hello", size: 640x480, color: #0080ff, count: 5, seed: 99, on: false, cutoff: 1.5kHz, mix: 40%)
            }
            """);
        using var executor = new FlowExecutor(world.Registry);

        await using var result = await executor.RunAsync(flows, "Types");

        AssertNumbers([0.25, 5, 640, 480, 0, 128, 255, 5, 99, 0, 1500, 0.4], result.Get<Num>("out").Data);
    }

    [Fact]
    public async Task Defaults_of_every_type_apply_when_a_node_sets_nothing()
    {
        var world = new TestWorld();
        var flows = world.Compile("flow D() -> (out: Audio) {\n    a = Source()\n    out = Label(a, \"hi\")\n}\n");
        using var executor = new FlowExecutor(world.Registry);

        await using var result = await executor.RunAsync(flows, "D");

        AssertNumbers([0, 2, 2, 3, 255, 0, 0, 3, 7, 1, 2000, 0.5], result.Get<Num>("out").Data);
    }

    [Fact]
    public async Task A_node_with_several_outputs_feeds_each_port_separately()
    {
        var world = new TestWorld();
        var flows = world.Compile("""
            flow Ports() -> (low: Audio, high: Audio) {
                a = Source(value: 3)
                b = Source(value: -1)
                both = Add(a, b)
                (lo, hi) = Split(both)
                low = Neg(lo)
                high = Neg(hi)
            }
            """);
        using var executor = new FlowExecutor(world.Registry);

        await using (var result = await executor.RunAsync(flows, "Ports", null, new RunOptions { Cache = ValueCache.None }))
        {
            AssertNumbers([-2], result.Get<Num>("low").Data);
            AssertNumbers([-2], result.Get<Num>("high").Data);
            Assert.Equal(2, world.Live);
        }
        Assert.Equal(0, world.Live);
    }
}

public class SyntaxTests
{
    // The declarative flagship with its nodes declared in reverse order: links, not order, decide what runs first.
    private static readonly string Reversed = ReverseNodes(Flagship.Declarative);

    public static TheoryData<string> OtherSyntaxes => new() { Flagship.Declarative, Reversed, Flagship.Natural };

    private static string ReverseNodes(string text)
    {
        var lines = text.Split('\n');
        var nodes = lines.Select((l, i) => (l, i)).Where(x => x.l.TrimStart().StartsWith("node ")).ToList();
        Assert.Equal(6, nodes.Count);
        for (var k = 0; k < nodes.Count; k++) lines[nodes[k].i] = nodes[nodes.Count - 1 - k].l;
        return string.Join('\n', lines);
    }

    [Theory]
    [MemberData(nameof(OtherSyntaxes))]
    public async Task The_flagship_in_every_syntax_gives_the_same_outputs_and_shares_the_cache(string text)
    {
        var world = new TestWorld();
        using var executor = new FlowExecutor(world.Registry);
        var arguments = Flagship.Arguments(world, out _, out _);
        await using (var dataflow = await executor.RunAsync(world.Compile(Flagship.Text), "JungleRuins", arguments))
            AssertNumbers(Flagship.ExpectedFilm(), dataflow.Get<Num>("film").Data);

        await using var other = await executor.RunAsync(world.Compile(text), "JungleRuins", arguments);

        AssertNumbers(Flagship.ExpectedFilm(), other.Get<Num>("film").Data);
        AssertNumbers(Flagship.ExpectedPoster(), other.Get<Num>("poster").Data);
        Assert.Equal(6, world.TotalCalls); // the same IR gives the same keys: nothing computed twice
    }

    [Fact]
    public async Task Lines_of_declarative_nodes_point_at_their_node_statements()
    {
        var world = new TestWorld();
        var flows = world.Compile(Reversed, "d.sym");
        var failing = new FunctionRegistry();
        foreach (var f in world.Registry.Functions)
            failing.Add(f.Info, f.Name == "AudioMix" ? _ => throw new IOException("disk full") : f.Invoker);
        using var executor = new FlowExecutor(failing);

        var error = await Assert.ThrowsAsync<FlowExecutionException>(() => executor.RunAsync(flows, "JungleRuins", Flagship.Arguments(world, out _, out _)));

        var line = Flagship.LineOf(Reversed, "node mix");
        Assert.Equal(9, line); // reversed from line 12
        Assert.Equal($"d.sym({line}): node 'mix' (AudioMix) failed: disk full", error.Message);
    }

    [Fact]
    public async Task A_node_that_feeds_no_output_is_skipped()
    {
        var world = new TestWorld();
        var observer = new RecordingObserver();
        var flows = world.Compile("flow Dangling() -> (a: Audio) {\n    a = Source(value: 1)\n    extra = Neg(a)\n}\n");
        using var executor = new FlowExecutor(world.Registry);

        await using var result = await executor.RunAsync(flows, "Dangling", null, new RunOptions { Observer = observer });

        Assert.Equal(0, world.Calls("Neg"));
        Assert.Contains(("extra", NodeOutcome.Skipped), observer.Finished);
        Assert.Equal(new RunStatistics(Computed: 1, Cached: 0, Skipped: 1), result.Statistics);
    }
}
