using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SymbolicGen.Language.Diagnostics;
using DiagnosticDescriptor = SymbolicGen.Language.Diagnostics.DiagnosticDescriptor;

namespace SymbolicGen.Language.Catalog;

/// <summary>
/// A problem with a C# <c>[SymFunction]</c> declaration. The function it concerns is left out of the
/// catalog; hosts report the problem at <see cref="Location"/> (a source location, or a metadata
/// location for a function read from a referenced assembly).
/// </summary>
/// <param name="Id">One of the ids of <see cref="CatalogProblemDescriptors"/>.</param>
/// <param name="Message">One line, no trailing period; names in single quotes.</param>
/// <param name="Location">The offending attribute argument, type, default value or name.</param>
public sealed record CatalogProblem(string Id, string Message, Location Location);

/// <summary>The kinds of <see cref="CatalogProblem"/>, all errors. docs/diagnostics.md documents each.</summary>
public static class CatalogProblemDescriptors
{
    /// <summary>A parameter's Min is above its Max, or one of them is not a number.</summary>
    public static readonly DiagnosticDescriptor InvalidRange = new("SYM0501", Severity.Error, "Invalid parameter range");
    /// <summary>A parameter's C# default value lies outside its range or is not one of its values.</summary>
    public static readonly DiagnosticDescriptor InvalidDefault = new("SYM0502", Severity.Error, "Default outside the parameter's values");
    /// <summary>A kind (unit, seed) or a range on a C# type that cannot carry it, such as a Duration string.</summary>
    public static readonly DiagnosticDescriptor KindMismatch = new("SYM0503", Severity.Error, "Kind or range on a type that cannot carry it");
    /// <summary>A parameter, port or return type the language cannot express, or a name it cannot use.</summary>
    public static readonly DiagnosticDescriptor Unsupported = new("SYM0504", Severity.Error, "Unsupported parameter, port or name");
    /// <summary>Two functions, or two ports, parameters or enum values of one function, with the same name.</summary>
    public static readonly DiagnosticDescriptor DuplicateName = new("SYM0505", Severity.Error, "Duplicate function or member name");

    /// <summary>All descriptors, by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        InvalidRange, InvalidDefault, KindMismatch, Unsupported, DuplicateName,
    };
}

/// <summary>The functions read from C# declarations, and the problems that kept some of them out.</summary>
/// <param name="Catalog">The valid functions, in the reader's documented order.</param>
/// <param name="Problems">Problems in reading order.</param>
public sealed record CatalogReadResult(FunctionCatalog Catalog, ImmutableArray<CatalogProblem> Problems);

/// <summary>What feeds a C# parameter of a <c>[SymFunction]</c> method when a flow calls it.</summary>
public enum ArgumentRole
{
    /// <summary>The media input of the same name.</summary>
    Input,
    /// <summary>The parameter of the same name.</summary>
    Parameter,
    /// <summary>The executor's cancellation token.</summary>
    Cancellation,
    /// <summary>The executor's progress sink (fraction done, 0 to 1).</summary>
    Progress,
}

/// <summary>How one C# parameter of a <c>[SymFunction]</c> method is fed, in declared order.</summary>
/// <param name="Role">Input, parameter or executor plumbing.</param>
/// <param name="Name">The input's or parameter's name in <c>.sym</c> files; null for plumbing.</param>
public sealed record MethodArgument(ArgumentRole Role, string? Name);

/// <summary>One method read as a function.</summary>
/// <param name="Function">The function, or null when the method is no valid <c>[SymFunction]</c>.</param>
/// <param name="Arguments">How each C# parameter is fed (empty when <see cref="Function"/> is null).</param>
/// <param name="Problems">Why the function is invalid.</param>
public sealed record FunctionReadResult(FunctionInfo? Function, EquatableArray<MethodArgument> Arguments, ImmutableArray<CatalogProblem> Problems);
