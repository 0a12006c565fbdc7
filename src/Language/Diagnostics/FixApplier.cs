using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SymbolicGen.Language.Diagnostics;

/// <summary>Applies fixes to source text (used by <c>symgen check --fix</c>, the IDE and the drafting loop).</summary>
public static class FixApplier
{
    /// <summary>
    /// Applies the first safe fix of every diagnostic. An edit that overlaps one already taken is
    /// left for a later round, because its diagnostic may no longer hold once the first is applied.
    /// </summary>
    /// <returns>The new text and the number of fixes applied.</returns>
    public static (string Text, int Applied) ApplySafeFixes(string text, IEnumerable<Diagnostic> diagnostics)
    {
        var taken = new List<TextEdit>();
        var applied = 0;
        foreach (var fix in diagnostics.Select(d => d.Fixes.FirstOrDefault(f => f.IsSafe)).Where(f => f is not null))
        {
            if (fix!.Edits.Any(e => e.Start < 0 || e.Start + e.Length > text.Length || taken.Any(t => Overlaps(t, e)))) continue;
            taken.AddRange(fix.Edits);
            applied++;
        }
        return (Apply(text, taken), applied);
    }

    /// <summary>Applies non-overlapping edits (positions refer to the original text).</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var builder = new StringBuilder(text);
        foreach (var edit in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.Length))
        {
            builder.Remove(edit.Start, edit.Length);
            builder.Insert(edit.Start, edit.NewText);
        }
        return builder.ToString();
    }

    // Two insertions at the same point conflict too: their order would be arbitrary.
    private static bool Overlaps(TextEdit a, TextEdit b) =>
        a.Start < b.Start + b.Length && b.Start < a.Start + a.Length || a.Start == b.Start;
}
