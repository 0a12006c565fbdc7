using System;
using System.Globalization;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Catalog;

/// <summary>
/// Where a <see cref="CatalogProblem"/> is, without any host's types: a file and a span in it (C# source, a JSON
/// catalog), or an assembly and a member for a function read from metadata, which has no span.
/// </summary>
/// <remarks>
/// A value: two locations are equal when path, member and span are (unlike <see cref="SourceSpan"/>, whose
/// equality ignores positions), so that problems can live in the generator's cached models.
/// </remarks>
public sealed record CatalogLocation
{
    private CatalogLocation(string path, string? member, int start, int length, LinePosition startPosition, LinePosition endPosition, bool hasSpan)
    {
        Path = path ?? "";
        Member = member;
        Start = start;
        Length = length;
        StartPosition = startPosition;
        EndPosition = endPosition;
        HasSpan = hasSpan;
    }

    /// <summary>The file (as the host named it), or for metadata the assembly's name.</summary>
    public string Path { get; }

    /// <summary>For metadata, the member the problem is about (<c>Consumer.Sounds.Chirp</c>); null in a file.</summary>
    public string? Member { get; }

    /// <summary>True for a span in a file; false for metadata.</summary>
    public bool HasSpan { get; }

    /// <summary>Offset of the first character (UTF-16) in the file; 0 without a span.</summary>
    public int Start { get; }

    /// <summary>Number of characters; 0 without a span.</summary>
    public int Length { get; }

    /// <summary>Offset just past the span.</summary>
    public int End => Start + Length;

    /// <summary>The 1-based line and column where the span starts (1,1 without a span).</summary>
    public LinePosition StartPosition { get; }

    /// <summary>The 1-based line and column where the span ends.</summary>
    public LinePosition EndPosition { get; }

    /// <summary>A span in the file <paramref name="path"/>, its positions 1-based.</summary>
    public static CatalogLocation InFile(string path, int start, int length, LinePosition startPosition, LinePosition endPosition) =>
        new(path, null, Math.Max(0, start), Math.Max(0, length), startPosition, endPosition, hasSpan: true);

    /// <summary>A span in the file <paramref name="path"/>, positioned through <paramref name="lines"/> (the file's text).</summary>
    public static CatalogLocation InFile(string path, SourceSpan span, LineMap lines) =>
        InFile(path, span.Start, span.Length, lines.GetPosition(span.Start), lines.GetPosition(span.End));

    /// <summary>A member of an assembly read from metadata: no file, no span.</summary>
    public static CatalogLocation InMetadata(string assembly, string? member) =>
        new(assembly, member, 0, 0, new LinePosition(1, 1), new LinePosition(1, 1), hasSpan: false);

    /// <summary>The MSBuild form hosts print before <c>: error …</c>: <c>path(line,col)</c>, or the assembly alone for metadata.</summary>
    public override string ToString() =>
        HasSpan
            ? Path + "(" + StartPosition.Line.ToString(CultureInfo.InvariantCulture) + "," + StartPosition.Column.ToString(CultureInfo.InvariantCulture) + ")"
            : Path;
}
