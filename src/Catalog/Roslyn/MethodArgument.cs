using System.Collections.Immutable;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Catalog.Roslyn;

/// <summary>What feeds a C# parameter of a <c>[SymFunction]</c> method when a flow calls it.</summary>
public enum ArgumentRole
{
    /// <summary>The input of the same name.</summary>
    Input,
    /// <summary>The parameter of the same name.</summary>
    Parameter,
    /// <summary>The executor's cancellation token.</summary>
    Cancellation,
    /// <summary>The executor's progress sink (fraction done, 0 to 1).</summary>
    Progress,
    /// <summary>
    /// A service the executor supplies from <c>RunOptions.Services</c>: a parameter of an interface type (other than
    /// <c>IProgress&lt;double&gt;</c>) or one marked <c>[SymService]</c>. It is neither an input nor a parameter.
    /// </summary>
    Service,
}

/// <summary>How one C# parameter of a <c>[SymFunction]</c> method is fed, in declared order.</summary>
/// <param name="Role">Input, parameter, service or executor plumbing.</param>
/// <param name="Name">The input's or parameter's name in <c>.sym</c> files; null for services and plumbing.</param>
/// <param name="ServiceType">For a service, its type's fully qualified name (<c>Consumer.IVoice</c>); else null.</param>
/// <param name="Optional">For a service, true when the parameter is nullable: null when none is registered.</param>
public sealed record MethodArgument(ArgumentRole Role, string? Name, string? ServiceType = null, bool Optional = false);

/// <summary>One method read as a function.</summary>
/// <param name="Function">The function, or null when the method is no valid <c>[SymFunction]</c>.</param>
/// <param name="Arguments">How each C# parameter is fed (empty when <see cref="Function"/> is null).</param>
/// <param name="Problems">Why the function is invalid.</param>
public sealed record FunctionReadResult(FunctionInfo? Function, EquatableArray<MethodArgument> Arguments, ImmutableArray<CatalogProblem> Problems);
