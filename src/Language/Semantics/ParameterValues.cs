using System;
using System.Globalization;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Semantics;

/// <summary>How a node's frames convert to seconds: whether its function has an <c>fps</c> parameter, and its rate when known.</summary>
/// <param name="HasParameter">The function has an <c>fps</c> parameter.</param>
/// <param name="Rate">The node's frame rate, when known before the run.</param>
public sealed record FrameRate(bool HasParameter, double? Rate)
{
    /// <summary>No <c>fps</c> parameter: frames cannot convert.</summary>
    public static readonly FrameRate None = new(false, null);

    /// <summary>Frames in a flow parameter's default convert where a node uses the parameter.</summary>
    public static readonly FrameRate Deferred = new(true, null);

    /// <summary>A known rate (the run's).</summary>
    public static FrameRate Of(double? rate) => new(true, rate);
}

/// <summary>What reading a written value for a parameter gave.</summary>
/// <param name="Canonical">
/// The canonical value: numbers in the canonical unit (<see cref="NumberValue"/>, exact for integers), enum words
/// as <see cref="SymbolValue"/>, colours in canonical spelling; null when the value is wrong or not known yet
/// (frames whose rate comes at run time).
/// </param>
/// <param name="Written">How it was written when that differs from the canonical form (<c>2min</c>, <c>120f at 24 fps</c>).</param>
/// <param name="Problem">Why the value is wrong (an error), or null.</param>
/// <param name="Warning">A warning about an accepted value (a number without its unit), or null.</param>
public sealed record ValueReading(Value? Canonical, string? Written, Diagnostic? Problem, Diagnostic? Warning = null);

/// <summary>
/// The one reader of parameter values: what a written value means for a parameter (types, units, frames, enum
/// words) and whether its domain accepts it, with the one wording of every such mistake. The checker reports its
/// problems as diagnostics; the runtime throws them with the same message; the generator and drafting ask it for
/// canonical values.
/// </summary>
public static class ParameterValues
{
    /// <summary>
    /// Reads <paramref name="value"/> (a literal, not a reference) for <paramref name="parameter"/> of
    /// <paramref name="owner"/> (the function, or the flow for a flow parameter's default), converting frames through
    /// <paramref name="frames"/>. The range is not checked: see <see cref="CheckRange"/>.
    /// </summary>
    public static ValueReading Read(Value value, ParameterInfo parameter, string owner, FrameRate frames)
    {
        var domain = parameter.Domain;
        switch (value)
        {
            case SymbolValue symbol when domain.Kind == ParamType.Enum:
                return domain.Allowed.Count == 0 || domain.Allowed.Contains(symbol.Name)
                    ? new ValueReading(new SymbolValue(symbol.Name), null, null)
                    : Fail(UnknownEnumValue(symbol, parameter, owner));
            case StringValue text when domain.Kind == ParamType.Enum && domain.Allowed.Contains(text.Text):
                return Fail(DiagnosticDescriptors.TypeMismatch.Create(text.Span, $"'{parameter.Name}' takes a word, not a string: write {text.Text} without quotes",
                    new CodeFix($"write {text.Text}", EquatableArray.Of(new TextEdit(text.Span, text.Text)), IsSafe: true)));
        }

        switch (domain.Kind)
        {
            // A literal already in canonical form is its own canonical value (values compare by meaning, not position).
            case ParamType.Bool when value is BoolValue:
            case ParamType.String when value is StringValue { Block: false }:
            case ParamType.Size when value is SizeValue:
                return new ValueReading(value, null, null);
            case ParamType.String when value is StringValue text:
                return new ValueReading(new StringValue(text.Text), null, null);
            case ParamType.Color when value is ColorValue color:
                return ValueGrammar.TryParseColor(color.Hex, out var r, out var g, out var b, out var a)
                    ? new ValueReading(new ColorValue(ValueGrammar.FormatColor(r, g, b, a)), null, null)
                    : Fail(Mismatch(value, parameter));
            case ParamType.Int or ParamType.Seed when value is NumberValue number:
                return number.Exact.IsInteger
                    ? new ValueReading(number, null, null)
                    : Fail(DiagnosticDescriptors.TypeMismatch.Create(value.Span, $"'{parameter.Name}' takes a whole number; {number} is not one"));
            case ParamType.Float or ParamType.Ratio when value is NumberValue number:
                // Real-valued parameters are doubles wherever they are used: the canonical value is the double.
                return new ValueReading(AsDouble(number), null, null);
            case var type when Units.IsUnitBearing(type) && value is NumberValue number:
                var symbol = Units.CanonicalSymbol(type);
                var warning = DiagnosticDescriptors.MissingUnit.Create(value.Span,
                    $"'{parameter.Name}' has no unit; {number} is taken as {Units.FormatCanonical(number.Number, type)}",
                    new CodeFix($"write {number}{symbol}", EquatableArray.Of(new TextEdit(new SourceSpan(value.Span.End, 0), symbol)), IsSafe: true));
                return new ValueReading(AsDouble(number), null, null, warning);
            case var type when Units.IsUnitBearing(type) && value is QuantityValue quantity:
                return ReadQuantity(quantity, parameter, owner, frames, via: null);
        }
        return Fail(Mismatch(value, parameter));
    }

    /// <summary>
    /// Reads a quantity for <paramref name="parameter"/>. <paramref name="via"/> is the flow parameter whose default
    /// it is, when it arrived through one (the message then names it). A frames value without a known rate has no
    /// canonical value, and is a problem only when the function has no <c>fps</c> to convert it.
    /// </summary>
    public static ValueReading ReadQuantity(QuantityValue quantity, ParameterInfo parameter, string owner, FrameRate frames, ParameterRefValue? via)
    {
        var type = parameter.Type;
        var unit = Units.FromSymbol(quantity.Unit);
        if (unit is null || unit.Kind != type)
        {
            var actual = unit is null ? $"'{quantity.Unit}' is not a unit" : $"{quantity} is {Wording.A(unit.Kind.ToString())}";
            return Fail(DiagnosticDescriptors.WrongUnit.Create(quantity.Span, $"'{parameter.Name}' is {Wording.A(type.ToString())} ({UnitsOf(type)}); {actual}"));
        }
        if (unit.IsFrames)
        {
            if (frames.Rate is { } rate)
                return new ValueReading(new NumberValue(quantity.Number / rate), $"{quantity} at {Units.FormatNumber(rate)} fps", null);
            if (frames.HasParameter) return new ValueReading(null, null, null);
            return Fail(DiagnosticDescriptors.FramesWithoutRate.Create(via?.Span ?? quantity.Span,
                $"'{parameter.Name}' is {(via is null ? "" : $"'{via.Name}', ")}{quantity}{(via is null ? "" : " by default")}, but {owner} has no 'fps' to convert frames to seconds"));
        }
        var canonical = Units.ToCanonical(quantity.Number, unit)!.Value;
        var written = unit.Symbol == Units.CanonicalSymbol(type) ? null : quantity.ToString();
        return new ValueReading(new NumberValue(canonical), written, null);
    }

    /// <summary>
    /// The out-of-range error (SYM0203) for the canonical <paramref name="canonical"/>, or null when the domain
    /// accepts it: <c>'duration' is 2min = 120 s; ImageToVideo accepts 0.5 s to 60 s</c>. The checker reports it,
    /// the runtime throws it, a generated setter throws it; <paramref name="written"/> is how the value was written
    /// when that differs, <paramref name="via"/> the flow parameter it came through.
    /// </summary>
    public static Diagnostic? CheckRange(Value canonical, ParameterInfo parameter, string owner, string? written = null, ParameterRefValue? via = null, SourceSpan valueSpan = default)
    {
        var domain = parameter.Domain;
        if (domain.Rejects(canonical) is not { } accepted) return null;
        var shown = canonical switch
        {
            NumberValue number => Format(number.Exact, domain),
            SymbolValue word => $"'{word.Name}'",
            SizeValue size => ValueGrammar.FormatSize(size.Width, size.Height),
            _ => canonical.ToString(),
        };
        if (written is not null) shown = $"{written} = {shown}";
        if (via is not null) shown = $"'{via.Name}', {shown} by default";
        var fixes = Clamp(canonical, parameter, via, valueSpan) is { } clamp ? new[] { clamp } : Array.Empty<CodeFix>();
        var at = via?.Span ?? valueSpan;
        return DiagnosticDescriptors.OutOfRange.Create(at, $"'{parameter.Name}' is {shown}; {owner} accepts {accepted}", fixes);
    }

    /// <summary>
    /// The message for a catalog default (<paramref name="canonical"/>) outside its own parameter's domain (SYM0502), the
    /// one wording both catalog readers use: <c>'steps' defaults to 0; its range is 1 to 10000</c>.
    /// </summary>
    public static string DefaultOutOfRange(Value canonical, string name, ParameterDomain domain)
    {
        var accepted = domain.Accepted;
        // The declared range, as the catalog author wrote it (storage bounds only when nothing is declared).
        var range = domain.Kind != ParamType.Enum && Units.FormatRange(domain.Min, domain.Max, domain.Kind) is { } declared
            ? declared + (domain.Step is { } step ? " in steps of " + Units.FormatNumber(step) : "")
            : accepted;
        var shown = canonical switch
        {
            NumberValue number => Units.FormatCanonical(number.Exact, domain.Kind),
            SymbolValue word => word.Name,
            SizeValue size => ValueGrammar.FormatSize(size.Width, size.Height),
            _ => canonical.ToString(),
        };
        return $"'{name}' defaults to {shown}; its range is {range}";
    }

    /// <summary>The message for a required parameter that a node does not give (SYM0302), read the same in the checker and the runtime.</summary>
    public static string NotGiven(ParameterInfo parameter, string node, string function) =>
        $"parameter '{parameter.Name}' of '{node}' ({function}) has no default and is not given";

    /// <summary>What <paramref name="parameter"/> takes, in words: <c>one of alpha or laplacian</c>, <c>a Duration (s, ms, min, f)</c>.</summary>
    public static string Expectation(ParameterInfo parameter) => parameter.Type switch
    {
        ParamType.Enum => "one of " + Wording.Join(parameter.EnumValues, "or"),
        ParamType.Bool => "true or false",
        ParamType.String => "a string",
        var type when Units.IsUnitBearing(type) => $"{Wording.A(type.ToString())} ({UnitsOf(type)})",
        var type => Wording.A(type.ToString()),
    };

    /// <summary>A written value in words, for messages: <c>the number 3</c>, <c>a string</c>, <c>the colour #1e90ff</c>.</summary>
    public static string Describe(Value value) => value switch
    {
        NumberValue number => $"the number {number}",
        QuantityValue quantity => quantity.ToString(),
        StringValue => "a string",
        BoolValue boolean => boolean.Bool ? "true" : "false",
        SizeValue size => $"the size {size.Width}x{size.Height}",
        ColorValue color => $"the colour {color.Hex}",
        ListValue => "a list",
        SymbolValue symbol => $"'{symbol.Name}'",
        ParameterRefValue reference => $"parameter '{reference.Name}'",
        ReferenceValue reference => reference.Port is null ? $"'{reference.Name}'" : $"'{reference.Name}.{reference.Port}'",
        _ => "this value",
    };

    /// <summary>The type-mismatch error (SYM0202) for a value of the wrong kind.</summary>
    public static Diagnostic Mismatch(Value value, ParameterInfo parameter) =>
        DiagnosticDescriptors.TypeMismatch.Create(value.Span, $"'{parameter.Name}' takes {Expectation(parameter)}, not {Describe(value)}");

    /// <summary>The unit symbols of a unit-bearing type, for messages: <c>s, ms, min, f</c>.</summary>
    public static string UnitsOf(ParamType type)
    {
        var symbols = Units.SymbolNames.Where(s => Units.FromSymbol(s)!.Kind == type).ToList();
        return type == ParamType.Ratio ? "a fraction or " + string.Join(", ", symbols) : string.Join(", ", symbols);
    }

    private static Diagnostic UnknownEnumValue(SymbolValue symbol, ParameterInfo parameter, string owner)
    {
        var (suffix, fixes) = Suggestions.DidYouMean(symbol.Name, symbol.Span, parameter.EnumValues);
        if (suffix.Length == 0) suffix = $"; {owner} accepts {Wording.Join(parameter.EnumValues, "or")}";
        return DiagnosticDescriptors.UnknownEnumValue.Create(symbol.Span, $"unknown value '{symbol.Name}' for '{parameter.Name}'{suffix}", fixes);
    }

    // Clamping into range is offered, never applied by machine: it changes what the author wrote.
    private static CodeFix? Clamp(Value canonical, ParameterInfo parameter, ParameterRefValue? via, SourceSpan valueSpan)
    {
        var domain = parameter.Domain;
        if (canonical is not NumberValue number) return null;
        var (min, max) = domain.EffectiveRange;
        Numeric? bound = min is { } lower && number.Exact < lower ? lower : max is { } upper && number.Exact > upper ? upper : null;
        if (bound is not { } target) return null;
        var clamped = (target.IsInteger ? target.Integer!.Value.ToString(CultureInfo.InvariantCulture) : Units.FormatNumber(target.Double)) + Units.CanonicalSymbol(domain.Kind);
        var what = via is null ? $"'{parameter.Name}'" : $"the default of '{via.Name}'";
        return new CodeFix($"clamp {what} to {clamped}", EquatableArray.Of(new TextEdit(valueSpan, clamped)), IsSafe: false);
    }

    // A converted value, rounded for reading unless rounding would make it look in range.
    private static string Format(Numeric value, ParameterDomain domain)
    {
        if (value.IsInteger || value.IsNaN) return Units.FormatCanonical(value, domain.Kind);
        var number = value.Double;
        var readable = Math.Abs(number) >= 1 ? Math.Round(number, 2) : double.Parse(number.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var (min, max) = domain.EffectiveRange;
        var misleading = (min is { } lower && Numeric.Of(readable) >= lower && value < lower) || (max is { } upper && Numeric.Of(readable) <= upper && value > upper);
        return Units.FormatCanonical(misleading ? number : readable, domain.Kind);
    }

    private static ValueReading Fail(Diagnostic problem) => new(null, null, problem);

    // The number as the double a real-valued parameter receives; itself when it already is that double.
    private static NumberValue AsDouble(NumberValue number) =>
        Numeric.Of(number.Number) == number.Exact ? number : new NumberValue(number.Number);
}
