using System.Text.Json;
using SymbolicGen.Cli.Drafting;
using Xunit;

namespace SymbolicGen.Cli.Tests.Drafting;

public sealed class FunctionsCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void The_built_in_library_is_listed_with_ports_ranges_units_and_defaults()
    {
        var (exit, output, _) = _cli.Run("functions");

        Assert.Equal(0, exit);
        output = output.Replace("\r\n", "\n");
        Assert.Contains("""
            ImageBlend  [image]  Blend two images into one
              in   a: Image
              in   b: Image
              out  image: Image
              param weight  Ratio  0 to 1  = 0.5        Share of b in the result
              param mode    Enum           = laplacian  How the images are combined; one of alpha, laplacian, multiply, screen, overlay

            """, output);
        Assert.Contains("ImageToVideo  [video]  Animate a still image with a camera move", output);
        Assert.Contains("param duration  Duration   0.5 s to 60 s     = 4s       Length of the clip", output);
        Assert.Contains("one of still, zoom_in, zoom_out, pan_left, pan_right, pan_up, pan_down", output);
        Assert.Contains("param gain_b  Gain  -60 dB to 12 dB  = 0dB  Gain applied to b", output);
        // Optional inputs, required parameters, two outputs, string defaults and colours are shown as such.
        Assert.Contains("  in   mask: Mask (optional)\n", output);
        Assert.Contains("  param size  Size               required  Width and height of the rectangle", output);
        Assert.Contains("Outpaint  [image]  Extend the canvas with an edge-aware fill\n  in   image: Image\n  out  image: Image\n  out  mask: Mask\n", output);
        Assert.Contains("  param voice        String                           = \"en\"     espeak-ng voice, such as en, en-us, de or fr", output);
        Assert.Contains("  param color     Color                    = #ffffff  Text colour", output);
        foreach (var name in new[] { "AudioMix", "Birdsong", "WaterAmbience", "Wind", "Noise", "Tone", "Speech", "Fade", "TextOverlay", "Concat", "Crossfade", "Reverse", "Loop", "Upscale" })
            Assert.Contains($"\n{name}  [", "\n" + output);
        Assert.EndsWith($"\n{BuiltInCatalog.Value.Functions.Count} functions\n", output);
        Assert.True(BuiltInCatalog.Value.Functions.Count >= 40, $"{BuiltInCatalog.Value.Functions.Count} built-in functions");
    }

    [Fact]
    public void Json_is_exactly_the_cards_the_drafting_engine_sends()
    {
        var (exit, output, _) = _cli.Run("functions", "--json");

        Assert.Equal(0, exit);
        var cards = FunctionCards.All(BuiltInCatalog.Value);
        Assert.Equal(FunctionCards.ToJson(cards).Trim(), output.Trim());
        // The prompt form is the same cards, one per line.
        using var prompt = JsonDocument.Parse(FunctionCards.ToPromptJson(cards));
        using var listed = JsonDocument.Parse(output);
        Assert.Equal(listed.RootElement.GetArrayLength(), prompt.RootElement.GetArrayLength());
        Assert.Equal(listed.RootElement[1].GetRawText().Replace(" ", "").Replace("\n", ""), prompt.RootElement[1].GetRawText().Replace(" ", ""));
        var duration = listed.RootElement.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "ImageToVideo").GetProperty("parameters")[0];
        Assert.Equal("""{"name":"duration","type":"Duration","unit":"s","default":"4s","min":0.5,"max":60,"summary":"Length of the clip"}""",
            duration.GetRawText().Replace(" ", "").Replace("\n", "").Replace("Lengthoftheclip", "Length of the clip"));
    }

    [Fact]
    public void One_function_by_name()
    {
        var (exit, output, _) = _cli.Run("functions", "AudioMix");

        Assert.Equal(0, exit);
        Assert.StartsWith("AudioMix  [audio]  Mix two audio tracks", output);
        Assert.DoesNotContain("Birdsong", output);
    }

    [Fact]
    public void An_unknown_name_exits_1_with_did_you_mean()
    {
        var (exit, output, error) = _cli.Run("functions", "ImageBlnd");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal("symgen: error: unknown function 'ImageBlnd'; did you mean 'ImageBlend'?", error.Trim());
    }
}

public sealed class DraftCommandOfflineTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void The_flagship_request_drafts_offline_to_a_file_that_checks_clean()
    {
        var path = Path.Combine(_cli.Scratch, "Jungle.sym");

        var (exit, output, error) = _cli.Run("draft", "--offline", "-o", path,
            "blend a jungle photo with ancient ruins into a poster, animate it into a film of 6 seconds, add birdsong and running water",
            "--in", "jungle=jungle.jpg", "--in", "ruins=ruins.jpg");

        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Contains("symgen: inputs: jungle: Image, ruins: Image; outputs: poster: Image (\"poster\"), film: Video", error);
        Assert.Contains("symgen: drafting offline", error);
        Assert.Contains("0 model calls", error);
        var (checkExit, checkOutput, _) = _cli.Run("check", path);
        Assert.Equal(0, checkExit);
        Assert.Equal("1 file checked: 0 errors, 0 warnings", checkOutput.Trim());
        Assert.Contains("poster         = ImageBlend(jungle, ruins)", File.ReadAllText(path));
    }

    [Fact]
    public void A_request_beyond_the_planner_exits_1_naming_the_missing_capability_and_writes_nothing()
    {
        var path = Path.Combine(_cli.Scratch, "Nope.sym");

        var (exit, output, error) = _cli.Run("draft", "--offline", "-o", path, "transcribe this recording", "--in", "rec=rec.wav");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("symgen: error: beyond the offline planner: no function in the catalog makes Text (for output 'text') from Audio", error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_request_that_names_no_output_exits_1()
    {
        var (exit, _, error) = _cli.Run("draft", "--offline", "do something nice");

        Assert.Equal(1, exit);
        Assert.Contains("cannot tell what the request should produce", error);
    }

    [Theory]
    [InlineData("photo", "is not name=path")]
    [InlineData("photo=p.xyz", "cannot tell the modality of 'p.xyz'")]
    [InlineData("1photo=p.jpg", "is not a valid input name")]
    public void Bad_inputs_are_usage_errors(string spec, string message)
    {
        var (exit, _, error) = _cli.Run("draft", "--offline", "animate this photo", "--in", spec);

        Assert.Equal(2, exit);
        Assert.Contains(message, error);
    }

    [Fact]
    public void An_input_can_name_its_modality_instead_of_a_file()
    {
        var (exit, output, _) = _cli.Run("draft", "--offline", "animate this photo", "--in", "photo=Image");

        Assert.Equal(0, exit);
        Assert.Contains("flow AnimatePhoto(photo: Image) -> (video: Video) {", output);
    }

    [Fact]
    public void Natural_syntax_offline()
    {
        var (exit, output, _) = _cli.Run("draft", "--offline", "--syntax", "natural", "10 seconds of birdsong");

        Assert.Equal(0, exit);
        Assert.Contains("audio is Birdsong with duration 10 seconds.", output);
    }
}
