using System.Collections.Generic;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Generator.Emit;

/// <summary>What a parameter accepts, in words for the documentation of generated properties (the runtime checks the values).</summary>
internal static class AcceptedValues
{
    /// <summary>The kind, unit, range and values in words: <c>Duration; in seconds; accepts 0.5 s to 60 s</c>.</summary>
    public static string Describe(ParameterDomain domain)
    {
        var parts = new List<string> { domain.Kind.ToString() };
        if (CSharp.UnitWords(domain.Kind) is { } unit) parts.Add(unit);
        if (Units.FormatRange(domain.Min, domain.Max, domain.Kind) is { } range)
            parts.Add("accepts " + range + (domain.Step is { } step ? " in steps of " + Units.FormatNumber(step) : ""));
        if (domain.Allowed.Count > 0) parts.Add("one of " + string.Join(", ", domain.Allowed));
        return string.Join("; ", parts);
    }
}
