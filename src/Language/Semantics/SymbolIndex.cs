using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Semantics;

/// <summary>
/// The symbols of a file and every name that declares or uses them, queryable by position: what an
/// editor needs for go to definition, find references, rename, hover, document symbols and completion.
/// The binder builds it (<see cref="BindResult.Symbols"/>, <see cref="SymCompilation.Symbols"/>);
/// it is immutable.
/// </summary>
/// <remarks>
/// The symbols are listed at once; the names are arranged for queries on the first query (one sort by
/// position, O(n log n), and linear passes), so a host that only wants diagnostics pays for recording
/// them, not for arranging them. A lookup by offset is a binary search: names are tokens, so two names
/// are apart or coincide (a dataflow step named after a flow output declares a node and feeds the
/// output); only a destructuring node's declaration covers other names, and those are searched apart.
/// Safe to query from several threads.
/// </remarks>
public sealed class SymbolIndex
{
    private static readonly IReadOnlyList<NameOccurrence> None = Array.Empty<NameOccurrence>();
    private static readonly IReadOnlyList<DeclaredSymbol> NoSymbols = Array.Empty<DeclaredSymbol>();

    private readonly Dictionary<DeclaredSymbol, IReadOnlyList<DeclaredSymbol>> _members = new();
    private readonly Lazy<OccurrenceTables> _tables;

    /// <param name="symbols">Flow by flow: each flow followed by its members; each symbol belongs to this index alone.</param>
    /// <param name="recorded">The names in the order found; a name found twice (same span, kind and symbol) counts once.</param>
    internal SymbolIndex(IReadOnlyList<DeclaredSymbol> symbols, IReadOnlyList<NameOccurrence> recorded)
    {
        var all = new List<DeclaredSymbol>(symbols).ToArray();
        Symbols = new ReadOnlyCollection<DeclaredSymbol>(all);
        var flows = new List<DeclaredSymbol>();
        for (var id = 0; id < all.Length; id++)
        {
            all[id].Id = id;
            if (all[id].Kind != SymbolKind.Flow) continue;
            flows.Add(all[id]);
            var end = id + 1;
            while (end < all.Length && all[end].Kind != SymbolKind.Flow) end++;
            _members.Add(all[id], new ReadOnlyCollection<DeclaredSymbol>(new ArraySegment<DeclaredSymbol>(all, id + 1, end - id - 1)));
        }
        Flows = flows;
        _tables = new Lazy<OccurrenceTables>(() => new OccurrenceTables(all, recorded));
    }

    /// <summary>An index of nothing (a file that could not be bound).</summary>
    public static SymbolIndex Empty { get; } = new(NoSymbols, None);

    /// <summary>Every symbol, in the order declared: each flow, then its inputs, parameters and outputs, then its steps' names.</summary>
    public IReadOnlyList<DeclaredSymbol> Symbols { get; }

    /// <summary>The flows of the file, in order.</summary>
    public IReadOnlyList<DeclaredSymbol> Flows { get; }

    /// <summary>Every name the binder resolved or failed to resolve, by position (see <see cref="SpanPositionComparer"/>).</summary>
    public IReadOnlyList<NameOccurrence> Occurrences => _tables.Value.ReadOnlyAll;

    /// <summary>The symbols <paramref name="flow"/> declares, in the order declared (empty for anything but a flow).</summary>
    public IReadOnlyList<DeclaredSymbol> MembersOf(DeclaredSymbol flow) =>
        _members.TryGetValue(flow, out var members) ? members : NoSymbols;

    /// <summary>
    /// The name at <paramref name="offset"/>: the innermost one that contains it or, when none does, one
    /// that ends there (a cursor just after a name is on it). Where names coincide, the first the binder
    /// found (a declaration before the output it feeds). Null on anything but a name.
    /// </summary>
    public NameOccurrence? FindAt(int offset)
    {
        var all = FindAllAt(offset);
        return all.Count > 0 ? all[0] : null;
    }

    /// <summary>
    /// Every name at <paramref name="offset"/> (see <see cref="FindAt"/>), innermost first: more than one
    /// where names coincide, such as a dataflow step <c>film = …</c> that declares node <c>film</c> and feeds output <c>film</c>.
    /// </summary>
    public IReadOnlyList<NameOccurrence> FindAllAt(int offset)
    {
        var tables = _tables.Value;
        var found = new List<NameOccurrence>();
        OccurrenceTables.AddContaining(tables.Names, offset, found);
        OccurrenceTables.AddContaining(tables.Covers, offset, found);
        if (found.Count > 0 || offset <= 0) return found;
        OccurrenceTables.AddContaining(tables.Names, offset - 1, found);
        OccurrenceTables.AddContaining(tables.Covers, offset - 1, found);
        return found;
    }

    /// <summary>
    /// Where <paramref name="symbol"/> is used, by position; with <paramref name="includeDeclaration"/>,
    /// its declaration too (what a rename edits). Empty for a symbol of another index.
    /// </summary>
    public IReadOnlyList<NameOccurrence> ReferencesOf(DeclaredSymbol symbol, bool includeDeclaration = false)
    {
        if (!Owns(symbol)) return None;
        var all = OccurrencesOf(symbol);
        if (includeDeclaration) return all;
        var references = new List<NameOccurrence>(all.Count);
        foreach (var occurrence in all)
            if (occurrence.Kind != OccurrenceKind.Declaration) references.Add(occurrence);
        return references;
    }

    /// <summary>
    /// The spans a rename of <paramref name="symbol"/> edits, by position: its declaration and references
    /// and, where one name stands for two symbols, those of the other too, so the file means the same
    /// after. (A dataflow or pseudo-natural step named after a flow output declares a node and feeds the
    /// output: renaming either renames both.) Empty for a destructuring node, which has no name of its own.
    /// </summary>
    public IReadOnlyList<SourceSpan> RenameLocations(DeclaredSymbol symbol)
    {
        var spans = new List<SourceSpan>();
        if (symbol.IsDestructuring || !Owns(symbol)) return spans;
        var seen = new HashSet<SourceSpan>(SourceSpan.PositionComparer);
        var symbols = new HashSet<DeclaredSymbol> { symbol };
        var pending = new Queue<DeclaredSymbol>(symbols);
        while (pending.Count > 0)
        {
            foreach (var occurrence in OccurrencesOf(pending.Dequeue()))
            {
                if (seen.Add(occurrence.Span)) spans.Add(occurrence.Span);
                if (!_tables.Value.Shared.TryGetValue(occurrence.Span, out var shared)) continue;
                foreach (var other in shared)
                    if (other.Symbol is { } next && symbols.Add(next)) pending.Enqueue(next);
            }
        }
        spans.Sort(SourceSpan.PositionComparer);
        return spans;
    }

    /// <summary>The declaration of <paramref name="symbol"/>, or null for a symbol of another index.</summary>
    public NameOccurrence? DeclarationOf(DeclaredSymbol symbol)
    {
        if (!Owns(symbol)) return null;
        foreach (var occurrence in OccurrencesOf(symbol))
            if (occurrence.Kind == OccurrenceKind.Declaration) return occurrence;
        return null;
    }

    private bool Owns(DeclaredSymbol symbol) => symbol.Id >= 0 && symbol.Id < Symbols.Count && ReferenceEquals(Symbols[symbol.Id], symbol);

    private ArraySegment<NameOccurrence> OccurrencesOf(DeclaredSymbol symbol)
    {
        var tables = _tables.Value;
        return new(tables.BySymbol, tables.FirstOf[symbol.Id], tables.FirstOf[symbol.Id + 1] - tables.FirstOf[symbol.Id]);
    }
}
