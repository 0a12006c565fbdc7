using System;
using System.Collections.Generic;

namespace SymbolicGen.Language.Text;

/// <summary>Maps character offsets of a text to 1-based lines and columns, and back.</summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;

    /// <summary>
    /// Indexes the line starts of <paramref name="text"/>. LF, CRLF, CR, NEL, LS and PS end a line, as in
    /// Roslyn's SourceText, so <c>symgen check</c> and the build report the same line numbers.
    /// </summary>
    public LineMap(string text)
    {
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029') starts.Add(i + 1);
        }
        _lineStarts = starts.ToArray();
    }

    /// <summary>The text this map indexes.</summary>
    public string Text { get; }

    /// <summary>Number of lines.</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>Line and column of <paramref name="offset"/> (clamped to the text).</summary>
    public LinePosition GetPosition(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, Text.Length));
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0) index = ~index - 1;
        return new LinePosition(index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>
    /// The offset of 1-based <paramref name="line"/> and <paramref name="column"/>, clamped: a line
    /// before the first is the start of the text, one after the last its end, and a column past the end
    /// of its line is the end of the line's text (before its line break).
    /// </summary>
    public int GetOffset(int line, int column)
    {
        if (line < 1) return 0;
        if (line > _lineStarts.Length) return Text.Length;
        var start = _lineStarts[line - 1];
        return start + Math.Max(0, Math.Min(column - 1, LineEnd(line - 1) - start));
    }

    /// <summary>The offset of a 1-based <paramref name="position"/> (see <see cref="GetOffset(int, int)"/>).</summary>
    public int GetOffset(LinePosition position) => GetOffset(position.Line, position.Column);

    /// <summary>
    /// The offset of a 0-based line and character, as the Language Server Protocol counts them (UTF-16
    /// characters, the protocol's default); clamped like <see cref="GetOffset(int, int)"/>.
    /// </summary>
    public int GetOffsetFromZeroBased(int line, int character) =>
        GetOffset(line == int.MaxValue ? line : line + 1, character == int.MaxValue ? character : character + 1);

    /// <summary>The 0-based line and character of <paramref name="offset"/>, as the Language Server Protocol counts them.</summary>
    public (int Line, int Character) GetZeroBasedPosition(int offset)
    {
        var position = GetPosition(offset);
        return (position.Line - 1, position.Column - 1);
    }

    // Where the text of a line (0-based index) ends: before its line break, which is two characters for CRLF.
    private int LineEnd(int index)
    {
        if (index + 1 >= _lineStarts.Length) return Text.Length;
        var next = _lineStarts[index + 1];
        return next >= 2 && Text[next - 1] == '\n' && Text[next - 2] == '\r' ? next - 2 : next - 1;
    }
}
