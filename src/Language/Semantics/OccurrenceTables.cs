using System;
using System.Collections.Generic;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Semantics;

/// <summary>
/// The names of a <see cref="SymbolIndex"/> arranged for its queries: by position, without repeats, and
/// per symbol. Built in one sort (O(n log n)) plus linear passes.
/// </summary>
internal sealed class OccurrenceTables
{
    /// <param name="symbols">The index's symbols; a symbol's <see cref="DeclaredSymbol.Id"/> is its place among them.</param>
    /// <param name="recorded">The names in the order found.</param>
    public OccurrenceTables(IReadOnlyList<DeclaredSymbol> symbols, IReadOnlyList<NameOccurrence> recorded)
    {
        var sorted = new NameOccurrence[recorded.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = recorded[i];
        Array.Sort(sorted, ByPosition);
        All = Distinct(sorted);
        ReadOnlyAll = Array.AsReadOnly(All);
        Names = Array.FindAll(All, o => !IsCover(o));
        Covers = Array.FindAll(All, IsCover);

        // A counting sort by symbol keeps each symbol's occurrences in position order.
        FirstOf = new int[symbols.Count + 1];
        foreach (var occurrence in All)
            if (Owned(occurrence, symbols) is { } symbol) FirstOf[symbol.Id + 1]++;
        for (var id = 0; id < symbols.Count; id++) FirstOf[id + 1] += FirstOf[id];
        BySymbol = new NameOccurrence[FirstOf[symbols.Count]];
        var next = (int[])FirstOf.Clone();
        foreach (var occurrence in All)
            if (Owned(occurrence, symbols) is { } symbol) BySymbol[next[symbol.Id]++] = occurrence;
    }

    /// <summary>Every name, by position.</summary>
    public NameOccurrence[] All { get; }

    /// <summary><see cref="All"/>, for callers outside the index.</summary>
    public IReadOnlyList<NameOccurrence> ReadOnlyAll { get; }

    /// <summary>The names lookups search first: tokens, so their spans are apart or equal.</summary>
    public NameOccurrence[] Names { get; }

    /// <summary>Destructuring nodes' declarations, which cover their outputs' names (apart from each other).</summary>
    public NameOccurrence[] Covers { get; }

    /// <summary>Each symbol's occurrences by position: <c>BySymbol[FirstOf[id] .. FirstOf[id + 1])</c>.</summary>
    public NameOccurrence[] BySymbol { get; }

    /// <summary>See <see cref="BySymbol"/>.</summary>
    public int[] FirstOf { get; }

    /// <summary>The names that stand for several symbols at once, by span.</summary>
    public Dictionary<SourceSpan, List<NameOccurrence>> Shared { get; } = new(SourceSpan.PositionComparer);

    /// <summary>
    /// Adds the occurrences of <paramref name="sorted"/> (spans apart or equal) that contain
    /// <paramref name="offset"/>, in the order found: a binary search for the last one starting at or
    /// before it, then those with the same span.
    /// </summary>
    public static void AddContaining(NameOccurrence[] sorted, int offset, List<NameOccurrence> found)
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

    // Sorted occurrences without repeats: several binding paths may meet one name (an alias's value is
    // resolved for the alias and where it is used), and repeats have the same span, so they are
    // neighbours. Notes the names that several symbols share on the way.
    private NameOccurrence[] Distinct(NameOccurrence[] sorted)
    {
        var distinct = new List<NameOccurrence>(sorted.Length);
        var group = 0;
        foreach (var occurrence in sorted)
        {
            if (distinct.Count == 0 || !occurrence.Span.SamePosition(distinct[distinct.Count - 1].Span)) group = distinct.Count;
            var repeat = false;
            for (var i = group; i < distinct.Count && !repeat; i++)
                repeat = distinct[i].Kind == occurrence.Kind && ReferenceEquals(distinct[i].Symbol, occurrence.Symbol);
            if (repeat) continue;
            if (distinct.Count > group)
            {
                if (!Shared.TryGetValue(occurrence.Span, out var shared))
                    Shared.Add(occurrence.Span, shared = new List<NameOccurrence> { distinct[group] });
                shared.Add(occurrence);
            }
            distinct.Add(occurrence);
        }
        return distinct.ToArray();
    }

    private static DeclaredSymbol? Owned(NameOccurrence occurrence, IReadOnlyList<DeclaredSymbol> symbols) =>
        occurrence.Symbol is { } symbol && symbol.Id >= 0 && symbol.Id < symbols.Count && ReferenceEquals(symbols[symbol.Id], symbol) ? symbol : null;

    private static bool IsCover(NameOccurrence occurrence) =>
        occurrence is { Kind: OccurrenceKind.Declaration, Symbol.IsDestructuring: true };

    // By position; among names at one position, in the order found.
    private static int ByPosition(NameOccurrence x, NameOccurrence y)
    {
        var byPosition = SourceSpan.PositionComparer.Compare(x.Span, y.Span);
        return byPosition != 0 ? byPosition : x.Sequence.CompareTo(y.Sequence);
    }
}
