using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Semantics;

/// <summary>
/// Checks parameter values of a bound flow: types (SYM0202), unit kinds (SYM0204), enum values
/// (SYM0205), missing units (SYM0206), frames without a rate (SYM0207) and ranges after conversion to
/// the canonical unit (SYM0203). Flow parameters passed to node parameters are checked for type
/// compatibility, and their defaults against the node parameter's range.
/// </summary>
internal sealed class ValueChecker
{
    private readonly Flow _flow;
    private readonly Dictionary<string, FlowParameter> _parameters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mediaNames = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _diagnostics;

    private ValueChecker(Flow flow, List<Diagnostic> diagnostics)
    {
        _flow = flow;
        _diagnostics = diagnostics;
        foreach (var parameter in flow.Parameters)
            if (!_parameters.ContainsKey(parameter.Name)) _parameters.Add(parameter.Name, parameter);
        foreach (var input in flow.Inputs) _mediaNames.Add(input.Name);
        foreach (var node in flow.Nodes)
        {
            _mediaNames.Add(node.Name);
            foreach (var alias in node.OutputAliases) _mediaNames.Add(alias);
        }
    }

    /// <summary>Adds the value diagnostics of <paramref name="flow"/> to <paramref name="diagnostics"/>.</summary>
    public static void Check(Flow flow, FunctionCatalog catalog, List<Diagnostic> diagnostics)
    {
        var checker = new ValueChecker(flow, diagnostics);
        foreach (var parameter in flow.Parameters)
        {
            if (parameter.Default is null) continue;
            // A flow parameter has no range of its own and no frame rate: its default is checked for
            // its type here, and for range and frames where a node uses it.
            var declared = new ParameterInfo(parameter.Name, parameter.Type);
            checker.Measure(parameter.Default, declared, new Context(flow.Name, FrameRate.Deferred, IsDefault: true), report: true);
        }
        foreach (var node in flow.Nodes)
        {
            if (catalog.Find(node.Function) is not { } function) continue;
            var context = new Context(function.Name, checker.FrameRateOf(node, function), IsDefault: false);
            foreach (var argument in node.Arguments)
            {
                // Unknown names were reported by the binder.
                if (function.FindParameter(argument.Name) is not { } parameter) continue;
                if (checker.Measure(argument.Value, parameter, context, report: true) is { } measured)
                    checker.CheckRange(measured, parameter, context.Owner);
            }
        }
    }

    // The canonical value of a numeric argument, reporting what is wrong with it when 'report';
    // null when it is not numeric or cannot be measured.
    private Measured? Measure(Value value, ParameterInfo parameter, Context context, bool report)
    {
        switch (value)
        {
            case ParameterRefValue reference:
                return MeasureParameterRef(reference, parameter, context, report);
            case SymbolValue symbol when parameter.Type == ParamType.Enum:
                if (!parameter.EnumValues.Contains(symbol.Name) && report) ReportUnknownEnumValue(symbol, parameter, context.Owner);
                return null;
            case StringValue text when parameter.Type == ParamType.Enum && parameter.EnumValues.Contains(text.Text):
                if (report)
                    Report(DiagnosticDescriptors.TypeMismatch, text.Span, $"'{parameter.Name}' takes a word, not a string: write {text.Text} without quotes",
                        new CodeFix($"write {text.Text}", EquatableArray.Of(new TextEdit(text.Span, text.Text)), IsSafe: true));
                return null;
            case SymbolValue symbol when !context.IsDefault:
                if (report) ReportWord(symbol, parameter);
                return null;
        }

        switch (parameter.Type)
        {
            case ParamType.Bool when value is BoolValue:
            case ParamType.String when value is StringValue:
            case ParamType.Size when value is SizeValue:
            case ParamType.Color when value is ColorValue:
                return null;
            case ParamType.Int or ParamType.Seed when value is NumberValue number:
                if (number.Number == Math.Floor(number.Number) && !double.IsInfinity(number.Number)) return new Measured(number.Number, null, value.Span);
                if (report)
                    Report(DiagnosticDescriptors.TypeMismatch, value.Span, $"'{parameter.Name}' takes a whole number; {number} is not one");
                return null;
            case ParamType.Float or ParamType.Ratio when value is NumberValue number:
                return new Measured(number.Number, null, value.Span);
            case var type when Units.IsUnitBearing(type) && value is NumberValue number:
                if (report)
                {
                    var symbol = Units.CanonicalSymbol(type);
                    Report(DiagnosticDescriptors.MissingUnit, value.Span,
                        $"'{parameter.Name}' has no unit; {number} is taken as {Units.FormatCanonical(number.Number, type)}",
                        new CodeFix($"write {number}{symbol}", EquatableArray.Of(new TextEdit(new SourceSpan(value.Span.End, 0), symbol)), IsSafe: true));
                }
                return new Measured(number.Number, null, value.Span);
            case var type when Units.IsUnitBearing(type) && value is QuantityValue quantity:
                return MeasureQuantity(quantity, parameter, context, report);
        }

        if (report)
            Report(DiagnosticDescriptors.TypeMismatch, value.Span, $"'{parameter.Name}' takes {Expectation(parameter)}, not {Describe(value)}");
        return null;
    }

    // 'via' is the flow parameter whose default this is, when the quantity arrived through one.
    private Measured? MeasureQuantity(QuantityValue quantity, ParameterInfo parameter, Context context, bool report, ParameterRefValue? via = null)
    {
        var unit = Units.FromSymbol(quantity.Unit);
        if (unit is null || unit.Kind != parameter.Type)
        {
            if (report)
            {
                var actual = unit is null ? $"'{quantity.Unit}' is not a unit" : $"{quantity} is {Wording.A(unit.Kind.ToString())}";
                Report(DiagnosticDescriptors.WrongUnit, quantity.Span, $"'{parameter.Name}' is {Wording.A(parameter.Type.ToString())} ({UnitsOf(parameter.Type)}); {actual}");
            }
            return null;
        }
        if (unit.IsFrames)
        {
            if (context.Frames.Rate is { } rate)
                return new Measured(quantity.Number / rate, $"{quantity} at {Units.FormatNumber(rate)} fps", quantity.Span);
            if (!context.Frames.HasParameter && (report || via is not null))
                Report(DiagnosticDescriptors.FramesWithoutRate, via?.Span ?? quantity.Span,
                    $"'{parameter.Name}' is {(via is null ? "" : $"'{via.Name}', ")}{quantity}{(via is null ? "" : " by default")}, but {context.Owner} has no 'fps' to convert frames to seconds");
            return null;
        }
        var canonical = Units.ToCanonical(quantity.Number, unit)!.Value;
        var written = unit.Symbol == Units.CanonicalSymbol(parameter.Type) ? null : quantity.ToString();
        return new Measured(canonical, written, quantity.Span);
    }

    private Measured? MeasureParameterRef(ParameterRefValue reference, ParameterInfo parameter, Context context, bool report)
    {
        // A reference to a parameter the IR lacks was declared with an unknown type (already reported).
        if (!_parameters.TryGetValue(reference.Name, out var declared)) return null;
        if (!Compatible(declared.Type, parameter.Type))
        {
            if (report)
                Report(DiagnosticDescriptors.TypeMismatch, reference.Span,
                    $"'{parameter.Name}' takes {Expectation(parameter)}, but parameter '{reference.Name}' is {Wording.A(declared.Type.ToString())}");
            return null;
        }
        if (declared.Default is null) return null;
        // The default's own mistakes are reported on the declaration; here only its range, and frames
        // this node cannot convert, matter.
        var measured = report && declared.Default is QuantityValue quantity && Units.FromSymbol(quantity.Unit)?.Kind == parameter.Type
            ? MeasureQuantity(quantity, parameter, context, report: false, via: reference)
            : Measure(declared.Default, parameter, context, report: false);
        return measured is null ? null : measured with { Via = reference };
    }

    private void CheckRange(Measured measured, ParameterInfo parameter, string owner)
    {
        var value = measured.Canonical;
        var tooLow = parameter.Min is { } min && value < min;
        var tooHigh = parameter.Max is { } max && value > max;
        if (!tooLow && !tooHigh) return;

        var type = parameter.Type;
        var shown = measured.Written is null ? Format(value, type, parameter) : $"{measured.Written} = {Format(value, type, parameter)}";
        if (measured.Via is { } via) shown = $"'{via.Name}', {shown} by default";
        var bound = tooLow ? parameter.Min!.Value : parameter.Max!.Value;
        var clamped = Units.FormatNumber(bound) + Units.CanonicalSymbol(type);
        var clampTarget = measured.Via is null ? $"'{parameter.Name}'" : $"the default of '{measured.Via.Name}'";
        var clamp = new CodeFix($"clamp {clampTarget} to {clamped}", EquatableArray.Of(new TextEdit(measured.Span, clamped)), IsSafe: false);
        var span = measured.Via?.Span ?? measured.Span;
        Report(DiagnosticDescriptors.OutOfRange, span, $"'{parameter.Name}' is {shown}; {owner} accepts {Wording.Range(type, parameter.Min, parameter.Max)}", clamp);
    }

    // A converted value, rounded for reading unless rounding would make it look in range.
    private static string Format(double value, ParamType type, ParameterInfo parameter)
    {
        var readable = Math.Abs(value) >= 1 ? Math.Round(value, 2) : double.Parse(value.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var misleading = (parameter.Min is { } min && readable >= min && value < min) || (parameter.Max is { } max && readable <= max && value > max);
        return Units.FormatCanonical(misleading ? value : readable, type);
    }

    private void ReportUnknownEnumValue(SymbolValue symbol, ParameterInfo parameter, string owner)
    {
        var (suffix, fixes) = Suggestions.DidYouMean(symbol.Name, symbol.Span, parameter.EnumValues);
        if (suffix.Length == 0) suffix = $"; {owner} accepts {Wording.Join(parameter.EnumValues, "or")}";
        Report(DiagnosticDescriptors.UnknownEnumValue, symbol.Span, $"unknown value '{symbol.Name}' for '{parameter.Name}'{suffix}", fixes);
    }

    // A bare word for a parameter that is not an enum: a misspelt flow parameter when one is close,
    // else a value of the wrong type (a media name, or a word where a number or string belongs).
    private void ReportWord(SymbolValue symbol, ParameterInfo parameter)
    {
        var candidates = _flow.Parameters.Where(p => Compatible(p.Type, parameter.Type)).Select(p => p.Name);
        var (suffix, fixes) = Suggestions.DidYouMean(symbol.Name, symbol.Span, candidates);
        if (suffix.Length > 0 && !_mediaNames.Contains(symbol.Name))
        {
            Report(DiagnosticDescriptors.UndefinedName, symbol.Span, $"undefined name '{symbol.Name}'{suffix}", fixes);
            return;
        }
        var what = _mediaNames.Contains(symbol.Name) ? $"the media value '{symbol.Name}'" : $"'{symbol.Name}'";
        Report(DiagnosticDescriptors.TypeMismatch, symbol.Span, $"'{parameter.Name}' takes {Expectation(parameter)}, not {what}");
    }

    // The frame rate that converts this node's frames: its own 'fps' argument, else the function's
    // default. Unknown when 'fps' is given but not measurable (that is reported on 'fps' itself).
    private FrameRate FrameRateOf(Node node, FunctionInfo function)
    {
        var fps = function.Parameters.FirstOrDefault(p => p.Name == "fps" && p.Type == ParamType.FrameRate);
        if (fps is null) return FrameRate.None;
        var value = node.Arguments.LastOrDefault(a => a.Name == "fps")?.Value ?? fps.Default;
        var rate = value is null ? null : Measure(value, fps, new Context(function.Name, FrameRate.None, IsDefault: false), report: false)?.Canonical;
        return new FrameRate(true, rate is > 0 ? rate : null);
    }

    private static bool Compatible(ParamType from, ParamType to) =>
        from == to || (from == ParamType.Int && to is ParamType.Float or ParamType.Seed) || (from == ParamType.Seed && to == ParamType.Int);

    private static string Expectation(ParameterInfo parameter) => parameter.Type switch
    {
        ParamType.Enum => "one of " + Wording.Join(parameter.EnumValues, "or"),
        ParamType.Bool => "true or false",
        ParamType.String => "a string",
        var type when Units.IsUnitBearing(type) => $"{Wording.A(type.ToString())} ({UnitsOf(type)})",
        var type => Wording.A(type.ToString()),
    };

    private static string Describe(Value value) => value switch
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

    private static string UnitsOf(ParamType type)
    {
        var symbols = Units.SymbolNames.Where(s => Units.FromSymbol(s)!.Kind == type).ToList();
        return type == ParamType.Ratio ? "a fraction or " + string.Join(", ", symbols) : string.Join(", ", symbols);
    }

    private void Report(DiagnosticDescriptor descriptor, SourceSpan span, string message, params CodeFix[] fixes) =>
        _diagnostics.Add(descriptor.Create(span, message, fixes));

    /// <summary>What a node's frames convert through: whether the function has an 'fps' parameter, and its value.</summary>
    private sealed record FrameRate(bool HasParameter, double? Rate)
    {
        public static readonly FrameRate None = new(false, null);

        // Frames in a flow parameter's default convert where a node uses the parameter.
        public static readonly FrameRate Deferred = new(true, null);
    }

    /// <param name="Owner">The function (or, for defaults, the flow) the value is checked for.</param>
    /// <param name="Frames">How frames convert.</param>
    /// <param name="IsDefault">True for a flow parameter's default, where a bare word is simply the wrong type.</param>
    private sealed record Context(string Owner, FrameRate Frames, bool IsDefault);

    /// <param name="Canonical">The value in the parameter's canonical unit.</param>
    /// <param name="Written">How it was written when that differs from the canonical form (<c>2x</c>, <c>120f at 24 fps</c>).</param>
    /// <param name="Span">The value's span, which a clamp fix replaces.</param>
    private sealed record Measured(double Canonical, string? Written, SourceSpan Span)
    {
        /// <summary>The flow parameter through which a default arrived, if any.</summary>
        public ParameterRefValue? Via { get; init; }
    }
}
