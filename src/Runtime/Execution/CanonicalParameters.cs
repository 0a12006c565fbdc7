using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// Turns the parameter values written in a flow (or given to a run) into the canonical values a
/// <see cref="NodeCall"/> carries, in one place: flow parameter references are followed through the
/// run's overrides, call arguments and defaults; units convert with <see cref="Units"/>, frames through
/// the node's <c>fps</c>; the result is checked against the parameter's range and enum values.
/// </summary>
internal static class CanonicalParameters
{
    // Before the checker's own message for a value it would reject, so that the node's error reads
    // "node 'clip' (ImageToVideo) cannot run: 'duration' is 120 s; ImageToVideo accepts 0.5 s to 60 s".
    private const string CannotRun = "cannot run: ";

    /// <summary>The canonical values of every declared parameter of <paramref name="node"/>, in declared order.</summary>
    /// <exception cref="InvalidOperationException">A value is missing, of the wrong type or out of range (the message says which).</exception>
    public static object[] Resolve(PlanNode node, IReadOnlyDictionary<string, FlowArguments.ParameterArgument> overrides)
    {
        var parameters = node.Function.Info.Parameters;
        var values = new object[parameters.Count];
        double? fps = null;
        if (node.FpsIndex >= 0)
        {
            values[node.FpsIndex] = ResolveOne(node, node.FpsIndex, overrides, null);
            fps = (double)values[node.FpsIndex];
        }
        for (var i = 0; i < values.Length; i++)
            if (i != node.FpsIndex) values[i] = ResolveOne(node, i, overrides, fps);
        return values;
    }

    private static object ResolveOne(PlanNode node, int index, IReadOnlyDictionary<string, FlowArguments.ParameterArgument> overrides, double? fps)
    {
        var parameter = node.Function.Info.Parameters[index];
        var owner = node.Function.Name;
        var written = node.Arguments[index] ?? parameter.Default
            ?? throw new InvalidOperationException(CannotRun + ParameterValues.NotGiven(parameter, node.Node.Name, node.Function.Name));
        var scope = node.Scope;
        var via = (string?)null;
        while (written is ParameterRefValue reference)
        {
            via ??= reference.Name;
            if (scope.IsRoot)
            {
                if (overrides.TryGetValue(reference.Name, out var given))
                {
                    if (given.Canonical is { } canonical) return Coerce(canonical, parameter, owner, reference.Name);
                    written = given.Written!;
                    if (written is ParameterRefValue) throw new InvalidOperationException($"was given parameter '{reference.Name}' as a reference to another parameter");
                    break;
                }
                written = DefaultOf(scope.Flow, reference.Name);
            }
            else if (scope.CallArguments!.TryGetValue(reference.Name, out var argument))
            {
                written = argument;
                scope = scope.Parent!;
            }
            else
            {
                written = DefaultOf(scope.Flow, reference.Name);
            }
        }
        return Convert(written, parameter, node.FpsIndex >= 0 && index != node.FpsIndex ? fps : null, owner, via);
    }

    private static Value DefaultOf(Flow flow, string name)
    {
        foreach (var declared in flow.Parameters)
            if (declared.Name == name)
                return declared.Default ?? throw new InvalidOperationException($"uses parameter '{name}' of flow '{flow.Name}', which has no default and was not given");
        throw new InvalidOperationException($"uses '{name}', which is not a parameter of flow '{flow.Name}'");
    }

    /// <summary>
    /// Converts a literal as written in a <c>.sym</c> file to the canonical value a function receives, reading it as the
    /// checker does (<see cref="ParameterValues"/>); <paramref name="fps"/> converts frames, null when the function has no
    /// <c>fps</c>; <paramref name="via"/> is the flow parameter the value came through, for the message.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is of the wrong type or unit, or out of range (the checker's message).</exception>
    public static object Convert(Value value, ParameterInfo parameter, double? fps, string owner, string? via = null)
    {
        var reading = ParameterValues.Read(value, parameter, owner, fps is null ? FrameRate.None : FrameRate.Of(fps));
        if (reading.Problem is { } problem) throw new InvalidOperationException(CannotRun + problem.Message);
        var canonical = reading.Canonical
            ?? throw new InvalidOperationException($"sets '{parameter.Name}' to {value}, but has no 'fps' to convert frames to seconds");
        // The range before the CLR type: a value no CLR type can hold is out of range, as the checker says.
        if (ParameterValues.CheckRange(canonical, parameter, owner, reading.Written) is { } outOfRange)
            throw new InvalidOperationException(CannotRun + outOfRange.Message + (via is null ? "" : $" (from parameter '{via}')"));
        return ToClr(canonical, parameter);
    }

    /// <summary>The CLR value a function receives for a canonical value (<see cref="ParameterValues.Read"/>).</summary>
    public static object ToClr(Value canonical, ParameterInfo parameter) => (canonical, parameter.Type) switch
    {
        (NumberValue { Exact.Integer: { } i }, ParamType.Int) when i >= int.MinValue && i <= int.MaxValue => (int)i,
        (NumberValue { Exact.Integer: { } i }, ParamType.Seed) when parameter.Domain.IsUnsigned && i >= ulong.MinValue && i <= ulong.MaxValue => (ulong)i,
        (NumberValue { Exact.Integer: { } i }, ParamType.Seed) when !parameter.Domain.IsUnsigned && i >= long.MinValue && i <= long.MaxValue => (long)i,
        (NumberValue number, _) when parameter.Domain.IsNumeric && !parameter.Domain.IsInteger => number.Number,
        (BoolValue boolean, ParamType.Bool) => boolean.Bool,
        (StringValue text, ParamType.String) => text.Text,
        (SymbolValue word, ParamType.Enum) => word.Name,
        (SizeValue size, ParamType.Size) => new Size(size.Width, size.Height),
        (ColorValue color, ParamType.Color) => Color.Parse(color.Hex),
        _ => throw new InvalidOperationException($"'{parameter.Name}' takes {ParameterValues.Expectation(parameter)}, not {ParameterValues.Describe(canonical)}"),
    };

    /// <summary>
    /// A canonical CLR value given to a run or set on a pipeline, as the language's canonical value: null when it is
    /// not a value of <paramref name="parameter"/>'s type.
    /// </summary>
    public static Value? FromClr(object value, ParameterInfo parameter)
    {
        var domain = parameter.Domain;
        Numeric? number = value switch
        {
            int i => Numeric.Of(i),
            long l => Numeric.Of(l),
            ulong u => Numeric.Of(u),
            double d => Numeric.Of(d),
            float f => Numeric.Of(f),
            _ => null,
        };
        if (number is { } n) return domain.IsNumeric && (!domain.IsInteger || n.IsInteger) ? new NumberValue(n) : null;
        return (value, parameter.Type) switch
        {
            (bool b, ParamType.Bool) => new BoolValue(b),
            (string s, ParamType.String) => new StringValue(s),
            (string s, ParamType.Enum) => new SymbolValue(s),
            (Size size, ParamType.Size) => new SizeValue(size.Width, size.Height),
            (string s, ParamType.Size) when Size.TryParse(s, out var size) => new SizeValue(size.Width, size.Height),
            (Color color, ParamType.Color) => new ColorValue(color.ToString()),
            (string s, ParamType.Color) when Color.TryParse(s, out var color) => new ColorValue(color.ToString()),
            _ => null,
        };
    }

    /// <summary>
    /// The out-of-range message for the canonical CLR <paramref name="value"/> of <paramref name="parameter"/> of
    /// <paramref name="owner"/>, as the checker writes it (SYM0203), or null when it is accepted.
    /// </summary>
    public static string? Rejects(object value, ParameterInfo parameter, string owner) =>
        FromClr(value, parameter) is { } canonical ? ParameterValues.CheckRange(canonical, parameter, owner)?.Message : null;

    /// <summary>Converts a canonical value given to a run to the canonical type of <paramref name="parameter"/>, checking its range.</summary>
    private static object Coerce(object value, ParameterInfo parameter, string owner, string flowParameter)
    {
        var canonical = FromClr(value, parameter) ?? throw new InvalidOperationException(
            $"was given {Describe(value)} for parameter '{flowParameter}', but '{parameter.Name}' takes {ParameterValues.Expectation(parameter)}");
        if (ParameterValues.CheckRange(canonical, parameter, owner) is { } outOfRange)
            throw new InvalidOperationException(CannotRun + outOfRange.Message + $" (from parameter '{flowParameter}')");
        return ToClr(canonical, parameter);
    }

    private static string Describe(object value) => value switch
    {
        string s => "\"" + s + "\"",
        _ => System.Convert.ToString(value, CultureInfo.InvariantCulture) + " (" + value.GetType().Name + ")",
    };
}
