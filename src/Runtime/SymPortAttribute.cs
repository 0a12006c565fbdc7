using System;

namespace SymbolicGen.Runtime;

/// <summary>
/// Describes a media input (on a parameter) or the media output (on the return value,
/// <c>[return: SymPort("image")]</c>) of a <see cref="SymFunctionAttribute"/> function.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false, Inherited = false)]
public sealed class SymPortAttribute : Attribute
{
    /// <summary>Describes a port named after the parameter (in snake_case), or after the modality for an output.</summary>
    public SymPortAttribute()
    {
    }

    /// <summary>Describes a port with the given <paramref name="name"/>.</summary>
    public SymPortAttribute(string name) => Name = name;

    /// <summary>The port's name in <c>.sym</c> files, or null for the default.</summary>
    public string? Name { get; }

    /// <summary>One sentence saying what flows through the port.</summary>
    public string? Summary { get; set; }

    /// <summary>For an input: a flow may leave it unconnected (the method then receives null).</summary>
    public bool Optional { get; set; }
}
