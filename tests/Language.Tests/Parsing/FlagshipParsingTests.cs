using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Syntax;
using Xunit;

namespace SymbolicGen.Language.Tests.Parsing;

public class FlagshipParsingTests
{
    private static ReferenceValue Ref(string name, string? port = null) => new(name, port);

    private static void AssertHeader(FlowSyntax flow)
    {
        Assert.Equal("JungleRuins", flow.Name.Text);
        Assert.Equal(new[] { ("jungle", "Image"), ("ruins", "Image") }, flow.Inputs.Select(d => (d.Name.Text, d.Type.Text)));
        var seconds = Assert.Single(flow.Parameters);
        Assert.Equal(("seconds", "Duration"), (seconds.Name.Text, seconds.Type.Text));
        Assert.Equal(new QuantityValue(6, "s"), seconds.Default);
        Assert.Equal(new[] { ("film", "Video"), ("poster", "Image") }, flow.Outputs.Select(d => (d.Name.Text, d.Type.Text)));
        Assert.All(flow.Inputs.Concat(flow.Outputs), d => Assert.Null(d.Default));
    }

    [Fact]
    public void Dataflow_form_parses_into_calls_with_positional_and_named_arguments()
    {
        var text = Flagship.Dataflow;
        var flow = ParseAssert.Flow(text);

        Assert.Equal(SyntaxStyle.Dataflow, flow.Style);
        AssertHeader(flow);
        Assert.Empty(flow.Links);
        Assert.Equal(new[] { "poster", "clip", "birds", "water", "sound", "film" }, flow.Steps.Select(s => Assert.Single(s.Targets).Text));
        Assert.Equal(new[] { "ImageBlend", "ImageToVideo", "Birdsong", "WaterAmbience", "AudioMix", "AddAudio" }, flow.Steps.Select(s => s.Function!.Text));
        Assert.All(flow.Steps, s => Assert.Null(s.Alias));
        Assert.All(flow.Steps, s => Assert.False(s.IsBare));

        var poster = flow.Steps[0].Arguments;
        Assert.Equal(new ArgumentSyntax?[]
        {
            new(null, Ref("jungle"), default), new(null, Ref("ruins"), default),
            new(new Identifier("weight", default), new NumberValue(0.45), default),
            new(new Identifier("mode", default), Ref("laplacian"), default),
        }, poster);
        Assert.Equal(new Value[] { Ref("poster"), Ref("seconds"), new QuantityValue(24, "fps"), Ref("zoom_in") }, flow.Steps[1].Arguments.Select(a => a.Value));
        Assert.Equal(new Value[] { Ref("seconds"), new NumberValue(0.7) }, flow.Steps[2].Arguments.Select(a => a.Value));
        Assert.Equal(new QuantityValue(-6, "dB"), flow.Steps[4].Arguments[2].Value);
        Assert.Equal("gain_b", flow.Steps[4].Arguments[2].Name!.Text);

        Assert.Equal(new[] { "Blend a jungle photo with ancient ruins, animate it, score it with birdsong and water." }, flow.Comments);

        ParseAssert.Covers(text, "JungleRuins", flow.Name.Span);
        ParseAssert.Covers(text, "seconds: Duration = 6s", flow.Parameters[0].Span);
        ParseAssert.Covers(text, "6s", flow.Parameters[0].Default!.Span);
        ParseAssert.Covers(text, "weight: 0.45", poster[2].Span);
        ParseAssert.Covers(text, "0.45", poster[2].Value.Span);
        ParseAssert.Covers(text, "laplacian", poster[3].Value.Span);
        ParseAssert.Covers(text, "-6dB", flow.Steps[4].Arguments[2].Value.Span);
        ParseAssert.Covers(text, "poster = ImageBlend(jungle, ruins, weight: 0.45, mode: laplacian)", flow.Steps[0].Span);
        ParseAssert.Covers(text, "ImageToVideo", flow.Steps[1].Function!.Span);
        ParseAssert.Covers(text, text.Substring(text.IndexOf("flow ", StringComparison.Ordinal)).TrimEnd(), flow.Span);
    }

    [Fact]
    public void Declarative_form_parses_into_nodes_and_links()
    {
        var text = Flagship.Declarative;
        var flow = ParseAssert.Flow(text);

        Assert.Equal(SyntaxStyle.Declarative, flow.Style);
        AssertHeader(flow);
        Assert.Equal(new[] { "blend", "animate", "birds", "water", "mix", "mux" }, flow.Steps.Select(s => Assert.Single(s.Targets).Text));
        Assert.Equal(new[] { "ImageBlend", "ImageToVideo", "Birdsong", "WaterAmbience", "AudioMix", "AddAudio" }, flow.Steps.Select(s => s.Function!.Text));
        Assert.All(flow.Steps.SelectMany(s => s.Arguments), a => Assert.NotNull(a.Name));
        Assert.Empty(flow.Steps[5].Arguments);
        Assert.Equal(new Value[] { Ref("seconds"), new QuantityValue(24, "fps"), Ref("zoom_in") }, flow.Steps[1].Arguments.Select(a => a.Value));

        Assert.Equal(new[]
        {
            "jungle -> blend.a", "ruins -> blend.b", "blend.image -> animate.image", "birds.audio -> mix.a",
            "water.audio -> mix.b", "animate.video -> mux.video", "mix.audio -> mux.audio", "mux.video -> film", "blend.image -> poster",
        }, flow.Links.Select(l =>
        {
            var source = (ReferenceValue)l.Source;
            var from = source.Port is null ? source.Name : source.Name + "." + source.Port;
            var to = l.TargetNode is null ? l.TargetPort.Text : l.TargetNode.Text + "." + l.TargetPort.Text;
            return from + " -> " + to;
        }));

        ParseAssert.Covers(text, "node mux     = AddAudio {}", flow.Steps[5].Span);
        ParseAssert.Covers(text, "link mux.video     -> film", flow.Links[7].Span);
        ParseAssert.Covers(text, "mux.video", flow.Links[7].Source.Span, occurrence: 1);
        ParseAssert.Covers(text, "mux", ((ReferenceValue)flow.Links[7].Source).NameSpan, occurrence: 3);
        ParseAssert.Covers(text, "film", flow.Links[7].TargetPort.Span, occurrence: 1);
        ParseAssert.Covers(text, "param  seconds: Duration = 6s".Substring(7), flow.Parameters[0].Span);
    }

    [Fact]
    public void Natural_form_parses_into_the_same_header_and_steps_as_the_dataflow_form()
    {
        var text = Flagship.Natural;
        var flow = ParseAssert.Flow(text);
        var dataflow = ParseAssert.Flow(Flagship.Dataflow);

        Assert.Equal(SyntaxStyle.Natural, flow.Style);
        AssertHeader(flow);
        // Spans compare equal, so this compares names, functions, argument names and values.
        Assert.Equal(dataflow.Inputs, flow.Inputs);
        Assert.Equal(dataflow.Parameters, flow.Parameters);
        Assert.Equal(dataflow.Outputs, flow.Outputs);
        Assert.Equal(dataflow.Steps, flow.Steps);

        ParseAssert.Covers(text, "seconds as a Duration of 6 seconds", flow.Parameters[0].Span);
        ParseAssert.Covers(text, "6 seconds", flow.Parameters[0].Default!.Span);
        ParseAssert.Covers(text, "24 fps", flow.Steps[1].Arguments[2].Value.Span);
        ParseAssert.Covers(text, "fps 24 fps", flow.Steps[1].Arguments[2].Span);
        ParseAssert.Covers(text, "-6 dB", flow.Steps[4].Arguments[2].Value.Span);
        ParseAssert.Covers(text, "film is AddAudio of clip and sound.", flow.Steps[5].Span);
        ParseAssert.Covers(text, "water", flow.Steps[4].Arguments[1].Value.Span, occurrence: 1);
    }

    [Fact]
    public void The_three_forms_in_one_file_give_three_flows_in_their_own_syntax()
    {
        var text = Flagship.Dataflow + "\n\n" + Flagship.Declarative + "\n\n" + Flagship.Natural + "\n";
        var flows = ParseAssert.Clean(text).Flows;

        Assert.Equal(new[] { SyntaxStyle.Dataflow, SyntaxStyle.Declarative, SyntaxStyle.Natural }, flows.Select(f => f.Style));
        Assert.All(flows, AssertHeader);
        Assert.Equal(ParseAssert.Flow(Flagship.Natural), flows[2]);
    }
}
