using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Printing;
using Xunit;
using static SymbolicGen.Language.Tests.Printing.FlagshipIr;

namespace SymbolicGen.Language.Tests.Printing;

public class PrinterTests
{
    [Fact]
    public void Dataflow_prints_the_flagship_as_the_design_writes_it()
    {
        Assert.Equal(Parsing.Flagship.Dataflow, SymPrinter.Print(Flagship, TestCatalog.Flagship));
    }

    [Fact]
    public void Declarative_lists_components_then_every_link_aligned()
    {
        const string expected = """
            # Blend a jungle photo with ancient ruins, animate it, score it with birdsong and water.
            flow JungleRuins
              input  jungle: Image
              input  ruins: Image
              param  seconds: Duration = 6s
              output film: Video
              output poster: Image
              node poster = ImageBlend { weight: 0.45, mode: laplacian }
              node clip   = ImageToVideo { duration: seconds, fps: 24fps, motion: zoom_in }
              node birds  = Birdsong { duration: seconds, density: 0.7 }
              node water  = WaterAmbience { duration: seconds, flow: 0.5 }
              node sound  = AudioMix { gain_b: -6dB }
              node film   = AddAudio {}
              link jungle       -> poster.a
              link ruins        -> poster.b
              link poster.image -> clip.image
              link birds.audio  -> sound.a
              link water.audio  -> sound.b
              link clip.video   -> film.video
              link sound.audio  -> film.audio
              link film.video   -> film
              link poster.image -> poster
            end

            """;
        Assert.Equal(expected, SymPrinter.Print(Flagship, TestCatalog.Flagship, SyntaxStyle.Declarative));
    }

    [Fact]
    public void Natural_prints_the_flagship_as_the_design_writes_it()
    {
        // The IR carries the dataflow example's comment in place of the natural example's own.
        var natural = Parsing.Flagship.Natural;
        var expected = "# " + Comment + "\n" + natural.Substring(natural.IndexOf('\n') + 1);
        Assert.Equal(expected, SymPrinter.Print(Flagship, TestCatalog.Flagship, SyntaxStyle.Natural));
    }

    [Fact]
    public void Outputs_fed_by_another_node_get_an_alias_statement()
    {
        var flow = Flagship.Flows[0] with
        {
            Nodes = EquatableArray.Of(
                Node("blend", "ImageBlend"),
                Node("animate", "ImageToVideo")),
            Links = EquatableArray.Of(
                Link(null, "jungle", "blend", "a"),
                Link(null, "ruins", "blend", "b"),
                Link("blend", "image", "animate", "image"),
                Link("animate", "video", null, "film"),
                Link(null, "jungle", null, "poster")),
            Comments = default,
        };
        var file = new SymFile(EquatableArray.Of(flow));

        var dataflow = Lines(SymPrinter.Print(file, TestCatalog.Flagship));
        Assert.Contains("    blend   = ImageBlend(jungle, ruins)", dataflow);
        Assert.Contains("    film    = animate", dataflow);
        Assert.Contains("    poster  = jungle", dataflow);

        var natural = Lines(SymPrinter.Print(file, TestCatalog.Flagship, SyntaxStyle.Natural));
        Assert.Contains("blend is ImageBlend of jungle and ruins.", natural);
        Assert.Contains("film is animate.", natural);
        Assert.Contains("poster is jungle.", natural);
    }

    [Fact]
    public void Inputs_after_a_gap_and_inputs_of_unknown_functions_are_named()
    {
        var catalog = TestCatalog.Extended.With(new[]
        {
            new FunctionInfo("Composite",
                EquatableArray.Of(new PortInfo("base", PortType.Image, Optional: true), new PortInfo("over", PortType.Image), new PortInfo("mask", PortType.Mask)),
                EquatableArray.Of(new PortInfo("image", PortType.Image)),
                default),
        });
        var flow = new Flow("Cut", SyntaxStyle.Dataflow,
            EquatableArray.Of(new FlowPort("photo", PortType.Image)),
            default,
            EquatableArray.Of(new FlowPort("out", PortType.Image)),
            EquatableArray.Of(
                new Node("fg_mask", "Segment", default, EquatableArray.Of("fg", "mask")),
                Node("seg", "Segment"),
                Node("out", "Composite"),
                Node("mystery", "Unknown")),
            EquatableArray.Of(
                Link(null, "photo", "fg_mask", "image"),
                Link(null, "photo", "seg", "image"),
                Link("fg_mask", "fg", "out", "over"),
                Link("seg", "mask", "out", "mask"),
                Link("out", "image", "mystery", "x"),
                Link("out", "image", null, "out")));
        var file = new SymFile(EquatableArray.Of(flow));

        var dataflow = Lines(SymPrinter.Print(file, catalog));
        Assert.Contains("    (fg, mask) = Segment(photo)", dataflow);
        Assert.Contains("    out        = Composite(over: fg, mask: seg.mask)", dataflow);
        Assert.Contains("    mystery    = Unknown(x: out)", dataflow);
        Assert.DoesNotContain(dataflow, l => l.StartsWith("    out ") && l.Contains("= out"));

        var natural = Lines(SymPrinter.Print(file, catalog, SyntaxStyle.Natural));
        Assert.Contains("fg, mask is Segment of photo.", natural);
        Assert.Contains("out is Composite with over fg and mask seg.mask.", natural);
    }

    [Fact]
    public void Flows_called_by_other_flows_of_the_file_are_signatures_too()
    {
        var soundscape = new Flow("Soundscape", SyntaxStyle.Dataflow,
            default,
            EquatableArray.Of(new FlowParameter("seconds", ParamType.Duration, new QuantityValue(5, "s"))),
            EquatableArray.Of(new FlowPort("audio", PortType.Audio)),
            EquatableArray.Of(Node("audio", "Birdsong", Arg("duration", new ParameterRefValue("seconds")))),
            EquatableArray.Of(Link("audio", "audio", null, "audio")));
        var scored = new Flow("Scored", SyntaxStyle.Natural,
            EquatableArray.Of(new FlowPort("clip", PortType.Video)),
            default,
            EquatableArray.Of(new FlowPort("film", PortType.Video)),
            EquatableArray.Of(
                Node("bed", "Soundscape", Arg("seconds", new QuantityValue(2, "min"))),
                Node("film", "AddAudio")),
            EquatableArray.Of(
                Link(null, "clip", "film", "video"),
                Link("bed", "audio", "film", "audio"),
                Link("film", "video", null, "film")));
        var file = new SymFile(EquatableArray.Of(soundscape, scored), EquatableArray.Of("the end"));

        const string expected = """
            flow Soundscape(seconds: Duration = 5s) -> (audio: Audio) {
                audio = Birdsong(duration: seconds)
            }

            Scored is a flow that takes clip as a Video, and gives film as a Video.
            bed is Soundscape with seconds 2 minutes.
            film is AddAudio of clip and bed.

            # the end

            """;
        Assert.Equal(expected, SymPrinter.Print(file, TestCatalog.Flagship));
    }

    [Fact]
    public void Comments_go_above_the_header_at_the_top_of_the_body_above_and_after_steps()
    {
        var flow = Flagship.Flows[0] with
        {
            Comments = EquatableArray.Of("first", ""),
            Notes = EquatableArray.Of("a note"),
            Nodes = EquatableArray.Of(
                Flagship.Flows[0].Nodes[0] with { Comments = EquatableArray.Of("the still"), TrailingComment = "blend" },
                Flagship.Flows[0].Nodes[1],
                Flagship.Flows[0].Nodes[2],
                Flagship.Flows[0].Nodes[3],
                Flagship.Flows[0].Nodes[4],
                Flagship.Flows[0].Nodes[5] with { TrailingComment = "  spaced" }),
        };
        var file = new SymFile(EquatableArray.Of(flow));

        var dataflow = SymPrinter.Print(file, TestCatalog.Flagship);
        Assert.StartsWith("# first\n#\nflow JungleRuins(", dataflow);
        Assert.Contains(") {\n    # a note\n\n    # the still\n    poster = ImageBlend(jungle, ruins, weight: 0.45, mode: laplacian) # blend\n", dataflow);
        Assert.Contains("    film   = AddAudio(clip, sound) #   spaced\n}\n", dataflow);

        var declarative = SymPrinter.Print(file, TestCatalog.Flagship, SyntaxStyle.Declarative);
        Assert.Contains("flow JungleRuins\n  # a note\n\n  input  jungle: Image\n", declarative);
        Assert.Contains("  # the still\n  node poster = ImageBlend { weight: 0.45, mode: laplacian } # blend\n", declarative);

        var natural = SymPrinter.Print(file, TestCatalog.Flagship, SyntaxStyle.Natural);
        Assert.Contains("as an Image.\n# a note\n\n# the still\nposter is ImageBlend of jungle and ruins, with weight 0.45 and mode laplacian. # blend\n", natural);
    }

    [Theory]
    [InlineData(0.45, "0.45")]
    [InlineData(-3, "-3")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void Numbers_print_in_shortest_round_trip_form(double number, string expected)
    {
        Assert.Equal(expected, SymText.Number(number));
        Assert.Equal(number, double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(6, "s", "6s", "6 seconds")]
    [InlineData(1, "s", "1s", "1 second")]
    [InlineData(-6, "dB", "-6dB", "-6 dB")]
    [InlineData(24, "fps", "24fps", "24 fps")]
    [InlineData(44.1, "kHz", "44.1kHz", "44.1 kHz")]
    [InlineData(500, "ms", "500ms", "500 ms")]
    [InlineData(120, "f", "120f", "120 frames")]
    [InlineData(2, "min", "2min", "2 minutes")]
    [InlineData(50, "%", "50%", "50 percent")]
    [InlineData(2, "x", "2x", "2x")]
    [InlineData(512, "px", "512px", "512 px")]
    public void Quantities_are_glued_in_code_and_spelled_out_in_natural(double number, string unit, string code, string natural)
    {
        var value = new QuantityValue(number, unit);
        Assert.Equal(code, SymText.Code(value));
        Assert.Equal(natural, SymText.Natural(value));
    }

    [Theory]
    [InlineData("plain", false, "\"plain\"")]
    [InlineData("say \"hi\"\\now", false, "\"say \\\"hi\\\"\\\\now\"")]
    [InlineData("a\nb\tc\rd\u0001", false, "\"a\\nb\\tc\\u000dd\\u0001\"")]
    [InlineData("jungle, ruins\nat dusk \"old\" ✓", true, "\"\"\"jungle, ruins\nat dusk \"old\" ✓\"\"\"")]
    [InlineData("has \"\"\" inside", true, "\"has \\\"\\\"\\\" inside\"")]
    [InlineData("ends with \"", true, "\"\"\"ends with \"\"\"\"")]
    public void Strings_are_escaped_exactly_and_blocks_stay_raw_when_they_can(string text, bool block, string expected)
    {
        Assert.Equal(expected, SymText.String(new StringValue(text, block)));
    }

    [Fact]
    public void Other_values_print_as_written()
    {
        Assert.Equal("1024x576", SymText.Code(new SizeValue(1024, 576)));
        Assert.Equal("#1e90ff", SymText.Code(new ColorValue("#1e90ff")));
        Assert.Equal("true", SymText.Code(new BoolValue(true)));
        Assert.Equal("[1, 2s, zoom_in]", SymText.Code(new ListValue(EquatableArray.Of<Value>(new NumberValue(1), new QuantityValue(2, "s"), new SymbolValue("zoom_in")))));
        Assert.Equal("\"\\ud800x\"", SymText.Code(new StringValue("\ud800x")));
    }

    private static string[] Lines(string text) => text.Split('\n');
}
