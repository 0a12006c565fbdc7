using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Catalog.Roslyn;

/// <summary>
/// Builds a <see cref="FunctionCatalog"/> from the methods marked <c>[SymFunction]</c> (attributes of
/// <c>SymbolicGen.Runtime</c>) in a Roslyn <see cref="Compilation"/>: its own source and the public types
/// of the assemblies it references. Attributes and types are recognised through <see cref="KnownSymbols"/>,
/// resolved from the compilation, so the reader needs no reference to the runtime assembly.
/// </summary>
/// <remarks>
/// <para>Mapping. Media-typed parameters (<c>SymbolicGen.Runtime.Image</c>, <c>Mask</c>, <c>Audio</c>,
/// <c>Video</c>, <c>Text</c>) are inputs in declared order. The return type, unwrapped from
/// <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>, is one media output (named by <c>[return: SymPort]</c>, else
/// the media type in lower case) or a tuple of media outputs named by the tuple's element names.
/// <c>CancellationToken</c> and <c>IProgress&lt;double&gt;</c> parameters are executor plumbing. A parameter of an
/// interface type (other than <c>IProgress&lt;double&gt;</c>), or one marked <c>[SymService]</c>, is a service the
/// executor supplies (<see cref="ArgumentRole.Service"/>); a nullable one is optional. Every other
/// parameter is a parameter typed by its C# type and <c>[SymParam]</c> kind, with the C# default value as
/// its default (for <c>Size</c> and <c>Color</c>, which C# cannot give a constant default, the attribute's
/// <c>Default</c> written as in <c>.sym</c> files; a bare <c>Color = default</c> is <c>#00000000</c>). Names
/// default to the C# names in snake_case (<c>sampleRate</c> → <c>sample_rate</c>, enum member <c>ZoomIn</c> →
/// <c>zoom_in</c>); function names default to the method name without an <c>Async</c> suffix, qualified by the
/// attribute's <c>Namespace</c> when it has one (<c>acme.Shout</c>).</para>
/// <para>Order. Functions are read assembly by assembly: the referenced assemblies in reference order,
/// then the compilation's own source; within an assembly, types by fully qualified name (ordinal); within
/// a type, methods in declaration order. The same functions therefore read in the same order from source
/// and from the compiled assembly. When two functions share a name the first one read is kept.</para>
/// <para>The reader never throws on a declaration: problems become <see cref="CatalogProblem"/>s and the
/// function is left out. Only cancellation throws (<see cref="OperationCanceledException"/>).</para>
/// </remarks>
public static class SymbolCatalogReader
{
    // A referenced assembly's functions, read once however many compilations reference it: the analyzer, the
    // generator and every edit in the IDE make new compilations, which share the symbols of unchanged
    // references. Keys are weak, so an entry lives as long as those symbols.
    private static readonly ConditionalWeakTable<IAssemblySymbol, List<(IMethodSymbol Method, FunctionReadResult Result)>> ReferencedFunctions = new();

    /// <summary>Reads every <c>[SymFunction]</c> method of <paramref name="compilation"/> and of the assemblies it references.</summary>
    public static CatalogReadResult Read(Compilation compilation, CancellationToken cancellationToken = default) =>
        Read(compilation, _ => true, cancellationToken);

    /// <summary>
    /// Reads the <c>[SymFunction]</c> methods of <paramref name="compilation"/>'s own source and of the
    /// referenced assemblies that <paramref name="includeReference"/> accepts (<c>_ => false</c>: the
    /// source alone, which is what a project's own function registry is made from).
    /// </summary>
    public static CatalogReadResult Read(Compilation compilation, Func<IAssemblySymbol, bool> includeReference, CancellationToken cancellationToken = default)
    {
        var known = KnownSymbols.For(compilation);
        var functions = new List<FunctionInfo>();
        var problems = ImmutableArray.CreateBuilder<CatalogProblem>();
        var firstByName = new Dictionary<string, IMethodSymbol>(StringComparer.Ordinal);

        // The reader's order (see the remarks): the referenced assemblies', then the compilation's own source.
        foreach (var (method, result) in ReadReferencedMethods(compilation, includeReference).Concat(Functions(compilation.Assembly, known, fromSource: true, cancellationToken)))
        {
            problems.AddRange(result.Problems);
            if (result.Function is not { } function) continue;
            if (firstByName.TryGetValue(function.Name, out var first))
            {
                problems.Add(new CatalogProblem(CatalogProblemDescriptors.DuplicateName.Id,
                    $"function '{function.Name}' is already declared by '{RoslynLocations.Describe(first)}'", RoslynLocations.Of(method)));
                continue;
            }
            firstByName.Add(function.Name, method);
            functions.Add(function);
        }
        return new CatalogReadResult(new FunctionCatalog(functions), problems.ToImmutable());
    }

    /// <summary>
    /// The <c>[SymFunction]</c> methods of the referenced assemblies <paramref name="includeReference"/> accepts, in
    /// the reader's order (from metadata only the public surface counts), and what <see cref="ReadFunction(IMethodSymbol, Compilation, CancellationToken)"/> made
    /// of each; not the compilation's own source, which the generator finds by the attribute.
    /// </summary>
    public static IEnumerable<(IMethodSymbol Method, FunctionReadResult Result)> ReadReferencedMethods(Compilation compilation, Func<IAssemblySymbol, bool> includeReference)
    {
        var known = KnownSymbols.For(compilation);
        return compilation.SourceModule.ReferencedAssemblySymbols
            .Where(a => MayDeclareFunctions(a, known) && includeReference(a))
            .SelectMany(a => ReferencedFunctions.GetValue(a, assembly => Functions(assembly, known, fromSource: false, CancellationToken.None)));
    }

    /// <summary>
    /// Reads the <c>[SymFunction]</c> methods of assemblies given as metadata references (e.g. the runtime's
    /// and a user's dll). Include the references those assemblies were built against (the framework's
    /// reference or implementation assemblies), so that types such as <c>double</c> and <c>Task&lt;T&gt;</c> resolve.
    /// </summary>
    public static CatalogReadResult ReadReferences(IEnumerable<MetadataReference> references, CancellationToken cancellationToken = default) =>
        ReadReferences(references, _ => true, cancellationToken);

    /// <summary>Reads the <c>[SymFunction]</c> methods of the referenced assemblies that <paramref name="include"/> accepts.</summary>
    public static CatalogReadResult ReadReferences(IEnumerable<MetadataReference> references, Func<IAssemblySymbol, bool> include, CancellationToken cancellationToken = default) =>
        Read(CSharpCompilation.Create("SymbolicGen.Catalog", references: references), include, cancellationToken);

    /// <summary>
    /// Reads one method of <paramref name="compilation"/> (or of an assembly it references). The result has no
    /// function and no problems when the method has no <c>[SymFunction]</c> attribute; duplicate function names are
    /// found only by <see cref="Read(Compilation, CancellationToken)"/>.
    /// </summary>
    public static FunctionReadResult ReadFunction(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken = default) =>
        ReadFunction(method, KnownSymbols.For(compilation), cancellationToken);

    private static FunctionReadResult ReadFunction(IMethodSymbol method, KnownSymbols known, CancellationToken cancellationToken)
    {
        var attribute = KnownSymbols.Find(method.GetAttributes(), known.SymFunctionAttribute);
        if (attribute is null)
            return new FunctionReadResult(null, EquatableArray<MethodArgument>.Empty, ImmutableArray<CatalogProblem>.Empty);
        return new MethodReader(method, attribute, known, cancellationToken).Read();
    }

    private static List<(IMethodSymbol Method, FunctionReadResult Result)> Functions(IAssemblySymbol assembly, KnownSymbols known, bool fromSource, CancellationToken cancellationToken)
    {
        var functions = new List<(IMethodSymbol Method, FunctionReadResult Result)>();
        foreach (var type in TypesOf(assembly.GlobalNamespace, fromSource).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            foreach (var method in type.Type.GetMembers().OfType<IMethodSymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!fromSource && method.DeclaredAccessibility != Accessibility.Public) continue;
                var result = ReadFunction(method, known, cancellationToken);
                if (result.Function is not null || result.Problems.Length > 0) functions.Add((method, result));
            }
        }
        return functions;
    }

    // An assembly can declare [SymFunction] methods only if it is the runtime or references it; this
    // skips the framework, which would otherwise be walked type by type on every read.
    private static bool MayDeclareFunctions(IAssemblySymbol assembly, KnownSymbols known) =>
        known.RuntimeAssembly is { } runtime &&
        (SymbolEqualityComparer.Default.Equals(assembly, runtime) ||
         assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == runtime.Name)));

    private static IEnumerable<(string Key, INamedTypeSymbol Type)> TypesOf(INamespaceSymbol ns, bool fromSource)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (var type in TypesOf(child, fromSource)) yield return type;
            }
            else if (member is INamedTypeSymbol type)
            {
                foreach (var t in WithNested(type, fromSource)) yield return t;
            }
        }
    }

    private static IEnumerable<(string Key, INamedTypeSymbol Type)> WithNested(INamedTypeSymbol type, bool fromSource)
    {
        // From metadata only public types are part of an assembly's surface.
        if (!fromSource && type.DeclaredAccessibility != Accessibility.Public) yield break;
        yield return (type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), type);
        foreach (var nested in type.GetTypeMembers())
            foreach (var t in WithNested(nested, fromSource)) yield return t;
    }
}
