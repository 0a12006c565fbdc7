using System.Collections.Generic;

namespace SymbolicGen.Language.Text;

/// <summary>
/// Compares <see cref="SourceSpan"/>s by where they are, for tools (the symbol index, an editor's
/// dictionaries of spans): <see cref="SourceSpan"/>'s own equality is deliberately always true so that
/// IR equality is semantic, and would make every span one key.
/// </summary>
/// <remarks>Order: by start, then the shorter span first (as Roslyn's <c>TextSpan</c> orders).</remarks>
public sealed class SpanPositionComparer : IEqualityComparer<SourceSpan>, IComparer<SourceSpan>
{
    private SpanPositionComparer()
    {
    }

    /// <summary>The one instance; the comparer holds no state.</summary>
    public static SpanPositionComparer Instance { get; } = new();

    /// <summary>True when both spans have the same start and length.</summary>
    public bool Equals(SourceSpan x, SourceSpan y) => x.Start == y.Start && x.Length == y.Length;

    /// <summary>A hash of the start and length.</summary>
    public int GetHashCode(SourceSpan span) => unchecked((span.Start * 397) ^ span.Length);

    /// <summary>Negative when <paramref name="x"/> starts first (or starts at the same offset and is shorter).</summary>
    public int Compare(SourceSpan x, SourceSpan y) =>
        x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.Length.CompareTo(y.Length);
}
