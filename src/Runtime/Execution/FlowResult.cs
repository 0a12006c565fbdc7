using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SymbolicGen.Runtime.Execution;

/// <summary>How many nodes of a run were computed, taken from a cache, or not needed.</summary>
public readonly record struct RunStatistics(int Computed, int Cached, int Skipped);

/// <summary>
/// The outputs of a run, in the flow's declared order. The result holds a reference to each output
/// value: they stay valid until the result is disposed, which releases them (an output that nothing
/// else holds, such as a cache, is then disposed). Outputs that are flow inputs passed through stay
/// the caller's and are never disposed.
/// </summary>
public sealed class FlowResult : IDisposable, IAsyncDisposable
{
    private readonly string[] _names;
    private SharedValue[]? _values;

    internal FlowResult(string flowName, string[] names, SharedValue[] values, RunStatistics statistics)
    {
        FlowName = flowName;
        _names = names;
        _values = values;
        Statistics = statistics;
    }

    /// <summary>The flow that ran.</summary>
    public string FlowName { get; }

    /// <summary>The output names, in declared order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>What the run computed and what it reused.</summary>
    public RunStatistics Statistics { get; }

    /// <summary>The value of output <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The flow has no such output.</exception>
    /// <exception cref="ObjectDisposedException">The result was disposed.</exception>
    public object? this[string name]
    {
        get
        {
            var values = _values ?? throw new ObjectDisposedException(nameof(FlowResult));
            for (var i = 0; i < _names.Length; i++)
                if (_names[i] == name) return values[i].Value;
            throw new KeyNotFoundException($"flow '{FlowName}' has no output '{name}'");
        }
    }

    /// <summary>The value of output <paramref name="name"/> as a <typeparamref name="T"/>.</summary>
    public T Get<T>(string name) => this[name] is T typed
        ? typed
        : throw new InvalidCastException($"output '{name}' of flow '{FlowName}' is not a {typeof(T).Name}");

    /// <summary>Releases the outputs.</summary>
    public void Dispose()
    {
        var values = Interlocked.Exchange(ref _values, null);
        if (values is null) return;
        foreach (var value in values) value.Release();
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
