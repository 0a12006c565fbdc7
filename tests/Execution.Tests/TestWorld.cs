using System.Collections.Concurrent;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Tests;
using Repository = SymbolicGen.Language.Tests.Repository;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Execution.Tests;

/// <summary>
/// A value made of numbers that counts itself: <see cref="TestWorld.Live"/> goes up when one is made and
/// down when it is disposed, so leaks, double disposal and use after disposal are all visible.
/// </summary>
public sealed class Num : IDisposable, IContentHash, ISizedValue
{
    private readonly TestWorld _world;
    private readonly double[] _data;
    private int _disposed;

    internal Num(TestWorld world, double[] data, string? madeBy)
    {
        _world = world;
        _data = data;
        MadeBy = madeBy;
        Interlocked.Increment(ref world.LiveCount);
        Interlocked.Increment(ref world.CreatedCount);
    }

    public string? MadeBy { get; }

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public double[] Data => IsDisposed ? throw new ObjectDisposedException(nameof(Num), $"a value made by {MadeBy} was read after it was disposed") : _data;

    public long SizeInBytes => _data.Length * sizeof(double);

    public string GetContentHash() => "num:" + string.Join(",", Data.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            Interlocked.Increment(ref _world.DoubleDisposals);
            return;
        }
        Interlocked.Decrement(ref _world.LiveCount);
    }

    public override string ToString() => $"Num[{string.Join(", ", _data)}]";
}

/// <summary>A disposable value without a content hash (inputs of unknown content).</summary>
public sealed class Opaque(Num inner) : IDisposable
{
    public Num Inner { get; } = inner;

    public void Dispose() => Inner.Dispose();
}

/// <summary>
/// A registry of small real functions over <see cref="Num"/> values, under the flagship function names
/// (with the flagship contract's ports and parameters) plus a few generic ones, with per-function
/// invocation counters and per-node hooks that tests use for handshakes.
/// </summary>
public sealed class TestWorld
{
    internal int LiveCount;
    internal int CreatedCount;
    internal int DoubleDisposals;
    private int _inFlight;
    private int _maxInFlight;
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, Func<NodeCall, Task>> _hooks = new();

    public TestWorld()
    {
        Registry = new FunctionRegistry();
        foreach (var info in TestCatalog.Flagship.Functions) Registry.Add(info, Flagship(info.Name));
        foreach (var (info, body) in Extras()) Registry.Add(info, Wrap(info.Name, body));
        Registry.AddSerializer(new NumSerializer(this));
    }

    public FunctionRegistry Registry { get; }

    public FunctionCatalog Catalog => Registry.ToCatalog();

    /// <summary>Values alive now (made and not yet disposed), inputs included.</summary>
    public int Live => Volatile.Read(ref LiveCount);

    public int Created => Volatile.Read(ref CreatedCount);

    public int DoubleDisposed => Volatile.Read(ref DoubleDisposals);

    /// <summary>Most function bodies running at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Values made by each node (by node name), to check when they were disposed.</summary>
    public ConcurrentDictionary<string, Num> MadeByNode { get; } = new();

    public int Calls(string function) => _calls.TryGetValue(function, out var n) ? n : 0;

    public int TotalCalls => _calls.Values.Sum();

    public IReadOnlyDictionary<string, int> CallCounts => new Dictionary<string, int>(_calls);

    /// <summary>Runs <paramref name="hook"/> before the body of the node named <paramref name="node"/>.</summary>
    public void OnNode(string node, Func<NodeCall, Task> hook) => _hooks[node] = hook;

    /// <summary>Cancels <paramref name="cancel"/> when node <paramref name="node"/> starts, which then waits until the cancellation reaches it.</summary>
    public void CancelWhenStarted(string node, CancellationTokenSource cancel) => OnNode(node, async call =>
    {
        cancel.Cancel();
        await Task.Delay(Timeout.Infinite, call.CancellationToken);
    });

    public void ClearHooks() => _hooks.Clear();

    public Num New(params double[] data) => new(this, data, null);

    /// <summary>Compiles <paramref name="text"/> against this world's catalog; fails the test on errors.</summary>
    public FlowSet Compile(string text, string path = "test.sym")
    {
        var compilation = SymCompiler.Compile(text, Catalog);
        var errors = compilation.Diagnostics.Where(d => d.Severity == Language.Diagnostics.Severity.Error).ToList();
        Assert.True(errors.Count == 0, "compile errors:\n" + string.Join("\n", errors.Select(e => $"{compilation.Lines.GetPosition(e.Start)}: {e.Message}")));
        return FlowSet.FromCompilation(compilation, path);
    }

    private Num Make(NodeCall call, params double[] data)
    {
        var value = new Num(this, data, call.Node.Name);
        MadeByNode[call.Node.Name] = value;
        return value;
    }

    private static double[] Numbers(object? value) => value switch
    {
        Num n => n.Data,
        Opaque o => o.Inner.Data,
        _ => throw new InvalidOperationException($"not a number value: {value}"),
    };

    private FunctionInvoker Flagship(string name) => name switch
    {
        "ImageBlend" => Wrap(name, call =>
        {
            var a = Numbers(call.Input("a"));
            var b = Numbers(call.Input("b"));
            var w = call.GetDouble("weight");
            _ = call.GetEnum("mode");
            return NodeOutputs.Single(Make(call, a.Zip(b, (x, y) => x * (1 - w) + y * w).ToArray()));
        }),
        "ImageToVideo" => Wrap(name, call =>
        {
            var image = call.Input<Num>("image").Data;
            return NodeOutputs.Of("video", Make(call, [.. image, call.GetDouble("duration"), call.GetDouble("fps")]));
        }),
        "Birdsong" => Wrap(name, call => NodeOutputs.Single(Make(call, call.GetDouble("duration"), call.GetDouble("density")))),
        "WaterAmbience" => Wrap(name, call => NodeOutputs.Single(Make(call, call.GetDouble("duration"), call.GetDouble("flow")))),
        "AudioMix" => Wrap(name, call =>
        {
            var a = call.Input<Num>("a").Data;
            var b = call.Input<Num>("b").Data;
            var ga = Math.Pow(10, call.GetDouble("gain_a") / 20);
            var gb = Math.Pow(10, call.GetDouble("gain_b") / 20);
            return NodeOutputs.Single(Make(call, a.Zip(b, (x, y) => x * ga + y * gb).ToArray()));
        }),
        "AddAudio" => Wrap(name, call =>
        {
            _ = call.GetEnum("fit");
            return NodeOutputs.Single(Make(call, [.. call.Input<Num>("video").Data, .. call.Input<Num>("audio").Data]));
        }),
        _ => throw new ArgumentException(name),
    };

    private IEnumerable<(FunctionInfo, Func<NodeCall, NodeOutputs>)> Extras()
    {
        var audio = new PortInfo("audio", PortType.Audio);
        var a = new PortInfo("a", PortType.Audio);
        var b = new PortInfo("b", PortType.Audio);

        yield return (Info("Source", [], [audio], new ParameterInfo("value", ParamType.Float, new NumberValue(0))),
            call => NodeOutputs.Single(Make(call, call.GetDouble("value"))));
        yield return (Info("Add", [a, b], [audio]),
            call => NodeOutputs.Single(Make(call, call.Input<Num>("a").Data.Zip(call.Input<Num>("b").Data, (x, y) => x + y).ToArray())));
        yield return (Info("Neg", [a], [audio]),
            call => NodeOutputs.Single(Make(call, call.Input<Num>("a").Data.Select(x => -x).ToArray())));
        // Returns its input unchanged: the executor must not own it a second time.
        yield return (Info("Pass", [new PortInfo("a", PortType.Image)], [new PortInfo("image", PortType.Image)]),
            call => NodeOutputs.Single(call.Input("a")));
        yield return (Info("Split", [a], [new PortInfo("lo", PortType.Audio), new PortInfo("hi", PortType.Audio)]),
            call =>
            {
                var data = call.Input<Num>("a").Data;
                return NodeOutputs.Of(("hi", Make(call, data.Max())), ("lo", Make(call, data.Min())));
            });
        yield return (Info("Fail", [a], [audio]),
            _ => throw new InvalidOperationException("boom"));
        // Makes a value and then fails: the half-made value must not leak.
        yield return (Info("BadPort", [a], [audio]),
            call => NodeOutputs.Of("nope", Make(call, 1)));
        yield return (Info("Label", [a, new PortInfo("text", PortType.Text)], [audio],
                new ParameterInfo("size", ParamType.Size, new SizeValue(2, 3)),
                new ParameterInfo("color", ParamType.Color, new ColorValue("#ff0000")),
                new ParameterInfo("count", ParamType.Int, new NumberValue(3)),
                new ParameterInfo("seed", ParamType.Seed, new NumberValue(7)),
                new ParameterInfo("on", ParamType.Bool, new BoolValue(true)),
                new ParameterInfo("cutoff", ParamType.Frequency, new QuantityValue(2, "kHz")),
                new ParameterInfo("mix", ParamType.Ratio, new NumberValue(0.5))),
            call =>
            {
                var size = call.GetSize("size");
                var color = call.GetColor("color");
                return NodeOutputs.Single(Make(call,
                [
                    .. call.Input<Num>("a").Data, call.Input<SymbolicGen.Runtime.Text>("text").Value.Length, size.Width, size.Height, color.R, color.G, color.B,
                    call.GetInt32("count"), call.GetInt64("seed"), call.GetBoolean("on") ? 1 : 0, call.GetDouble("cutoff"), call.GetDouble("mix"),
                ]));
            });
    }

    private static FunctionInfo Info(string name, PortInfo[] inputs, PortInfo[] outputs, params ParameterInfo[] parameters) =>
        new(name, EquatableArray<PortInfo>.Own(inputs), EquatableArray<PortInfo>.Own(outputs), EquatableArray<ParameterInfo>.Own(parameters));

    private FunctionInvoker Wrap(string function, Func<NodeCall, NodeOutputs> body) => async call =>
    {
        _calls.AddOrUpdate(function, 1, (_, n) => n + 1);
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            int max;
            while (inFlight > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) != max)
            {
            }
            if (_hooks.TryGetValue(call.Node.Name, out var hook)) await hook(call);
            else await Task.Yield();
            return body(call);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    };

    /// <summary>Writes a <see cref="Num"/> as a count and its numbers; reading checks the length.</summary>
    private sealed class NumSerializer(TestWorld world) : IValueSerializer
    {
        public string Id => "test-num/1";

        public bool CanWrite(object value) => value is Num;

        public async ValueTask WriteAsync(object value, Stream stream, CancellationToken cancellationToken)
        {
            var data = ((Num)value).Data;
            var bytes = new byte[4 + data.Length * 8];
            BitConverter.TryWriteBytes(bytes.AsSpan(0, 4), data.Length);
            for (var i = 0; i < data.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(4 + 8 * i, 8), data[i]);
            await stream.WriteAsync(bytes, cancellationToken);
        }

        public async ValueTask<object> ReadAsync(Stream stream, CancellationToken cancellationToken)
        {
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            var bytes = buffer.ToArray();
            if (bytes.Length < 4) throw new InvalidDataException("too short");
            var count = BitConverter.ToInt32(bytes, 0);
            if (count < 0 || bytes.Length != 4 + 8 * count) throw new InvalidDataException($"expected {count} numbers in {bytes.Length} bytes");
            var data = new double[count];
            for (var i = 0; i < count; i++) data[i] = BitConverter.ToDouble(bytes, 4 + 8 * i);
            return new Num(world, data, "disk");
        }
    }
}

/// <summary>Records node events in order, thread-safely.</summary>
public sealed class RecordingObserver : IRunObserver
{
    private readonly ConcurrentQueue<string> _events = new();

    public List<string> Events => _events.ToList();

    public ConcurrentQueue<(string Node, double Fraction)> Progress { get; } = new();

    public ConcurrentQueue<(string Node, NodeOutcome Outcome)> Finished { get; } = new();

    public ConcurrentQueue<(string Node, Exception Error)> Failed { get; } = new();

    public void NodeStarted(ExecutionNode node) => _events.Enqueue("start " + node.Name);

    public void NodeProgress(ExecutionNode node, double fraction) => Progress.Enqueue((node.Name, fraction));

    public void NodeFinished(ExecutionNode node, TimeSpan duration, NodeOutcome outcome)
    {
        _events.Enqueue("finish " + node.Name);
        Finished.Enqueue((node.Name, outcome));
    }

    public void NodeFailed(ExecutionNode node, Exception error)
    {
        _events.Enqueue("fail " + node.Name);
        Failed.Enqueue((node.Name, error));
    }
}

/// <summary>The flagship flow (workflows/JungleRuins.sym and its other syntaxes), and helpers to run it.</summary>
public static class Flagship
{
    public static string Text { get; } = Repository.ReadText("workflows/JungleRuins.sym");

    public static string Declarative { get; } = Repository.ReadText("workflows/syntaxes/JungleRuins.declarative.sym");

    public static string Natural { get; } = Repository.ReadText("workflows/syntaxes/JungleRuins.natural.sym");

    /// <summary>The 1-based line of the first line of <paramref name="text"/> that contains <paramref name="fragment"/>.</summary>
    public static int LineOf(string text, string fragment) => text.Split('\n').ToList().FindIndex(l => l.Contains(fragment)) + 1;

    public static string WithGainB(string gain)
    {
        Assert.Contains("gain_b: -6dB", Text);
        return Text.Replace("gain_b: -6dB", "gain_b: " + gain);
    }

    /// <summary>The film's numbers for jungle [1, 2], ruins [3, 4], the given seconds and gain_b (dB).</summary>
    public static double[] ExpectedFilm(double seconds = 6, double gainB = -6)
    {
        var poster = ExpectedPoster();
        var gb = Math.Pow(10, gainB / 20);
        return [.. poster, seconds, 24, seconds + seconds * gb, 0.7 + 0.5 * gb];
    }

    public static double[] ExpectedPoster() => [1 * 0.55 + 3 * 0.45, 2 * 0.55 + 4 * 0.45];

    public static FlowArguments Arguments(TestWorld world, out Num jungle, out Num ruins)
    {
        jungle = world.New(1, 2);
        ruins = world.New(3, 4);
        return new FlowArguments().Input("jungle", jungle).Input("ruins", ruins);
    }
}
