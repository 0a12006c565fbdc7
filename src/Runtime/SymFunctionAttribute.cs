using System;

namespace SymbolicGen.Runtime;

/// <summary>
/// Declares a method as a function that <c>.sym</c> flows can call. Its media-typed parameters
/// (<c>Image</c>, <c>Mask</c>, <c>Audio</c>, <c>Video</c>, <c>Text</c>) are the function's inputs, its
/// return value (a media type or a tuple of media types, optionally wrapped in <c>Task</c>/<c>ValueTask</c>)
/// gives its outputs, and its other parameters are the function's parameters. A
/// <see cref="System.Threading.CancellationToken"/> and an <see cref="IProgress{T}"/> of <see cref="double"/>
/// parameter are passed by the executor and are not part of the function's signature.
/// </summary>
/// <example>
/// <code>
/// [SymFunction(Summary = "Blend two images", Category = "image")]
/// Task&lt;Image&gt; ImageBlendAsync(Image a, Image b, [SymParam(SymKind.Ratio, Min = 0, Max = 1)] double weight = 0.5);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SymFunctionAttribute : Attribute
{
    /// <summary>Declares a function named after the method, without an <c>Async</c> suffix.</summary>
    public SymFunctionAttribute()
    {
    }

    /// <summary>Declares a function with the given <paramref name="name"/>.</summary>
    public SymFunctionAttribute(string name) => Name = name;

    /// <summary>The function's name in <c>.sym</c> files, or null for the method's name without an <c>Async</c> suffix.</summary>
    public string? Name { get; }

    /// <summary>
    /// A namespace for the function, such as <c>acme</c> or <c>acme.video</c> (identifiers joined by '.'), or null for
    /// none. With one, flows call the function by its qualified name (<c>acme.Shout</c>), or by its simple name
    /// after a <c>using acme</c> line, so that it never collides with a built-in or another library's function.
    /// </summary>
    public string? Namespace { get; set; }

    /// <summary>One sentence saying what the function does (shown by tools and used when drafting flows).</summary>
    public string? Summary { get; set; }

    /// <summary>A group for listings, such as <c>image</c> or <c>audio</c>.</summary>
    public string? Category { get; set; }

    /// <summary>
    /// The version of the function's behaviour; raise it when the same arguments start giving different
    /// results, so that cached results of the old version are not reused.
    /// </summary>
    public int Version { get; set; } = 1;
}
