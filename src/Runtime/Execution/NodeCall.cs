using System;
using System.Globalization;
using System.Threading;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// One invocation of a function by the executor: its inputs by port name, its parameters already in
/// canonical form, a cancellation token, a progress sink and the run's services.
/// </summary>
/// <remarks>
/// Canonical parameter values, by <see cref="ParamType"/>: <c>Duration</c> (seconds), <c>FrameRate</c>
/// (fps), <c>Frequency</c> (Hz), <c>Gain</c> (dB), <c>Length</c> (px), <c>Ratio</c> (fraction) and
/// <c>Float</c> are <see cref="double"/>; <c>Int</c> is <see cref="int"/>; <c>Seed</c> is
/// <see cref="long"/>; <c>Bool</c> is <see cref="bool"/>; <c>String</c> and <c>Enum</c> (the value's
/// name) are <see cref="string"/>; <c>Size</c> is <see cref="Runtime.Size"/>; <c>Color</c> is
/// <see cref="Runtime.Color"/>. Frames have been converted through the node's <c>fps</c>, flow
/// parameter references resolved, and defaults applied, so every declared parameter has a value.
/// </remarks>
public sealed class NodeCall : IServiceProvider
{
    private readonly RegisteredFunction _function;
    private readonly SharedValue?[] _inputs;
    private readonly object[] _parameters;
    private readonly IServiceProvider? _services;

    internal NodeCall(ExecutionNode node, RegisteredFunction function, SharedValue?[] inputs, object[] parameters, CancellationToken cancellationToken, IProgress<double> progress, IServiceProvider? services)
    {
        Node = node;
        _function = function;
        _inputs = inputs;
        _parameters = parameters;
        _services = services;
        CancellationToken = cancellationToken;
        Progress = progress;
    }

    /// <summary>The node being run.</summary>
    public ExecutionNode Node { get; }

    /// <summary>The function's ports and parameters.</summary>
    public FunctionInfo Function => _function.Info;

    /// <summary>Cancelled when the run is cancelled or another node failed; long functions should check it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Reports the fraction done (0 to 1) as the node's progress.</summary>
    public IProgress<double> Progress { get; }

    /// <summary>The service of <paramref name="serviceType"/> from <see cref="RunOptions.Services"/>, or null when none is registered.</summary>
    public object? GetService(Type serviceType) =>
        _services?.GetService(serviceType ?? throw new ArgumentNullException(nameof(serviceType)));

    /// <summary>The service of <paramref name="serviceType"/> from <see cref="RunOptions.Services"/>.</summary>
    /// <exception cref="InvalidOperationException">None is registered (the message says where to register it).</exception>
    public object GetRequiredService(Type serviceType) =>
        GetService(serviceType) ?? throw new InvalidOperationException(Preflight.MissingService(Function.Name, serviceType));

    /// <summary>The value on input <paramref name="port"/>; null for an unconnected optional input.</summary>
    /// <exception cref="ArgumentException">The function has no such input.</exception>
    public object? Input(string port) => InputAt(InputIndex(port));

    /// <summary>The value on input <paramref name="port"/> as a <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException">The function has no such input.</exception>
    /// <exception cref="InvalidOperationException">The input is unconnected or holds another type.</exception>
    public T Input<T>(string port)
    {
        var value = Input(port);
        if (value is T typed) return typed;
        throw new InvalidOperationException(value is null
            ? $"input '{port}' of {Function.Name} is not connected"
            : $"input '{port}' of {Function.Name} is a {value.GetType().Name}, not a {typeof(T).Name}");
    }

    /// <summary>The value on the input at <paramref name="index"/> (declared order).</summary>
    public object? InputAt(int index) => _inputs[index]?.Value;

    /// <summary>The canonical value of parameter <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The function has no such parameter.</exception>
    public object Parameter(string name) => _parameters[ParameterIndex(name)];

    /// <summary>The canonical value of the parameter at <paramref name="index"/> (declared order).</summary>
    public object ParameterAt(int index) => _parameters[index];

    /// <summary>A number parameter (a unit-bearing one in its canonical unit).</summary>
    public double GetDouble(string name) => Parameter(name) switch
    {
        double d => d,
        int i => i,
        long l => l,
        var other => throw WrongType(name, other, "a number"),
    };

    /// <summary>A whole-number parameter (<c>Int</c>, <c>Seed</c>, or an integral number).</summary>
    public int GetInt32(string name) => Parameter(name) switch
    {
        int i => i,
        long l when l >= int.MinValue && l <= int.MaxValue => (int)l,
        double d when d == Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue => (int)d,
        var other => throw WrongType(name, other, "a 32-bit whole number"),
    };

    /// <summary>A whole-number parameter as a 64-bit integer.</summary>
    public long GetInt64(string name) => Parameter(name) switch
    {
        long l => l,
        int i => i,
        double d when d == Math.Floor(d) && d >= long.MinValue && d <= long.MaxValue => (long)d,
        var other => throw WrongType(name, other, "a whole number"),
    };

    /// <summary>A <c>Bool</c> parameter.</summary>
    public bool GetBoolean(string name) => Parameter(name) is bool b ? b : throw WrongType(name, Parameter(name), "true or false");

    /// <summary>A <c>String</c> parameter, or an <c>Enum</c> parameter's value name.</summary>
    public string GetString(string name) => Parameter(name) is string s ? s : throw WrongType(name, Parameter(name), "a string");

    /// <summary>An <c>Enum</c> parameter's value name, such as <c>laplacian</c>.</summary>
    public string GetEnum(string name) => GetString(name);

    /// <summary>A <c>Size</c> parameter.</summary>
    public Size GetSize(string name) => Parameter(name) is Size s ? s : throw WrongType(name, Parameter(name), "a size");

    /// <summary>A <c>Color</c> parameter.</summary>
    public Color GetColor(string name) => Parameter(name) is Color c ? c : throw WrongType(name, Parameter(name), "a colour");

    private int InputIndex(string port)
    {
        var index = RegisteredFunction.IndexOf(_function.InputNames, port);
        return index >= 0 ? index : throw new ArgumentException($"{Function.Name} has no input '{port}'", nameof(port));
    }

    private int ParameterIndex(string name)
    {
        var index = RegisteredFunction.IndexOf(_function.ParameterNames, name);
        return index >= 0 ? index : throw new ArgumentException($"{Function.Name} has no parameter '{name}'", nameof(name));
    }

    private InvalidOperationException WrongType(string name, object value, string expected) =>
        new($"parameter '{name}' of {Function.Name} is {Convert.ToString(value, CultureInfo.InvariantCulture)} ({value.GetType().Name}), not {expected}");
}
