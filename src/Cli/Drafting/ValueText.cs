using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Printing;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Cli.Drafting;

/// <summary>
/// Reads the values a model (or the offline planner) writes as strings — <c>"6s"</c>, <c>"6 seconds"</c>,
/// <c>"-6 dB"</c>, <c>"zoom in"</c>, <c>"1024x576"</c> — into IR values, and writes IR values back as
/// <c>.sym</c> text. Reading is lenient where the meaning is evident (a unit word, an enum value in
/// another case) and otherwise keeps what was written, so the checker reports it precisely.
/// </summary>
internal static partial class ValueText
{
    [GeneratedRegex(@"^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*(.*)$")]
    private static partial Regex NumberAndRest();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z%]+$")]
    private static partial Regex UnitLike();

    /// <summary>
    /// The value written as <paramref name="text"/> for a parameter of <paramref name="parameter"/>'s
    /// type (null when the parameter is unknown: the text is read by its shape alone).
    /// </summary>
    public static Value Parse(string text, ParameterInfo? parameter)
    {
        text = text.Trim();
        var type = parameter?.Type;
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            var inner = Unescape(text[1..^1]);
            // An enum value or a number written as a string is unquoted: the intent is evident.
            if (type is ParamType.Enum || type is { } t && t != ParamType.String && NumberAndRest().IsMatch(inner)) return Parse(inner, parameter);
            return new StringValue(inner);
        }
        if (type == ParamType.String) return new StringValue(text);
        if (text is "true" or "false") return new BoolValue(text == "true");
        // Colours, sizes and numbers in the language's own grammar, so that what is drafted reads as the checker reads it.
        if (ValueGrammar.IsColor(text)) return new ColorValue(text.ToLowerInvariant());
        if (type is null or ParamType.Size && ValueGrammar.TryParseSize(text, out var w, out var h)) return new SizeValue(w, h);
        if (text.StartsWith('[') && text.EndsWith(']'))
            return new ListValue(SplitList(text[1..^1]).Select(item => Parse(item, null)).ToEquatableArray());
        if (NumberAndRest().Match(text) is { Success: true } m && Numeric.TryParse(m.Groups[1].Value, out var exact))
        {
            var number = exact.Double;
            var rest = m.Groups[2].Value.Trim();
            if (rest.Length == 0) return new NumberValue(exact);
            if (Units.FromSymbol(rest) is { } symbol) return new QuantityValue(number, symbol.Symbol);
            if ((Units.FromWord(rest) ?? (rest.Length > 3 ? Units.FromWord(rest.TrimEnd('s')) : null)) is { } word) return new QuantityValue(number, word.Symbol);
            // An unknown unit stays as written: the checker names it and suggests the close one.
            if (UnitLike().IsMatch(rest)) return new QuantityValue(number, rest);
            return new StringValue(text);
        }
        if (type == ParamType.Enum && parameter is not null)
        {
            var snake = ToSnake(text);
            return new SymbolValue(parameter.EnumValues.FirstOrDefault(v => v == snake) ?? (Identifier().IsMatch(snake) ? snake : text));
        }
        if (Identifier().IsMatch(text)) return new SymbolValue(text);
        return new StringValue(text);
    }

    /// <summary>A value as dataflow writes it (<c>6s</c>, <c>-6dB</c>, <c>"a caption"</c>): the language's own printer.</summary>
    public static string Format(Value value) => SymPrinter.Value(value);

    /// <summary>A catalog default as a <c>.sym</c> author would write it: with the canonical unit (<c>4s</c>, <c>0dB</c>).</summary>
    public static string FormatDefault(Value value, ParamType type) =>
        value is NumberValue n && Units.IsUnitBearing(type) && Units.CanonicalSymbol(type) is { Length: > 0 } unit
            ? Number(n.Number) + unit
            : Format(value);

    /// <summary>Shortest round-trip number, as the language writes it.</summary>
    public static string Number(double number) => SymPrinter.Number(number);

    /// <summary><c>ZoomIn</c>, <c>zoom in</c>, <c>zoom-in</c> → <c>zoom_in</c>.</summary>
    public static string ToSnake(string text)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '-' or '_')
            {
                if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
                continue;
            }
            if (char.IsUpper(c) && sb.Length > 0 && sb[^1] != '_' && (char.IsLower(text[i - 1]) || i + 1 < text.Length && char.IsLower(text[i + 1])))
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString().Trim('_');
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('\\')) return text;
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length) { sb.Append(text[i]); continue; }
            var c = text[++i];
            switch (c)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'u' when i + 4 < text.Length && int.TryParse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static IEnumerable<string> SplitList(string text)
    {
        var depth = 0;
        var inString = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString) { if (c == '\\') i++; else if (c == '"') inString = false; continue; }
            if (c == '"') inString = true;
            else if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        if (text[start..].Trim().Length > 0) yield return text[start..];
    }
}
