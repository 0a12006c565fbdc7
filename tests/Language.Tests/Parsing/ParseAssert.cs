using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Syntax;
using SymbolicGen.Language.Text;
using Xunit;

namespace SymbolicGen.Language.Tests.Parsing;

/// <summary>Helpers for parser tests: parse expecting no diagnostics, and check positions by text.</summary>
public static class ParseAssert
{
    /// <summary>Parses <paramref name="text"/> and fails with the diagnostics if there are any.</summary>
    public static FileSyntax Clean(string text)
    {
        var result = SymParser.Parse(text);
        Assert.True(result.Diagnostics.Count == 0, "unexpected diagnostics:\n" + string.Join("\n", result.Diagnostics));
        return result.Syntax;
    }

    /// <summary>The only flow of a file that parses cleanly.</summary>
    public static FlowSyntax Flow(string text) => Assert.Single(Clean(text).Flows);

    /// <summary>Asserts that <paramref name="span"/> covers exactly the <paramref name="occurrence"/>-th (0-based) <paramref name="expected"/> in <paramref name="text"/>.</summary>
    public static void Covers(string text, string expected, SourceSpan span, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = text.IndexOf(expected, start + 1, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{expected}' occurs fewer than {occurrence + 1} times");
        }
        Assert.Equal((start, expected.Length), (span.Start, span.Length));
    }

    /// <summary>Asserts that <paramref name="span"/> covers exactly the first <paramref name="expected"/> inside the first <paramref name="within"/>.</summary>
    public static void Covers(string text, string expected, SourceSpan span, string within)
    {
        var context = text.IndexOf(within, StringComparison.Ordinal);
        Assert.True(context >= 0, $"'{within}' does not occur");
        var start = text.IndexOf(expected, context, StringComparison.Ordinal);
        Assert.Equal((start, expected.Length), (span.Start, span.Length));
    }

    /// <summary>
    /// Asserts that the diagnostic's one fix is safe and replaces exactly the first <paramref name="replaced"/>
    /// (inside the first <paramref name="within"/>, when given) with <paramref name="replacement"/>.
    /// </summary>
    public static void SafeFix(Diagnostic diagnostic, string text, string replaced, string replacement, string? within = null)
    {
        var fix = Assert.Single(diagnostic.Fixes);
        Assert.True(fix.IsSafe);
        var edit = Assert.Single(fix.Edits);
        Assert.Equal(replacement, edit.NewText);
        Covers(text, replaced, edit.Span, within ?? replaced);
    }

    /// <summary>Asserts one diagnostic's id, message and exact text (the first <paramref name="spanText"/> inside <paramref name="within"/>).</summary>
    public static void Is(Diagnostic diagnostic, string id, string message, string text, string spanText, string within)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.Message);
        Covers(text, spanText, diagnostic.Span, within);
    }

    /// <summary>Asserts one diagnostic's id, message and exact text.</summary>
    public static void Is(Diagnostic diagnostic, string id, string message, string text, string spanText, int occurrence = 0)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.Message);
        Covers(text, spanText, diagnostic.Span, occurrence);
    }
}
