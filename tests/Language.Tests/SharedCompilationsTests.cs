using Xunit;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Language.Tests;

public sealed class SharedCompilationsTests
{
    private static string Flow(string name) => $"flow {name}(a: Image, b: Image) -> (out: Image) {{\n    out = ImageBlend(a, b, weight: 0.5)\n}}\n";

    [Fact]
    public void An_equal_text_against_an_equal_catalog_gets_the_same_compilation()
    {
        var text = Flow("Shared" + Guid.NewGuid().ToString("N"));
        var first = SharedCompilations.Compile(text, TestCatalog.Flagship);
        // Another catalog instance with the same functions, as the analyzer and the generator each read one.
        var second = SharedCompilations.Compile(new string(text.ToCharArray()), new FunctionCatalog(TestCatalog.Flagship.Functions));
        Assert.Same(first, second);
        Assert.Equal(SymCompiler.Compile(text, TestCatalog.Flagship).Diagnostics, first.Diagnostics);
    }

    [Fact]
    public void Another_catalog_compiles_the_text_again()
    {
        var text = Flow("Other" + Guid.NewGuid().ToString("N"));
        var withBlend = SharedCompilations.Compile(text, TestCatalog.Flagship);
        var empty = SharedCompilations.Compile(text, FunctionCatalog.Empty);
        Assert.NotSame(withBlend, empty);
        Assert.False(withBlend.HasErrors);
        Assert.Contains(empty.Diagnostics, d => d.Id == "SYM0101");
    }

    [Fact]
    public void Old_entries_are_dropped_once_many_other_texts_were_compiled()
    {
        var text = Flow("Evicted" + Guid.NewGuid().ToString("N"));
        var first = SharedCompilations.Compile(text, TestCatalog.Flagship);
        for (var i = 0; i < 600; i++) SharedCompilations.Compile(Flow("Filler" + i), TestCatalog.Flagship);
        Assert.NotSame(first, SharedCompilations.Compile(text, TestCatalog.Flagship));
    }
}
