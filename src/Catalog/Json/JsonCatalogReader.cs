using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Catalog.Json;

/// <summary>
/// Reads a catalog file (<c>*.symcatalog.json</c>, format <c>symbolicgen-catalog/1</c>): functions without a C# body
/// that a backend runs (an import of a ComfyUI server's <c>/object_info</c>, say), and the port types they use. The
/// peer of the Roslyn <c>[SymFunction]</c> reader: the same catalog model, the same problems (SYM0501–SYM0505), each
/// at the exact span of the offending token in the file. docs/build-integration.md specifies the format.
/// </summary>
/// <remarks>
/// A problem drops the function or type it concerns, never the file; malformed JSON is one problem where the
/// parser stopped. The reader takes the text (hosts read files, the analyzer through <c>AdditionalText</c>) and never
/// throws on its input; only cancellation throws.
/// </remarks>
public static class JsonCatalogReader
{
    /// <summary>The end of a catalog file's name (compared ignoring case).</summary>
    public const string FileSuffix = ".symcatalog.json";

    /// <summary>The value of the <c>format</c> member this reader reads.</summary>
    public const string Format = "symbolicgen-catalog/1";

    /// <summary>True when <paramref name="path"/> names a catalog file.</summary>
    public static bool IsCatalogFile(string path) => path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the catalog file <paramref name="path"/>, whose text is <paramref name="text"/>.</summary>
    public static JsonCatalogFile Read(string path, string text, CancellationToken cancellationToken = default)
    {
        var context = new JsonReadContext(path ?? "", text ?? "", cancellationToken);
        var (root, errorAt, error) = JsonTree.Parse(text ?? "");
        var functions = new List<FunctionInfo>();
        var types = new List<PortType>();
        var declarations = new List<CatalogDeclaration>();
        if (root is null)
            context.Report(CatalogProblemDescriptors.Unsupported, new Language.Text.SourceSpan(errorAt, errorAt < (text ?? "").Length ? 1 : 0), "the catalog is not valid JSON: " + error);
        else
            ReadRoot(root, context, functions, types, declarations);
        return new JsonCatalogFile(context.Path, new FunctionCatalog(functions, types), declarations.ToEquatableArray(), context.Problems.ToEquatableArray());
    }

    private static void ReadRoot(JsonNode root, JsonReadContext context, List<FunctionInfo> functions, List<PortType> types, List<CatalogDeclaration> declarations)
    {
        const string what = "a catalog";
        if (!context.CheckObject(root, what, CatalogMembers.Root)) return;
        var format = context.String(root, "format", what, required: true);
        if (format is null) return;
        if (format != Format)
        {
            context.Report(CatalogProblemDescriptors.Unsupported, root.Property("format")!.Value.Span,
                $"the catalog's format is '{format}', which this version of SymbolicGen does not read; it reads '{Format}'");
            return;
        }
        var ns = ReadNamespace(root, context);
        var backend = context.String(root, "backend", what, required: true);
        if (backend is { Length: 0 })
            context.Report(CatalogProblemDescriptors.Unsupported, root.Property("backend")!.Value.Span, "'backend' names the backend that runs the catalog's functions, such as \"comfyui\"; it is empty");

        var defined = new Dictionary<string, PortType>(StringComparer.Ordinal);
        foreach (var node in context.Array(root, "types", what) ?? Array.Empty<JsonNode>())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (ReadType(node, context) is not { } type) continue;
            if (defined.ContainsKey(type.Name))
            {
                context.Report(CatalogProblemDescriptors.DuplicateName, node.Property("name")!.Value.Span, $"port type '{type.Name}' is defined twice in the catalog");
                continue;
            }
            defined.Add(type.Name, type);
            types.Add(type);
            declarations.Add(new CatalogDeclaration(type.Name, context.Locate(node.Property("name")!.Value.Span)));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in context.Array(root, "functions", what) ?? Array.Empty<JsonNode>())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var before = context.ProblemCount;
            var function = new JsonFunctionReader(context, node, ns, backend, defined).Read();
            if (function is null || context.ProblemCount > before) continue;
            var nameSpan = node.Property("name")!.Value.Span;
            if (!names.Add(function.Name))
            {
                context.Report(CatalogProblemDescriptors.DuplicateName, nameSpan, $"function '{function.Name}' is declared twice in the catalog");
                continue;
            }
            functions.Add(function);
            declarations.Add(new CatalogDeclaration(function.Name, context.Locate(nameSpan)));
        }
    }

    // Dotted segments, each a name the language can write (the language's own rule for qualified names): comfy, comfy.sampling.
    private static string? ReadNamespace(JsonNode root, JsonReadContext context)
    {
        var ns = context.String(root, "namespace", "a catalog");
        if (ns is null || QualifiedName.IsValid(ns)) return ns;
        context.Report(CatalogProblemDescriptors.Unsupported, root.Property("namespace")!.Value.Span,
            $"'{ns}' cannot be a namespace; use names of letters, digits and '_' joined by '.', such as 'comfy' or 'comfy.video'");
        return null;
    }

    private static PortType? ReadType(JsonNode node, JsonReadContext context)
    {
        const string what = "a port type";
        if (!context.CheckObject(node, what, CatalogMembers.Type)) return null;
        var before = context.ProblemCount;
        var name = context.Name(node, "name", what, "a port type name");
        var mediaName = context.String(node, "media", what);
        var summary = context.String(node, "summary", what);
        PortType? media = null;
        if (mediaName is not null && (media = PortType.FindMedia(mediaName)) is null)
        {
            var known = string.Join(", ", PortType.MediaTypes.Select(t => t.Name));
            context.Report(CatalogProblemDescriptors.Unsupported, node.Property("media")!.Value.Span,
                $"'{mediaName}' is not a media type; 'media' is one of {known}, or left out for an opaque type");
        }
        if (name is not null && PortType.FindMedia(name) is not null)
        {
            context.Report(CatalogProblemDescriptors.DuplicateName, node.Property("name")!.Value.Span,
                $"'{name}' is a built-in media type; a catalog uses it without defining it");
            return null;
        }
        return name is null || context.ProblemCount > before ? null : PortType.Define(name, media, summary);
    }
}
