using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Language.Catalog;

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

/// <summary>An input or output port of a function: its name and the <see cref="PortType"/> of what flows through it.</summary>
public sealed record PortInfo(string Name, PortType Type, bool Optional = false, string? Summary = null);

/// <summary>A parameter of a function: its name, its <see cref="ParameterDomain"/> (kind, range, default) and a summary.</summary>
public sealed record ParameterInfo
{
    /// <summary>A parameter with the given domain.</summary>
    public ParameterInfo(string name, ParameterDomain domain, string? summary = null)
    {
        Name = name;
        Domain = domain ?? throw new ArgumentNullException(nameof(domain));
        Summary = summary;
    }

    /// <summary>A parameter of <paramref name="Type"/>; <paramref name="Min"/> and <paramref name="Max"/> are inclusive, in the type's canonical unit.</summary>
    public ParameterInfo(string name, ParamType Type, Value? Default = null, double? Min = null, double? Max = null, EquatableArray<string> EnumValues = default, string? Summary = null)
        : this(name, new ParameterDomain(Type, Default, Min is { } min ? Numeric.Of(min) : null, Max is { } max ? Numeric.Of(max) : null, allowed: EnumValues), Summary)
    {
    }

    /// <summary>The parameter's name in <c>.sym</c> files.</summary>
    public string Name { get; init; }

    /// <summary>What the parameter accepts.</summary>
    public ParameterDomain Domain { get; init; }

    /// <summary>One sentence saying what the parameter controls.</summary>
    public string? Summary { get; init; }

    /// <summary>The value kind (<see cref="ParameterDomain.Kind"/>).</summary>
    public ParamType Type => Domain.Kind;

    /// <summary>The default as written (<see cref="ParameterDomain.Default"/>); null when the parameter must be given.</summary>
    public Value? Default => Domain.Default;

    /// <summary>The declared minimum as a double (<see cref="ParameterDomain.Min"/> is exact).</summary>
    public double? Min => Domain.Min?.Double;

    /// <summary>The declared maximum as a double (<see cref="ParameterDomain.Max"/> is exact).</summary>
    public double? Max => Domain.Max?.Double;

    /// <summary>An enum's words (<see cref="ParameterDomain.Allowed"/>).</summary>
    public EquatableArray<string> EnumValues => Domain.Allowed;

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
    /// <summary>
    /// The backend that runs the function when it has no C# body (a function of a catalog file, such as
    /// <c>"comfyui"</c>); null for a C# <c>[SymFunction]</c> method. Checking and generating never need it.
    /// </summary>
    public string? Backend { get; init; }

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
    internal PortInfo? OutputFeeding(PortType? type)
    {
        if (Outputs.Count == 1) return Outputs[0];
        var fitting = Outputs.Where(o => o.Type == type).Take(2).ToList();
        return fitting.Count == 1 ? fitting[0] : null;
    }
}

/// <summary>
/// An immutable, value-equatable set of functions looked up by name (case-sensitive), and the port types they
/// use: the built-in media types, the types the catalog defines, and every type a function's port names.
/// </summary>
public sealed class FunctionCatalog : IEquatable<FunctionCatalog>
{
    private readonly Dictionary<string, FunctionInfo> _byName;
    private readonly Dictionary<string, PortType> _types;
    private QualifiedIndex? _qualified;

    /// <summary>
    /// Builds a catalog; a later function with the same name as an earlier one is ignored, as is a later type with
    /// the name of an earlier one. <paramref name="types"/> are the port types the catalog defines.
    /// </summary>
    public FunctionCatalog(IEnumerable<FunctionInfo> functions, IEnumerable<PortType>? types = null)
    {
        _byName = new Dictionary<string, FunctionInfo>(StringComparer.Ordinal);
        _types = new Dictionary<string, PortType>(StringComparer.Ordinal);
        var definedTypes = new List<PortType>();
        foreach (var type in PortType.MediaTypes.Concat(types ?? Array.Empty<PortType>()))
            AddType(type, definedTypes);
        var ordered = new List<FunctionInfo>();
        foreach (var function in functions)
        {
            if (_byName.ContainsKey(function.Name)) continue;
            _byName.Add(function.Name, function);
            ordered.Add(function);
            foreach (var port in function.Inputs.Concat(function.Outputs)) AddType(port.Type, definedTypes);
        }
        Functions = ordered.ToEquatableArray();
        PortTypes = definedTypes.ToEquatableArray();
    }

    /// <summary>A catalog without functions.</summary>
    public static FunctionCatalog Empty { get; } = new(Array.Empty<FunctionInfo>());

    /// <summary>The functions in the order they were given.</summary>
    public EquatableArray<FunctionInfo> Functions { get; }

    /// <summary>Every port type a <c>.sym</c> file may name: the media types first, then the catalog's, in the order met.</summary>
    public EquatableArray<PortType> PortTypes { get; }

    /// <summary>The function named <paramref name="name"/>, or null.</summary>
    public FunctionInfo? Find(string name) => _byName.TryGetValue(name, out var f) ? f : null;

    /// <summary>The port type named <paramref name="name"/> (exactly as spelt), or null.</summary>
    public PortType? FindType(string name) => _types.TryGetValue(name, out var type) ? type : null;

    /// <summary>
    /// The functions whose simple name (the name without its namespace) is <paramref name="simpleName"/>,
    /// qualified or not, in catalog order: what an unqualified name can mean through <c>using</c> lines.
    /// </summary>
    public IReadOnlyList<FunctionInfo> FindBySimpleName(string simpleName) => Qualified.FindBySimpleName(simpleName);

    /// <summary>True when some function's name is in namespace <paramref name="ns"/> (exactly: <c>comfy</c> is not <c>comfy.sampling</c>).</summary>
    public bool HasNamespace(string ns) => Qualified.HasNamespace(ns);

    /// <summary>The namespaces of the functions' names, each once, in catalog order.</summary>
    public IReadOnlyList<string> Namespaces => Qualified.Namespaces;

    /// <summary>A catalog with <paramref name="more"/> added after these functions, keeping these types.</summary>
    public FunctionCatalog With(IEnumerable<FunctionInfo> more) => new(Functions.Concat(more), PortTypes);

    /// <summary>A catalog with the functions and types of <paramref name="other"/> added after these (earlier names win).</summary>
    public FunctionCatalog With(FunctionCatalog other) => new(Functions.Concat(other.Functions), PortTypes.Concat(other.PortTypes));

    // Built on first use: most files resolve every name exactly and never need it.
    private QualifiedIndex Qualified => LazyInitializer.EnsureInitialized(ref _qualified, () => new QualifiedIndex(Functions))!;

    /// <summary>
    /// Equal functions and port types. Types compare by their definitions here (name, media, summary), not by name
    /// alone as <see cref="PortType"/> does: a catalog file that maps <c>IMAGE</c> to another media type is another
    /// catalog, so hosts that cache per catalog (the generator, shared compilations) check again.
    /// </summary>
    public bool Equals(FunctionCatalog? other)
    {
        if (other is null || !Functions.Equals(other.Functions) || PortTypes.Count != other.PortTypes.Count) return false;
        for (var i = 0; i < PortTypes.Count; i++)
        {
            PortType mine = PortTypes[i], theirs = other.PortTypes[i];
            if (!mine.Equals(theirs) || !Equals(mine.Media, theirs.Media) || mine.Summary != theirs.Summary) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FunctionCatalog);

    /// <inheritdoc/>
    public override int GetHashCode() => Functions.GetHashCode();

    private void AddType(PortType type, List<PortType> ordered)
    {
        if (_types.ContainsKey(type.Name)) return;
        _types.Add(type.Name, type);
        ordered.Add(type);
    }
}
