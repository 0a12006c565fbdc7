using SymbolicGen.Runtime.IO;
using TorchSharp;
using Xunit;

namespace SymbolicGen.Cli.Tests;

/// <summary>
/// The flows that checked clean and failed at run time before the value model had one meaning (issue 10): a string into
/// a Text input, a three-digit colour, an integer past 2^53. Each is checked and run by the real <c>symgen</c>.
/// </summary>
public sealed class ValueModelRunTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_quoted_string_feeds_Speech_and_the_flow_speaks_it()
    {
        var flow = _cli.WriteFile("Hello.sym", "flow Hello() -> (audio: Audio) { audio = Speech(\"Hello there\") }\n");
        Assert.Equal(0, _cli.Run("check", flow).Exit);
        var outDir = Path.Combine(_cli.Scratch, "out");
        var (exit, _, err) = _cli.Run("run", flow, "--out", outDir);
        Assert.True(exit == 0, err);
        using var audio = WavFile.Read(Path.Combine(outDir, "audio.wav"));
        Assert.InRange(audio.Seconds, 0.4, 3.0); // two words of speech
        using var scope = torch.NewDisposeScope();
        Assert.True(audio.Tensor.abs().max().item<float>() > 0.05f, "the speech is silent");
    }

    [Fact]
    public void A_caption_in_quotes_and_a_three_digit_colour_are_drawn_on_the_photo()
    {
        var photo = Path.Combine(Cli.Workflows, "assets", "ruins.png");
        var flow = _cli.WriteFile("Caption.sym", """
            flow Caption(photo: Image) -> (image: Image) {
                image = TextOverlay(photo, "Hello world", color: #f00, size: 64px)
            }
            """);
        Assert.Equal(0, _cli.Run("check", flow).Exit);
        var outDir = Path.Combine(_cli.Scratch, "out");
        var (exit, _, err) = _cli.Run("run", flow, "--in", "photo=" + photo, "--out", outDir);
        Assert.True(exit == 0, err);
        using var before = ImageFile.Read(photo);
        using var after = ImageFile.Read(Path.Combine(outDir, "image.png"));
        using var scope = torch.NewDisposeScope();
        // #f00 is #ff0000: the changed pixels are pure red text.
        // sum(0L): a literal 0 would bind to sum(ScalarType) and sum everything as bytes.
        var changed = (after.Tensor - before.Tensor).abs().sum(0L).gt(0.3f);
        var count = changed.count_nonzero().item<long>();
        Assert.True(count > 200, $"no caption was drawn ({count} pixels changed)");
        var red = after.Tensor[0].masked_select(changed).mean().item<float>();
        var green = after.Tensor[1].masked_select(changed).mean().item<float>();
        Assert.True(red > 0.8f && green < 0.3f, $"the caption is not red: r={red}, g={green}");
    }

    [Fact]
    public void An_integer_past_2_to_the_53_survives_fmt_in_every_syntax_and_runs()
    {
        var flow = _cli.WriteFile("Seeded.sym", """
            flow Seeded() -> (audio: Audio) {
                audio = Birdsong(duration: 1s, seed: 9007199254740993)
            }
            """);
        foreach (var syntax in new[] { "natural", "declarative", "dataflow" })
        {
            var (exit, printed, err) = _cli.Run("fmt", flow, "--to", syntax);
            Assert.True(exit == 0, err);
            Assert.Contains("9007199254740993", printed);
            var again = _cli.WriteFile($"Seeded.{syntax}.sym", printed);
            Assert.Contains("9007199254740993", _cli.Run("fmt", again, "--to", "dataflow").Out);
        }
        var (runExit, _, runErr) = _cli.Run("run", flow, "--out", Path.Combine(_cli.Scratch, "out"));
        Assert.True(runExit == 0, runErr);
    }

    [Fact]
    public void A_seed_past_what_the_function_can_hold_is_an_error_at_check_time_not_at_run_time()
    {
        var flow = _cli.WriteFile("Big.sym", """
            flow Big() -> (audio: Audio) {
                audio = Birdsong(duration: 1s, seed: 9223372036854775808)
            }
            """);
        var (exit, output, _) = _cli.Run("check", flow);
        Assert.Equal(1, exit);
        Assert.Contains("error SYM0203: 'seed' is 9223372036854775808; Birdsong accepts -9223372036854775808 to 9223372036854775807", output);
    }

    [Fact]
    public void Functions_shows_a_64_bit_seed_bound_and_a_step_exactly_in_text_and_in_the_cards_models_read()
    {
        var catalog = Path.Combine(Cli.RepoRoot, SymbolicGen.Tests.Catalogs.SampleCatalog.Path);
        var (exit, text, err) = _cli.Run("functions", "comfy.KSampler", "--functions", catalog);
        Assert.True(exit == 0, err);
        Assert.Contains("0 to 18446744073709551615", text);
        Assert.Contains("0 to 100 in steps of 0.1", text);
        var json = _cli.Run("functions", "comfy.KSampler", "--functions", catalog, "--json").Out;
        Assert.Contains("\"max\": 18446744073709551615", json);
        Assert.Contains("\"step\": 0.1", json);
    }
}
