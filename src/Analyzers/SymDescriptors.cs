using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SymbolicGen.Language.Catalog;
using LanguageDescriptor = SymbolicGen.Language.Diagnostics.DiagnosticDescriptor;
using LanguageDescriptors = SymbolicGen.Language.Diagnostics.DiagnosticDescriptors;
using Severity = SymbolicGen.Language.Diagnostics.Severity;

namespace SymbolicGen.Analyzers;

/// <summary>
/// The Roslyn descriptors of every SymbolicGen diagnostic, made from the language's own descriptor tables
/// so that ids, titles and default severities are defined once (in SymbolicGen.Language).
/// </summary>
public static class SymDescriptors
{
    /// <summary>The category of every SymbolicGen diagnostic (for <c>dotnet_analyzer_diagnostic.category-SymbolicGen.severity</c>).</summary>
    public const string Category = "SymbolicGen";

    private static readonly Dictionary<string, DiagnosticDescriptor> ById =
        LanguageDescriptors.All.Concat(CatalogProblemDescriptors.All).ToDictionary(d => d.Id, Create);

    /// <summary>Every descriptor: the <c>.sym</c> diagnostics, then the C# declaration rules SYM0501–SYM0505.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ById.Values.ToImmutableArray();

    /// <summary>The internal-error descriptor (SYM0901) that stands for any failure of SymbolicGen itself.</summary>
    public static DiagnosticDescriptor InternalError { get; } = ById[LanguageDescriptors.InternalError.Id];

    /// <summary>The descriptor of <paramref name="id"/>, or null for an id the language does not define.</summary>
    public static DiagnosticDescriptor? Find(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : null;

    /// <summary>The Roslyn severity of a language severity.</summary>
    public static DiagnosticSeverity ToRoslyn(Severity severity) =>
        severity == Severity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;

    // The message format is the checker's message itself, so the build prints exactly what `symgen check` prints.
    // No help link: the project has no published documentation address yet, and the SDK prints the link
    // after every message; docs/diagnostics.md in the package's repository documents every id.
    private static DiagnosticDescriptor Create(LanguageDescriptor descriptor) => new(
        descriptor.Id,
        descriptor.Title,
        "{0}",
        Category,
        ToRoslyn(descriptor.Severity),
        isEnabledByDefault: true);
}
