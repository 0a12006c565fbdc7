using SymbolicGen.Runtime.Execution;
using static SymbolicGen.Execution.Tests.SchedulingTests;

namespace SymbolicGen.Execution.Tests;

public class OwnershipTests
{
    [Fact]
    public async Task Cancelling_mid_run_leaves_no_live_values()
    {
        var world = new TestWorld();
        using var cancel = new CancellationTokenSource();
        // When the last node starts, every other node has produced a value; cancel there and wait for it.
        world.CancelWhenStarted("film", cancel);
        using var executor = new FlowExecutor(world.Registry);
        var arguments = Flagship.Arguments(world, out var jungle, out var ruins);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => executor.RunAsync(world.Compile(Flagship.Text), "JungleRuins", arguments,
            new RunOptions { CancellationToken = cancel.Token, Cache = ValueCache.None }));

        Assert.Equal(5 + 2, world.Created); // five intermediates were made…
        Assert.Equal(2, world.Live);        // …and released: only the caller's inputs remain
        jungle.Dispose();
        ruins.Dispose();
        Assert.Equal(0, world.Live);
        Assert.Equal(0, world.DoubleDisposed);
    }

    [Fact]
    public async Task Cancelling_with_a_memory_cache_leaves_only_cached_values_which_the_cache_releases()
    {
        var world = new TestWorld();
        using var cancel = new CancellationTokenSource();
        world.CancelWhenStarted("film", cancel);
        var executor = new FlowExecutor(world.Registry);
        var arguments = Flagship.Arguments(world, out var jungle, out var ruins);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => executor.RunAsync(world.Compile(Flagship.Text), "JungleRuins", arguments,
            new RunOptions { CancellationToken = cancel.Token }));

        Assert.Equal(5, executor.MemoryCache.Count);
        Assert.Equal(2 + 5, world.Live);
        executor.Dispose();
        Assert.Equal(2, world.Live);
        jungle.Dispose();
        ruins.Dispose();
        Assert.Equal(0, world.DoubleDisposed);
    }

    [Fact]
    public async Task Cancellation_is_observed_between_nodes_even_when_a_node_ignores_it()
    {
        var world = new TestWorld();
        using var cancel = new CancellationTokenSource();
        world.OnNode("a", _ =>
        {
            cancel.Cancel(); // 'a' itself ignores the token and finishes
            return Task.CompletedTask;
        });
        var flows = world.Compile("""
            flow Chain() -> (c: Audio) {
                a = Source(value: 1)
                b = Neg(a)
                c = Neg(b)
            }
            """);
        using var executor = new FlowExecutor(world.Registry);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => executor.RunAsync(flows, "Chain", null,
            new RunOptions { CancellationToken = cancel.Token, Cache = ValueCache.None }));

        Assert.Equal(1, world.Calls("Source"));
        Assert.Equal(0, world.Calls("Neg"));
        Assert.Equal(0, world.Live);
    }

    [Fact]
    public async Task A_failure_releases_every_intermediate_and_stops_the_other_branches()
    {
        var world = new TestWorld();
        var flows = world.Compile("""
            flow Broken() -> (x: Audio, y: Audio) {
                a = Source(value: 1)
                b = Source(value: 2)
                x = Fail(a)
                y = Neg(b)
            }
            """);
        // 'x' fails only once 'y' runs, so that both sources exist and the other branch is really stopped
        // (without this, 'x' could fail before 'b' was made, and the test would depend on scheduling).
        var yStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        world.OnNode("y", async call =>
        {
            yStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, call.CancellationToken);
        });
        world.OnNode("x", _ => yStarted.Task);
        using var executor = new FlowExecutor(world.Registry);

        await Assert.ThrowsAsync<FlowExecutionException>(() => executor.RunAsync(flows, "Broken", null, new RunOptions { Cache = ValueCache.None }));

        Assert.Equal(2, world.Created);
        Assert.Equal(0, world.Live);
        Assert.Equal(0, world.DoubleDisposed);
    }

    [Fact]
    public async Task Values_returned_under_an_undeclared_port_are_disposed_and_reported()
    {
        var world = new TestWorld();
        var flows = world.Compile("flow Bad() -> (x: Audio) {\n    a = Source(value: 1)\n    x = BadPort(a)\n}\n");
        using var executor = new FlowExecutor(world.Registry);

        var error = await Assert.ThrowsAsync<FlowExecutionException>(() => executor.RunAsync(flows, "Bad"));

        Assert.Contains("returned an output 'nope'", error.Message);
        executor.MemoryCache.Clear();
        Assert.Equal(0, world.Live);
    }

    [Fact]
    public async Task An_intermediate_is_disposed_as_soon_as_its_last_consumer_finished()
    {
        var world = new TestWorld();
        bool? aDisposedWhenCStarted = null, bDisposedWhenCStarted = null;
        world.OnNode("c", _ =>
        {
            aDisposedWhenCStarted = world.MadeByNode["a"].IsDisposed;
            bDisposedWhenCStarted = world.MadeByNode["b"].IsDisposed;
            return Task.CompletedTask;
        });
        var flows = world.Compile("""
            flow Chain() -> (c: Audio) {
                a = Source(value: 1)
                b = Neg(a)
                c = Neg(b)
            }
            """);
        using var executor = new FlowExecutor(world.Registry);

        await using (var result = await executor.RunAsync(flows, "Chain", null, new RunOptions { Cache = ValueCache.None }))
        {
            Assert.True(aDisposedWhenCStarted); // 'b', its only consumer, had finished
            Assert.False(bDisposedWhenCStarted); // 'c' is reading it
            Assert.True(world.MadeByNode["b"].IsDisposed);
            Assert.Equal(1, world.Live); // the output, held by the result
        }
        Assert.Equal(0, world.Live);
    }

    [Fact]
    public async Task An_output_also_read_by_a_node_lives_until_the_result_is_disposed()
    {
        var world = new TestWorld();
        var flows = world.Compile("flow Both() -> (a: Audio, b: Audio) {\n    a = Source(value: 1)\n    b = Neg(a)\n}\n");
        using var executor = new FlowExecutor(world.Registry);

        var result = await executor.RunAsync(flows, "Both", null, new RunOptions { Cache = ValueCache.None });
        AssertNumbers([1], result.Get<Num>("a").Data);
        AssertNumbers([-1], result.Get<Num>("b").Data);
        Assert.Equal(2, world.Live);
        result.Dispose();
        result.Dispose();
        Assert.Equal(0, world.Live);
        Assert.Equal(0, world.DoubleDisposed);
        Assert.Throws<ObjectDisposedException>(() => result["a"]);
    }

    [Fact]
    public async Task A_function_that_returns_its_input_does_not_make_the_executor_own_it_twice()
    {
        var world = new TestWorld();
        var flows = world.Compile("""
            flow Alias(photo: Image) -> (same: Image, blended: Image) {
                same = Pass(photo)
                inner = Pass(photo)
                twice = ImageBlend(inner, inner, weight: 0.5)
                again = Pass(twice)
                blended = Pass(again)
            }
            """);
        using var executor = new FlowExecutor(world.Registry);
        var photo = world.New(2, 4);

        await using (var result = await executor.RunAsync(flows, "Alias", new FlowArguments().Input("photo", photo)))
        {
            Assert.Same(photo, result["same"]);
            AssertNumbers([2, 4], result.Get<Num>("blended").Data);
        }
        executor.MemoryCache.Clear();

        Assert.False(photo.IsDisposed); // the caller's input, even though it came back as an output
        Assert.Equal(1, world.Live);
        Assert.Equal(0, world.DoubleDisposed);
        photo.Dispose();
    }
}
