using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Runtime;
using Xunit;

namespace SymbolicGen.Catalog.Tests.Roslyn;

/// <summary>Builds in-memory C# compilations of [SymFunction] declarations and reads them.</summary>
internal static class CatalogCompilation
{
    /// <summary>
    /// Stand-ins for the runtime's media types (SymbolicGen.Runtime defines them too; declarations in source
    /// take precedence over referenced ones). A library that another compilation references must not declare
    /// them (<c>declareMediaTypes: false</c>), or the two referenced copies clash.
    /// </summary>
    public const string MediaTypes = """
        namespace SymbolicGen.Runtime
        {
            public sealed class Text { }
            public sealed class Image { }
            public sealed class Mask { }
            public sealed class Audio { }
            public sealed class Video { }
        }
        """;

    /// <summary>The usings every test source starts with.</summary>
    public const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using SymbolicGen.Runtime;

        """;

    /// <summary>The framework this test runs on: what the compilations are built against.</summary>
    public static ImmutableArray<MetadataReference> Framework { get; } = FrameworkReferences();

    /// <summary>The real SymbolicGen.Runtime assembly, which declares the attributes.</summary>
    public static MetadataReference RuntimeReference { get; } =
        MetadataReference.CreateFromFile(typeof(SymFunctionAttribute).Assembly.Location);

    /// <summary>
    /// A library compiled from <paramref name="source"/> (with the usual usings prepended) and, unless a
    /// reference brings them, the media types.
    /// </summary>
    public static CSharpCompilation Compile(
        string source, string assemblyName = "UserFunctions", bool declareMediaTypes = true, params MetadataReference[] references) =>
        CompileFiles(new[] { Usings + source }, assemblyName, declareMediaTypes, references);

    /// <summary>
    /// A library compiled from complete C# files and, unless a reference brings them, the media types;
    /// fails the test when the C# itself does not compile, so that only the reader is under test.
    /// </summary>
    public static CSharpCompilation CompileFiles(
        IEnumerable<string> files, string assemblyName = "UserFunctions", bool declareMediaTypes = true, params MetadataReference[] references)
    {
        var trees = files.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"Functions{i}.cs")).ToList();
        if (declareMediaTypes) trees.Add(CSharpSyntaxTree.ParseText(MediaTypes, path: "Media.cs"));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            Framework.Add(RuntimeReference).AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the test's C# does not compile: " + string.Join("; ", errors));
        LastCompilation.Value = compilation;
        return compilation;
    }

    /// <summary>Reads no referenced assembly: the test's own functions only, not the runtime's built-ins.</summary>
    public static bool SourceOnly(IAssemblySymbol assembly) => false;

    /// <summary>Reads the catalog of <paramref name="source"/> alone (not the runtime's built-in functions it references).</summary>
    public static CatalogReadResult Read(string source) => SymbolCatalogReader.Read(Compile(source), SourceOnly);

    /// <summary>Reads <paramref name="source"/>, which must declare exactly one valid function.</summary>
    public static FunctionInfo ReadSingle(string source)
    {
        var result = Read(source);
        Assert.Empty(result.Problems);
        return Assert.Single(result.Catalog.Functions);
    }

    /// <summary>Reads <paramref name="source"/>, which must have exactly one problem, and returns it.</summary>
    public static CatalogProblem ReadProblem(string source)
    {
        var result = Read(source);
        return Assert.Single(result.Problems);
    }

    /// <summary>The compiled assembly as a metadata reference, as the CLI sees a user's dll.</summary>
    public static MetadataReference Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>The source text a problem points at, in the compilation the test compiled last.</summary>
    public static string TextAt(CatalogLocation location)
    {
        Assert.True(location.HasSpan, "the problem has no source location");
        var compilation = LastCompilation.Value ?? throw new InvalidOperationException("compile first");
        var roslyn = RoslynLocations.ToRoslyn(location, compilation);
        Assert.True(roslyn.IsInSource, $"no syntax tree has the problem's path '{location.Path}'");
        return roslyn.SourceTree!.GetText().ToString(roslyn.SourceSpan);
    }

    // The compilation TextAt maps locations back into (xunit runs a class's tests one at a time, classes in parallel).
    private static readonly AsyncLocal<Compilation?> LastCompilation = new();

    private static ImmutableArray<MetadataReference> FrameworkReferences()
    {
        // The host's trusted platform assemblies, restricted to the shared framework's folder (the list
        // also holds this test's own dependencies, among them SymbolicGen.Runtime itself).
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkFolder, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
