using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Cli.Drafting;

/// <summary>
/// What a model (and <c>symgen functions --json</c>) is told about one function: its ports, and its
/// parameters with type, canonical unit, default, range and enum values. One format for both, so what
/// a user reads is exactly what the drafting engine sends.
/// </summary>
internal sealed record FunctionCard(
    string Name,
    string? Summary,
    string? Category,
    IReadOnlyList<PortCard> Inputs,
    IReadOnlyList<PortCard> Outputs,
    IReadOnlyList<ParameterCard> Parameters)
{
    /// <summary>The card of <paramref name="function"/>.</summary>
    public static FunctionCard From(FunctionInfo function) => new(
        function.Name,
        function.Summary,
        function.Category,
        function.Inputs.Select(p => new PortCard(p.Name, p.Type.ToString(), p.Optional ? true : null)).ToList(),
        function.Outputs.Select(p => new PortCard(p.Name, p.Type.ToString(), null)).ToList(),
        function.Parameters.Select(ParameterCard.From).ToList());
}

/// <summary>An input or output. <see cref="Optional"/> is written only for optional inputs.</summary>
internal sealed record PortCard(
    string Name,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Optional);

/// <summary>
/// A parameter. <see cref="Unit"/> is the canonical unit the range is in (null for unitless types;
/// a Ratio is a fraction, also written with <c>%</c>); <see cref="Default"/> is written as in a
/// <c>.sym</c> file (<c>4s</c>, <c>zoom_in</c>), null when the parameter is required.
/// </summary>
internal sealed record ParameterCard(
    string Name,
    string Type,
    string? Unit,
    string? Default,
    decimal? Min,
    decimal? Max,
    double? Step,
    IReadOnlyList<string>? Values,
    string? Summary)
{
    public static ParameterCard From(ParameterInfo p) => new(
        p.Name,
        p.Type.ToString(),
        Units.IsUnitBearing(p.Type) && Units.CanonicalSymbol(p.Type) is { Length: > 0 } unit ? unit : null,
        p.Default is null ? null : ValueText.FormatDefault(p.Default, p.Type),
        Exact(p.Domain.Min),
        Exact(p.Domain.Max),
        p.Domain.Step,
        p.Type == ParamType.Enum ? p.EnumValues.ToList() : null,
        p.Summary);

    // Bounds as JSON numbers that keep every digit of an integer bound (a seed's 18446744073709551615, which a
    // double would round); null for a bound past what a decimal holds, which no model needs spelt out.
    private static decimal? Exact(Numeric? bound) => bound switch
    {
        { Integer: { } i } when i >= (System.Numerics.BigInteger)decimal.MinValue && i <= (System.Numerics.BigInteger)decimal.MaxValue => (decimal)i,
        { } real when !real.IsInteger && Math.Abs(real.Double) < 7.9e28 => (decimal)real.Double,
        _ => null,
    };
}

/// <summary>Serialises cards the one way both <c>symgen functions --json</c> and the prompts use.</summary>
internal static class FunctionCards
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private static readonly JsonSerializerOptions Compact = new(Json) { WriteIndented = false };

    public static IReadOnlyList<FunctionCard> All(FunctionCatalog catalog) => catalog.Functions.Select(FunctionCard.From).ToList();

    /// <summary>Indented JSON array, for people and <c>--json</c>.</summary>
    public static string ToJson(IEnumerable<FunctionCard> cards) => JsonSerializer.Serialize(cards.ToList(), Json);

    /// <summary>One card per line, for prompts (fewer tokens, same fields).</summary>
    public static string ToPromptJson(IEnumerable<FunctionCard> cards) =>
        "[\n" + string.Join(",\n", cards.Select(c => JsonSerializer.Serialize(c, Compact))) + "\n]";

    /// <summary>The readable form <c>symgen functions</c> prints.</summary>
    public static void WriteText(TextWriter output, FunctionCard card)
    {
        var head = card.Name;
        if (card.Category is { Length: > 0 }) head += $"  [{card.Category}]";
        if (card.Summary is { Length: > 0 }) head += "  " + card.Summary;
        output.WriteLine(head);
        foreach (var p in card.Inputs) output.WriteLine($"  in   {p.Name}: {p.Type}{(p.Optional == true ? " (optional)" : "")}");
        foreach (var p in card.Outputs) output.WriteLine($"  out  {p.Name}: {p.Type}");
        if (card.Parameters.Count == 0) return;
        var rows = card.Parameters.Select(p => new[]
        {
            p.Name,
            p.Type,
            Range(p),
            p.Default is null ? "required" : "= " + p.Default,
            (p.Summary ?? "") + (p.Values is { } values ? (p.Summary is null ? "" : "; ") + "one of " + string.Join(", ", values) : ""),
        }).ToList();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var r in rows)
        {
            var line = "  param " + string.Join("  ", Enumerable.Range(0, 4).Select(i => r[i].PadRight(widths[i]))) + "  " + r[4];
            output.WriteLine(line.TrimEnd());
        }
    }

    private static string Range(ParameterCard p)
    {
        if (p.Min is null && p.Max is null) return "";
        var unit = p.Unit is null ? "" : " " + p.Unit;
        string Bound(decimal? v) => v is { } d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) + unit : "…";
        return $"{Bound(p.Min)} to {Bound(p.Max)}{(p.Step is { } step ? " in steps of " + Units.FormatNumber(step) + unit : "")}";
    }
}
