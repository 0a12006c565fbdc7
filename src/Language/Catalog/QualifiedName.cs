using System;
using System.Collections.Generic;
using SymbolicGen.Language.Syntax;

namespace SymbolicGen.Language.Catalog;

/// <summary>
/// A function's name in the catalog: an identifier (<c>ImageBlend</c>), or identifiers joined by dots
/// (<c>comfy.KSampler</c>), whose last segment is the <see cref="SimpleName"/> and whose other segments
/// are the <see cref="Namespace"/>. Namespaces keep imported catalogs (thousands of ComfyUI node types)
/// from colliding with the built-ins, which are unqualified, and with each other.
/// </summary>
public readonly struct QualifiedName : IEquatable<QualifiedName>
{
    private QualifiedName(string text, int lastDot)
    {
        Text = text;
        Namespace = lastDot < 0 ? null : text.Substring(0, lastDot);
        SimpleName = lastDot < 0 ? text : text.Substring(lastDot + 1);
    }

    /// <summary>The whole name, as in <see cref="FunctionInfo.Name"/>.</summary>
    public string Text { get; }

    /// <summary>Everything before the last dot (<c>comfy</c>, <c>acme.video</c>), or null for an unqualified name.</summary>
    public string? Namespace { get; }

    /// <summary>The last segment (<c>KSampler</c>).</summary>
    public string SimpleName { get; }

    /// <summary>True when the name has a namespace.</summary>
    public bool IsQualified => Namespace is not null;

    /// <summary>
    /// Splits <paramref name="name"/> at its last dot. Any string is accepted (a catalog may hold names the
    /// language cannot write); <see cref="IsValid"/> says whether it is a name the language can write.
    /// </summary>
    public static QualifiedName Of(string name)
    {
        name ??= "";
        return new QualifiedName(name, name.LastIndexOf('.'));
    }

    /// <summary>The name <paramref name="simpleName"/> in <paramref name="ns"/> (unqualified when <paramref name="ns"/> is null or empty).</summary>
    public static QualifiedName Join(string? ns, string simpleName) =>
        Of(string.IsNullOrEmpty(ns) ? simpleName : ns + "." + simpleName);

    /// <summary>True when every dot-separated segment of <paramref name="name"/> is an identifier <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name)) return false;
        var segmentStart = true;
        foreach (var c in name!)
        {
            if (c == '.')
            {
                if (segmentStart) return false;
                segmentStart = true;
                continue;
            }
            if (segmentStart ? !Tokenizer.IsIdentifierStart(c) : !Tokenizer.IsIdentifierPart(c)) return false;
            segmentStart = false;
        }
        return !segmentStart;
    }

    /// <inheritdoc/>
    public bool Equals(QualifiedName other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is QualifiedName other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Text is null ? 0 : StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc/>
    public override string ToString() => Text ?? "";
}

/// <summary>
/// A catalog's functions by simple name and its namespaces: dictionary reads, so that resolving names through
/// <c>using</c> lines costs the same in a catalog of thousands of imported functions as in the built-ins.
/// </summary>
internal sealed class QualifiedIndex
{
    private readonly Dictionary<string, List<FunctionInfo>> _bySimpleName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _namespaces = new(StringComparer.Ordinal);
    private readonly List<string> _ordered = new();

    public QualifiedIndex(IEnumerable<FunctionInfo> functions)
    {
        foreach (var function in functions)
        {
            var name = QualifiedName.Of(function.Name);
            if (!_bySimpleName.TryGetValue(name.SimpleName, out var same)) _bySimpleName.Add(name.SimpleName, same = new List<FunctionInfo>());
            same.Add(function);
            if (name.Namespace is { } ns && _namespaces.Add(ns)) _ordered.Add(ns);
        }
    }

    public IReadOnlyList<string> Namespaces => _ordered;

    public IReadOnlyList<FunctionInfo> FindBySimpleName(string simpleName) =>
        _bySimpleName.TryGetValue(simpleName, out var functions) ? functions : Array.Empty<FunctionInfo>();

    public bool HasNamespace(string ns) => _namespaces.Contains(ns);
}
