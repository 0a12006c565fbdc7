using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Generator.Emit;

/// <summary>
/// The only ways user data reaches generated code: names through <see cref="Pascal"/>/<see cref="Camel"/>
/// (ASCII identifiers, checked), values through the literal writers (<see cref="SymbolDisplay.FormatLiteral(string, bool)"/>,
/// invariant round-trip numbers) and text through <see cref="Doc"/> (XML-escaped, one line).
/// </summary>
internal static class CSharp
{
    /// <summary>The longest name generated from a .sym name; longer ones are reported (SYM0401).</summary>
    public const int MaxNameLength = 256;

    /// <summary>True for an ASCII identifier <c>[A-Za-z_][A-Za-z0-9_]*</c>, what .sym names are.</summary>
    public static bool IsAsciiIdentifier(string name)
    {
        if (name.Length == 0 || !IsStart(name[0])) return false;
        foreach (var c in name)
            if (!IsStart(c) && c is not (>= '0' and <= '9')) return false;
        return true;
    }

    private static bool IsStart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_';

    /// <summary>True for a reserved C# keyword (<c>class</c>, <c>base</c>); contextual keywords are usable names.</summary>
    public static bool IsReservedKeyword(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None;

    /// <summary>
    /// The PascalCase C# name of a .sym name: '_' separates words, each word's first letter is upper-cased
    /// (<c>gain_b</c> → <c>GainB</c>, <c>JungleRuins</c> → <c>JungleRuins</c>). Null when there is none:
    /// not an ASCII identifier, no letter before the first digit (<c>_1</c>), or longer than <see cref="MaxNameLength"/>.
    /// The result contains no '_', so it can never equal a name the generator makes up with one.
    /// </summary>
    public static string? Pascal(string name)
    {
        if (!IsAsciiIdentifier(name)) return null;
        var builder = new StringBuilder(name.Length);
        foreach (var word in name.Split('_'))
        {
            if (word.Length == 0) continue;
            builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        }
        var result = builder.ToString();
        if (result.Length == 0 || result.Length > MaxNameLength || char.IsDigit(result[0])) return null;
        return result;
    }

    /// <summary>
    /// The camelCase C# name of a .sym name, for method parameters: <see cref="Pascal"/> with a lower-case first
    /// letter; a reserved keyword gets the suffix <c>Value</c> (<c>base</c> → <c>baseValue</c>).
    /// </summary>
    public static string? Camel(string name)
    {
        var pascal = Pascal(name);
        if (pascal is null) return null;
        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return IsReservedKeyword(camel) ? camel + "Value" : camel;
    }

    /// <summary>Why <paramref name="name"/> has no C# name (for SYM0401).</summary>
    public static string WhyUnusable(string name) =>
        !IsAsciiIdentifier(name) ? "it is not made of ASCII letters, digits and '_'"
        : name.Length > MaxNameLength ? $"it has {name.Length.ToString(CultureInfo.InvariantCulture)} characters; generated names are limited to {MaxNameLength.ToString(CultureInfo.InvariantCulture)}"
        : "it has no letter before its first digit";

    /// <summary>A C# string literal.</summary>
    public static string String(string? value) => value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A C# double literal that reads back as the same value.</summary>
    public static string Double(double value)
    {
        if (double.IsNaN(value)) return "double.NaN";
        if (double.IsPositiveInfinity(value)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return "double.NegativeInfinity";
        return value.ToString("R", CultureInfo.InvariantCulture) + "D";
    }

    /// <summary>A nullable double literal.</summary>
    public static string Double(double? value) => value is { } v ? Double(v) : "null";

    /// <summary>A C# int literal.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A C# long literal.</summary>
    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

    /// <summary>A C# bool literal.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>
    /// The C# type of values of a port type in generated code: the runtime's media type for a media type or a catalog
    /// type that is one; <c>object</c> for an opaque catalog type (its values only pass between the catalog's functions).
    /// </summary>
    public static string MediaType(PortType type) => type.AsMedia is { } media ? "global::SymbolicGen.Runtime." + media.Name : "object";

    /// <summary>
    /// The C# type a parameter of <paramref name="domain"/> has in generated code (canonical units): a seed whose range
    /// reaches past <c>long</c> (ComfyUI's 0 to 2^64 − 1) is a <c>ulong</c>.
    /// </summary>
    public static string ParameterType(ParameterDomain domain) => domain.Kind switch
    {
        ParamType.Int => "int",
        ParamType.Seed => domain.IsUnsigned ? "ulong" : "long",
        ParamType.Bool => "bool",
        ParamType.String or ParamType.Enum => "string",
        ParamType.Size => "global::SymbolicGen.Runtime.Size",
        ParamType.Color => "global::SymbolicGen.Runtime.Color",
        _ => "double",
    };

    /// <summary>
    /// A canonical value (see <see cref="Language.Semantics.FileScope.Canonical"/>) as a C# expression of
    /// <see cref="ParameterType"/>; null when the value does not fit the type.
    /// </summary>
    public static string? Canonical(Value value, ParameterDomain domain) => (value, domain.Kind) switch
    {
        (NumberValue { Exact.Integer: { } i }, ParamType.Int) when i >= int.MinValue && i <= int.MaxValue => Int((int)i),
        (NumberValue { Exact.Integer: { } i }, ParamType.Seed) when domain.IsUnsigned && i >= ulong.MinValue && i <= ulong.MaxValue => ((ulong)i).ToString(CultureInfo.InvariantCulture) + "UL",
        (NumberValue { Exact.Integer: { } i }, ParamType.Seed) when !domain.IsUnsigned && i >= long.MinValue && i <= long.MaxValue => Long((long)i),
        (NumberValue n, _) when ParameterType(domain) == "double" => Double(n.Number),
        (StringValue s, ParamType.String) => String(s.Text),
        (SymbolValue s, ParamType.Enum) => String(s.Name),
        (BoolValue b, ParamType.Bool) => Bool(b.Bool),
        (SizeValue s, ParamType.Size) => $"new global::SymbolicGen.Runtime.Size({Int(s.Width)}, {Int(s.Height)})",
        (ColorValue c, ParamType.Color) => Color(c.Hex),
        _ => null,
    };

    // A colour as the Color constructor's bytes, read by the language's one colour grammar, so that nothing is parsed at run time.
    private static string? Color(string hex) =>
        ValueGrammar.TryParseColor(hex, out var r, out var g, out var b, out var a)
            ? $"new global::SymbolicGen.Runtime.Color({Int(r)}, {Int(g)}, {Int(b)}, {Int(a)})"
            : null;

    /// <summary>
    /// Text for an XML doc comment: XML-escaped, on one line (line breaks of every kind become spaces, other
    /// control characters are dropped), so that it can neither end the comment nor inject markup.
    /// </summary>
    public static string Doc(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text!.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' or '\t': builder.Append(' '); break;
                default:
                    if (!char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format) builder.Append(c);
                    break;
            }
        }
        return builder.ToString().Trim();
    }

    /// <summary>A name in a doc comment: <c>&lt;c&gt;name&lt;/c&gt;</c>.</summary>
    public static string Code(string name) => "<c>" + Doc(name) + "</c>";

    /// <summary>Joins <paramref name="items"/> as C# arguments.</summary>
    public static string Arguments(IEnumerable<string> items) => string.Join(", ", items);

    /// <summary>What the unit of a canonical number is, for docs: <c>in seconds</c>.</summary>
    public static string? UnitWords(ParamType type) => type switch
    {
        ParamType.Duration => "in seconds",
        ParamType.FrameRate => "in frames per second",
        ParamType.Frequency => "in hertz",
        ParamType.Gain => "in decibels",
        ParamType.Length => "in pixels",
        ParamType.Ratio => "as a fraction (1 = 100%)",
        _ => null,
    };

    /// <summary>A <see cref="ParamType"/> as a C# expression.</summary>
    public static string ParamTypeExpression(ParamType type) => "global::SymbolicGen.Language.Catalog.ParamType." + type;

    /// <summary>A <see cref="PortType"/> as a C# expression: a built-in one by name, a catalog one defined again.</summary>
    public static string PortTypeExpression(PortType type) => type.IsMedia
        ? "global::SymbolicGen.Language.Catalog.PortType." + type.Name
        : $"global::SymbolicGen.Language.Catalog.PortType.Define({String(type.Name)}, {(type.Media is { } media ? PortTypeExpression(media) : "null")}, {String(type.Summary)})";

    /// <summary>An exact number as a C# expression of <c>Numeric</c>: through a double when that is exact, else parsed from its digits.</summary>
    public static string Numeric(Numeric value) => value switch
    {
        { Integer: { } i } when i >= long.MinValue && i <= long.MaxValue => $"global::SymbolicGen.Language.Ir.Numeric.Of({Long((long)i)})",
        { IsInteger: true } => $"global::SymbolicGen.Language.Ir.Numeric.Parse({String(value.ToString())})",
        _ => $"global::SymbolicGen.Language.Ir.Numeric.Of({Double(value.Double)})",
    };
}
