using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Semantics;

/// <summary>"Did you mean …?" for misspelt names, by edit distance.</summary>
public static class Suggestions
{
    /// <summary>
    /// The candidates closest to <paramref name="name"/> (case-insensitive Damerau–Levenshtein distance),
    /// when that distance is small for the name's length; empty when nothing is close. Ties are all
    /// returned, in the order given.
    /// </summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates)
    {
        var threshold = Threshold(name.Length);
        var best = new List<string>();
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            // The distance is at least the difference in length: most of a large catalog costs no more than this test.
            if (candidate == name || Math.Abs(candidate.Length - name.Length) > Math.Min(threshold, bestDistance)) continue;
            var distance = Distance(name, candidate);
            if (distance > threshold || distance > bestDistance) continue;
            if (distance < bestDistance)
            {
                best.Clear();
                bestDistance = distance;
            }
            best.Add(candidate);
        }
        return best;
    }

    /// <summary>
    /// The optimal-string-alignment distance (insertions, deletions, substitutions and transpositions
    /// of adjacent characters), ignoring case.
    /// </summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        // Three rolling rows suffice: the transposition step looks two rows back.
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, before[j - 2] + 1);
                current[j] = value;
            }
            (before, previous, current) = (previous, current, before);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// The message suffix and fixes for <paramref name="name"/> written at <paramref name="span"/>:
    /// <c>"; did you mean 'X'?"</c> with a safe fix replacing the name when exactly one candidate is
    /// closest, <c>"; did you mean 'X' or 'Y'?"</c> with offered fixes for a tie, or nothing.
    /// </summary>
    public static (string Suffix, CodeFix[] Fixes) DidYouMean(string name, SourceSpan span, IEnumerable<string> candidates) =>
        Meant(name, span, Closest(name, candidates));

    /// <summary>As <see cref="DidYouMean"/>, for names already known to be what <paramref name="name"/> means.</summary>
    internal static (string Suffix, CodeFix[] Fixes) Meant(string name, SourceSpan span, IReadOnlyList<string> meant)
    {
        if (meant.Count == 0) return ("", Array.Empty<CodeFix>());
        var suffix = "; did you mean " + string.Join(" or ", meant.Select(c => "'" + c + "'")) + "?";
        var safe = meant.Count == 1;
        var fixes = meant
            .Select(c => new CodeFix($"replace '{name}' with '{c}'", EquatableArray.Of(new TextEdit(span, c)), safe))
            .ToArray();
        return (suffix, fixes);
    }

    // A one-letter name is close to every other one-letter name, so only its case may differ; longer
    // names tolerate one edit per three letters or so, never more than three.
    private static int Threshold(int length) => length <= 1 ? 0 : Math.Min(3, Math.Max(1, (length + 1) / 3));
}
