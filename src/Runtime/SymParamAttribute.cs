using System;

namespace SymbolicGen.Runtime;

/// <summary>
/// Describes a parameter of a <see cref="SymFunctionAttribute"/> function: what it measures, its inclusive
/// range and a summary. Its default is the C# default value (see <see cref="Default"/> for sizes and
/// colours). <see cref="Min"/> and <see cref="Max"/> are in the canonical unit of <see cref="Kind"/> (s, fps,
/// Hz, dB, px, fraction).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SymParamAttribute : Attribute
{
    /// <summary>Describes a parameter whose kind follows from its C# type.</summary>
    public SymParamAttribute()
    {
    }

    /// <summary>Describes a parameter that measures <paramref name="kind"/>.</summary>
    public SymParamAttribute(SymKind kind) => Kind = kind;

    /// <summary>What the parameter measures; <see cref="SymKind.Auto"/> lets the C# type decide.</summary>
    public SymKind Kind { get; set; }

    /// <summary>The smallest accepted value (inclusive, canonical unit); unbounded unless set.</summary>
    public double Min { get; set; } = double.NegativeInfinity;

    /// <summary>The largest accepted value (inclusive, canonical unit); unbounded unless set.</summary>
    public double Max { get; set; } = double.PositiveInfinity;

    /// <summary>One sentence saying what the parameter controls.</summary>
    public string? Summary { get; set; }

    /// <summary>The parameter's name in <c>.sym</c> files, or null for the C# name in snake_case.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The default of a <see cref="Size"/> or <see cref="Color"/> parameter, written as in <c>.sym</c> files
    /// (<c>1024x576</c>, <c>#ffffff</c>): C# cannot give these a default value other than <c>default</c>.
    /// Other parameters take their default from the C# default value.
    /// </summary>
    public string? Default { get; set; }
}
