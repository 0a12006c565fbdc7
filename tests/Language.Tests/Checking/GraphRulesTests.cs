using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;
using Xunit;

namespace SymbolicGen.Language.Tests.Checking;

/// <summary>SYM0301–SYM0306 and SYM0901.</summary>
public class GraphRulesTests
{
    [Fact]
    public void SYM0301_names_the_nodes_on_the_cycle()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image) {
                out = ImageBlend(photo, c)
                a = ImageBlend(photo, out)
                b = ImageBlend(a, photo)
                c = Resize(b, method: area)
                self = ImageBlend(self, photo)
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0301", 2, 5, "out", "cycle: 'out' -> 'a' -> 'b' -> 'c' -> 'out'"),
            new Seen("SYM0301", 6, 5, "self", "cycle: 'self' -> 'self'"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0301_declarative_links_may_form_a_cycle()
    {
        const string text = """
            flow T
              input photo: Image
              output out: Image
              node a = ImageBlend {}
              node b = ImageBlend {}
              link photo -> a.a
              link b -> a.b
              link a -> b.a
              link photo -> b.b
              link a -> out
            end
            """;

        Assert.Equal(new Seen("SYM0301", 4, 8, "a", "cycle: 'a' -> 'b' -> 'a'"), Checks.Single(text));
    }

    [Fact]
    public void SYM0301_flows_calling_themselves()
    {
        const string text = """
            flow A(photo: Image) -> (out: Image) {
                out = B(photo)
            }
            flow B(photo: Image) -> (out: Image) {
                out = A(photo)
            }
            flow C(photo: Image) -> (out: Image) {
                out = C(photo)
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0301", 2, 11, "B", "cycle: flow 'A' calls itself through 'B'"),
            new Seen("SYM0301", 5, 11, "A", "cycle: flow 'B' calls itself through 'A'"),
            new Seen("SYM0301", 8, 11, "C", "cycle: flow 'C' calls itself"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0301_aliases_naming_each_other_are_one_cycle()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image) {
                a = b
                b = a
                out = ImageBlend(a, photo)
            }
            """;

        Assert.Equal(new Seen("SYM0301", 2, 9, "b", "cycle: 'a' -> 'b' -> 'a'"), Checks.Single(text));
    }

    [Fact]
    public void SYM0302_required_inputs_and_parameters_must_be_given_optional_inputs_need_not()
    {
        const string text = """
            flow T(prompt: Text) -> (out: Image, small: Image) {
                out = TextToImage(prompt)
                small = Resize(out)
                film = AddAudio(small)
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0302", 3, 13, "Resize", "parameter 'method' of 'small' (Resize) has no default and is not given"),
            new Seen("SYM0304", 4, 5, "film", "'film' contributes to no output of 'T'"),
            new Seen("SYM0201", 4, 21, "small", "input 'video' of 'film' (AddAudio) expects Video, but 'small' is Image; insert 'ImageToVideo' to convert it"),
            new Seen("SYM0302", 4, 12, "AddAudio", "input 'audio' of 'film' (AddAudio) is not connected"),
        }.OrderBy(d => (d.Line, d.Column)), Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0201_names_the_converting_function_in_a_property_when_the_catalog_has_one()
    {
        var diagnostics = Checks.Compile("""
            flow T(photo: Image, sound: Audio) -> (film: Video, out: Image) {
                film = photo
                out = sound
            }
            """).Diagnostics.Where(d => d.Id == "SYM0201").ToList();

        Assert.Equal(2, diagnostics.Count);
        Assert.Equal("ImageToVideo", diagnostics[0].Properties[DiagnosticProperties.Bridge]);
        Assert.EndsWith("; insert 'ImageToVideo' to convert it", diagnostics[0].Message);
        Assert.False(diagnostics[1].Properties.ContainsKey(DiagnosticProperties.Bridge), diagnostics[1].Message);
    }

    [Fact]
    public void SYM0303_an_input_connected_twice()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image) {
                out = ImageBlend(photo, photo, a: photo)
            }
            """;

        Assert.Equal(new Seen("SYM0303", 2, 39, "photo", "input 'a' of 'out' (ImageBlend) is connected more than once"), Checks.Single(text));
    }

    [Fact]
    public void SYM0304_a_node_that_feeds_no_output_is_a_warning()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image) {
                out = ImageBlend(photo, photo)
                spare = Segment(photo)
                (fg, mask) = Segment(photo)
            }
            """;

        var compilation = Checks.Compile(text);

        Assert.Equal(new[]
        {
            new Seen("SYM0304", 3, 5, "spare", "'spare' contributes to no output of 'T'"),
            new Seen("SYM0304", 4, 6, "fg, mask", "'fg_mask' contributes to no output of 'T'"),
        }, Checks.See(compilation));
        Assert.All(compilation.Diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.False(compilation.HasErrors);
    }

    [Fact]
    public void SYM0305_outputs_assigned_never_or_twice()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image, missing: Image) {
                out = ImageBlend(photo, photo)
                out = photo
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0305", 1, 38, "missing: Image", "output 'missing' is never assigned"),
            new Seen("SYM0305", 3, 11, "photo", "output 'out' is assigned more than once"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0306_an_input_never_used_is_a_warning()
    {
        const string text = """
            T is a flow that takes photo as an Image and sound as an Audio, and gives out as an Image.
            out is ImageBlend of photo and photo.
            """;

        var compilation = Checks.Compile(text);

        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal(new Seen("SYM0306", 1, 46, "sound as an Audio", "input 'sound' is never used"), Checks.See(compilation, diagnostic));
        Assert.Equal(Severity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void SYM0901_a_bug_becomes_a_diagnostic_at_the_flow_instead_of_an_exception()
    {
        // A catalog entry with a null parameter name breaks an assumption the checker relies on.
        var broken = new FunctionInfo("Broken", EquatableArray.Of(new PortInfo("image", PortType.Image)), EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new ParameterInfo(null!, ParamType.Ratio, new NumberValue(0.5), 0, 1)));
        const string text = """
            flow Fine(photo: Image) -> (out: Image) {
                out = Broken(photo, weight: 2)
            }
            """;

        var compilation = SymCompiler.Compile(text, TestCatalog.Flagship.With(new[] { broken }));

        Assert.Contains(compilation.Diagnostics, d => d.Id == "SYM0901" && d.Start == 0 && d.Message.StartsWith("internal error while", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_works_on_IR_built_without_text()
    {
        var flow = new Flow("Built", SyntaxStyle.Dataflow,
            EquatableArray.Of(new FlowPort("photo", PortType.Image)),
            default,
            EquatableArray.Of(new FlowPort("film", PortType.Video)),
            EquatableArray.Of(new Node("clip", "ImageToVideo", EquatableArray.Of(new Argument("duration", new QuantityValue(2, "min"))))),
            EquatableArray.Of(
                new Link(new PortSource(null, "photo"), new PortTarget("clip", "image")),
                new Link(new PortSource("clip", "video"), new PortTarget(null, "film"))));

        var diagnostic = Assert.Single(Checker.Check(flow, TestCatalog.Flagship));

        Assert.Equal("'duration' is 2min = 120 s; ImageToVideo accepts 0.5 s to 60 s", diagnostic.Message);
    }
}
