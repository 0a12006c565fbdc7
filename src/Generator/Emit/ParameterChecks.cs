using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Generator.Emit;

/// <summary>What a parameter accepts, as the checks of a generated setter and as words for its documentation.</summary>
/// <param name="Type">The parameter's type.</param>
/// <param name="Min">Smallest accepted value (canonical unit), if bounded.</param>
/// <param name="Max">Largest accepted value (canonical unit), if bounded.</param>
/// <param name="EnumValues">The accepted values of an enum parameter.</param>
internal sealed record ParameterChecks(ParamType Type, double? Min, double? Max, EquatableArray<string> EnumValues)
{
    /// <summary>
    /// The statements that check <paramref name="value"/>, a non-null value of the parameter's C# type
    /// (none for bool, size and colour, or an unbounded integer); <paramref name="what"/> names it in messages.
    /// </summary>
    public List<string> Statements(string value, string what)
    {
        var lines = new List<string>();
        switch (Type)
        {
            case ParamType.String:
                lines.Add($"if ({value} is null) throw new global::System.ArgumentNullException(nameof(value));");
                break;
            case ParamType.Enum:
                lines.Add($"if ({value} is null) throw new global::System.ArgumentNullException(nameof(value));");
                if (EnumValues.Count == 0) break;
                lines.Add($"switch ({value})");
                lines.Add("{");
                lines.Add("    " + string.Join(" ", EnumValues.Select(v => $"case {CSharp.String(v)}:")));
                lines.Add("        break;");
                lines.Add($"    default: throw new global::System.ArgumentException({CSharp.String($"{what} is one of {string.Join(", ", EnumValues)}")}, nameof(value));");
                lines.Add("}");
                break;
            case ParamType.Bool or ParamType.Size or ParamType.Color:
                break;
            default:
                var conditions = new List<string>();
                if (CSharp.ParameterType(Type) == "double") conditions.Add($"double.IsNaN({value})");
                if (Min is { } min) conditions.Add($"{value} < {CSharp.Bound(min, Type)}");
                if (Max is { } max) conditions.Add($"{value} > {CSharp.Bound(max, Type)}");
                if (conditions.Count == 0) break;
                var range = CSharp.Range(Min, Max, Type);
                var message = range is null ? $"{what} must be a number, not NaN" : $"{what} accepts {range}";
                lines.Add($"if ({string.Join(" || ", conditions)}) throw new global::System.ArgumentOutOfRangeException(nameof(value), {value}, {CSharp.String(message)});");
                break;
        }
        return lines;
    }

    /// <summary>The type, unit, range and values in words: <c>Duration; in seconds; accepts 0.5 s to 60 s</c>.</summary>
    public string Describe()
    {
        var parts = new List<string> { Type.ToString() };
        if (CSharp.UnitWords(Type) is { } unit) parts.Add(unit);
        if (CSharp.Range(Min, Max, Type) is { } range) parts.Add("accepts " + range);
        if (EnumValues.Count > 0) parts.Add("one of " + string.Join(", ", EnumValues));
        return string.Join("; ", parts);
    }
}
