using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Execution.Tests;

public class SchedulingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Flagship_runs_with_canonical_parameters_and_returns_both_outputs()
    {
        var world = new TestWorld();
        using var executor = new FlowExecutor(world.Registry);
        var arguments = Flagship.Arguments(world, out var jungle, out var ruins);

        await using (var result = await executor.RunAsync(world.Compile(Flagship.Text), "JungleRuins", arguments))
        {
            Assert.Equal(["film", "poster"], result.Names);
            AssertNumbers(Flagship.ExpectedFilm(), result.Get<Num>("film").Data);
            AssertNumbers(Flagship.ExpectedPoster(), result.Get<Num>("poster").Data);
            Assert.Equal(new RunStatistics(6, 0, 0), result.Statistics);
        }

        Assert.All(["ImageBlend", "ImageToVideo", "Birdsong", "WaterAmbience", "AudioMix", "AddAudio"], f => Assert.Equal(1, world.Calls(f)));
        executor.MemoryCache.Clear();
        Assert.Equal(2, world.Live); // only the caller's inputs: the executor never disposes them
        jungle.Dispose();
        ruins.Dispose();
        Assert.Equal(0, world.Live);
        Assert.Equal(0, world.DoubleDisposed);
    }

    [Fact]
    public async Task Two_independent_branches_overlap()
    {
        var world = new TestWorld();
        var birdsStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waterStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Each branch waits until the other has started: they can only finish if both run at once.
        world.OnNode("birds", async _ =>
        {
            birdsStarted.SetResult();
            await waterStarted.Task.WaitAsync(Patience);
        });
        world.OnNode("water", async _ =>
        {
            waterStarted.SetResult();
            await birdsStarted.Task.WaitAsync(Patience);
        });
        var observer = new RecordingObserver();
        using var executor = new FlowExecutor(world.Registry);
        var flows = world.Compile(Flagship.Text);

        await using var result = await executor.RunAsync(flows, "JungleRuins", Flagship.Arguments(world, out _, out _),
            new RunOptions { MaxDegreeOfParallelism = 2, Observer = observer, Cache = ValueCache.None });

        var events = observer.Events;
        var bothStarted = Math.Max(events.IndexOf("start birds"), events.IndexOf("start water"));
        var firstFinished = Math.Min(events.IndexOf("finish birds"), events.IndexOf("finish water"));
        Assert.True(bothStarted < firstFinished, string.Join(", ", events));
        Assert.Equal(2, world.MaxInFlight);
    }

    [Fact]
    public async Task A_ready_node_starts_while_an_unrelated_slow_node_of_the_same_depth_still_runs()
    {
        // With level-by-level barriers, 'x' (depth 1) could not start before 'slow' (depth 0) finished,
        // and 'slow' waits for 'x' to start: only a ready-queue scheduler completes this flow.
        var world = new TestWorld();
        var xStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        world.OnNode("slow", async _ => await xStarted.Task.WaitAsync(Patience));
        world.OnNode("x", _ =>
        {
            xStarted.SetResult();
            return Task.CompletedTask;
        });
        var flows = world.Compile("""
            flow Uneven() -> (x: Audio, y: Audio) {
                fast = Source(value: 1)
                slow = Source(value: 2)
                x = Neg(fast)
                y = Neg(slow)
            }
            """);
        using var executor = new FlowExecutor(world.Registry);

        await using var result = await executor.RunAsync(flows, "Uneven", null, new RunOptions { MaxDegreeOfParallelism = 2 });

        AssertNumbers([-1], result.Get<Num>("x").Data);
        AssertNumbers([-2], result.Get<Num>("y").Data);
    }

    [Fact]
    public async Task Degree_one_runs_nodes_one_at_a_time()
    {
        var world = new TestWorld();
        var flows = world.Compile("""
            flow Wide() -> (total: Audio) {
                a = Source(value: 1)
                b = Source(value: 2)
                c = Source(value: 3)
                d = Source(value: 4)
                ab = Add(a, b)
                cd = Add(c, d)
                total = Add(ab, cd)
            }
            """);
        var observer = new RecordingObserver();
        using var executor = new FlowExecutor(world.Registry);

        await using var result = await executor.RunAsync(flows, "Wide", null, new RunOptions { MaxDegreeOfParallelism = 1, Observer = observer });

        AssertNumbers([10], result.Get<Num>("total").Data);
        Assert.Equal(1, world.MaxInFlight);
        // Strictly alternating start/finish events: never two nodes in progress.
        var events = observer.Events;
        for (var i = 0; i < events.Count; i++)
            Assert.StartsWith(i % 2 == 0 ? "start " : "finish ", events[i]);
    }

    [Fact]
    public async Task Progress_reports_reach_the_observer_clamped_to_the_unit_interval()
    {
        var world = new TestWorld();
        world.OnNode("a", call =>
        {
            call.Progress.Report(0.5);
            call.Progress.Report(1.5);
            return Task.CompletedTask;
        });
        var observer = new RecordingObserver();
        using var executor = new FlowExecutor(world.Registry);

        await using var result = await executor.RunAsync(world.Compile("flow P() -> (a: Audio) {\n    a = Source(value: 1)\n}\n"), "P", null,
            new RunOptions { Observer = observer });

        Assert.Equal([("a", 0.5), ("a", 1.0)], observer.Progress.ToArray());
        Assert.Equal([("a", NodeOutcome.Computed)], observer.Finished.ToArray());
    }

    internal static void AssertNumbers(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 9);
    }
}
