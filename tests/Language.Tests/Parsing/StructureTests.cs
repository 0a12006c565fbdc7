using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Syntax;
using Xunit;

namespace SymbolicGen.Language.Tests.Parsing;

public class StructureTests
{
    private static string[] Names(IEnumerable<Identifier> names) => names.Select(n => n.Text).ToArray();

    [Fact]
    public void Dataflow_destructuring_assigns_several_names()
    {
        var text = "flow Cutout(photo: Image) -> (cut: Image) {\n    (fg, mask) = Segment(photo)\n    cut = Apply(fg, mask)\n}\n";
        var step = ParseAssert.Flow(text).Steps[0];
        Assert.Equal(new[] { "fg", "mask" }, Names(step.Targets));
        Assert.Equal("Segment", step.Function!.Text);
        ParseAssert.Covers(text, "fg", step.Targets[0].Span);
        ParseAssert.Covers(text, "mask", step.Targets[1].Span);
        ParseAssert.Covers(text, "(fg, mask) = Segment(photo)", step.Span);
    }

    [Fact]
    public void Dataflow_aliases_name_a_node_a_port_or_an_input()
    {
        var text = "flow F(a: Image) -> (film: Video, same: Image) {\n    mux = AddAudio(clip, sound)\n    film = mux.video\n    same = a\n}\n";
        var steps = ParseAssert.Flow(text).Steps;
        Assert.Null(steps[1].Function);
        Assert.Empty(steps[1].Arguments);
        Assert.Equal(new ReferenceValue("mux", "video"), steps[1].Alias);
        ParseAssert.Covers(text, "mux.video", steps[1].Alias!.Span);
        ParseAssert.Covers(text, "mux", steps[1].Alias!.NameSpan, occurrence: 1);
        Assert.Equal(new ReferenceValue("a", null), steps[2].Alias);
        ParseAssert.Covers(text, "film = mux.video", steps[1].Span);
    }

    [Fact]
    public void Dataflow_header_declarations_of_a_media_type_are_inputs_and_the_others_parameters()
    {
        var flow = ParseAssert.Flow("flow Mixed(seconds: Duration = 5s, a: Text, count: Int, b: Mask, c: Audio) -> (out: Video) {\n}\n");
        Assert.Equal(new[] { "a", "b", "c" }, Names(flow.Inputs.Select(d => d.Name)));
        Assert.Equal(new[] { "seconds", "count" }, Names(flow.Parameters.Select(d => d.Name)));
        Assert.Null(flow.Parameters[1].Default);
        Assert.Empty(flow.Steps);
    }

    [Fact]
    public void Dataflow_flows_may_have_no_inputs_a_single_output_and_trailing_commas()
    {
        var none = ParseAssert.Flow("flow Noise() -> (audio: Audio) { audio = Birdsong() }");
        Assert.Empty(none.Inputs);
        Assert.Empty(none.Parameters);
        Assert.Empty(Assert.Single(none.Steps).Arguments);

        var soundscape = ParseAssert.Flow("flow Soundscape(seconds: Duration = 5s,) -> audio: Audio {\n  audio = Birdsong(duration: seconds,)\n}");
        Assert.Equal("seconds", Assert.Single(soundscape.Parameters).Name.Text);
        Assert.Equal("audio", Assert.Single(soundscape.Outputs).Name.Text);
        Assert.Single(Assert.Single(soundscape.Steps).Arguments);
    }

    [Fact]
    public void Dataflow_statements_may_span_lines_and_share_one()
    {
        var flow = ParseAssert.Flow("flow F(a: Image) -> (o: Image) { b = G(a,\n    weight: 1,\n    mode: x) o = H(b) }");
        Assert.Equal(new[] { "b", "o" }, flow.Steps.Select(s => s.Targets[0].Text));
        Assert.Equal(3, flow.Steps[0].Arguments.Count);
    }

    [Fact]
    public void Declarative_links_take_inputs_nodes_ports_and_literals_as_sources()
    {
        var text = "flow F\n  input a: Image\n  output o: Image\n  node g = Gen {}\n  link a -> g.image\n  link \"sky\" -> g.prompt\n  link g -> o\n  link 0.5 -> g.weight\nend\n";
        var links = ParseAssert.Flow(text).Links;
        Assert.Equal(new Value[] { new ReferenceValue("a", null), new StringValue("sky"), new ReferenceValue("g", null), new NumberValue(0.5) }, links.Select(l => l.Source));
        Assert.Null(links[2].TargetNode);
        Assert.Equal("o", links[2].TargetPort.Text);
        ParseAssert.Covers(text, "link \"sky\" -> g.prompt", links[1].Span);
    }

    [Fact]
    public void Declarative_nodes_may_destructure_like_dataflow_statements()
    {
        var text = "flow Cutout\n  input photo: Image\n  output cut: Image\n  node (fg, mask) = Segment {}\n  link photo -> fg_mask.image\nend\n";
        var step = Assert.Single(ParseAssert.Flow(text).Steps);
        Assert.Equal(new[] { "fg", "mask" }, Names(step.Targets));
        ParseAssert.Covers(text, "mask", step.Targets[1].Span);
        ParseAssert.Covers(text, "node (fg, mask) = Segment {}", step.Span);
        Assert.Equal(ParseAssert.Flow("flow Cutout(photo: Image) -> (cut: Image) {\n  (fg, mask) = Segment()\n}").Steps, ParseAssert.Flow(text).Steps);
    }

    [Fact]
    public void Declarative_blank_lines_are_ignored_and_the_body_may_be_empty()
    {
        var flow = ParseAssert.Flow("flow Empty\n\n\nend");
        Assert.Empty(flow.Steps);
        Assert.Empty(flow.Links);
        Assert.Equal(SyntaxStyle.Declarative, flow.Style);
    }

    [Fact]
    public void Natural_bare_steps_aliases_and_destructuring()
    {
        var text = "F is a flow that takes photo as an Image and gives film as a Video and cut as an Image.\n" +
                   "fg, mask is Segment of photo.\nmux is AddAudio of clip and sound.\nfilm is mux.\ncut is mux.video.\nnoise is Birdsong.\n";
        var steps = ParseAssert.Flow(text).Steps;

        Assert.Equal(new[] { "fg", "mask" }, Names(steps[0].Targets));
        Assert.Equal("Segment", steps[0].Function!.Text);
        Assert.False(steps[0].IsBare);

        Assert.True(steps[2].IsBare);
        Assert.Equal("mux", steps[2].Function!.Text);
        Assert.Empty(steps[2].Arguments);
        Assert.Null(steps[2].Alias);
        ParseAssert.Covers(text, "film is mux.", steps[2].Span);

        Assert.Null(steps[3].Function);
        Assert.Equal(new ReferenceValue("mux", "video"), steps[3].Alias);
        ParseAssert.Covers(text, "mux.video", steps[3].Alias!.Span);
        ParseAssert.Covers(text, "cut is mux.video.", steps[3].Span);

        Assert.True(steps[4].IsBare);
        Assert.Equal("Birdsong", steps[4].Function!.Text);
    }

    [Fact]
    public void Natural_commas_before_and_are_optional_and_a_is_an()
    {
        var plain = ParseAssert.Flow("F is a flow that takes a as an Image, b as a Image, and c as an Image with k as an Int of 3 and gives o as an Image.\n" +
                                     "o is G of a, b, and c, with x 1, y 2, and z 3.\n");
        var terse = ParseAssert.Flow("F is an flow that takes a as an Image and b as an Image and c as a Image, with k as a Int of 3, and gives o as a Image.\n" +
                                     "o is G of a and b and c with x 1 and y 2 and z 3.\n");
        Assert.Equal(plain, terse);
        Assert.Equal(3, plain.Inputs.Count);
        Assert.Equal(new NumberValue(3), Assert.Single(plain.Parameters).Default);
        Assert.Equal(new string?[] { null, null, null, "x", "y", "z" }, plain.Steps[0].Arguments.Select(a => a.Name?.Text));
    }

    [Fact]
    public void Natural_headers_may_omit_takes_and_with_and_sentences_may_share_lines_or_span_them()
    {
        var flow = ParseAssert.Flow("Soundscape is a flow that, with seconds as a Duration of 5 seconds, gives audio as an Audio. audio is\n  Birdsong with\n  duration seconds.");
        Assert.Empty(flow.Inputs);
        Assert.Equal(new QuantityValue(5, "s"), flow.Parameters[0].Default);
        Assert.Equal("Birdsong", Assert.Single(flow.Steps).Function!.Text);

        var bare = ParseAssert.Flow("Noise is a flow that gives audio as an Audio.\naudio is Birdsong.");
        Assert.Empty(bare.Parameters);
        Assert.True(Assert.Single(bare.Steps).IsBare);
    }

    [Fact]
    public void Natural_values_include_ports_strings_lists_and_literals()
    {
        var flow = ParseAssert.Flow("F is a flow that gives o as an Image.\no is G of mux.video and \"a.b. c\", with size 1024x576, tint #1e90ff, tags [a, b] and on true.");
        Assert.Equal(new Value[]
        {
            new ReferenceValue("mux", "video"), new StringValue("a.b. c"), new SizeValue(1024, 576), new ColorValue("#1e90ff"),
            new ListValue(EquatableArray.Of<Value>(new ReferenceValue("a", null), new ReferenceValue("b", null))), new BoolValue(true),
        }, Assert.Single(flow.Steps).Arguments.Select(a => a.Value));
    }

    [Fact]
    public void A_file_holds_several_flows_in_any_mix_of_syntaxes()
    {
        var text = "flow A() -> (o: Audio) { o = Birdsong() }\n" +
                   "B is a flow that gives o as an Audio.\no is A.\n" +
                   "flow C\n  output o: Audio\n  node a = A {}\n  link a -> o\nend\n" +
                   "flow D() -> (o: Audio) {\n  o = B()\n}\n";
        var flows = ParseAssert.Clean(text).Flows;
        Assert.Equal(new[] { "A", "B", "C", "D" }, flows.Select(f => f.Name.Text));
        Assert.Equal(new[] { SyntaxStyle.Dataflow, SyntaxStyle.Natural, SyntaxStyle.Declarative, SyntaxStyle.Dataflow }, flows.Select(f => f.Style));
        Assert.All(flows, f => Assert.Single(f.Steps));
        ParseAssert.Covers(text, "B is a flow that gives o as an Audio.\no is A.", flows[1].Span);
    }

    [Fact]
    public void Keywords_are_contextual()
    {
        var flow = ParseAssert.Flow("flow F(flow: Float = 1, end: Int = 2) -> (node: Image) {\n  node = G(flow: flow, link: end)\n}");
        Assert.Equal(new[] { "flow", "end" }, Names(flow.Parameters.Select(p => p.Name)));
        Assert.Equal("node", flow.Steps[0].Targets[0].Text);

        var natural = ParseAssert.Flow("F is a flow that gives o as an Image.\nflow is G with is 1 and with 2.\no is flow.");
        Assert.Equal(new[] { "flow", "o" }, natural.Steps.Select(s => s.Targets[0].Text));
    }
}
