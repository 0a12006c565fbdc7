using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Language.Printing;

/// <summary>The lexical pieces every printer writes the same way: numbers, strings, values, comments.</summary>
internal static class SymText
{
    /// <summary>Shortest round-trip invariant form; an exponent is written <c>e±digits</c> as in DESIGN §3.1.</summary>
    public static string Number(double number) => Numeric.Of(number).ToString();

    /// <summary>A value as dataflow and declarative write it: quantities glued (<c>6s</c>, <c>-6dB</c>).</summary>
    public static string Code(Value value) => Format(value, natural: false);

    /// <summary>A value as pseudo-natural writes it: quantities with a word after a space (<c>6 seconds</c>, <c>-6 dB</c>).</summary>
    public static string Natural(Value value) => Format(value, natural: true);

    private static string Format(Value value, bool natural) => value switch
    {
        NumberValue n => n.Exact.ToString(),
        QuantityValue q => natural ? NaturalQuantity(q) : Number(q.Number) + q.Unit,
        StringValue s => String(s),
        BoolValue b => b.Bool ? "true" : "false",
        SizeValue size => size.Width.ToString(CultureInfo.InvariantCulture) + "x" + size.Height.ToString(CultureInfo.InvariantCulture),
        ColorValue c => c.Hex,
        ListValue list => "[" + string.Join(", ", list.Items.Select(item => Format(item, natural))) + "]",
        ReferenceValue r => r.Port is null ? r.Name : r.Name + "." + r.Port,
        SymbolValue s => s.Name,
        ParameterRefValue p => p.Name,
        _ => value.ToString(),
    };

    // Words read back by Units.FromWord; linear gain stays glued ("2x") because "2 x" reads as a typo.
    private static string NaturalQuantity(QuantityValue q)
    {
        var number = Number(q.Number);
        var one = q.Number is 1 or -1;
        var word = q.Unit switch
        {
            "s" => one ? "second" : "seconds",
            "min" => one ? "minute" : "minutes",
            "f" => one ? "frame" : "frames",
            "%" => "percent",
            "x" => null,
            _ => Units.FromWord(q.Unit) is null ? null : q.Unit,
        };
        return word is null ? number + q.Unit : number + " " + word;
    }

    /// <summary>
    /// A string literal. Block strings print raw between <c>"""</c> unless their text cannot be
    /// delimited that way (it holds <c>"""</c>, or control characters other than newline and tab), in
    /// which case they print as an escaped ordinary string. A block may end with quotes: the lexer
    /// ends it at the last three quotes of the first run of three or more.
    /// </summary>
    public static string String(StringValue value)
    {
        var text = value.Text ?? "";
        if (value.Block && CanBeBlock(text)) return "\"\"\"" + text + "\"\"\"";
        var sb = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || IsLoneSurrogate(text, i))
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>True when <paramref name="text"/> can be written raw between <c>"""</c> and read back unchanged.</summary>
    public static bool CanBeBlock(string text)
    {
        if (text.Contains("\"\"\"")) return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c != '\n' && c != '\t' && char.IsControl(c)) || IsLoneSurrogate(text, i)) return false;
        }
        return true;
    }

    private static bool IsLoneSurrogate(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c)) return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        return false;
    }

    /// <summary>A comment as written: <c># text</c>. Line breaks, which a comment cannot hold, become spaces.</summary>
    public static string Comment(string text)
    {
        var line = (text ?? "").Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');
        return line.Length == 0 ? "#" : "# " + line;
    }

    /// <summary>Appends one comment line per entry, each indented and ending with LF.</summary>
    public static void AppendComments(StringBuilder sb, string indent, IEnumerable<string> comments)
    {
        foreach (var comment in comments) sb.Append(indent).Append(Comment(comment)).Append('\n');
    }

    /// <summary>
    /// Appends a flow's notes at the top of its body, then a blank line, without which they would read
    /// back as the first step's comments.
    /// </summary>
    public static void AppendNotes(StringBuilder sb, string indent, IReadOnlyCollection<string> notes)
    {
        if (notes.Count == 0) return;
        AppendComments(sb, indent, notes);
        sb.Append('\n');
    }

    /// <summary>Appends <c> # text</c> after a statement when it has a trailing comment.</summary>
    public static StringBuilder AppendTrailing(this StringBuilder sb, string? comment) =>
        comment is null ? sb : sb.Append(' ').Append(Comment(comment));

    /// <summary>Spaces after <paramref name="text"/> up to <paramref name="width"/>, to align what follows.</summary>
    public static string Pad(string text, int width) => text.Length >= width ? text : text + new string(' ', width - text.Length);
}
