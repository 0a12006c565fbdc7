using SymbolicGen.Language.Semantics;
using Xunit;
using static SymbolicGen.Language.Tests.Query.QueryText;

namespace SymbolicGen.Language.Tests.Query;

/// <summary>Destructured outputs, local aliases and '.port' selection through an alias.</summary>
public class DestructuringSymbolTests
{
    public const string Text = """
        flow Cutout(photo: Image) -> (cut: Image, matte: Mask, big: Image) {
            (fg, mask) = Segment(photo)
            seg   = Segment(photo)
            whole = seg
            cut   = fg
            matte = mask
            big   = Upscale(whole.fg, factor: 2)
        }
        """;

    [Fact]
    public void A_destructuring_call_is_a_node_over_its_names_and_one_node_output_per_name()
    {
        var compilation = Compile(Text);
        Assert.Empty(compilation.Diagnostics);

        var node = compilation.Symbol("Cutout", "fg_mask", SymbolKind.Node);
        Assert.Equal("fg, mask", compilation.TextAt(node.Declaration));
        Assert.True(node.IsDestructuring);
        var fg = compilation.Symbol("Cutout", "fg", SymbolKind.NodeOutput);
        Assert.Same(node, fg.Node);
        Assert.Equal("Segment", fg.Function);
        // On a name, the name; between the names, the node.
        Assert.Same(fg, compilation.At(Word(Text, 2, "fg")).Symbol);
        Assert.Same(node, compilation.Symbols.FindAt(Text.IndexOf(", mask", StringComparison.Ordinal))!.Value.Symbol);
        Assert.Equal(new[] { Word(Text, 5, "fg") }.Select(compilation.Show), compilation.Symbols.ReferencesOf(fg).Select(o => compilation.Show(o.Span)));
    }

    [Fact]
    public void An_alias_is_a_symbol_and_a_port_selected_through_it_is_the_aliased_nodes_output()
    {
        var compilation = Compile(Text);

        var whole = compilation.Symbol("Cutout", "whole", SymbolKind.Alias);
        Assert.Equal(new[] { Word(Text, 7, "whole") }.Select(compilation.Show), compilation.Symbols.ReferencesOf(whole).Select(o => compilation.Show(o.Span)));
        var port = compilation.At(Word(Text, 7, "fg"));
        Assert.Equal((OccurrenceKind.FunctionOutput, "Segment", "fg"), (port.Kind, port.Function, port.Name));
        Assert.Same(compilation.Symbol("Cutout", "seg", SymbolKind.Node), compilation.At(Word(Text, 4, "seg")).Symbol);
        // 'cut = fg' feeds output cut: the target is a reference of the output, not a new symbol.
        Assert.Same(compilation.Symbol("Cutout", "cut", SymbolKind.Output), compilation.At(Word(Text, 5, "cut")).Symbol);
        Assert.Equal(OccurrenceKind.Reference, compilation.At(Word(Text, 5, "cut")).Kind);
    }
}
