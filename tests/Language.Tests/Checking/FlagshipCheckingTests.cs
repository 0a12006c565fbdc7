using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Tests.Parsing;
using Xunit;

namespace SymbolicGen.Language.Tests.Checking;

public class FlagshipCheckingTests
{
    [Theory]
    [MemberData(nameof(Flagship.All), MemberType = typeof(Flagship))]
    public void The_flagship_checks_clean_in_each_syntax(string text)
    {
        var compilation = SymCompiler.Compile(text, TestCatalog.Flagship);

        Assert.Empty(compilation.Diagnostics);
        var flow = Assert.Single(compilation.File.Flows);
        Assert.Equal("JungleRuins", flow.Name);
        Assert.Equal(6, flow.Nodes.Count);
        Assert.Equal(9, flow.Links.Count);
    }

    // The same flow with the same node names, in each syntax.
    private const string Dataflow = """
        # Blend a jungle photo with ancient ruins.
        flow JungleRuins(jungle: Image, ruins: Image, seconds: Duration = 6s) -> (film: Video, poster: Image) {
            blend   = ImageBlend(jungle, ruins, weight: 0.45, mode: laplacian)
            animate = ImageToVideo(blend, duration: seconds, fps: 24fps, motion: zoom_in)
            birds   = Birdsong(duration: seconds, density: 0.7)
            water   = WaterAmbience(duration: seconds, flow: 0.5)
            mix     = AudioMix(birds, water, gain_b: -6dB)
            mux     = AddAudio(animate, mix)
            film    = mux
            poster  = blend
        }
        """;

    private const string Declarative = """
        # Blend a jungle photo with ancient ruins.
        flow JungleRuins
          input  jungle: Image
          input  ruins: Image
          param  seconds: Duration = 6s
          output film: Video
          output poster: Image
          node blend   = ImageBlend { weight: 0.45, mode: laplacian }
          node animate = ImageToVideo { duration: seconds, fps: 24fps, motion: zoom_in }
          node birds   = Birdsong { duration: seconds, density: 0.7 }
          node water   = WaterAmbience { duration: seconds, flow: 0.5 }
          node mix     = AudioMix { gain_b: -6dB }
          node mux     = AddAudio {}
          link blend.image   -> poster
          link mux.video     -> film
          link mix.audio     -> mux.audio
          link animate       -> mux.video
          link water.audio   -> mix.b
          link birds.audio   -> mix.a
          link blend         -> animate.image
          link ruins         -> blend.b
          link jungle        -> blend.a
        end
        """;

    private const string Natural = """
        # Blend a jungle photo with ancient ruins.
        JungleRuins is a flow that takes jungle as an Image and ruins as an Image, with seconds as a Duration of 6 seconds, and gives film as a Video and poster as an Image.
        blend is ImageBlend of jungle and ruins, with weight 0.45 and mode laplacian.
        animate is ImageToVideo of blend, with duration seconds, fps 24 fps and motion zoom_in.
        birds is Birdsong with duration seconds and density 0.7.
        water is WaterAmbience with duration seconds and flow 0.5.
        mix is AudioMix of birds and water, with gain_b -6 dB.
        mux is AddAudio of animate and mix.
        film is mux.
        poster is blend.
        """;

    [Fact]
    public void The_same_flow_in_three_syntaxes_binds_to_equal_IR()
    {
        var flows = new[] { Dataflow, Declarative, Natural }.Select(text =>
        {
            var compilation = SymCompiler.Compile(text, TestCatalog.Flagship);
            Assert.Empty(compilation.Diagnostics);
            return Assert.Single(compilation.File.Flows);
        }).ToList();

        Assert.Equal(new[] { SyntaxStyle.Dataflow, SyntaxStyle.Declarative, SyntaxStyle.Natural }, flows.Select(f => f.Syntax));
        var dataflow = flows[0];
        Assert.Equal(dataflow, flows[1] with { Syntax = SyntaxStyle.Dataflow });
        Assert.Equal(dataflow, flows[2] with { Syntax = SyntaxStyle.Dataflow });
        Assert.Equal(new[] { "Blend a jungle photo with ancient ruins." }, dataflow.Comments);
        // Links in canonical order: by target node and input order, then outputs in declared order.
        Assert.Equal(
            new[] { "blend.a", "blend.b", "animate.image", "mix.a", "mix.b", "mux.video", "mux.audio", "film", "poster" },
            dataflow.Links.Select(l => l.Target.Node is null ? l.Target.Port : l.Target.Node + "." + l.Target.Port));
    }

    [Fact]
    public void The_design_flagship_binds_alike_in_dataflow_and_natural()
    {
        var dataflow = SymCompiler.Compile(Flagship.Dataflow, TestCatalog.Flagship).File.Flows[0];
        var natural = SymCompiler.Compile(Flagship.Natural, TestCatalog.Flagship).File.Flows[0];

        Assert.Equal(dataflow with { Comments = natural.Comments }, natural with { Syntax = SyntaxStyle.Dataflow });
    }

    private const string TenMistakes = """
        flow Broken(jungle: Image, ruins: Image, seconds: Duration = 6s) -> (film: Video, poster: Video) {
            blend  = ImageBlend(jungel, ruins)
            clip   = ImageToVideo(blend, duration: 1800f)
            birds  = Birdsong(duration: 440Hz)
            water  = WaterAmbiance(duration: seconds)
            sound  = AudioMix(birds, water, gian_b: -6dB)
            birds  = Birdsong(duration: seconds)
            film   = AddAudio(clip, sound, fit: lop)
            poster = ImageBlend(blend, ruins)
            left   = ImageBlend(jungle, right)
            right  = ImageBlend(left)
        }
        """;

    [Fact]
    public void A_file_with_ten_mistakes_gets_exactly_ten_diagnostics_at_the_right_places()
    {
        Assert.Equal(new[]
        {
            new Seen("SYM0104", 2, 25, "jungel", "undefined name 'jungel'; did you mean 'jungle'?"),
            new Seen("SYM0203", 3, 44, "1800f", "'duration' is 1800f at 24 fps = 75 s; ImageToVideo accepts 0.5 s to 60 s"),
            new Seen("SYM0204", 4, 33, "440Hz", "'duration' is a Duration (s, ms, min, f); 440Hz is a Frequency"),
            new Seen("SYM0101", 5, 14, "WaterAmbiance", "unknown function 'WaterAmbiance'; did you mean 'WaterAmbience'?"),
            new Seen("SYM0102", 6, 37, "gian_b", "AudioMix has no input or parameter 'gian_b'; did you mean 'gain_b'?"),
            new Seen("SYM0103", 7, 5, "birds", "'birds' is already defined as a node"),
            new Seen("SYM0205", 8, 41, "lop", "unknown value 'lop' for 'fit'; did you mean 'loop'?"),
            new Seen("SYM0201", 9, 5, "poster", "output 'poster' expects Video, but 'poster' is Image; insert 'ImageToVideo' to convert it"),
            new Seen("SYM0301", 10, 5, "left", "cycle: 'left' -> 'right' -> 'left'"),
            new Seen("SYM0302", 11, 14, "ImageBlend", "input 'b' of 'right' (ImageBlend) is not connected"),
        }, Checks.Diagnostics(TenMistakes, TestCatalog.Flagship));
    }

    [Fact]
    public void A_syntax_error_does_not_hide_a_later_unknown_function()
    {
        const string text = """
            flow A(photo: Image) -> (out: Image) {
                x = ImageBlend(photo, photo, weight: )
                out = ImageBlnd(photo, x)
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0001", 2, 42, ")", "expected a value but found ')'"),
            new Seen("SYM0101", 3, 11, "ImageBlnd", "unknown function 'ImageBlnd'; did you mean 'ImageBlend'?"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void Diagnostics_of_several_flows_are_sorted_by_position()
    {
        const string text = """
            flow A(photo: Image) -> (out: Image) {
                out = ImageBlnd(photo, photo)
            }
            flow B(photo: Image) -> (out: Image) {
                out = ImageBlend(photo, photo, weight: 3)
            }
            """;

        var compilation = Checks.Compile(text);

        Assert.Equal(new[] { "SYM0101", "SYM0203" }, compilation.Diagnostics.Select(d => d.Id));
        Assert.True(compilation.HasErrors);
        Assert.Equal(2, compilation.File.Flows.Count);
    }
}
