using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Generator.Emit;

/// <summary>What a parameter accepts, in words for the documentation of generated properties (the runtime checks the values).</summary>
/// <param name="Type">The parameter's type.</param>
/// <param name="Min">Smallest accepted value (canonical unit), if bounded.</param>
/// <param name="Max">Largest accepted value (canonical unit), if bounded.</param>
/// <param name="EnumValues">The accepted values of an enum parameter.</param>
internal sealed record AcceptedValues(ParamType Type, double? Min, double? Max, EquatableArray<string> EnumValues)
{
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
