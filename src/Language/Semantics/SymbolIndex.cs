using System;
using System.Collections.Generic;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Semantics;

/// <summary>
/// The symbols of a file and every name that declares or uses them, queryable by position: what an
/// editor needs for go to definition, find references, rename, hover, document symbols and completion.
/// The binder builds it (<see cref="BindResult.Symbols"/>, <see cref="SymCompilation.Symbols"/>);
/// it is immutable.
/// </summary>
/// <remarks>
/// Building costs one sort of the names by position (O(n log n)) and linear work otherwise; a lookup by
/// offset is a binary search. Names are tokens, so two names are apart or coincide (a dataflow step
/// named after a flow output declares a node and feeds the output); only a destructuring node's
/// declaration covers other names (its outputs'), and those declarations are searched apart.
/// </remarks>
public sealed class SymbolIndex
{
    private static readonly IReadOnlyList<NameOccurrence> None = Array.Empty<NameOccurrence>();
    private static readonly IReadOnlyList<DeclaredSymbol> NoSymbols = Array.Empty<DeclaredSymbol>();

    private readonly NameOccurrence[] _occurrences;
    // What lookups search, by position: the names (apart or equal), and destructuring declarations.
    private readonly NameOccurrence[] _names;
    private readonly NameOccurrence[] _covers;
    private readonly Dictionary<DeclaredSymbol, List<NameOccurrence>> _bySymbol = new();
    private readonly Dictionary<DeclaredSymbol, List<DeclaredSymbol>> _members = new();
    // The names that stand for several symbols at once, by span.
    private readonly Dictionary<SourceSpan, List<NameOccurrence>> _shared = new(SourceSpan.PositionComparer);

    internal SymbolIndex(IReadOnlyList<DeclaredSymbol> symbols, IEnumerable<NameOccurrence> occurrences)
    {
        Symbols = symbols;
        _occurrences = new List<NameOccurrence>(occurrences).ToArray();
        Array.Sort(_occurrences, ByPosition);
        _names = Array.FindAll(_occurrences, o => !IsCover(o));
        _covers = Array.FindAll(_occurrences, IsCover);
        var flows = new List<DeclaredSymbol>();
        foreach (var symbol in symbols)
        {
            _bySymbol.Add(symbol, new List<NameOccurrence>());
            if (symbol.Flow is null) flows.Add(symbol);
            else if (_members.TryGetValue(symbol.Flow, out var members)) members.Add(symbol);
            if (symbol.Kind == SymbolKind.Flow) _members.Add(symbol, new List<DeclaredSymbol>());
        }
        Flows = flows;
        for (var i = 0; i < _occurrences.Length; i++)
        {
            var occurrence = _occurrences[i];
            if (occurrence.Symbol is { } symbol && _bySymbol.TryGetValue(symbol, out var list)) list.Add(occurrence);
            // Equal spans are next to each other once sorted.
            if (i > 0 && occurrence.Span.SamePosition(_occurrences[i - 1].Span))
            {
                if (!_shared.TryGetValue(occurrence.Span, out var shared))
                    _shared.Add(occurrence.Span, shared = new List<NameOccurrence> { _occurrences[i - 1] });
                shared.Add(occurrence);
            }
        }
    }

    /// <summary>An index of nothing (a file that could not be bound).</summary>
    public static SymbolIndex Empty { get; } = new(NoSymbols, None);

    /// <summary>Every symbol, in the order declared: each flow, then its inputs, parameters and outputs, then its steps' names.</summary>
    public IReadOnlyList<DeclaredSymbol> Symbols { get; }

    /// <summary>The flows of the file, in order.</summary>
    public IReadOnlyList<DeclaredSymbol> Flows { get; }

    /// <summary>Every name the binder resolved or failed to resolve, by position (see <see cref="SpanPositionComparer"/>).</summary>
    public IReadOnlyList<NameOccurrence> Occurrences => _occurrences;

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
        var found = new List<NameOccurrence>();
        AddContaining(_names, offset, found);
        AddContaining(_covers, offset, found);
        if (found.Count > 0 || offset <= 0) return found;
        AddContaining(_names, offset - 1, found);
        AddContaining(_covers, offset - 1, found);
        return found;
    }

    /// <summary>
    /// Where <paramref name="symbol"/> is used, by position; with <paramref name="includeDeclaration"/>,
    /// its declaration too (what a rename edits). Empty for a symbol of another index.
    /// </summary>
    public IReadOnlyList<NameOccurrence> ReferencesOf(DeclaredSymbol symbol, bool includeDeclaration = false)
    {
        if (!_bySymbol.TryGetValue(symbol, out var all)) return None;
        return includeDeclaration ? all : all.FindAll(o => o.Kind != OccurrenceKind.Declaration);
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
        if (symbol.IsDestructuring || !_bySymbol.ContainsKey(symbol)) return spans;
        var seen = new HashSet<SourceSpan>(SourceSpan.PositionComparer);
        var symbols = new HashSet<DeclaredSymbol> { symbol };
        var pending = new Queue<DeclaredSymbol>(symbols);
        while (pending.Count > 0)
        {
            foreach (var occurrence in _bySymbol[pending.Dequeue()])
            {
                if (seen.Add(occurrence.Span)) spans.Add(occurrence.Span);
                if (!_shared.TryGetValue(occurrence.Span, out var shared)) continue;
                foreach (var other in shared)
                    if (other.Symbol is { } next && symbols.Add(next)) pending.Enqueue(next);
            }
        }
        spans.Sort(SourceSpan.PositionComparer);
        return spans;
    }

    /// <summary>The declaration of <paramref name="symbol"/>, or null for a symbol of another index.</summary>
    public NameOccurrence? DeclarationOf(DeclaredSymbol symbol) =>
        _bySymbol.TryGetValue(symbol, out var all) ? all.Find(o => o.Kind == OccurrenceKind.Declaration) : null;

    // Adds the occurrences of 'sorted' (whose spans are apart or equal) that contain 'offset', in the order
    // found: a binary search for the last one starting at or before it, then those with the same span.
    private static void AddContaining(NameOccurrence[] sorted, int offset, List<NameOccurrence> found)
    {
        var low = 0;
        var high = sorted.Length - 1;
        var last = -1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            if (sorted[middle].Span.Start <= offset)
            {
                last = middle;
                low = middle + 1;
            }
            else high = middle - 1;
        }
        if (last < 0 || !sorted[last].Span.Contains(offset)) return;
        var first = last;
        while (first > 0 && sorted[first - 1].Span.SamePosition(sorted[last].Span)) first--;
        for (var i = first; i <= last; i++) found.Add(sorted[i]);
    }

    private static bool IsCover(NameOccurrence occurrence) =>
        occurrence is { Kind: OccurrenceKind.Declaration, Symbol.IsDestructuring: true };

    private static int ByPosition(NameOccurrence x, NameOccurrence y)
    {
        var byPosition = SourceSpan.PositionComparer.Compare(x.Span, y.Span);
        return byPosition != 0 ? byPosition : x.Sequence.CompareTo(y.Sequence);
    }
}
