using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Tests.Parsing;
using Xunit;
using static SymbolicGen.Language.Tests.Query.QueryText;

namespace SymbolicGen.Language.Tests.Query;

/// <summary>
/// Rename-readiness: renaming any symbol at <see cref="SymbolIndex.RenameLocations"/> leaves a file that
/// checks as clean as before, so no reference was missed, and changes nothing but that name.
/// </summary>
public class RenameTests
{
    /// <summary><paramref name="compilation"/>'s text with <paramref name="symbol"/> renamed to <paramref name="name"/>.</summary>
    public static string Rename(SymCompilation compilation, DeclaredSymbol symbol, string name)
    {
        var text = compilation.Lines.Text;
        foreach (var span in compilation.Symbols.RenameLocations(symbol).Reverse())
            text = text.Substring(0, span.Start) + name + text.Substring(span.End);
        return text;
    }

    [Theory]
    [MemberData(nameof(Flagship.All), MemberType = typeof(Flagship))]
    public void Renaming_any_symbol_of_the_flagship_keeps_it_clean_and_renames_every_use(string text)
    {
        var compilation = Compile(text);

        foreach (var symbol in compilation.Symbols.Symbols)
        {
            var renamed = Rename(compilation, symbol, "renamed_" + symbol.Name);
            var again = Compile(renamed);
            Assert.True(again.Diagnostics.Count == 0, $"renaming {symbol}:\n{renamed}\n{string.Join("\n", again.Diagnostics)}");
            Assert.DoesNotContain(again.Symbols.Symbols, s => s.Kind == symbol.Kind && s.Name == symbol.Name);
            Assert.Equal(compilation.Symbols.Symbols.Count, again.Symbols.Symbols.Count);
        }
    }

    [Fact]
    public void Renaming_a_node_that_feeds_an_output_renames_the_output_and_its_header_declaration()
    {
        var text = Flagship.Dataflow;
        var compilation = Compile(text);

        var spans = compilation.Symbols.RenameLocations(compilation.Symbol("JungleRuins", "poster", SymbolKind.Node));

        Assert.Equal([Word(text, 2, "poster"), Word(text, 3, "poster"), Word(text, 4, "poster")], spans, SourceSpanComparer);
    }

    private static readonly IEqualityComparer<Text.SourceSpan> SourceSpanComparer = Text.SourceSpan.PositionComparer;

    [Fact]
    public void Destructured_outputs_and_aliases_rename_and_the_destructuring_node_has_no_name_to_rename()
    {
        var compilation = Compile(DestructuringSymbolTests.Text);
        Assert.Empty(compilation.Diagnostics);

        foreach (var symbol in compilation.Symbols.Symbols.Where(s => !s.IsDestructuring))
        {
            var renamed = Rename(compilation, symbol, "renamed");
            var again = Compile(renamed);
            Assert.True(again.Diagnostics.Count == 0, $"renaming {symbol}:\n{renamed}\n{string.Join("\n", again.Diagnostics)}");
        }
        Assert.Empty(compilation.Symbols.RenameLocations(compilation.Symbol("Cutout", "fg_mask", SymbolKind.Node)));
    }
}
