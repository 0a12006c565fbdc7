using SymbolicGen.Language.Ir;

namespace SymbolicGen.Language.Tests.Printing;

/// <summary>The first difference between two files' IR, worded for a failing test (records print whole files otherwise).</summary>
internal static class IrDifference
{
    public static string? Between(SymFile expected, SymFile actual)
    {
        if (expected.Flows.Count != actual.Flows.Count) return $"{actual.Flows.Count} flows instead of {expected.Flows.Count}";
        for (var i = 0; i < expected.Flows.Count; i++)
            if (Between(expected.Flows[i], actual.Flows[i]) is { } difference) return $"flow '{expected.Flows[i].Name}': {difference}";
        return Items("using", expected.Usings, actual.Usings)
               ?? Compare("trailing comments", expected.TrailingComments, actual.TrailingComments)
               ?? (expected.Equals(actual) ? null : "the files differ");
    }

    private static string? Between(Flow expected, Flow actual) =>
        Compare("name", expected.Name, actual.Name)
        ?? Compare("syntax", expected.Syntax, actual.Syntax)
        ?? Items("input", expected.Inputs, actual.Inputs)
        ?? Items("parameter", expected.Parameters, actual.Parameters)
        ?? Items("output", expected.Outputs, actual.Outputs)
        ?? Items("node", expected.Nodes, actual.Nodes)
        ?? Items("link", expected.Links, actual.Links)
        ?? Compare("comments", expected.Comments, actual.Comments)
        ?? Compare("notes", expected.Notes, actual.Notes);

    private static string? Items<T>(string what, EquatableArray<T> expected, EquatableArray<T> actual)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            if (i >= actual.Count) return $"{what} {i} missing: {expected[i]}";
            if (i >= expected.Count) return $"{what} {i} extra: {actual[i]}";
            if (Compare($"{what} {i}", expected[i], actual[i]) is { } difference) return difference;
        }
        return null;
    }

    private static string? Compare<T>(string what, T expected, T actual) =>
        EqualityComparer<T>.Default.Equals(expected, actual) ? null : $"{what}: expected {expected} but got {actual}";
}
