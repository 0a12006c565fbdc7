using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Syntax;
using Xunit;

namespace SymbolicGen.Language.Tests.Checking;

/// <summary>The shape of the bound IR.</summary>
public class BinderTests
{
    private static Flow Bind(string text, string? flow = null)
    {
        var compilation = Checks.Compile(text);
        Assert.Empty(compilation.Diagnostics);
        return flow is null ? compilation.File.Flows.Single() : compilation.File.Flows.Single(f => f.Name == flow);
    }

    private static string Show(Link link)
    {
        var source = link.Source switch
        {
            PortSource { Node: null } input => input.Port,
            PortSource port => port.Node + "." + port.Port,
            ConstantSource constant => constant.Value.ToString()!,
            _ => "?",
        };
        var target = link.Target.Node is null ? link.Target.Port : link.Target.Node + "." + link.Target.Port;
        return source + " -> " + target;
    }

    [Fact]
    public void Positional_arguments_bind_inputs_in_order_and_named_ones_inputs_or_parameters()
    {
        var flow = Bind("""
            flow T(photo: Image, other: Image) -> (out: Image) {
                out = ImageBlend(b: other, a: photo, weight: 0.25)
            }
            """);

        Assert.Equal(new[] { "photo -> out.a", "other -> out.b", "out.image -> out" }, flow.Links.Select(Show));
        var argument = Assert.Single(flow.Nodes.Single().Arguments);
        Assert.Equal(new Argument("weight", new NumberValue(0.25)), argument);
    }

    [Fact]
    public void Parameter_values_become_enum_symbols_or_flow_parameter_references()
    {
        var flow = Bind("""
            flow T(photo: Image, seconds: Duration = 3s) -> (film: Video) {
                film = ImageToVideo(photo, duration: seconds, motion: pan_left)
            }
            """);

        Assert.Equal(new Value[] { new ParameterRefValue("seconds"), new SymbolValue("pan_left") }, flow.Nodes[0].Arguments.Select(a => a.Value));
        Assert.Equal(new FlowParameter("seconds", ParamType.Duration, new QuantityValue(3, "s")), flow.Parameters.Single());
    }

    [Fact]
    public void Destructuring_names_the_node_after_its_aliases_and_binds_them_to_the_outputs()
    {
        var flow = Bind("""
            flow T(photo: Image) -> (fg: Image, cut: Mask) {
                (fg, mask) = Segment(photo)
                cut = mask
            }
            """);

        var node = flow.Nodes.Single();
        Assert.Equal("fg_mask", node.Name);
        Assert.Equal(new[] { "fg", "mask" }, node.OutputAliases);
        Assert.Equal(new[] { "photo -> fg_mask.image", "fg_mask.fg -> fg", "fg_mask.mask -> cut" }, flow.Links.Select(Show));
    }

    [Fact]
    public void Ports_are_selected_with_a_dot_and_aliases_stand_for_what_they_name()
    {
        var flow = Bind("""
            flow T(photo: Image) -> (out: Image) {
                seg = Segment(photo)
                front = seg.fg
                both = seg
                out = ImageBlend(front, both.fg)
            }
            """);

        Assert.Equal(new[] { "photo -> seg.image", "seg.fg -> out.a", "seg.fg -> out.b", "out.image -> out" }, flow.Links.Select(Show));
        Assert.Equal(new[] { "seg", "out" }, flow.Nodes.Select(n => n.Name));
    }

    [Fact]
    public void A_string_literal_feeds_a_text_input_as_a_constant()
    {
        var flow = Bind("""
            flow T(photo: Image) -> (out: Image) {
                out = TextOverlay(photo, "Ancient ruins", size: 64px)
            }
            """);

        Assert.Equal(new ConstantSource(new StringValue("Ancient ruins")), flow.Links.Single(l => l.Target.Port == "text").Source);
    }

    [Fact]
    public void A_bare_natural_step_is_an_alias_of_a_node_or_input_and_otherwise_a_call()
    {
        var flow = Bind("""
            T is a flow that takes photo as an Image, and gives out as an Image and sound as an Audio.
            out is photo.
            sound is Birdsong.
            """);

        Assert.Equal(new[] { "photo -> out", "sound.audio -> sound" }, flow.Links.Select(Show));
        Assert.Equal("Birdsong", flow.Nodes.Single().Function);
    }

    [Fact]
    public void Flows_call_flows_of_the_same_file_in_any_order()
    {
        const string header = """
            flow Main(photo: Image) -> (film: Video) {
                clip = ImageToVideo(photo)
                sound = Soundscape(seconds: 4s)
                film = AddAudio(clip, sound)
            }

            flow Soundscape(seconds: Duration) -> (audio: Audio) {
                birds = Birdsong(duration: seconds)
                audio = AudioMix(birds, birds)
            }
            """;

        var compilation = Checks.Compile(header);

        Assert.Empty(compilation.Diagnostics);
        var bound = Binder.Bind(SymParser.Parse(header).Syntax, TestCatalog.Extended);
        var soundscape = bound.Catalog.Find("Soundscape")!;
        Assert.Equal(new ParameterInfo("seconds", ParamType.Duration), soundscape.Parameters.Single());
        Assert.Equal(new PortInfo("audio", PortType.Audio), soundscape.Outputs.Single());
        Assert.Null(TestCatalog.Extended.Find("Soundscape"));
    }

    [Fact]
    public void Comments_attach_to_flows_and_nodes_and_alias_comments_become_notes()
    {
        var flow = Bind("""
            # The flow.
            flow T(photo: Image) -> (out: Image) {
                # The blend.
                blend = ImageBlend(photo, photo) # trailing
                # Feeds the output.
                out = blend
            }
            """);

        Assert.Equal(new[] { "The flow." }, flow.Comments);
        Assert.Equal(new[] { "The blend." }, flow.Nodes[0].Comments);
        Assert.Equal("trailing", flow.Nodes[0].TrailingComment);
        Assert.Equal(new[] { "Feeds the output." }, flow.Notes);
    }

    [Fact]
    public void Spans_point_at_names_and_values()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image) {
                out = ImageBlend(photo, photo, weight: 0.5)
            }
            """;
        var compilation = Checks.Compile(text);
        var flow = compilation.File.Flows.Single();
        var node = flow.Nodes.Single();

        string At(Text.SourceSpan span) => text.Substring(span.Start, span.Length);
        Assert.Equal("T", At(flow.NameSpan));
        Assert.Equal("out", At(node.NameSpan));
        Assert.Equal("ImageBlend", At(node.FunctionSpan));
        Assert.Equal("weight", At(node.Arguments[0].NameSpan));
        Assert.Equal("0.5", At(node.Arguments[0].Value.Span));
        Assert.Equal("photo", At(flow.Links[1].Span));
        Assert.Equal(67, flow.Links[1].Span.Start);
    }

    [Fact]
    public void Errors_keep_the_written_names_in_the_IR()
    {
        var compilation = Checks.Compile("""
            flow T(photo: Image) -> (out: Image) {
                out = Blur(phot, radius: 3px)
            }
            """);

        var node = compilation.File.Flows.Single().Nodes.Single();
        Assert.Equal("Blur", node.Function);
        Assert.Equal(new Argument("radius", new QuantityValue(3, "px")), node.Arguments.Single());
        Assert.Equal(new[] { "phot -> out.", "out -> out" }, compilation.File.Flows.Single().Links.Select(Show));
    }
}
