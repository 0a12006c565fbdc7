using System.Collections.Generic;
using System.Collections.Immutable;
using SymbolicGen.Language.Diagnostics;

namespace SymbolicGen.Language.Catalog;

/// <summary>
/// A problem in a catalog source: a C# <c>[SymFunction]</c> declaration or a catalog file
/// (<c>*.symcatalog.json</c>). The function or type it concerns is left out of the catalog; hosts report the
/// problem at <see cref="Location"/> in their own way (the analyzer at a Roslyn location, the CLI as
/// <c>path(line,col): error SYM05xx: message</c>).
/// </summary>
/// <param name="Id">One of the ids of <see cref="CatalogProblemDescriptors"/>.</param>
/// <param name="Message">One line, no trailing period; names in single quotes.</param>
/// <param name="Location">The offending attribute argument, type, default value, name or JSON token.</param>
public sealed record CatalogProblem(string Id, string Message, CatalogLocation Location);

/// <summary>The kinds of <see cref="CatalogProblem"/>, all errors. docs/diagnostics.md documents each.</summary>
public static class CatalogProblemDescriptors
{
    /// <summary>A parameter's Min is above its Max, or one of them is not a number.</summary>
    public static readonly DiagnosticDescriptor InvalidRange = new("SYM0501", Severity.Error, "Invalid parameter range");
    /// <summary>A parameter's default value lies outside its range or is not one of its values.</summary>
    public static readonly DiagnosticDescriptor InvalidDefault = new("SYM0502", Severity.Error, "Default outside the parameter's values");
    /// <summary>A kind (unit, seed) or a range on a type that cannot carry it, such as a Duration string.</summary>
    public static readonly DiagnosticDescriptor KindMismatch = new("SYM0503", Severity.Error, "Kind or range on a type that cannot carry it");
    /// <summary>A parameter, port, type or name the language cannot express, or a catalog file it cannot read.</summary>
    public static readonly DiagnosticDescriptor Unsupported = new("SYM0504", Severity.Error, "Unsupported parameter, port or name");
    /// <summary>Two functions or types, or two ports, parameters or enum values of one function, with the same name.</summary>
    public static readonly DiagnosticDescriptor DuplicateName = new("SYM0505", Severity.Error, "Duplicate function or member name");

    /// <summary>All descriptors, by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        InvalidRange, InvalidDefault, KindMismatch, Unsupported, DuplicateName,
    };
}

/// <summary>The functions read from a catalog source, and the problems that kept some of them out.</summary>
/// <param name="Catalog">The valid functions (and the port types they use or the source defines), in the reader's documented order.</param>
/// <param name="Problems">Problems in reading order.</param>
public sealed record CatalogReadResult(FunctionCatalog Catalog, ImmutableArray<CatalogProblem> Problems);
