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
        var written = node.Arguments[index] ?? parameter.Default
            ?? throw new InvalidOperationException($"needs a value for '{parameter.Name}', which has no default");
        var scope = node.Scope;
        var via = (string?)null;
        while (written is ParameterRefValue reference)
        {
            via ??= reference.Name;
            if (scope.IsRoot)
            {
                if (overrides.TryGetValue(reference.Name, out var given))
                {
                    if (given.Canonical is { } canonical) return Check(Coerce(canonical, parameter, reference.Name), parameter, via);
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
        return Check(Convert(written, parameter, fps), parameter, via);
    }

    private static Value DefaultOf(Flow flow, string name)
    {
        foreach (var declared in flow.Parameters)
            if (declared.Name == name)
                return declared.Default ?? throw new InvalidOperationException($"uses parameter '{name}' of flow '{flow.Name}', which has no default and was not given");
        throw new InvalidOperationException($"uses '{name}', which is not a parameter of flow '{flow.Name}'");
    }

    /// <summary>Converts a literal as written in a <c>.sym</c> file.</summary>
    public static object Convert(Value value, ParameterInfo parameter, double? fps)
    {
        var type = parameter.Type;
        switch (value)
        {
            case NumberValue number when type == ParamType.Int:
                return number.Number == Math.Floor(number.Number) && Math.Abs(number.Number) <= int.MaxValue
                    ? (int)number.Number
                    : throw Mismatch(parameter, value);
            case NumberValue number when type == ParamType.Seed:
                return number.Number == Math.Floor(number.Number) && Math.Abs(number.Number) <= long.MaxValue
                    ? (long)number.Number
                    : throw Mismatch(parameter, value);
            case NumberValue number when type == ParamType.Float || Units.IsUnitBearing(type):
                return number.Number;
            case QuantityValue quantity when Units.IsUnitBearing(type):
                var unit = Units.FromSymbol(quantity.Unit);
                if (unit is null || unit.Kind != type) throw Mismatch(parameter, value);
                return Units.ToCanonical(quantity.Number, unit, fps)
                    ?? throw new InvalidOperationException($"sets '{parameter.Name}' to {quantity}, but has no 'fps' to convert frames to seconds");
            case BoolValue boolean when type == ParamType.Bool:
                return boolean.Bool;
            case StringValue text when type == ParamType.String:
                return text.Text;
            case SymbolValue symbol when type == ParamType.Enum:
                return symbol.Name;
            case StringValue text when type == ParamType.Enum:
                return text.Text;
            case SizeValue size when type == ParamType.Size:
                return new Size(size.Width, size.Height);
            case ColorValue color when type == ParamType.Color:
                return Color.Parse(color.Hex);
            default:
                throw Mismatch(parameter, value);
        }
    }

    /// <summary>Converts a canonical value given to a run to the canonical type of <paramref name="parameter"/>.</summary>
    private static object Coerce(object value, ParameterInfo parameter, string flowParameter)
    {
        var type = parameter.Type;
        object? result = (type, value) switch
        {
            (ParamType.Int, int i) => i,
            (ParamType.Int, long l) when l >= int.MinValue && l <= int.MaxValue => (int)l,
            (ParamType.Int, double d) when d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue => (int)d,
            (ParamType.Seed, long l) => l,
            (ParamType.Seed, int i) => (long)i,
            (ParamType.Seed, double d) when d == Math.Floor(d) && Math.Abs(d) <= long.MaxValue => (long)d,
            (ParamType.Float or ParamType.Duration or ParamType.FrameRate or ParamType.Frequency or ParamType.Gain or ParamType.Length or ParamType.Ratio, double d) => d,
            (ParamType.Float or ParamType.Duration or ParamType.FrameRate or ParamType.Frequency or ParamType.Gain or ParamType.Length or ParamType.Ratio, float f) => (double)f,
            (ParamType.Float or ParamType.Duration or ParamType.FrameRate or ParamType.Frequency or ParamType.Gain or ParamType.Length or ParamType.Ratio, int i) => (double)i,
            (ParamType.Float or ParamType.Duration or ParamType.FrameRate or ParamType.Frequency or ParamType.Gain or ParamType.Length or ParamType.Ratio, long l) => (double)l,
            (ParamType.Bool, bool b) => b,
            (ParamType.String or ParamType.Enum, string s) => s,
            (ParamType.Size, Size s) => s,
            (ParamType.Size, string s) when Size.TryParse(s, out var parsed) => parsed,
            (ParamType.Color, Color c) => c,
            (ParamType.Color, string s) when Color.TryParse(s, out var parsed) => parsed,
            _ => null,
        };
        return result ?? throw new InvalidOperationException(
            $"was given {Describe(value)} for parameter '{flowParameter}', but '{parameter.Name}' takes {Expected(type)}");
    }

    private static object Check(object value, ParameterInfo parameter, string? via)
    {
        if (Rejects(value, parameter) is not { } accepted) return value;
        var shown = value is string name ? "'" + name + "'" : Units.FormatCanonical(System.Convert.ToDouble(value, CultureInfo.InvariantCulture), parameter.Type);
        throw new InvalidOperationException($"has '{parameter.Name}' = {shown}{(via is null ? "" : $" (from parameter '{via}')")}; it accepts {accepted}");
    }

    /// <summary>
    /// What <paramref name="parameter"/> accepts (<c>0 to 1</c>, <c>alpha, laplacian</c>) when the canonical
    /// <paramref name="value"/> is NaN, out of its range or not one of its enum values; null when it is accepted.
    /// </summary>
    public static string? Rejects(object value, ParameterInfo parameter)
    {
        if (value is double or int or long)
        {
            var number = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
            return double.IsNaN(number) || parameter.Min is { } min && number < min || parameter.Max is { } max && number > max
                ? Units.FormatRange(parameter.Min, parameter.Max, parameter.Type) ?? "a number, not NaN"
                : null;
        }
        return parameter.Type == ParamType.Enum && value is string name && parameter.EnumValues.Count > 0 && !parameter.EnumValues.Contains(name)
            ? string.Join(", ", parameter.EnumValues)
            : null;
    }

    private static InvalidOperationException Mismatch(ParameterInfo parameter, Value value) =>
        new($"sets '{parameter.Name}' to {Describe(value)}, but it takes {Expected(parameter.Type)}");

    private static string Describe(object value) => value switch
    {
        StringValue s => "\"" + s.Text + "\"",
        Value v => v.ToString() ?? v.GetType().Name,
        string s => "\"" + s + "\"",
        _ => System.Convert.ToString(value, CultureInfo.InvariantCulture) + " (" + value.GetType().Name + ")",
    };

    private static string Expected(ParamType type) => type switch
    {
        ParamType.Int => "a whole number",
        ParamType.Seed => "a whole number (a seed)",
        ParamType.Float => "a number",
        ParamType.Bool => "true or false",
        ParamType.String => "a string",
        ParamType.Enum => "one of its values",
        ParamType.Size => "a size such as 1024x576",
        ParamType.Color => "a colour such as #1e90ff",
        _ => $"a {type} in {(Units.CanonicalSymbol(type) is { Length: > 0 } symbol ? symbol : "a fraction")}",
    };
}
