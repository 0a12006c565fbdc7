using Xunit;

namespace SymbolicGen.Language.Tests.Checking;

/// <summary>SYM0101–SYM0106: functions, arguments and names.</summary>
public class NameRulesTests
{
    [Fact]
    public void SYM0101_unknown_function_suggests_the_closest_name()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image) {
                out = Imageblend(photo, photo)
            }
            """;

        Assert.Equal(new Seen("SYM0101", 2, 11, "Imageblend", "unknown function 'Imageblend'; did you mean 'ImageBlend'?"), Checks.Single(text));
    }

    [Fact]
    public void SYM0101_without_a_close_name_has_no_suggestion_and_no_fix()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image) {
                out = Sharpen(photo)
            }
            """;

        var compilation = Checks.Compile(text);

        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal("unknown function 'Sharpen'", diagnostic.Message);
        Assert.Empty(diagnostic.Fixes);
    }

    [Fact]
    public void SYM0101_suggests_the_flows_of_the_same_file()
    {
        const string text = """
            flow Soundscape(seconds: Duration = 5s) -> (audio: Audio) {
                audio = Birdsong(duration: seconds)
            }
            flow Main(photo: Image) -> (film: Video) {
                clip = ImageToVideo(photo)
                film = AddAudio(clip, Soundscap())
            }
            """;

        Assert.Contains(Checks.Diagnostics(text), d => d.Id == "SYM0001");
        const string called = """
            flow Soundscape(seconds: Duration = 5s) -> (audio: Audio) {
                audio = Birdsong(duration: seconds)
            }
            flow Main(photo: Image) -> (film: Video) {
                clip = ImageToVideo(photo)
                sound = Soundscap(seconds: 3s)
                film = AddAudio(clip, sound)
            }
            """;
        Assert.Equal(new Seen("SYM0101", 6, 13, "Soundscap", "unknown function 'Soundscap'; did you mean 'Soundscape'?"), Checks.Single(called));
    }

    [Fact]
    public void SYM0102_unknown_parameter_suggests_a_parameter()
    {
        const string text = """
            flow T(photo: Image) -> (out: Video) {
                out = ImageToVideo(photo, duraton: 3s)
            }
            """;

        Assert.Equal(new Seen("SYM0102", 2, 31, "duraton", "ImageToVideo has no input or parameter 'duraton'; did you mean 'duration'?"), Checks.Single(text));
    }

    [Fact]
    public void SYM0102_unknown_ports_in_links_and_references()
    {
        // 'bb' presumably means 'b', so 'b' is not also reported as unconnected.
        const string text = """
            flow T
              input photo: Image
              output out: Image
              node blend = ImageBlend { weight: 0.5 }
              link photo -> blend.a
              link photo -> blend.bb
              link photo -> blend.weight
              link blend.imag -> out
            end
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0102", 6, 23, "bb", "ImageBlend has no input 'bb'; did you mean 'b'?"),
            new Seen("SYM0102", 7, 23, "weight", "'weight' is a parameter of ImageBlend, not an input; set it in the node's braces"),
            new Seen("SYM0102", 8, 14, "imag", "'blend' (ImageBlend) has no output 'imag'; did you mean 'image'?"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0102_a_flow_input_has_no_ports()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image) {
                out = ImageBlend(photo.image, photo)
            }
            """;

        Assert.Equal(new Seen("SYM0102", 2, 28, "image", "'photo' is a flow input and has no port 'image'"), Checks.Single(text));
    }

    [Fact]
    public void SYM0103_duplicate_names_in_declarations_and_steps()
    {
        const string text = """
            flow T(photo: Image, photo: Image, seconds: Duration = 2s) -> (out: Image, out: Image) {
                seconds = ImageBlend(photo, photo)
                photo = ImageBlend(photo, photo)
                out = ImageBlend(photo, photo, weight: 0.1, weight: 0.2)
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0103", 1, 22, "photo", "'photo' is already defined as an input"),
            new Seen("SYM0103", 1, 76, "out", "'out' is already defined as an output"),
            new Seen("SYM0103", 2, 5, "seconds", "'seconds' is already defined as a parameter"),
            new Seen("SYM0304", 2, 5, "seconds", "'seconds' contributes to no output of 'T'"),
            new Seen("SYM0103", 3, 5, "photo", "'photo' is already defined as an input"),
            new Seen("SYM0304", 3, 5, "photo", "'photo' contributes to no output of 'T'"),
            new Seen("SYM0103", 4, 49, "weight", "parameter 'weight' is already given"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0103_a_node_may_share_its_name_with_an_output_but_flows_may_not_share_names()
    {
        const string text = """
            flow ImageBlend(photo: Image) -> (out: Image) {
                out = Resize(photo, method: area)
            }
            flow T(photo: Image) -> (out: Image) {
                out = Resize(photo, method: area)
            }
            flow T(photo: Image) -> (out: Image) {
                out = Resize(photo, method: area)
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0103", 1, 6, "ImageBlend", "flow 'ImageBlend' has the name of a catalog function"),
            new Seen("SYM0103", 7, 6, "T", "flow 'T' is already defined in this file"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0104_undefined_names_suggest_names_of_the_flow()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image) {
                blend = ImageBlend(photo, phtoo)
                out = blnd
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0104", 2, 31, "phtoo", "undefined name 'phtoo'; did you mean 'photo'?"),
            new Seen("SYM0104", 3, 11, "blnd", "undefined name 'blnd'; did you mean 'blend'?"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0104_unknown_types_undefined_nodes_and_outputs()
    {
        const string text = """
            flow T
              input photo: image
              output out: Image
              node blend = ImageBlend {}
              link photo -> blend.a
              link photo -> blend.b
              link photo -> blen.a
              link blend -> outt
              link blend -> out
            end
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0104", 2, 16, "image", "unknown type 'image'; did you mean 'Image'?"),
            new Seen("SYM0104", 7, 17, "blen", "undefined node 'blen'; did you mean 'blend'?"),
            new Seen("SYM0104", 8, 17, "outt", "'outt' is not an output of 'T'; did you mean 'out'?"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0104_flow_outputs_cannot_be_read()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image, twice: Image) {
                out = ImageBlend(photo, photo)
                twice = ImageBlend(out.image, photo)
            }
            """;

        // 'out' names the node that feeds the output, so it resolves; an output fed by an alias has no node.
        Assert.Empty(Checks.Diagnostics(text));
        const string alias = """
            flow T(photo: Image) -> (out: Image, twice: Image) {
                blend = ImageBlend(photo, photo)
                out = blend
                twice = ImageBlend(out, photo)
            }
            """;
        Assert.Equal(new Seen("SYM0104", 4, 24, "out", "undefined name 'out': flow outputs cannot be read, use the value that feeds it"), Checks.Single(alias));
    }

    [Fact]
    public void SYM0105_a_node_with_several_outputs_needs_a_port()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image) {
                seg = Segment(photo)
                out = ImageBlend(seg, photo)
            }
            """;

        var compilation = Checks.Compile(text);

        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal(new Seen("SYM0105", 3, 22, "seg", "'seg' (Segment) has 2 outputs ('fg' and 'mask'); select one with '.port', e.g. 'seg.fg'"),
            Checks.See(compilation, diagnostic));
        // Only 'fg' is an Image, so selecting it is the safe fix; 'mask' is offered.
        Assert.Equal(new[] { ("select 'seg.fg'", true), ("select 'seg.mask'", false) }, diagnostic.Fixes.Select(f => (f.Title, f.IsSafe)));
    }

    [Fact]
    public void SYM0105_destructuring_needs_as_many_names_as_outputs()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image) {
                (fg, mask, extra) = Segment(photo)
                out = ImageBlend(fg, photo)
            }
            """;

        Assert.Equal(new Seen("SYM0105", 2, 6, "fg, mask, extra", "Segment has 2 outputs ('fg' and 'mask') but 3 names are given"), Checks.Single(text));
    }

    [Fact]
    public void SYM0105_a_step_feeding_an_output_from_several_outputs_of_the_same_type()
    {
        const string text = """
            flow T(photo: Image) -> (out: Mask, fg: Image) {
                fg = Segment(photo)
                out = Segment(photo)
            }
            """;

        // 'fg' takes the one Image output, 'out' the one Mask output: nothing to report.
        Assert.Empty(Checks.Diagnostics(text));
        const string ambiguous = """
            flow T(photo: Image) -> (out: Audio) {
                out = Segment(photo)
            }
            """;
        Assert.Equal(new Seen("SYM0105", 2, 5, "out", "Segment has 2 outputs ('fg' and 'mask'); destructure the call to choose the one that feeds output 'out'"),
            Checks.Single(ambiguous));
    }

    [Fact]
    public void SYM0106_too_many_positional_arguments()
    {
        const string text = """
            flow T(photo: Image) -> (out: Video) {
                out = ImageToVideo(photo, 6s, 24fps)
            }
            """;

        Assert.Equal(new Seen("SYM0106", 2, 31, "6s, 24fps", "too many positional arguments: ImageToVideo takes 1 input ('image'); give parameters by name"), Checks.Single(text));
    }
}
