using System;
using System.Collections.Generic;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// What a run is given: the flow's inputs (by name) and overrides of its parameters. Inputs stay the
/// caller's: the executor never disposes them.
/// </summary>
/// <example>
/// <code>
/// var arguments = new FlowArguments()
///     .Input("jungle", jungle)                       // key from IContentHash, else unique to this run
///     .Input("ruins", ruins, contentHash: "sha256:…") // a content hash the caller knows
///     .Parameter("seconds", 8.0);                    // canonical: 8 s
/// </code>
/// </example>
public sealed class FlowArguments
{
    private readonly Dictionary<string, InputArgument> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterArgument> _parameters = new(StringComparer.Ordinal);

    /// <summary>Arguments with no inputs and no parameter overrides.</summary>
    public static FlowArguments None => new();

    /// <summary>
    /// Gives input <paramref name="name"/> the value <paramref name="value"/>. Its cache key is
    /// <paramref name="contentHash"/> when given, else the value's own <see cref="IContentHash"/>, else
    /// (for a string) its text, else a key unique to the run, so that nothing downstream of an input of
    /// unknown content is ever reused from a cache.
    /// </summary>
    public FlowArguments Input(string name, object value, string? contentHash = null)
    {
        if (name is null) throw new ArgumentNullException(nameof(name));
        _inputs[name] = new InputArgument(value ?? throw new ArgumentNullException(nameof(value)), contentHash);
        return this;
    }

    /// <summary>
    /// Overrides parameter <paramref name="name"/> with a canonical value: a <see cref="double"/> in the
    /// parameter's canonical unit (s, fps, Hz, dB, px, fraction), an <see cref="int"/> or <see cref="long"/>,
    /// a <see cref="bool"/>, a <see cref="string"/> (strings and enum values), a <see cref="Size"/> or a
    /// <see cref="Color"/>.
    /// </summary>
    public FlowArguments Parameter(string name, object value)
    {
        if (name is null) throw new ArgumentNullException(nameof(name));
        if (value is null) throw new ArgumentNullException(nameof(value));
        _parameters[name] = value is Value ir ? new ParameterArgument(null, ir) : new ParameterArgument(value, null);
        return this;
    }

    /// <summary>
    /// Overrides parameter <paramref name="name"/> with a value as written in a <c>.sym</c> file (such as
    /// <c>120f</c>, converted where it is used, through the using node's frame rate).
    /// </summary>
    public FlowArguments Parameter(string name, Value value)
    {
        if (name is null) throw new ArgumentNullException(nameof(name));
        _parameters[name] = new ParameterArgument(null, value ?? throw new ArgumentNullException(nameof(value)));
        return this;
    }

    /// <summary>A copy, so that a run is not affected by later changes to these arguments.</summary>
    internal FlowArguments Snapshot()
    {
        var copy = new FlowArguments();
        foreach (var input in _inputs) copy._inputs.Add(input.Key, input.Value);
        foreach (var parameter in _parameters) copy._parameters.Add(parameter.Key, parameter.Value);
        return copy;
    }

    internal IReadOnlyDictionary<string, InputArgument> Inputs => _inputs;

    internal IReadOnlyDictionary<string, ParameterArgument> Parameters => _parameters;

    internal readonly record struct InputArgument(object Value, string? ContentHash);

    internal readonly record struct ParameterArgument(object? Canonical, Value? Written);
}
