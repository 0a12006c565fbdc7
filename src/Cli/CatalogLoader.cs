using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymbolicGen.Catalog.Json;
using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Runtime;

namespace SymbolicGen.Cli;

/// <summary>
/// Builds the function catalog the CLI checks against: the Runtime's built-in <c>[SymFunction]</c>
/// methods plus the user's own, given as assemblies (<c>.dll</c>), C# source files (<c>.cs</c>), catalog files
/// (<c>.symcatalog.json</c>) or folders of them, read by the same readers the analyzer and generator use
/// (<see cref="SymbolCatalogReader"/>, <see cref="JsonCatalogReader"/>) and combined the same way.
/// </summary>
internal static class CatalogLoader
{
    public static CatalogReadResult Load(IEnumerable<string> functionSources, CancellationToken cancellationToken = default)
    {
        var trees = new List<SyntaxTree>();
        var catalogFiles = new List<JsonCatalogFile>();
        var references = new List<MetadataReference>(FrameworkReferences())
        {
            MetadataReference.CreateFromFile(typeof(SymFunctionAttribute).Assembly.Location),
        };
        foreach (var path in Expand(functionSources))
        {
            if (JsonCatalogReader.IsCatalogFile(path))
            {
                catalogFiles.Add(JsonCatalogReader.Read(path, SymFiles.Read(path), cancellationToken));
                continue;
            }
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".dll":
                    references.Add(MetadataReference.CreateFromFile(Path.GetFullPath(path)));
                    break;
                case ".cs":
                    trees.Add(CSharpSyntaxTree.ParseText(SymFiles.Read(path), path: path, cancellationToken: cancellationToken));
                    break;
                default:
                    throw new CliException($"'{path}' is neither an assembly (.dll), C# source (.cs) nor a catalog file ({JsonCatalogReader.FileSuffix})");
            }
        }
        var compilation = CSharpCompilation.Create(
            "symgen.functions",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var declared = SymbolCatalogReader.Read(compilation, cancellationToken);
        var combined = JsonCatalogFile.Combine(declared.Catalog, catalogFiles);
        return new CatalogReadResult(combined.Catalog,
            declared.Problems.AddRange(catalogFiles.SelectMany(f => f.Problems)).AddRange(combined.Problems));
    }

    // A folder stands for the assemblies, C# files and catalog files directly inside it.
    private static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path).Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || JsonCatalogReader.IsCatalogFile(f)).OrderBy(f => f, StringComparer.Ordinal))
                    yield return file;
            }
            else if (File.Exists(path)) yield return path;
            else throw new CliException($"'{path}' does not exist");
        }
    }

    // C# function sources need the framework to bind; the host's own framework assemblies serve.
    private static IEnumerable<MetadataReference> FrameworkReferences() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .Select(p => MetadataReference.CreateFromFile(p));
}
