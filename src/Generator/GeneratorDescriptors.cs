using Microsoft.CodeAnalysis;

namespace SymbolicGen.Generator;

/// <summary>
/// The generator's own diagnostics (SYM04xx). Everything a <c>.sym</c> file or a <c>[SymFunction]</c>
/// declaration can get wrong is the analyzer's to report; these say why code could not be generated.
/// docs/generator.md documents each.
/// </summary>
internal static class GeneratorDescriptors
{
    private const string Category = "SymbolicGen";

    /// <summary>A name from a .sym file (or the generated namespace) cannot become a C# name.</summary>
    public static readonly DiagnosticDescriptor UnusableName = new(
        "SYM0401", "Name unusable in C#", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Two generated types or members would have the same C# name.</summary>
    public static readonly DiagnosticDescriptor NameCollision = new(
        "SYM0402", "Generated name collision", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>The generator failed; reported instead of throwing into the compiler.</summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        "SYM0403", "Internal generator error", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A [SymFunction] method that generated code cannot call (instance, abstract or inaccessible).</summary>
    public static readonly DiagnosticDescriptor UncallableFunction = new(
        "SYM0404", "Function not callable from generated code", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>The project has .sym files but does not reference SymbolicGen.Runtime, so no pipeline can be generated.</summary>
    public static readonly DiagnosticDescriptor RuntimeMissing = new(
        "SYM0405", "SymbolicGen.Runtime not referenced", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    /// <summary>The descriptor of <paramref name="id"/>.</summary>
    public static DiagnosticDescriptor Find(string id) => id switch
    {
        "SYM0401" => UnusableName,
        "SYM0402" => NameCollision,
        "SYM0404" => UncallableFunction,
        "SYM0405" => RuntimeMissing,
        _ => InternalError,
    };
}
