using CsCheck;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Printing;
using SymbolicGen.Language.Tests.Parsing;
using Xunit;

namespace SymbolicGen.Language.Tests.Printing;

public class RoundTripTests
{
    // A few hundred files per syntax by default (a few seconds); SYMGEN_FUZZ_ITERATIONS asks for more.
    private static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("SYMGEN_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 300;

    [Theory]
    [InlineData(SyntaxStyle.Dataflow)]
    [InlineData(SyntaxStyle.Declarative)]
    [InlineData(SyntaxStyle.Natural)]
    [InlineData(null)]
    public void Compiling_a_printed_file_gives_back_its_ir(SyntaxStyle? style)
    {
        FlowGenerator.Files.Sample(
            file => AssertRoundTrip(file, FlowGenerator.Catalog, style),
            iter: Iterations,
            print: file => SymPrinter.Print(file, FlowGenerator.Catalog, style));
    }

    [Fact]
    public void The_flagship_converts_through_every_syntax_to_an_identical_ir()
    {
        var dataflow = Compile(Flagship.Dataflow, TestCatalog.Flagship);
        Assert.Null(IrDifference.Between(FlagshipIr.Flagship, dataflow));

        var declarative = Compile(SymPrinter.Print(dataflow, TestCatalog.Flagship, SyntaxStyle.Declarative), TestCatalog.Flagship);
        var natural = Compile(SymPrinter.Print(declarative, TestCatalog.Flagship, SyntaxStyle.Natural), TestCatalog.Flagship);
        var back = SymPrinter.Print(natural, TestCatalog.Flagship, SyntaxStyle.Dataflow);

        Assert.Null(IrDifference.Between(Restyle(dataflow, SyntaxStyle.Declarative), declarative));
        Assert.Null(IrDifference.Between(Restyle(dataflow, SyntaxStyle.Natural), natural));
        Assert.Equal(Flagship.Dataflow, back);
        Assert.Equal(dataflow, Compile(back, TestCatalog.Flagship));
    }

    [Theory]
    [MemberData(nameof(Flagship.All), MemberType = typeof(Flagship))]
    public void The_design_texts_are_already_in_normal_form(string text)
    {
        Assert.Equal(text, SymPrinter.Print(Compile(text, TestCatalog.Flagship), TestCatalog.Flagship));
    }

    [Fact]
    public void Comments_on_flows_steps_and_the_file_survive_every_conversion()
    {
        const string text = """
            # the flagship
            # in two lines
            flow JungleRuins(jungle: Image, ruins: Image, seconds: Duration = 6s) -> (film: Video, poster: Image) {
                # a note about the whole flow

                # the still
                poster = ImageBlend(jungle, ruins, weight: 0.45, mode: laplacian) # half and half
                clip   = ImageToVideo(poster, duration: seconds, fps: 24fps, motion: zoom_in)
                birds  = Birdsong(duration: seconds, density: 0.7)
                water  = WaterAmbience(duration: seconds, flow: 0.5)
                # birds louder than water
                sound  = AudioMix(birds, water, gain_b: -6dB) #   -6 dB
                film   = AddAudio(clip, sound)
            }

            # the end
            """;
        var original = Compile(text, TestCatalog.Flagship);
        var flow = original.Flows[0];
        Assert.Equal(new[] { "the flagship", "in two lines" }, flow.Comments);
        Assert.Equal(new[] { "a note about the whole flow" }, flow.Notes);
        Assert.Equal(new[] { "the still" }, flow.Nodes[0].Comments);
        Assert.Equal("half and half", flow.Nodes[0].TrailingComment);
        Assert.Equal(new[] { "birds louder than water" }, flow.Nodes[4].Comments);
        Assert.Equal("  -6 dB", flow.Nodes[4].TrailingComment);
        Assert.Equal(new[] { "the end" }, original.TrailingComments);

        var current = original;
        foreach (var style in new[] { SyntaxStyle.Natural, SyntaxStyle.Declarative, SyntaxStyle.Natural, SyntaxStyle.Dataflow })
        {
            current = Compile(SymPrinter.Print(current, TestCatalog.Flagship, style), TestCatalog.Flagship);
            Assert.Null(IrDifference.Between(Restyle(original, style), current));
        }
        Assert.Equal(text + "\n", SymPrinter.Print(current, TestCatalog.Flagship));
    }

    [Fact]
    public void Destructuring_and_outputs_fed_by_its_parts_survive_every_conversion()
    {
        const string text = """
            flow Cutout(photo: Image) -> (mask: Mask, title: Image, still: Image) {
                (fg, mask) = Segment(photo)
                title      = TextOverlay(fg, "Ruins \"at dusk\"", size: 64px, color: #1e90ff)
                still      = fg
            }

            """;
        var original = Compile(text, TestCatalog.Extended);
        Assert.Equal(new[] { "fg", "mask" }, original.Flows[0].Nodes[0].OutputAliases);
        foreach (var style in new[] { SyntaxStyle.Declarative, SyntaxStyle.Natural, SyntaxStyle.Dataflow })
            AssertRoundTrip(original, TestCatalog.Extended, style);
        Assert.Equal(text, SymPrinter.Print(original, TestCatalog.Extended));
    }

    private static void AssertRoundTrip(SymFile file, FunctionCatalog catalog, SyntaxStyle? style)
    {
        var text = SymPrinter.Print(file, catalog, style);
        var compiled = SymCompiler.Compile(text, catalog);
        var errors = compiled.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (errors.Count > 0) Assert.Fail($"{string.Join("; ", errors)}\n{text}");
        var expected = style is { } s ? Restyle(file, s) : file;
        if (IrDifference.Between(expected, compiled.File) is { } difference) Assert.Fail($"{difference}\n{text}");
    }

    private static SymFile Compile(string text, FunctionCatalog catalog)
    {
        var compiled = SymCompiler.Compile(text, catalog);
        Assert.Empty(compiled.Diagnostics);
        return compiled.File;
    }

    private static SymFile Restyle(SymFile file, SyntaxStyle style) =>
        file with { Flows = file.Flows.Select(f => f with { Syntax = style }).ToEquatableArray() };
}
