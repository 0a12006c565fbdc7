using SymbolicGen.Language.Diagnostics;
using Xunit;

namespace SymbolicGen.Language.Tests.Checking;

/// <summary>SYM0201–SYM0207: media types, parameter types, units and ranges.</summary>
public class ValueRulesTests
{
    [Fact]
    public void SYM0201_names_a_bridging_function_when_the_catalog_has_one()
    {
        const string text = """
            flow T(photo: Image, sound: Audio) -> (film: Video) {
                film = AddAudio(photo, sound)
            }
            """;

        Assert.Equal(new Seen("SYM0201", 2, 21, "photo", "input 'video' of 'film' (AddAudio) expects Video, but 'photo' is Image; insert 'ImageToVideo' to convert it"),
            Checks.Single(text));
    }

    [Fact]
    public void SYM0201_without_a_bridge_only_states_the_mismatch()
    {
        const string text = """
            flow T(photo: Image, sound: Audio) -> (out: Image) {
                out = ImageBlend(photo, sound)
            }
            """;

        Assert.Equal(new Seen("SYM0201", 2, 29, "sound", "input 'b' of 'out' (ImageBlend) expects Image, but 'sound' is Audio"), Checks.Single(text));
    }

    [Fact]
    public void SYM0201_a_string_may_feed_a_text_input_only()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image, drawn: Image) {
                out = TextOverlay(photo, "Ancient ruins")
                drawn = ImageBlend(photo, "a cat")
            }
            """;

        Assert.Equal(new Seen("SYM0201", 3, 31, "\"a cat\"", "input 'b' of 'drawn' (ImageBlend) expects Image, but a string is Text; insert 'TextToImage' to convert it"),
            Checks.Single(text));
    }

    [Fact]
    public void SYM0201_other_literals_and_parameters_are_not_media()
    {
        const string text = """
            flow T(photo: Image, seconds: Duration = 2s) -> (out: Image, other: Image) {
                out = ImageBlend(photo, 0.5)
                other = ImageBlend(photo, seconds)
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0201", 2, 29, "0.5", "input 'b' of 'out' (ImageBlend) expects Image, but a literal is not media"),
            new Seen("SYM0201", 3, 31, "seconds", "'seconds' is a parameter, but input 'b' of 'other' (ImageBlend) needs media"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0202_parameter_type_mismatches()
    {
        const string text = """
            flow T(photo: Image, rate: Frequency = 8kHz) -> (out: Image) {
                big = Upscale(photo, factor: 2.5, tiled: "yes", model: 3, sharpness: rate)
                out = Resize(big, size: 12px, method: "lanczos")
            }
            """;

        var compilation = Checks.Compile(text);

        Assert.Equal(new[]
        {
            new Seen("SYM0202", 2, 34, "2.5", "'factor' takes a whole number; 2.5 is not one"),
            new Seen("SYM0202", 2, 46, "\"yes\"", "'tiled' takes true or false, not a string"),
            new Seen("SYM0202", 2, 60, "3", "'model' takes a string, not the number 3"),
            new Seen("SYM0202", 2, 74, "rate", "'sharpness' takes a Float, but parameter 'rate' is a Frequency"),
            new Seen("SYM0202", 3, 29, "12px", "'size' takes a Size, not 12px"),
            new Seen("SYM0202", 3, 43, "\"lanczos\"", "'method' takes a word, not a string: write lanczos without quotes"),
        }, Checks.See(compilation));
        var unquote = compilation.Diagnostics.Last().Fixes.Single();
        Assert.True(unquote.IsSafe);
        Assert.Equal("lanczos", unquote.Edits.Single().NewText);
    }

    [Fact]
    public void SYM0202_declarations_with_a_type_of_the_wrong_kind()
    {
        const string text = """
            flow T
              input x: Duration
              input photo: Image
              param p: Image
              output o: Ratio
              output out: Image
              link photo -> out
            end
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0202", 2, 12, "Duration", "'Duration' is not a media type; inputs take Text, Image, Mask, Audio or Video"),
            new Seen("SYM0202", 4, 12, "Image", "'Image' is a media type; declare 'p' as an input"),
            new Seen("SYM0202", 5, 13, "Ratio", "'Ratio' is not a media type; outputs give Text, Image, Mask, Audio or Video"),
        }, Checks.Diagnostics(text));
        Assert.Equal(new Seen("SYM0202", 1, 23, "\"x\"", "'photo' is media and cannot have a default value"),
            Checks.Single("flow T(photo: Image = \"x\") -> (out: Image) {\n    out = photo\n}"));
    }

    [Fact]
    public void SYM0202_media_names_and_plain_words_are_not_values()
    {
        const string text = """
            flow T(photo: Image) -> (out: Video) {
                out = ImageToVideo(photo, duration: photo, zoom: lots)
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0202", 2, 41, "photo", "'duration' takes a Duration (s, ms, min, f), not the media value 'photo'"),
            new Seen("SYM0202", 2, 54, "lots", "'zoom' takes a Ratio (a fraction or %), not 'lots'"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0203_shows_the_written_and_the_converted_value()
    {
        const string text = """
            flow T(photo: Image, a: Audio, b: Audio) -> (film: Video, mix: Audio, blend: Image) {
                film = ImageToVideo(photo, duration: 1200f, fps: 12fps)
                mix = AudioMix(a, b, gain_b: 2x, gain_a: -90dB)
                blend = ImageBlend(photo, photo, weight: 150%)
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0203", 2, 42, "1200f", "'duration' is 1200f at 12 fps = 100 s; ImageToVideo accepts 0.5 s to 60 s"),
            new Seen("SYM0203", 3, 46, "-90dB", "'gain_a' is -90 dB; AudioMix accepts -60 dB to 12 dB"),
            new Seen("SYM0203", 4, 46, "150%", "'weight' is 150% = 1.5; ImageBlend accepts 0 to 1"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0203_converts_frames_linear_gain_minutes_and_kilohertz()
    {
        const string text = """
            flow T(photo: Image, a: Audio, b: Audio) -> (film: Video, mix: Audio, birds: Audio) {
                film = ImageToVideo(photo, duration: 1500f)
                mix = AudioMix(a, b, gain_b: 8x)
                birds = Birdsong(duration: 11min, sample_rate: 200kHz)
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0203", 2, 42, "1500f", "'duration' is 1500f at 24 fps = 62.5 s; ImageToVideo accepts 0.5 s to 60 s"),
            new Seen("SYM0203", 3, 34, "8x", "'gain_b' is 8x = 18.06 dB; AudioMix accepts -60 dB to 12 dB"),
            new Seen("SYM0203", 4, 32, "11min", "'duration' is 11min = 660 s; Birdsong accepts 0.1 s to 600 s"),
            new Seen("SYM0203", 4, 52, "200kHz", "'sample_rate' is 200kHz = 200000 Hz; Birdsong accepts 8000 Hz to 192000 Hz"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0203_the_clamp_fix_is_offered_not_safe()
    {
        const string text = """
            flow T(photo: Image) -> (film: Video) {
                film = ImageToVideo(photo, duration: 120s)
            }
            """;

        var compilation = Checks.Compile(text);

        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal("'duration' is 120 s; ImageToVideo accepts 0.5 s to 60 s", diagnostic.Message);
        var clamp = Assert.Single(diagnostic.Fixes);
        Assert.False(clamp.IsSafe);
        Assert.Equal("clamp 'duration' to 60s", clamp.Title);
        Assert.Equal(text, FixApplier.ApplySafeFixes(text, compilation.Diagnostics).Text);
        Assert.Empty(Checks.Diagnostics(FixApplier.Apply(text, clamp.Edits)));
    }

    [Fact]
    public void SYM0203_a_flow_parameter_default_is_checked_against_the_node_parameter()
    {
        const string text = """
            flow T(photo: Image, seconds: Duration = 2min, frames: Duration = 48f) -> (film: Video, birds: Audio) {
                film = ImageToVideo(photo, duration: seconds)
                birds = Birdsong(duration: frames)
            }
            """;

        var compilation = Checks.Compile(text);

        Assert.Equal(new[]
        {
            new Seen("SYM0203", 2, 42, "seconds", "'duration' is 'seconds', 2min = 120 s by default; ImageToVideo accepts 0.5 s to 60 s"),
            new Seen("SYM0207", 3, 32, "frames", "'duration' is 'frames', 48f by default, but Birdsong has no 'fps' to convert frames to seconds"),
        }, Checks.See(compilation));
        var clamp = compilation.Diagnostics[0].Fixes.Single();
        Assert.Equal("clamp the default of 'seconds' to 60s", clamp.Title);
        Assert.Equal("2min", text.Substring(clamp.Edits[0].Start, clamp.Edits[0].Length));
    }

    [Fact]
    public void SYM0204_wrong_unit_kind()
    {
        const string text = """
            flow T(a: Audio, b: Audio, seconds: Duration = 440Hz) -> (mix: Audio) {
                mix = AudioMix(a, b, gain_a: 3s)
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0204", 1, 48, "440Hz", "'seconds' is a Duration (s, ms, min, f); 440Hz is a Frequency"),
            new Seen("SYM0204", 2, 34, "3s", "'gain_a' is a Gain (dB, x); 3s is a Duration"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0205_unknown_enum_value_suggests_or_lists_the_values()
    {
        const string text = """
            flow T(photo: Image) -> (out: Image, film: Video) {
                out = ImageBlend(photo, photo, mode: Laplacian)
                film = ImageToVideo(out, motion: spin)
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0205", 2, 42, "Laplacian", "unknown value 'Laplacian' for 'mode'; did you mean 'laplacian'?"),
            new Seen("SYM0205", 3, 38, "spin", "unknown value 'spin' for 'motion'; ImageToVideo accepts still, zoom_in, zoom_out, pan_left, pan_right, pan_up or pan_down"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0206_a_bare_number_is_taken_in_the_canonical_unit_with_a_safe_fix()
    {
        const string text = """
            flow T(photo: Image, seconds: Duration = 6) -> (film: Video) {
                film = ImageToVideo(photo, duration: seconds, fps: 30, zoom: 0.2)
            }
            """;

        var compilation = Checks.Compile(text);

        Assert.Equal(new[]
        {
            new Seen("SYM0206", 1, 42, "6", "'seconds' has no unit; 6 is taken as 6 s"),
            new Seen("SYM0206", 2, 56, "30", "'fps' has no unit; 30 is taken as 30 fps"),
        }, Checks.See(compilation));
        Assert.All(compilation.Diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Equal(new[] { "write 6s", "write 30fps" }, compilation.Diagnostics.Select(d => d.Fixes.Single().Title));
        Assert.Contains("seconds: Duration = 6s", FixApplier.ApplySafeFixes(text, compilation.Diagnostics).Text);
    }

    [Fact]
    public void SYM0206_bare_numbers_out_of_range_are_also_reported_in_the_canonical_unit()
    {
        const string text = """
            flow T(a: Audio, b: Audio) -> (mix: Audio) {
                mix = AudioMix(a, b, gain_b: 20)
            }
            """;

        Assert.Equal(new[]
        {
            new Seen("SYM0206", 2, 34, "20", "'gain_b' has no unit; 20 is taken as 20 dB"),
            new Seen("SYM0203", 2, 34, "20", "'gain_b' is 20 dB; AudioMix accepts -60 dB to 12 dB"),
        }, Checks.Diagnostics(text));
    }

    [Fact]
    public void SYM0207_frames_without_a_frame_rate()
    {
        const string text = """
            flow T() -> (birds: Audio) {
                birds = Birdsong(duration: 96f)
            }
            """;

        Assert.Equal(new Seen("SYM0207", 2, 32, "96f", "'duration' is 96f, but Birdsong has no 'fps' to convert frames to seconds"), Checks.Single(text));
    }

    [Fact]
    public void Frames_convert_through_the_node_fps_or_the_function_default()
    {
        const string text = """
            flow T(photo: Image, rate: FrameRate = 10fps) -> (a: Video, b: Video, c: Video) {
                a = ImageToVideo(photo, duration: 1200f, fps: 60fps)
                b = ImageToVideo(photo, duration: 1200f, fps: rate)
                c = ImageToVideo(photo, duration: 1200f)
            }
            """;

        // a: 1200f at 60 fps = 20 s and c: 1200f at the default 24 fps = 50 s are in range.
        Assert.Equal(new Seen("SYM0203", 3, 39, "1200f", "'duration' is 1200f at 10 fps = 120 s; ImageToVideo accepts 0.5 s to 60 s"), Checks.Single(text));
    }
}
