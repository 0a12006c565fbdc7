using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Syntax;
using SymbolicGen.Language.Text;
using DiagnosticDescriptor = SymbolicGen.Language.Diagnostics.DiagnosticDescriptor;

namespace SymbolicGen.Catalog.Json;

/// <summary>
/// What reading one catalog file shares: its path and lines (to locate problems), the problems found so far, and
/// the checks every object of the format needs (known members only, each once; values of the right JSON kind).
/// </summary>
internal sealed class JsonReadContext
{
    private readonly List<CatalogProblem> _problems = new();

    public JsonReadContext(string path, string text, CancellationToken cancellationToken)
    {
        Path = path;
        Lines = new LineMap(text);
        CancellationToken = cancellationToken;
    }

    public string Path { get; }

    public LineMap Lines { get; }

    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<CatalogProblem> Problems => _problems;

    /// <summary>How many problems were reported: a reader compares counts to know whether its part is valid.</summary>
    public int ProblemCount => _problems.Count;

    public CatalogLocation Locate(SourceSpan span) => CatalogLocation.InFile(Path, span, Lines);

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, string message) =>
        _problems.Add(new CatalogProblem(descriptor.Id, message, Locate(span)));

    /// <summary>
    /// Checks that <paramref name="node"/> is an object whose members are among <paramref name="known"/>, each given
    /// once; false (reported) when it is not an object. <paramref name="what"/> names it in messages (<c>a function</c>).
    /// </summary>
    public bool CheckObject(JsonNode node, string what, params string[] known)
    {
        if (node.Kind != JsonKind.Object)
        {
            Report(CatalogProblemDescriptors.Unsupported, node.Span, $"{what} is an object, not {node.Describe()}");
            return false;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in node.Properties)
        {
            if (!seen.Add(property.Name))
            {
                Report(CatalogProblemDescriptors.DuplicateName, property.NameSpan, $"'{property.Name}' is given twice in {what}");
            }
            else if (System.Array.IndexOf(known, property.Name) < 0)
            {
                var closest = Suggestions.Closest(property.Name, known);
                var hint = closest.Count > 0 ? $"; did you mean '{closest[0]}'?" : $"; {what} has {string.Join(", ", known.Select(k => "'" + k + "'"))}";
                Report(CatalogProblemDescriptors.Unsupported, property.NameSpan, $"'{property.Name}' is not a member of {what}{hint}");
            }
        }
        return true;
    }

    /// <summary>The string value of member <paramref name="name"/>; null when absent (reported when <paramref name="required"/>) or not a string (reported).</summary>
    public string? String(JsonNode owner, string name, string what, bool required = false)
    {
        var property = owner.Property(name);
        if (property is null)
        {
            if (required) Report(CatalogProblemDescriptors.Unsupported, OpeningOf(owner), $"{what} has no '{name}'");
            return null;
        }
        if (property.Value.Kind == JsonKind.String) return property.Value.Text;
        Report(CatalogProblemDescriptors.Unsupported, property.Value.Span, $"'{name}' of {what} is a string, not {property.Value.Describe()}");
        return null;
    }

    /// <summary>The array value of member <paramref name="name"/>; empty when absent, null (reported) when not an array.</summary>
    public IReadOnlyList<JsonNode>? Array(JsonNode owner, string name, string what)
    {
        var property = owner.Property(name);
        if (property is null) return System.Array.Empty<JsonNode>();
        if (property.Value.Kind == JsonKind.Array) return property.Value.Items;
        Report(CatalogProblemDescriptors.Unsupported, property.Value.Span, $"'{name}' of {what} is an array, not {property.Value.Describe()}");
        return null;
    }

    /// <summary>The bool value of member <paramref name="name"/>; false when absent or not a bool (reported).</summary>
    public bool Bool(JsonNode owner, string name, string what)
    {
        var property = owner.Property(name);
        if (property is null) return false;
        if (property.Value.Kind is JsonKind.True or JsonKind.False) return property.Value.Kind == JsonKind.True;
        Report(CatalogProblemDescriptors.Unsupported, property.Value.Span, $"'{name}' of {what} is true or false, not {property.Value.Describe()}");
        return false;
    }

    /// <summary>
    /// Checks that member <paramref name="name"/>'s value is a name the language can write (<c>[A-Za-z_][A-Za-z0-9_]*</c>);
    /// <paramref name="role"/> says what it names (<c>a function name</c>).
    /// </summary>
    public string? Name(JsonNode owner, string name, string what, string role)
    {
        var value = String(owner, name, what, required: true);
        if (value is null || Tokenizer.IsIdentifier(value)) return value;
        Report(CatalogProblemDescriptors.Unsupported, owner.Property(name)!.Value.Span,
            $"'{value}' cannot be {role}; use letters, digits and '_', not starting with a digit");
        return null;
    }

    /// <summary>Where a problem about a whole object goes: its opening brace (one character, so that editors show it).</summary>
    public static SourceSpan OpeningOf(JsonNode node) => new(node.Start, 1);
}
