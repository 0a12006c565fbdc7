using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Syntax;
using SymbolicGen.Language.Tests.Parsing;
using Xunit;

namespace SymbolicGen.Language.Tests.Qualified;

/// <summary>Qualified function names in call position and <c>using</c> lines, as the parsers read them.</summary>
public class QualifiedParsingTests
{
    [Fact]
    public void Dataflow_a_dotted_name_before_a_paren_is_a_function_and_without_one_an_alias()
    {
        const string text = """
            flow F(photo: Image) -> (out: Image, left: Image) {
                k    = comfy.KSampler(photo, seed: 7)
                f    = acme.video.Fade(clip)
                out  = k.image
                left = comfy . SplitImage(photo)
            }
            """;
        var steps = ParseAssert.Flow(text).Steps;

        Assert.Equal("comfy.KSampler", steps[0].Function!.Text);
        ParseAssert.Covers(text, "comfy.KSampler", steps[0].Function!.Span);
        Assert.Equal(new ReferenceValue("photo", null), steps[0].Arguments[0].Value);
        Assert.Equal("seed", steps[0].Arguments[1].Name!.Text);

        Assert.Equal("acme.video.Fade", steps[1].Function!.Text);
        ParseAssert.Covers(text, "acme.video.Fade", steps[1].Function!.Span);

        Assert.Null(steps[2].Function);
        Assert.Equal(new ReferenceValue("k", "image"), steps[2].Alias);

        // As with `node . port`, the dots of a dataflow name may have spaces around them.
        Assert.Equal("comfy.SplitImage", steps[3].Function!.Text);
        ParseAssert.Covers(text, "comfy . SplitImage", steps[3].Function!.Span);
    }

    [Fact]
    public void Declarative_a_node_may_call_a_qualified_function_and_links_keep_their_ports()
    {
        const string text = """
            flow F
              input photo: Image
              output out: Image
              node k = comfy.KSampler { seed: 7 }
              node f = acme.video.Fade {}
              link photo -> k.model
              link k.image -> out
            end
            """;
        var flow = ParseAssert.Flow(text);

        Assert.Equal("comfy.KSampler", flow.Steps[0].Function!.Text);
        ParseAssert.Covers(text, "comfy.KSampler", flow.Steps[0].Function!.Span);
        Assert.Equal("acme.video.Fade", flow.Steps[1].Function!.Text);
        Assert.Equal(new ReferenceValue("k", "image"), flow.Links[1].Source);
        Assert.Equal("k", flow.Links[0].TargetNode!.Text);
        Assert.Equal("model", flow.Links[0].TargetPort.Text);
    }

    [Fact]
    public void Natural_a_dotted_name_with_arguments_or_more_dots_is_a_function_and_a_b_at_the_end_of_a_sentence_stays_a_selection()
    {
        const string text = "F is a flow that takes photo as an Image and gives out as an Image.\n" +
                            "k is comfy.KSampler of photo, with seed 7.\n" +
                            "w is comfy.KSampler with seed 8.\n" +
                            "f is acme.video.Fade.\n" +
                            "out is k.image.\n" +
                            "e is comfy.EmptyImage.\n" +
                            "last is mux.video.";
        var steps = ParseAssert.Flow(text).Steps;

        Assert.Equal("comfy.KSampler", steps[0].Function!.Text);
        ParseAssert.Covers(text, "comfy.KSampler", steps[0].Function!.Span);
        Assert.Equal(new ReferenceValue("photo", null), steps[0].Arguments[0].Value);
        Assert.Equal(new NumberValue(7), steps[0].Arguments[1].Value);
        Assert.Equal("comfy.KSampler", steps[1].Function!.Text);
        Assert.Equal("seed", Assert.Single(steps[1].Arguments).Name!.Text);

        Assert.Equal("acme.video.Fade", steps[2].Function!.Text);
        Assert.True(steps[2].IsBare);

        // `a.b.` is a port selection to the parser; the binder decides (QualifiedBindingTests).
        Assert.Equal(new ReferenceValue("k", "image"), steps[3].Alias);
        Assert.Equal(new ReferenceValue("comfy", "EmptyImage"), steps[4].Alias);
        ParseAssert.Covers(text, "comfy.EmptyImage", steps[4].Alias!.Span);
        ParseAssert.Covers(text, "comfy", steps[4].Alias!.NameSpan, within: "e is comfy");
        // The sentence's own '.' directly after the port ends the sentence, even at the end of the file.
        Assert.Equal(new ReferenceValue("mux", "video"), steps[5].Alias);
        ParseAssert.Covers(text, "last is mux.video.", steps[5].Span);
    }

    [Fact]
    public void Natural_a_dot_with_a_space_after_it_ends_the_sentence_rather_than_joining_a_name()
    {
        var steps = ParseAssert.Flow("F is a flow that gives out as an Image.\nout is comfy. e is comfy.EmptyImage.").Steps;

        Assert.Equal("comfy", steps[0].Function!.Text);
        Assert.True(steps[0].IsBare);
        Assert.Equal(new ReferenceValue("comfy", "EmptyImage"), steps[1].Alias);
    }

    [Fact]
    public void Using_lines_open_the_file_in_every_syntax_and_keep_their_comments()
    {
        const string header = """
            # imported nodes
            using comfy # ComfyUI
            # a second one
            # on two lines
            using acme.video

            # the flow
            """;
        foreach (var flow in new[]
                 {
                     "flow F(photo: Image) -> (out: Image) {\n    out = KSampler(photo)\n}\n",
                     "flow F\n  input photo: Image\n  output out: Image\n  node out = KSampler {}\nend\n",
                     "F is a flow that takes photo as an Image and gives out as an Image.\nout is KSampler of photo.\n",
                 })
        {
            var text = header + "\n" + flow;
            var file = ParseAssert.Clean(text);

            Assert.Equal(new[] { "comfy", "acme.video" }, file.Usings.Select(u => u.Namespace.Text));
            ParseAssert.Covers(text, "acme.video", file.Usings[1].Namespace.Span);
            ParseAssert.Covers(text, "using comfy", file.Usings[0].Span);
            Assert.Equal(new[] { "imported nodes" }, file.Usings[0].Comments);
            Assert.Equal("ComfyUI", file.Usings[0].TrailingComment);
            Assert.Equal(new[] { "a second one", "on two lines" }, file.Usings[1].Comments);
            Assert.Null(file.Usings[1].TrailingComment);
            Assert.Equal(new[] { "the flow" }, Assert.Single(file.Flows).Comments);
        }
    }

    [Fact]
    public void Using_is_an_ordinary_name_where_it_starts_no_using_line()
    {
        var file = ParseAssert.Clean("using is a flow that gives using as an Image.\nusing is comfy.EmptyImage.\n");

        Assert.Empty(file.Usings);
        var flow = Assert.Single(file.Flows);
        Assert.Equal("using", flow.Name.Text);
        Assert.Equal("using", Assert.Single(flow.Steps).Targets[0].Text);

        var dataflow = ParseAssert.Clean("flow using(using: Image) -> (out: Image) {\n    out = using\n}\n");
        Assert.Empty(dataflow.Usings);
        Assert.Equal("using", Assert.Single(dataflow.Flows).Name.Text);
    }

    [Theory]
    [InlineData("using\nflow F() -> (o: Image) {\n    o = comfy.EmptyImage()\n}\n", "expected a namespace but found end of line", "\n")]
    [InlineData("using comfy other\nflow F() -> (o: Image) {\n    o = comfy.EmptyImage()\n}\n", "expected end of line but found 'other'", "other")]
    [InlineData("using comfy.\nflow F() -> (o: Image) {\n    o = comfy.EmptyImage()\n}\n", "expected end of line but found '.'", ".")]
    [InlineData("using 3\nflow F() -> (o: Image) {\n    o = comfy.EmptyImage()\n}\n", "expected a namespace but found '3'", "3")]
    public void A_broken_using_line_costs_one_diagnostic_and_the_flow_still_parses(string text, string message, string at)
    {
        var result = SymParser.Parse(text);

        ParseAssert.Is(Assert.Single(result.Diagnostics), "SYM0001", message, text, at);
        Assert.Empty(result.Syntax.Usings);
        Assert.Equal("comfy.EmptyImage", Assert.Single(Assert.Single(result.Syntax.Flows).Steps).Function!.Text);
    }

    [Theory]
    [InlineData("flow F() -> (o: Image) {\n    o = comfy.EmptyImage()\n}\nusing comfy\nflow G() -> (o: Image) {\n    o = comfy.EmptyImage()\n}\n")]
    [InlineData("F is a flow that gives o as an Image.\no is comfy.EmptyImage.\nusing comfy\nG is a flow that gives o as an Image.\no is comfy.EmptyImage.\n")]
    public void A_using_line_after_a_flow_is_reported_and_the_next_flow_is_read(string text)
    {
        var result = SymParser.Parse(text);

        ParseAssert.Is(Assert.Single(result.Diagnostics), "SYM0001",
            "expected a flow header but found 'using': 'using' lines come before the first flow", text, "using");
        Assert.Equal(new[] { "F", "G" }, result.Syntax.Flows.Select(f => f.Name.Text));
        Assert.All(result.Syntax.Flows, f => Assert.Single(f.Steps));
    }

    [Theory]
    [InlineData("flow F(a: Image) -> (o: Image) {\n    o = Upscale(comfy.KSampler(a))\n}\n")]
    [InlineData("F is a flow that takes a as an Image and gives o as an Image.\no is Upscale of comfy.KSampler(a).\n")]
    public void A_qualified_call_as_an_argument_is_named_in_the_message(string text)
    {
        var result = SymParser.Parse(text);

        ParseAssert.Is(Assert.Single(result.Diagnostics), "SYM0001",
            "expected a value but found a call of 'comfy.KSampler'; assign the call to a name first", text, "(", within: "KSampler(");
    }
}
