using SymbolicGen.Runtime.Execution;
using static SymbolicGen.Execution.Tests.SchedulingTests;

namespace SymbolicGen.Execution.Tests;

public sealed class CachingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "symgen-exec-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Editing_AudioMix_gain_b_reruns_only_AudioMix_and_AddAudio()
    {
        var world = new TestWorld();
        using var executor = new FlowExecutor(world.Registry);
        var arguments = Flagship.Arguments(world, out _, out _);
        await using (await executor.RunAsync(world.Compile(Flagship.Text), "JungleRuins", arguments))
        {
        }
        var before = world.CallCounts;

        await using var edited = await executor.RunAsync(world.Compile(Flagship.WithGainB("-12dB")), "JungleRuins", arguments);

        var rerun = world.CallCounts.Where(c => c.Value != before.GetValueOrDefault(c.Key)).Select(c => c.Key).Order().ToArray();
        Assert.Equal(["AddAudio", "AudioMix"], rerun);
        Assert.Equal(1, world.Calls("AudioMix") - before["AudioMix"]);
        Assert.Equal(new RunStatistics(Computed: 2, Cached: 4, Skipped: 0), edited.Statistics);
        AssertNumbers(Flagship.ExpectedFilm(gainB: -12), edited.Get<Num>("film").Data);
    }

    [Fact]
    public async Task An_unchanged_rerun_computes_nothing_and_loads_only_the_outputs()
    {
        var world = new TestWorld();
        using var executor = new FlowExecutor(world.Registry);
        var flows = world.Compile(Flagship.Text);
        var arguments = Flagship.Arguments(world, out _, out _);
        await using (await executor.RunAsync(flows, "JungleRuins", arguments))
        {
        }
        var calls = world.TotalCalls;

        await using var again = await executor.RunAsync(flows, "JungleRuins", arguments);

        Assert.Equal(calls, world.TotalCalls);
        // film and poster come from the cache; nothing else is needed.
        Assert.Equal(new RunStatistics(Computed: 0, Cached: 2, Skipped: 4), again.Statistics);
        AssertNumbers(Flagship.ExpectedFilm(), again.Get<Num>("film").Data);
    }

    [Fact]
    public async Task A_flow_parameter_override_recomputes_what_depends_on_it()
    {
        var world = new TestWorld();
        using var executor = new FlowExecutor(world.Registry);
        var flows = world.Compile(Flagship.Text);
        var arguments = Flagship.Arguments(world, out _, out _);
        await using (await executor.RunAsync(flows, "JungleRuins", arguments))
        {
        }

        await using var longer = await executor.RunAsync(flows, "JungleRuins", arguments.Parameter("seconds", 8.0));

        Assert.Equal(1, world.Calls("ImageBlend"));
        Assert.Equal(2, world.Calls("ImageToVideo"));
        Assert.Equal(2, world.Calls("Birdsong"));
        AssertNumbers(Flagship.ExpectedFilm(seconds: 8), longer.Get<Num>("film").Data);
    }

    [Fact]
    public async Task A_run_resumed_after_a_cancel_does_not_reinvoke_finished_nodes()
    {
        var world = new TestWorld();
        using var cancel = new CancellationTokenSource();
        world.CancelWhenStarted("film", cancel);
        using var executor = new FlowExecutor(world.Registry);
        var flows = world.Compile(Flagship.Text);
        var arguments = Flagship.Arguments(world, out _, out _);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => executor.RunAsync(flows, "JungleRuins", arguments, new RunOptions { CancellationToken = cancel.Token }));
        world.ClearHooks();

        await using var resumed = await executor.RunAsync(flows, "JungleRuins", arguments);

        Assert.All(["ImageBlend", "ImageToVideo", "Birdsong", "WaterAmbience", "AudioMix"], f => Assert.Equal(1, world.Calls(f)));
        Assert.Equal(2, world.Calls("AddAudio")); // the cancelled attempt, then the resumed one
        Assert.Equal(new RunStatistics(Computed: 1, Cached: 3, Skipped: 2), resumed.Statistics);
        AssertNumbers(Flagship.ExpectedFilm(), resumed.Get<Num>("film").Data);
    }

    [Fact]
    public async Task The_disk_cache_survives_a_new_executor_and_resumes_a_cancelled_run()
    {
        var first = new TestWorld();
        using var cancel = new CancellationTokenSource();
        first.CancelWhenStarted("film", cancel);
        using (var executor = new FlowExecutor(first.Registry))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => executor.RunAsync(first.Compile(Flagship.Text), "JungleRuins",
                Flagship.Arguments(first, out _, out _), new RunOptions { CancellationToken = cancel.Token, Cache = ValueCache.None, CacheDirectory = _directory }));
        }
        Assert.Equal(5, Directory.GetFiles(_directory, "*.entry", SearchOption.AllDirectories).Length);

        // A new process, in effect: a new world (registry, counters) and a new executor.
        var second = new TestWorld();
        using (var executor = new FlowExecutor(second.Registry))
        {
            var arguments = Flagship.Arguments(second, out var jungle, out var ruins);
            await using (var resumed = await executor.RunAsync(second.Compile(Flagship.Text), "JungleRuins", arguments, new RunOptions { CacheDirectory = _directory }))
            {
                Assert.Equal(["AddAudio"], second.CallCounts.Keys);
                AssertNumbers(Flagship.ExpectedFilm(), resumed.Get<Num>("film").Data);
                AssertNumbers(Flagship.ExpectedPoster(), resumed.Get<Num>("poster").Data);
            }

            // Everything is on disk now: a third run computes nothing.
            var third = new TestWorld();
            using var fresh = new FlowExecutor(third.Registry);
            await using (var again = await fresh.RunAsync(third.Compile(Flagship.Text), "JungleRuins", Flagship.Arguments(third, out _, out _),
                new RunOptions { CacheDirectory = _directory }))
            {
                Assert.Equal(0, third.TotalCalls);
                Assert.Equal(new RunStatistics(Computed: 0, Cached: 2, Skipped: 4), again.Statistics);
            }
            fresh.Dispose();
            Assert.Equal(2, third.Live);

            executor.MemoryCache.Clear();
            Assert.Equal(2, second.Live);
            jungle.Dispose();
            ruins.Dispose();
        }
        Assert.Equal(0, second.DoubleDisposed);
    }

    [Fact]
    public async Task A_corrupt_disk_entry_is_deleted_and_recomputed()
    {
        var world = new TestWorld();
        var flows = world.Compile(Flagship.Text);
        var options = new RunOptions { Cache = ValueCache.None, CacheDirectory = _directory };
        using var executor = new FlowExecutor(world.Registry);
        var arguments = Flagship.Arguments(world, out _, out _);
        await using (await executor.RunAsync(flows, "JungleRuins", arguments, options))
        {
        }
        foreach (var payload in Directory.GetFiles(_directory, "*.0", SearchOption.AllDirectories))
            File.WriteAllBytes(payload, [1, 2, 3]);

        await using var result = await executor.RunAsync(flows, "JungleRuins", arguments, options);

        AssertNumbers(Flagship.ExpectedFilm(), result.Get<Num>("film").Data);
        // Every entry was unreadable, so each was deleted and its node computed again.
        Assert.All(["ImageBlend", "ImageToVideo", "Birdsong", "WaterAmbience", "AudioMix", "AddAudio"], f => Assert.Equal(2, world.Calls(f)));
        Assert.Equal(6, Directory.GetFiles(_directory, "*.entry", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Inputs_without_a_content_hash_are_never_reused_from_the_cache()
    {
        var world = new TestWorld();
        var flows = world.Compile("flow Twice(photo: Image) -> (image: Image) {\n    image = ImageBlend(photo, photo)\n}\n");
        using var executor = new FlowExecutor(world.Registry);
        using var photo = new Opaque(world.New(1));

        await using (await executor.RunAsync(flows, "Twice", new FlowArguments().Input("photo", photo)))
        {
        }
        await using (await executor.RunAsync(flows, "Twice", new FlowArguments().Input("photo", photo)))
        {
        }

        Assert.Equal(2, world.Calls("ImageBlend"));
        Assert.Equal(0, executor.MemoryCache.Count);

        // With a content hash supplied by the caller, the second run reuses the first.
        await using (await executor.RunAsync(flows, "Twice", new FlowArguments().Input("photo", photo, contentHash: "photo-1")))
        {
        }
        await using (await executor.RunAsync(flows, "Twice", new FlowArguments().Input("photo", photo, contentHash: "photo-1")))
        {
        }
        Assert.Equal(3, world.Calls("ImageBlend"));
    }

    [Fact]
    public void The_memory_cache_evicts_the_least_recently_used_entry_and_releases_it()
    {
        var world = new TestWorld();
        using var cache = new MemoryValueCache(maxEntries: 2);
        var keys = Enumerable.Range(0, 3).Select(i => CacheKey.FromContentHash("k" + i)).ToArray();
        foreach (var key in keys)
        {
            var value = SharedValue.Own(world.New(1));
            cache.Store(key, [value]);
            value.Release(); // the cache's own reference keeps it alive
            if (key == keys[1]) Assert.True(cache.TryGet(keys[0], out var touched) && Release(touched)); // keys[0] is now most recent
        }

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet(keys[0], out var kept) && Release(kept));
        Assert.False(cache.TryGet(keys[1], out _));
        Assert.Equal(2, world.Live);
        cache.Dispose();
        Assert.Equal(0, world.Live);
    }

    [Fact]
    public void The_memory_cache_keeps_within_its_byte_budget()
    {
        var world = new TestWorld();
        using var cache = new MemoryValueCache(maxBytes: 3 * sizeof(double));
        var small = SharedValue.Own(world.New(1, 2));
        var large = SharedValue.Own(world.New(1, 2, 3, 4));
        cache.Store(CacheKey.FromContentHash("small"), [small]);
        cache.Store(CacheKey.FromContentHash("large"), [large]);
        small.Release();
        large.Release();

        Assert.Equal(1, cache.Count);
        Assert.Equal(2 * sizeof(double), cache.Bytes);
        Assert.Equal(1, world.Live);
    }

    [Fact]
    public async Task A_failed_disk_write_is_reported_and_the_run_goes_on()
    {
        var world = new TestWorld();
        var registry = new FunctionRegistry();
        foreach (var f in world.Registry.Functions) registry.Add(f.Info, f.Invoker);
        registry.AddSerializer(new BrokenSerializer());
        var observer = new RunObserver();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        observer.CacheWriteError += (node, _) => failures.Add(node.Name);
        using var executor = new FlowExecutor(registry);

        await using var result = await executor.RunAsync(world.Compile(Flagship.Text), "JungleRuins", Flagship.Arguments(world, out _, out _),
            new RunOptions { CacheDirectory = _directory, Observer = observer });

        AssertNumbers(Flagship.ExpectedFilm(), result.Get<Num>("film").Data);
        Assert.Equal(["birds", "clip", "film", "poster", "sound", "water"], failures.Order().ToArray());
        Assert.Empty(Directory.GetFiles(_directory, "*", SearchOption.AllDirectories)); // no temporary file left behind
    }

    [Fact]
    public async Task Concurrent_runs_on_one_executor_share_the_cache_safely()
    {
        var world = new TestWorld();
        var flows = world.Compile(Flagship.Text);
        var executor = new FlowExecutor(world.Registry);
        var jungle = world.New(1, 2);
        var ruins = world.New(3, 4);

        var runs = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var arguments = new FlowArguments().Input("jungle", jungle).Input("ruins", ruins).Parameter("seconds", 1.0 + i % 2);
            await using var result = await executor.RunAsync(flows, "JungleRuins", arguments);
            AssertNumbers(Flagship.ExpectedFilm(seconds: 1.0 + i % 2), result.Get<Num>("film").Data);
        })).ToArray();
        await Task.WhenAll(runs);

        executor.Dispose();
        Assert.Equal(2, world.Live);
        Assert.Equal(0, world.DoubleDisposed);
        jungle.Dispose();
        ruins.Dispose();
    }

    private sealed class BrokenSerializer : IValueSerializer
    {
        public string Id => "broken/1";

        public bool CanWrite(object value) => true;

        public async ValueTask WriteAsync(object value, Stream stream, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(new byte[] { 1, 2, 3 }, cancellationToken);
            throw new IOException("no space left on device");
        }

        public ValueTask<object> ReadAsync(Stream stream, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static bool Release(SharedValue[] values)
    {
        foreach (var value in values) value.Release();
        return true;
    }
}
