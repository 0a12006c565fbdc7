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
                if (checker.Measure(argument.Value, parameter, context, report: true) is { } measured &&
                    ParameterValues.CheckRange(measured.Canonical, parameter, context.Owner, measured.Written, measured.Via, measured.Span) is { } outOfRange)
                    diagnostics.Add(outOfRange);
            }
        }
    }

    // The canonical value of an argument, reporting what is wrong with it when 'report'; null when it
    // is wrong or cannot be known before the run. References and bare words are the checker's own
    // (the runtime never sees them); literals are read by ParameterValues, as the runtime reads them.
    private Measured? Measure(Value value, ParameterInfo parameter, Context context, bool report)
    {
        switch (value)
        {
            case ParameterRefValue reference:
                return MeasureParameterRef(reference, parameter, context, report);
            case SymbolValue symbol when parameter.Type != ParamType.Enum && !context.IsDefault:
                if (report) ReportWord(symbol, parameter);
                return null;
        }
        return Measured.From(ParameterValues.Read(value, parameter, context.Owner, context.Frames), value.Span, report ? _diagnostics : null);
    }

    private Measured? MeasureParameterRef(ParameterRefValue reference, ParameterInfo parameter, Context context, bool report)
    {
        // A reference to a parameter the IR lacks was declared with an unknown type (already reported).
        if (!_parameters.TryGetValue(reference.Name, out var declared)) return null;
        if (!Compatible(declared.Type, parameter.Type))
        {
            if (report)
                Report(DiagnosticDescriptors.TypeMismatch, reference.Span,
                    $"'{parameter.Name}' takes {ParameterValues.Expectation(parameter)}, but parameter '{reference.Name}' is {Wording.A(declared.Type.ToString())}");
            return null;
        }
        if (declared.Default is null) return null;
        // The default's own mistakes are reported on the declaration; here only its range, and frames
        // this node cannot convert, matter.
        var measured = report && declared.Default is QuantityValue quantity && Units.FromSymbol(quantity.Unit)?.Kind == parameter.Type
            ? Measured.From(ParameterValues.ReadQuantity(quantity, parameter, context.Owner, context.Frames, reference), quantity.Span, _diagnostics)
            : Measure(declared.Default, parameter, context, report: false);
        return measured is null ? null : measured with { Via = reference };
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
        Report(DiagnosticDescriptors.TypeMismatch, symbol.Span, $"'{parameter.Name}' takes {ParameterValues.Expectation(parameter)}, not {what}");
    }

    // The frame rate that converts this node's frames: its own 'fps' argument, else the function's
    // default. Unknown when 'fps' is given but not measurable (that is reported on 'fps' itself).
    private FrameRate FrameRateOf(Node node, FunctionInfo function)
    {
        var fps = function.Parameters.FirstOrDefault(p => p.Name == "fps" && p.Type == ParamType.FrameRate);
        if (fps is null) return FrameRate.None;
        var value = node.Arguments.LastOrDefault(a => a.Name == "fps")?.Value ?? fps.Default;
        var rate = value is null ? null : (Measure(value, fps, new Context(function.Name, FrameRate.None, IsDefault: false), report: false)?.Canonical as NumberValue)?.Number;
        return FrameRate.Of(rate is > 0 ? rate : null);
    }

    private static bool Compatible(ParamType from, ParamType to) =>
        from == to || (from == ParamType.Int && to is ParamType.Float or ParamType.Seed) || (from == ParamType.Seed && to == ParamType.Int);

    private void Report(DiagnosticDescriptor descriptor, SourceSpan span, string message, params CodeFix[] fixes) =>
        _diagnostics.Add(descriptor.Create(span, message, fixes));

    /// <param name="Owner">The function (or, for defaults, the flow) the value is checked for.</param>
    /// <param name="Frames">How frames convert.</param>
    /// <param name="IsDefault">True for a flow parameter's default, where a bare word is simply the wrong type.</param>
    private sealed record Context(string Owner, FrameRate Frames, bool IsDefault);

    /// <param name="Canonical">The canonical value (<see cref="ParameterValues.Read"/>).</param>
    /// <param name="Written">How it was written when that differs from the canonical form (<c>2x</c>, <c>120f at 24 fps</c>).</param>
    /// <param name="Span">The value's span, which a clamp fix replaces.</param>
    private sealed record Measured(Value Canonical, string? Written, SourceSpan Span)
    {
        /// <summary>The flow parameter through which a default arrived, if any.</summary>
        public ParameterRefValue? Via { get; init; }

        // The reading's canonical value, after adding its problem and warning to 'report' when given.
        public static Measured? From(ValueReading reading, SourceSpan span, List<Diagnostic>? report)
        {
            if (report is not null)
            {
                if (reading.Problem is { } problem) report.Add(problem);
                if (reading.Warning is { } warning) report.Add(warning);
            }
            return reading.Canonical is { } canonical ? new Measured(canonical, reading.Written, span) : null;
        }
    }
}
