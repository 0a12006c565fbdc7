using System;

namespace SymbolicGen.Language.Text;

/// <summary>
/// A range of UTF-16 characters in a <c>.sym</c> file.
/// </summary>
/// <remarks>
/// A span says where something was written, not what it means. Two spans therefore always compare
/// equal, which makes IR equality semantic: the same flow parsed from a reformatted file, or from
/// another syntax, is the same IR. Code that needs positions (diagnostics, line numbers in generated
/// code) reads <see cref="Start"/> and <see cref="Length"/> explicitly.
/// </remarks>
public readonly struct SourceSpan : IEquatable<SourceSpan>
{
    /// <summary>Creates a span.</summary>
    public SourceSpan(int start, int length)
    {
        Start = start;
        Length = length < 0 ? 0 : length;
    }

    /// <summary>Offset of the first character.</summary>
    public int Start { get; }

    /// <summary>Number of characters.</summary>
    public int Length { get; }

    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>A span from <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
    public static SourceSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>The smallest span that covers both.</summary>
    public SourceSpan Cover(SourceSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <summary>Compares spans by position (start and length), for tools: see <see cref="SpanPositionComparer"/>.</summary>
    public static SpanPositionComparer PositionComparer => SpanPositionComparer.Instance;

    /// <summary>True when <paramref name="other"/> has the same start and length (what <see cref="Equals(SourceSpan)"/> deliberately ignores).</summary>
    public bool SamePosition(SourceSpan other) => Start == other.Start && Length == other.Length;

    /// <summary>True when <paramref name="offset"/> is in the span (from <see cref="Start"/>, before <see cref="End"/>).</summary>
    public bool Contains(int offset) => offset >= Start && offset < End;

    /// <summary>Always true: see the remarks on <see cref="SourceSpan"/>.</summary>
    public bool Equals(SourceSpan other) => true;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SourceSpan;

    /// <inheritdoc/>
    public override int GetHashCode() => 0;

    /// <inheritdoc/>
    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>A 1-based line and column (column counted in UTF-16 characters, like MSBuild and Roslyn).</summary>
public readonly record struct LinePosition(int Line, int Column);
