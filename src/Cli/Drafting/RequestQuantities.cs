using System.Globalization;
using System.Text.RegularExpressions;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Cli.Drafting;

/// <summary>A number with a unit found in a request ("6 seconds", "-6 dB", "3 times"), with the words around it.</summary>
/// <param name="Number">As written (negated for "6 dB quieter").</param>
/// <param name="Unit">The unit's canonical symbol; empty for a count ("3 times"), which is an <see cref="ParamType.Int"/>.</param>
/// <param name="Kind">The parameter type the unit measures.</param>
/// <param name="Context">Meaningful words just before and after, to match against parameter and node names.</param>
/// <param name="Written">The words as the request wrote them.</param>
internal sealed record RequestQuantity(double Number, string Unit, ParamType Kind, IReadOnlyList<string> Context, string Written)
{
    /// <summary>The value as a <c>.sym</c> literal (<c>6s</c>, <c>-6dB</c>, <c>50%</c>).</summary>
    public string Literal => ValueText.Number(Number) + Unit;
}

/// <summary>Reads numbers with units out of a request.</summary>
internal static partial class RequestQuantities
{
    [GeneratedRegex(@"(?<![\w.])(-?\d+(?:\.\d+)?)(?:\s*|-)(%|[A-Za-z]+)(?![\w])")]
    private static partial Regex Quantity();

    private static readonly char[] ClauseEnds = [',', '.', ';', ':', '!', '?'];

    private static readonly HashSet<string> Loudness = new(StringComparer.Ordinal) { "louder", "quieter", "softer", "loud", "volume", "gain", "amplitude" };

    private static readonly HashSet<string> Quieter = new(StringComparer.Ordinal) { "quieter", "lower", "softer", "down", "less", "below", "under" };

    public static IReadOnlyList<RequestQuantity> Extract(string request)
    {
        var result = new List<RequestQuantity>();
        var matches = Quantity().Matches(request).ToList();
        for (var index = 0; index < matches.Count; index++)
        {
            var m = matches[index];
            var unitText = m.Groups[2].Value;
            // "2x" is a linear gain only when glued; "2 x" is not a quantity.
            var unit = unitText.Equals("x", StringComparison.OrdinalIgnoreCase)
                ? m.Value.Contains(' ') ? null : Units.FromSymbol("x")
                : Units.FromWord(unitText) ?? Units.FromWord(unitText.TrimEnd('s')) ?? (unitText.Length <= 3 ? Units.FromSymbol(unitText) : null);
            if (unit is null) continue;
            if (!double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) continue;
            // The words of its own clause: after it up to the next quantity or punctuation, and before it
            // back to the clause's start unless another quantity stands there (those words are that one's).
            var clauseStart = request.LastIndexOfAny(ClauseEnds, Math.Max(0, m.Index - 1)) + 1;
            var previousEnd = index > 0 ? matches[index - 1].Index + matches[index - 1].Length : 0;
            var before = previousEnd > clauseStart ? [] : RequestWords.Keywords(request[clauseStart..m.Index]).TakeLast(3).ToList();
            var end = m.Index + m.Length;
            var clauseEnd = request.IndexOfAny(ClauseEnds, end) is var e and >= 0 ? e : request.Length;
            if (index + 1 < matches.Count) clauseEnd = Math.Min(clauseEnd, matches[index + 1].Index);
            var after = RequestWords.Keywords(request[end..Math.Max(end, clauseEnd)]).Take(3).ToList();
            // "3 times" is a count ("loop it 3 times") unless it says how loud ("2 times louder").
            if (unitText.Equals("times", StringComparison.OrdinalIgnoreCase) && !after.Take(2).Any(Loudness.Contains))
            {
                if (number != Math.Floor(number)) continue;
                unit = null;
            }
            if (unit?.Kind == ParamType.Gain && number > 0 && (after.Take(2).Any(Quieter.Contains) || before.TakeLast(2).Any(Quieter.Contains)))
                number = -number;
            result.Add(new RequestQuantity(number, unit?.Symbol ?? "", unit?.Kind ?? ParamType.Int, [.. before, .. after], m.Value));
        }
        return result;
    }

    /// <summary>Quoted passages of the request ("a caption \"Hello\""), for Text inputs and String parameters.</summary>
    public static IReadOnlyList<string> QuotedText(string request) =>
        QuotedPattern().Matches(request).Select(m => m.Groups[1].Value).Where(s => s.Length > 0).ToList();

    [GeneratedRegex("[\"“]([^\"”]*)[\"”]")]
    private static partial Regex QuotedPattern();
}
