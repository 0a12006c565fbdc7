using System.Text;
using SymbolicGen.Language.Semantics;
using Xunit;

namespace SymbolicGen.Language.Tests.Query;

/// <summary>
/// Big files: the index is built and queried without scans over the file per name. A quadratic step
/// would take minutes on these inputs, where the compile takes well under a second.
/// </summary>
public class ScalingTests
{
    private static string Chain(int nodes)
    {
        var text = new StringBuilder("flow Big(photo: Image) -> (out: Image) {\n    n0 = Upscale(photo, factor: 2)\n");
        for (var i = 1; i < nodes - 1; i++) text.Append("    n").Append(i).Append(" = Upscale(n").Append(i - 1).Append(", factor: 2)\n");
        return text.Append("    out = Upscale(n").Append(nodes - 2).Append(")\n}\n").ToString();
    }

    [Fact]
    public void A_file_of_twenty_thousand_nodes_is_indexed_and_every_node_and_reference_is_found()
    {
        const int nodes = 20_000;
        var text = Chain(nodes);

        var compilation = SymCompiler.Compile(text, TestCatalog.Extended, indexSymbols: true);

        Assert.Empty(compilation.Diagnostics);
        var index = compilation.Symbols;
        var nodeSymbols = index.Symbols.Where(s => s.Kind == SymbolKind.Node).ToList();
        Assert.Equal(nodes, nodeSymbols.Count);
        foreach (var node in nodeSymbols.Take(nodes - 1))
        {
            Assert.Same(node, index.FindAt(node.Declaration.Start)!.Value.Symbol);
            var reference = Assert.Single(index.ReferencesOf(node));
            Assert.Same(node, index.FindAt(reference.Span.End)!.Value.Symbol);
        }
        // Each node: its declaration, its function, its argument's name and reference; plus the header's three names.
        Assert.Equal(4 * nodes + 3, index.Occurrences.Count);
    }

    [Fact]
    public void Doubling_the_file_doubles_the_names_recorded()
    {
        var small = SymCompiler.Compile(Chain(2_500), TestCatalog.Extended, indexSymbols: true).Symbols;
        var large = SymCompiler.Compile(Chain(5_000), TestCatalog.Extended, indexSymbols: true).Symbols;

        // Each name is recorded once, however many binding paths meet it: four per node, three in the header.
        Assert.Equal((4 * 2_500 + 3, 4 * 5_000 + 3), (small.Occurrences.Count, large.Occurrences.Count));
        Assert.Equal((2_500 + 3, 5_000 + 3), (small.Symbols.Count, large.Symbols.Count));
    }

    [Fact]
    public void A_destructuring_of_thousands_of_names_finds_each_name_directly()
    {
        const int names = 5_000;
        var targets = string.Join(", ", Enumerable.Range(0, names).Select(i => "p" + i));
        var text = $"flow Wide(photo: Image) -> (out: Image) {{\n    ({targets}) = Segment(photo)\n    out = p0\n}}\n";

        var index = SymCompiler.Compile(text, TestCatalog.Extended, indexSymbols: true).Symbols;

        var parts = index.Symbols.Where(s => s.Kind == SymbolKind.NodeOutput).ToList();
        Assert.Equal(names, parts.Count);
        foreach (var part in parts) Assert.Same(part, index.FindAt(part.Declaration.Start + 1)!.Value.Symbol);
        Assert.True(index.FindAt(parts[1].Declaration.Start - 1)!.Value.Symbol!.IsDestructuring);
    }
}
