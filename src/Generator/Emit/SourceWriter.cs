using System;
using System.Text;

namespace SymbolicGen.Generator.Emit;

/// <summary>
/// Writes C# source line by line with indentation. Lines are ended with '\n' on every platform so that
/// the output is the same everywhere.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    /// <summary>
    /// Writes one line (an empty one when <paramref name="line"/> is empty) at the current indentation; a
    /// preprocessor directive (starting with '#') at the start of the line.
    /// </summary>
    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0) _builder.Append(' ', line[0] == '#' ? 0 : _indent * 4).Append(line);
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="line"/> and an opening brace, and indents.</summary>
    public SourceWriter Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Unindents and writes a closing brace followed by <paramref name="suffix"/>.</summary>
    public SourceWriter Close(string suffix = "")
    {
        if (_indent == 0) throw new InvalidOperationException("unbalanced braces in generated code");
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Indents the following lines (for continuation lines, without a brace).</summary>
    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    /// <summary>Undoes <see cref="Indent"/>.</summary>
    public SourceWriter Unindent()
    {
        if (_indent == 0) throw new InvalidOperationException("unbalanced indentation in generated code");
        _indent--;
        return this;
    }

    /// <summary>The text written; the braces must be balanced.</summary>
    public override string ToString()
    {
        if (_indent != 0) throw new InvalidOperationException("unbalanced braces in generated code");
        return _builder.ToString();
    }
}
