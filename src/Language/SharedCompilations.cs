using System;
using System.Collections.Generic;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Language;

/// <summary>
/// Recent compilations of <c>.sym</c> texts, for the analyzer and the generator: the C# compiler (and the IDE)
/// runs both over the same files against the same catalog, and loads them side by side, so the second to ask
/// for a file gets the first one's compilation instead of compiling it again. Bounded, and safe to use from
/// several threads; a compilation is immutable.
/// </summary>
public static class SharedCompilations
{
    private const int Capacity = 512;

    private static readonly object Gate = new();
    private static readonly Dictionary<string, LinkedListNode<(string Text, FunctionCatalog Catalog, SymCompilation Compilation)>> ByText = new(StringComparer.Ordinal);
    private static readonly LinkedList<(string Text, FunctionCatalog Catalog, SymCompilation Compilation)> Recent = new();

    // Each catalog instance seen, mapped to the first equal one: the analyzer and the generator build equal catalogs
    // as separate objects, and comparing two catalogs deeply for every file of a project costs more than checking it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FunctionCatalog, FunctionCatalog> Canonical = new();
    private static FunctionCatalog? _latest;

    /// <summary><see cref="SymCompiler.Compile(string, Catalog.FunctionCatalog)"/>, or the same compilation made recently for an equal text and catalog.</summary>
    public static SymCompilation Compile(string text, FunctionCatalog catalog)
    {
        text ??= "";
        lock (Gate)
        {
            catalog = CanonicalOf(catalog);
            if (ByText.TryGetValue(text, out var found) && ReferenceEquals(found.Value.Catalog, catalog))
            {
                Recent.Remove(found);
                Recent.AddFirst(found);
                return found.Value.Compilation;
            }
        }
        var compilation = SymCompiler.Compile(text, catalog);
        lock (Gate)
        {
            if (ByText.TryGetValue(text, out var stale)) Recent.Remove(stale);
            ByText[text] = Recent.AddFirst((text, catalog, compilation));
            while (Recent.Count > Capacity)
            {
                ByText.Remove(Recent.Last!.Value.Text);
                Recent.RemoveLast();
            }
        }
        return compilation;
    }

    // The first instance equal to 'catalog' that was seen (compared deeply once per instance, then remembered).
    private static FunctionCatalog CanonicalOf(FunctionCatalog catalog)
    {
        if (Canonical.TryGetValue(catalog, out var known)) return known;
        var canonical = _latest is { } latest && (ReferenceEquals(latest, catalog) || latest.Equals(catalog)) ? latest : catalog;
        Canonical.Add(catalog, canonical);
        _latest = canonical;
        return canonical;
    }
}
