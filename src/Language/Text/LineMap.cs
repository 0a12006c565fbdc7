using System;
using System.Collections.Generic;

namespace SymbolicGen.Language.Text;

/// <summary>Maps character offsets of a text to 1-based lines and columns.</summary>
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
}
