using System;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// What a function returns: its output values, by port name or in the function's declared order.
/// The executor takes ownership of every returned value that is not one of the call's inputs.
/// </summary>
public readonly struct NodeOutputs
{
    private readonly object? _single;
    private readonly object?[]? _ordered;
    private readonly (string Port, object? Value)[]? _named;

    private NodeOutputs(object? single, object?[]? ordered, (string, object?)[]? named)
    {
        _single = single;
        _ordered = ordered;
        _named = named;
    }

    /// <summary>The one output of a one-output function.</summary>
    public static NodeOutputs Single(object? value) => new(value, null, null);

    /// <summary>Outputs in the function's declared order (what generated code returns).</summary>
    public static NodeOutputs InOrder(params object?[] values) => new(null, values ?? throw new ArgumentNullException(nameof(values)), null);

    /// <summary>One output by port name.</summary>
    public static NodeOutputs Of(string port, object? value) => new(null, null, new[] { (port, value) });

    /// <summary>Outputs by port name.</summary>
    public static NodeOutputs Of(params (string Port, object? Value)[] outputs) => new(null, null, outputs ?? throw new ArgumentNullException(nameof(outputs)));

    /// <summary>Every returned value, whatever its port (to dispose them when they cannot be used).</summary>
    internal int Count => _named?.Length ?? _ordered?.Length ?? 1;

    internal object? ValueAt(int i) => _named is not null ? _named[i].Value : _ordered is not null ? _ordered[i] : _single;

    /// <summary>Fills <paramref name="values"/> (one slot per declared output) or says which port is wrong.</summary>
    internal string? MapTo(string[] outputNames, object?[] values, bool[] assigned)
    {
        if (_named is not null)
        {
            foreach (var (port, value) in _named)
            {
                var index = RegisteredFunction.IndexOf(outputNames, port);
                if (index < 0) return $"returned an output '{port}' that the function does not declare";
                if (assigned[index]) return $"returned output '{port}' twice";
                values[index] = value;
                assigned[index] = true;
            }
        }
        else if (_ordered is not null)
        {
            if (_ordered.Length != outputNames.Length) return $"returned {_ordered.Length} outputs; the function declares {outputNames.Length}";
            for (var i = 0; i < _ordered.Length; i++)
            {
                values[i] = _ordered[i];
                assigned[i] = true;
            }
        }
        else
        {
            if (outputNames.Length != 1) return $"returned a single output; the function declares {outputNames.Length}";
            values[0] = _single;
            assigned[0] = true;
        }
        for (var i = 0; i < assigned.Length; i++)
            if (!assigned[i]) return $"did not return output '{outputNames[i]}'";
        return null;
    }
}
