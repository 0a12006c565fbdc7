using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Language.Catalog;

/// <summary>The media types that flow between functions.</summary>
public enum Modality
{
    /// <summary>Text (a string literal may feed it).</summary>
    Text,
    /// <summary>An RGB image.</summary>
    Image,
    /// <summary>A single-channel mask.</summary>
    Mask,
    /// <summary>Audio samples with a sample rate.</summary>
    Audio,
    /// <summary>Frames with a frame rate, optionally with audio.</summary>
    Video,
}

/// <summary>The types a parameter can have. Unit-bearing types convert to a canonical unit (see <see cref="Semantics.Units"/>).</summary>
public enum ParamType
{
    /// <summary>Whole number.</summary>
    Int,
    /// <summary>Real number.</summary>
    Float,
    /// <summary><c>true</c>/<c>false</c>.</summary>
    Bool,
    /// <summary>String.</summary>
    String,
    /// <summary>Random seed (whole number).</summary>
    Seed,
    /// <summary>Width x height in pixels.</summary>
    Size,
    /// <summary>#rrggbb colour.</summary>
    Color,
    /// <summary>One of a fixed set of words.</summary>
    Enum,
    /// <summary>Seconds (also ms, min, frames).</summary>
    Duration,
    /// <summary>Frames per second.</summary>
    FrameRate,
    /// <summary>Hertz (also kHz).</summary>
    Frequency,
    /// <summary>Decibels (also x, linear).</summary>
    Gain,
    /// <summary>Pixels.</summary>
    Length,
    /// <summary>Fraction (also %).</summary>
    Ratio,
}

/// <summary>An input or output port of a function.</summary>
public sealed record PortInfo(string Name, Modality Modality, bool Optional = false, string? Summary = null);

/// <summary>
/// A parameter of a function. <see cref="Min"/>, <see cref="Max"/> and numeric defaults are in the
/// type's canonical unit; ranges are inclusive.
/// </summary>
public sealed record ParameterInfo(
    string Name,
    ParamType Type,
    Value? Default = null,
    double? Min = null,
    double? Max = null,
    EquatableArray<string> EnumValues = default,
    string? Summary = null)
{
    /// <summary>True when the parameter has no default and must be given.</summary>
    public bool Required => Default is null;
}

/// <summary>What the checker knows about one function.</summary>
public sealed record FunctionInfo(
    string Name,
    EquatableArray<PortInfo> Inputs,
    EquatableArray<PortInfo> Outputs,
    EquatableArray<ParameterInfo> Parameters,
    string? Summary = null,
    string? Category = null,
    int Version = 1)
{
    /// <summary>The input named <paramref name="name"/>, or null.</summary>
    public PortInfo? FindInput(string name) => Inputs.FirstOrDefault(p => p.Name == name);

    /// <summary>The output named <paramref name="name"/>, or null.</summary>
    public PortInfo? FindOutput(string name) => Outputs.FirstOrDefault(p => p.Name == name);

    /// <summary>The parameter named <paramref name="name"/>, or null.</summary>
    public ParameterInfo? FindParameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>The namespace of a qualified name (<c>comfy</c> for <c>comfy.KSampler</c>); null for an unqualified one (see <see cref="QualifiedName"/>).</summary>
    public string? Namespace => QualifiedName.Of(Name).Namespace;

    /// <summary>The name without its namespace (<c>KSampler</c> for <c>comfy.KSampler</c>).</summary>
    public string SimpleName => QualifiedName.Of(Name).SimpleName;

    /// <summary>
    /// The output through which a step named after a flow output of media <paramref name="type"/> feeds
    /// it: the only output, else the one output of that type; null when there is no single such output.
    /// </summary>
    internal PortInfo? OutputFeeding(Modality? type)
    {
        if (Outputs.Count == 1) return Outputs[0];
        var fitting = Outputs.Where(o => o.Modality == type).Take(2).ToList();
        return fitting.Count == 1 ? fitting[0] : null;
    }
}

/// <summary>An immutable, value-equatable set of functions looked up by name (case-sensitive).</summary>
public sealed class FunctionCatalog : IEquatable<FunctionCatalog>
{
    private readonly Dictionary<string, FunctionInfo> _byName;
    private readonly Dictionary<string, List<FunctionInfo>> _bySimpleName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _namespaces = new(StringComparer.Ordinal);

    /// <summary>Builds a catalog; a later function with the same name as an earlier one is ignored.</summary>
    public FunctionCatalog(IEnumerable<FunctionInfo> functions)
    {
        _byName = new Dictionary<string, FunctionInfo>(StringComparer.Ordinal);
        var ordered = new List<FunctionInfo>();
        foreach (var function in functions)
        {
            if (_byName.ContainsKey(function.Name)) continue;
            _byName.Add(function.Name, function);
            ordered.Add(function);
            IndexQualified(function);
        }
        Functions = ordered.ToEquatableArray();
    }

    /// <summary>A catalog without functions.</summary>
    public static FunctionCatalog Empty { get; } = new(Array.Empty<FunctionInfo>());

    /// <summary>The functions in the order they were given.</summary>
    public EquatableArray<FunctionInfo> Functions { get; }

    /// <summary>The function named <paramref name="name"/>, or null.</summary>
    public FunctionInfo? Find(string name) => _byName.TryGetValue(name, out var f) ? f : null;

    /// <summary>
    /// The functions whose simple name (the name without its namespace) is <paramref name="simpleName"/>,
    /// qualified or not, in catalog order: what an unqualified name can mean through <c>using</c> lines.
    /// </summary>
    public IReadOnlyList<FunctionInfo> FindBySimpleName(string simpleName) =>
        _bySimpleName.TryGetValue(simpleName, out var functions) ? functions : Array.Empty<FunctionInfo>();

    /// <summary>True when some function's name is in namespace <paramref name="ns"/> (exactly: <c>comfy</c> is not <c>comfy.sampling</c>).</summary>
    public bool HasNamespace(string ns) => _namespaces.ContainsKey(ns);

    /// <summary>The namespaces of the functions' names, each once, in catalog order.</summary>
    public IEnumerable<string> Namespaces => _namespaces.OrderBy(n => n.Value).Select(n => n.Key);

    /// <summary>A catalog with <paramref name="more"/> added after these functions.</summary>
    public FunctionCatalog With(IEnumerable<FunctionInfo> more) => new(Functions.Concat(more));

    // Lookups by simple name and namespace are dictionary reads, so that resolving names through
    // `using` lines costs the same in a catalog of thousands of imported functions.
    private void IndexQualified(FunctionInfo function)
    {
        var name = QualifiedName.Of(function.Name);
        if (!_bySimpleName.TryGetValue(name.SimpleName, out var same)) _bySimpleName.Add(name.SimpleName, same = new List<FunctionInfo>());
        same.Add(function);
        if (name.Namespace is { } ns && !_namespaces.ContainsKey(ns)) _namespaces.Add(ns, _namespaces.Count);
    }

    /// <inheritdoc/>
    public bool Equals(FunctionCatalog? other) => other is not null && Functions.Equals(other.Functions);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FunctionCatalog);

    /// <inheritdoc/>
    public override int GetHashCode() => Functions.GetHashCode();
}
