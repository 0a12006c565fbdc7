using System.Text.RegularExpressions;
using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Text;
using Xunit;

namespace SymbolicGen.Language.Tests.Query;

/// <summary>
/// Positions as a test writes them: "line 4, the second whole word 'image'", found in the text
/// independently of the parser, so that a span the compiler reports can be checked against it.
/// </summary>
public static class QueryText
{
    public static SymCompilation Compile(string text) => SymCompiler.Compile(text, TestCatalog.Extended, indexSymbols: true);

    /// <summary>The span of the <paramref name="nth"/> (0-based) whole word <paramref name="word"/> on 1-based <paramref name="line"/>.</summary>
    public static SourceSpan Word(string text, int line, string word, int nth = 0)
    {
        var map = new LineMap(text);
        var start = map.GetOffset(line, 1);
        var end = line < map.LineCount ? map.GetOffset(line + 1, 1) : text.Length;
        var matches = Regex.Matches(text.Substring(start, end - start), $@"(?<![A-Za-z0-9_]){Regex.Escape(word)}(?![A-Za-z0-9_])");
        Assert.True(matches.Count > nth, $"line {line} has no whole word '{word}' #{nth}");
        return new SourceSpan(start + matches[nth].Index, word.Length);
    }

    /// <summary>The text a span covers.</summary>
    public static string TextAt(this SymCompilation compilation, SourceSpan span) => compilation.Lines.Text.Substring(span.Start, span.Length);

    /// <summary>A span as "line:column «text»", for readable failures.</summary>
    public static string Show(this SymCompilation compilation, SourceSpan span)
    {
        var position = compilation.Lines.GetPosition(span.Start);
        return $"{position.Line}:{position.Column} «{compilation.TextAt(span)}»";
    }

    /// <summary>The symbol <paramref name="name"/> of kind <paramref name="kind"/> in flow <paramref name="flow"/>.</summary>
    public static DeclaredSymbol Symbol(this SymCompilation compilation, string flow, string name, SymbolKind kind) =>
        Assert.Single(compilation.Symbols.Symbols, s => s.Flow?.Name == flow && s.Name == name && s.Kind == kind);

    /// <summary>The single flow named <paramref name="name"/>.</summary>
    public static DeclaredSymbol Flow(this SymCompilation compilation, string name) =>
        Assert.Single(compilation.Symbols.Flows, s => s.Name == name);

    /// <summary>The name at <paramref name="span"/>'s start, which must be exactly that span.</summary>
    public static NameOccurrence At(this SymCompilation compilation, SourceSpan span)
    {
        var found = compilation.Symbols.FindAt(span.Start);
        Assert.True(found is not null, $"nothing at {compilation.Show(span)}");
        Assert.True(found!.Value.Span.SamePosition(span), $"at {compilation.Show(span)} found {compilation.Show(found.Value.Span)}");
        return found.Value;
    }
}
