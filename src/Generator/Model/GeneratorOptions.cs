using Microsoft.CodeAnalysis.Diagnostics;

namespace SymbolicGen.Generator.Model;

/// <summary>The MSBuild properties the generator reads (made compiler-visible by the package's props).</summary>
/// <param name="Namespace">Namespace of the generated types, as configured (validated when emitting).</param>
/// <param name="ProjectDirectory">The project's directory, to name .sym files relative to it; null when unknown.</param>
/// <param name="PublicFunctionsClass">Full name of a public class that registers the project's own functions, or null.</param>
/// <param name="NodeObjects">Pipelines have node objects (<c>pipeline.Nodes.Blend.Weight</c>); false (<c>SymbolicGenNodeObjects</c>) leaves them out, which halves the code to compile.</param>
internal sealed record GeneratorOptions(string Namespace, string? ProjectDirectory, string? PublicFunctionsClass, bool NodeObjects = true)
{
    /// <summary>The namespace when neither <c>SymbolicGenNamespace</c> nor <c>RootNamespace</c> is set.</summary>
    public const string FallbackNamespace = "Workflows";

    /// <summary>Reads <c>build_property.SymbolicGenNamespace</c> (default <c>$(RootNamespace).Workflows</c>), <c>ProjectDir</c>, <c>SymbolicGenPublicFunctionsClass</c> and <c>SymbolicGenNodeObjects</c>.</summary>
    public static GeneratorOptions From(AnalyzerConfigOptions options)
    {
        var configured = Read(options, "build_property.SymbolicGenNamespace");
        var root = Read(options, "build_property.RootNamespace");
        var ns = configured ?? (root is null ? FallbackNamespace : root + ".Workflows");
        var nodeObjects = !string.Equals(Read(options, "build_property.SymbolicGenNodeObjects"), "false", System.StringComparison.OrdinalIgnoreCase);
        return new GeneratorOptions(ns, Read(options, "build_property.ProjectDir"), Read(options, "build_property.SymbolicGenPublicFunctionsClass"), nodeObjects);
    }

    private static string? Read(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>What the generator needs to know about the compilation, reduced to plain data.</summary>
/// <param name="HasRuntime">SymbolicGen.Runtime's executor is available (referenced, or this is the runtime).</param>
/// <param name="TakenNames">Names of the types the project's source already declares in the generated namespace.</param>
internal sealed record CompilationFacts(bool HasRuntime, SymbolicGen.Language.EquatableArray<string> TakenNames);
