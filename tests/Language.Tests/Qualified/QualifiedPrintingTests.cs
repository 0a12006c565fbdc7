using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Printing;
using SymbolicGen.Language.Tests.Printing;
using Xunit;

namespace SymbolicGen.Language.Tests.Qualified;

/// <summary><c>symgen fmt</c> keeps <c>using</c> lines and functions as written, in every syntax.</summary>
public class QualifiedPrintingTests
{
    private const string Dataflow = """
        # ComfyUI's nodes
        using comfy # imported
        # and ours
        using acme.video

        # the flow
        flow F(photo: Image, clip: Video) -> (out: Image, left: Image, faded: Video) {
            k      = KSampler(photo, seed: 7)
            (l, r) = comfy.SplitImage(k)
            e      = comfy.EmptyImage()
            faded  = Fade(clip, duration: 2s)
            out    = other.KSampler(e, cfg: 3.5)
            left   = l
        }

        """;

    private static SymFile Compile(string text)
    {
        var compilation = SymCompiler.Compile(text, QualifiedCatalog.Catalog);
        Assert.True(compilation.Diagnostics.All(d => d.Id == "SYM0304"), string.Join("\n", compilation.Diagnostics));
        return compilation.File;
    }

    [Fact]
    public void A_file_with_usings_and_qualified_calls_is_already_in_normal_form()
    {
        Assert.Equal(Dataflow, SymPrinter.Print(Compile(Dataflow), QualifiedCatalog.Catalog));
    }

    [Fact]
    public void Usings_and_names_as_written_survive_every_conversion()
    {
        var original = Compile(Dataflow);
        Assert.Equal(new[] { "comfy", "acme.video" }, original.Usings.Select(u => u.Namespace));
        Assert.Equal(new[] { "KSampler", null, null, "Fade", null }, original.Flows[0].Nodes.Select(n => n.FunctionAsWritten));

        var current = original;
        foreach (var style in new[] { SyntaxStyle.Natural, SyntaxStyle.Declarative, SyntaxStyle.Natural, SyntaxStyle.Dataflow })
        {
            var text = SymPrinter.Print(current, QualifiedCatalog.Catalog, style);
            Assert.StartsWith("# ComfyUI's nodes\nusing comfy # imported\n# and ours\nusing acme.video\n\n# the flow\n", text);
            current = Compile(text);
            var expected = original with { Flows = original.Flows.Select(f => f with { Syntax = style }).ToEquatableArray() };
            Assert.Null(IrDifference.Between(expected, current));
        }
        Assert.Equal(Dataflow, SymPrinter.Print(current, QualifiedCatalog.Catalog));
    }

    [Fact]
    public void The_natural_syntax_writes_a_bare_qualified_call_that_reads_back_as_the_call()
    {
        var text = SymPrinter.Print(Compile(Dataflow), QualifiedCatalog.Catalog, SyntaxStyle.Natural);

        Assert.Contains("\ne is comfy.EmptyImage.\n", text);
        Assert.Contains("\nk is KSampler of photo, with seed 7.\n", text);
        Assert.Contains("\nl, r is comfy.SplitImage of k.\n", text);
    }

    [Fact]
    public void A_file_of_only_usings_and_comments_prints_back_the_same()
    {
        const string text = "# header\nusing comfy # why\n\n# the end\n";
        var file = SymCompiler.Compile(text, QualifiedCatalog.Catalog).File;

        Assert.Equal(new[] { "the end" }, file.TrailingComments);
        Assert.Equal(text, SymPrinter.Print(file, QualifiedCatalog.Catalog));
    }
}
