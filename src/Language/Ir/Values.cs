using System.Globalization;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Ir;

/// <summary>A literal or a name written as an argument or a default value.</summary>
public abstract record Value
{
    /// <summary>Where the value was written.</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>
/// A plain number such as <c>0.45</c> or <c>-3</c>. Whole numbers are exact at any size (<see cref="Exact"/>):
/// <c>seed: 18446744073709551615</c> reads, checks, prints and runs as written.
/// </summary>
public sealed record NumberValue : Value
{
    /// <summary>A number from a double (a finite whole one is exact).</summary>
    public NumberValue(double number) => Exact = Numeric.Of(number);

    /// <summary>A number held exactly.</summary>
    public NumberValue(Numeric exact) => Exact = exact;

    /// <summary>The number, exact for whole numbers.</summary>
    public Numeric Exact { get; }

    /// <summary>The nearest double.</summary>
    public double Number => Exact.Double;

    /// <inheritdoc/>
    public override string ToString() => Exact.ToString();
}

/// <summary>A number with a unit such as <c>6s</c> or <c>-6dB</c>. <see cref="Unit"/> is the unit's canonical spelling (see <see cref="Semantics.Units"/>).</summary>
public sealed record QuantityValue(double Number, string Unit) : Value
{
    /// <inheritdoc/>
    public override string ToString() => Number.ToString("R", CultureInfo.InvariantCulture) + Unit;
}

/// <summary>A string. <see cref="Block"/> strings were written as <c>"""…"""</c> and print back that way.</summary>
public sealed record StringValue(string Text, bool Block = false) : Value;

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BoolValue(bool Bool) : Value;

/// <summary>A size such as <c>1024x576</c>.</summary>
public sealed record SizeValue(int Width, int Height) : Value;

/// <summary>A colour such as <c>#1e90ff</c>; <see cref="Hex"/> is lower case with the leading '#'.</summary>
public sealed record ColorValue(string Hex) : Value;

/// <summary>A list <c>[a, b]</c>.</summary>
public sealed record ListValue(EquatableArray<Value> Items) : Value;

/// <summary>
/// A name as the parser sees it: <c>word</c> or <c>word.port</c>. The binder turns it into a link
/// (node or flow input), a <see cref="ParameterRefValue"/> or a <see cref="SymbolValue"/>.
/// </summary>
public sealed record ReferenceValue(string Name, string? Port) : Value
{
    /// <summary>Where the name (before any '.port') was written.</summary>
    public SourceSpan NameSpan { get; init; }
}

/// <summary>A bare word bound to a parameter: an enum value such as <c>laplacian</c>.</summary>
public sealed record SymbolValue(string Name) : Value;

/// <summary>A reference to a parameter of the enclosing flow, such as <c>duration: seconds</c>.</summary>
public sealed record ParameterRefValue(string Name) : Value;
