using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Catalog.Json;

/// <summary>
/// Reads one function of a catalog file: its name (qualified by the file's namespace), ports typed by a built-in
/// media type or a type the file defines, and parameters (<see cref="JsonParameterReader"/>). Every problem is
/// reported; the caller drops a function that has any.
/// </summary>
internal sealed class JsonFunctionReader
{
    private const string What = "a function";

    private readonly JsonReadContext _context;
    private readonly JsonNode _node;
    private readonly string? _namespace;
    private readonly string? _backend;
    private readonly IReadOnlyDictionary<string, PortType> _types;

    public JsonFunctionReader(JsonReadContext context, JsonNode node, string? ns, string? backend, IReadOnlyDictionary<string, PortType> types)
    {
        _context = context;
        _node = node;
        _namespace = ns;
        _backend = backend;
        _types = types;
    }

    public FunctionInfo? Read()
    {
        if (!_context.CheckObject(_node, What, CatalogMembers.Function)) return null;
        var simpleName = _context.Name(_node, "name", What, "a function name");
        var name = simpleName is null ? "?" : QualifiedName.Join(_namespace, simpleName).Text;
        var version = ReadVersion();

        // Inputs and parameters share one set of names: a call names either the same way.
        var argumentNames = new HashSet<string>(StringComparer.Ordinal);
        var inputs = ReadPorts("inputs", "an input", argumentNames, allowOptional: true);
        var outputs = ReadPorts("outputs", "an output", new HashSet<string>(StringComparer.Ordinal), allowOptional: false);
        var parameters = new List<ParameterInfo>();
        foreach (var node in _context.Array(_node, "parameters", What) ?? Array.Empty<JsonNode>())
        {
            if (new JsonParameterReader(_context, node, name).Read() is not { } parameter) continue;
            if (argumentNames.Add(parameter.Name)) parameters.Add(parameter);
            else _context.Report(CatalogProblemDescriptors.DuplicateName, node.Property("name")!.Value.Span, $"'{name}' has two inputs or parameters named '{parameter.Name}'");
        }
        if (simpleName is null) return null;
        return new FunctionInfo(
            name,
            inputs.ToEquatableArray(),
            outputs.ToEquatableArray(),
            parameters.ToEquatableArray(),
            Summary: _context.String(_node, "summary", What),
            Category: _context.String(_node, "category", What),
            Version: version) { Backend = _backend };
    }

    private int ReadVersion()
    {
        if (_node.Property("version") is not { } property) return 1;
        var value = property.Value;
        if (value.Kind == JsonKind.Number && int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1)
            return version;
        _context.Report(CatalogProblemDescriptors.Unsupported, value.Span, $"'version' of a function is a whole number of at least 1, not {(value.Kind == JsonKind.Number ? value.Text : value.Describe())}");
        return 1;
    }

    private List<PortInfo> ReadPorts(string member, string what, HashSet<string> names, bool allowOptional)
    {
        var ports = new List<PortInfo>();
        foreach (var node in _context.Array(_node, member, What) ?? Array.Empty<JsonNode>())
        {
            if (!_context.CheckObject(node, what, allowOptional ? CatalogMembers.Input : CatalogMembers.Output)) continue;
            var name = _context.Name(node, "name", what, "a port name");
            var typeName = _context.String(node, "type", what, required: true);
            var type = typeName is null ? null : ResolveType(typeName, node.Property("type")!.Value);
            var optional = allowOptional && _context.Bool(node, "optional", what);
            var summary = _context.String(node, "summary", what);
            if (name is null || type is null) continue;
            if (!names.Add(name))
            {
                _context.Report(CatalogProblemDescriptors.DuplicateName, node.Property("name")!.Value.Span,
                    allowOptional ? $"'{Name}' has two inputs or parameters named '{name}'" : $"'{Name}' has two outputs named '{name}'");
                continue;
            }
            ports.Add(new PortInfo(name, type, optional, summary));
        }
        return ports;
    }

    // A built-in media type, or a type this file defines; another catalog's types are not in scope.
    private PortType? ResolveType(string name, JsonNode at)
    {
        if (PortType.FindMedia(name) is { } media) return media;
        if (_types.TryGetValue(name, out var defined)) return defined;
        var candidates = PortType.MediaTypes.Select(t => t.Name).Concat(_types.Keys).ToList();
        var closest = Suggestions.Closest(name, candidates);
        var hint = closest.Count > 0
            ? $"; did you mean {Wording.Join(closest.Select(c => "'" + c + "'"), "or")}?"
            : "; define it under 'types' or use one of " + Wording.Join(candidates, "or");
        _context.Report(CatalogProblemDescriptors.Unsupported, at.Span, $"port type '{name}' is neither a media type nor defined in the catalog{hint}");
        return null;
    }

    private string Name => _node.Property("name")?.Value.Text is { } simple ? QualifiedName.Join(_namespace, simple).Text : "the function";
}
