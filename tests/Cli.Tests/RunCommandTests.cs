using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Runtime;
using SymbolicGen.Runtime.Execution;
using SymbolicGen.Runtime.IO;
using TorchSharp;
using Xunit;

namespace SymbolicGen.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly Cli _cli = new();
    private int _brightenCalls;

    public void Dispose() => _cli.Dispose();

    private const string Flow = """
        flow Bright(photo: Image, amount: Ratio = 0.1) -> (out: Image) {
            out = Brighten(photo, amount: amount)
        }
        """;

    // A real function over real pixels: adds `amount` to every channel.
    private FunctionRegistry Registry()
    {
        var registry = new FunctionRegistry();
        registry.Add(
            new FunctionInfo("Brighten",
                EquatableArray.Of(new PortInfo("image", PortType.Image)),
                EquatableArray.Of(new PortInfo("image", PortType.Image)),
                EquatableArray.Of(new ParameterInfo("amount", ParamType.Ratio, new NumberValue(0.2), 0, 1))),
            call =>
            {
                Interlocked.Increment(ref _brightenCalls);
                var image = call.Input<Image>("image");
                if (image.Width == 1) throw new InvalidOperationException("too narrow to brighten");
                using var scope = torch.NewDisposeScope();
                return ValueTask.FromResult(NodeOutputs.Single(Image.FromTensor((image.Tensor + call.GetDouble("amount")).clamp(0, 1))));
            });
        return registry;
    }

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = SymgenApp.Run(args, output, error, Registry);
        return (exit, output.ToString(), error.ToString());
    }

    private string Photo(int width = 4, byte value = 50)
    {
        var path = Path.Combine(_cli.Scratch, $"photo{width}.png");
        using var image = Image.FromPixels(Enumerable.Repeat(value, width * 2 * 3).ToArray(), width, 2, 3);
        ImageFile.Write(image, path);
        return path;
    }

    private static byte Pixel(string png)
    {
        using var image = ImageFile.Read(png);
        return image.ToPixels()[0];
    }

    [Fact]
    public void Runs_the_flow_on_real_pixels_and_writes_its_outputs()
    {
        var flow = _cli.WriteFile("Bright.sym", Flow);
        var outDir = Path.Combine(_cli.Scratch, "out");

        var (exit, output, error) = Run("run", flow, "--in", $"photo={Photo()}", "--out", outDir);

        Assert.True(exit == 0, error);
        Assert.Contains($"wrote {Path.Combine(outDir, "out.png")} (Image 4x2)", output);
        Assert.Equal(50 + 26, Pixel(Path.Combine(outDir, "out.png")));   // 0.1 of 255, rounded
        Assert.Contains("[1/1] finished node 'out' (Brighten)", error);
    }

    [Fact]
    public void Set_overrides_node_and_flow_parameters_and_is_checked_like_the_file()
    {
        var flow = _cli.WriteFile("Bright.sym", Flow);
        var outDir = Path.Combine(_cli.Scratch, "out");

        Assert.Equal(0, Run("run", flow, "--in", $"photo={Photo()}", "--out", outDir, "--set", "out.amount=50%").Exit);
        Assert.Equal(50 + 128, Pixel(Path.Combine(outDir, "out.png")));

        Assert.Equal(0, Run("run", flow, "--in", $"photo={Photo()}", "--out", outDir, "--set", "amount=0.2").Exit);
        Assert.Equal(50 + 51, Pixel(Path.Combine(outDir, "out.png")));

        var (exit, _, error) = Run("run", flow, "--in", $"photo={Photo()}", "--out", outDir, "--set", "out.amount=2");
        Assert.Equal(1, exit);
        Assert.Equal("symgen: error: --set out.amount=2: 'amount' is 2; Brighten accepts 0 to 1", error.Trim());

        (exit, _, error) = Run("run", flow, "--in", $"photo={Photo()}", "--set", "outt.amount=0.5");
        Assert.Equal(2, exit);
        Assert.Equal("symgen: error: --set outt.amount=0.5: flow 'Bright' has no node 'outt'; did you mean 'out'?", error.Trim());

        (exit, _, error) = Run("run", flow, "--in", $"photo={Photo()}", "--set", "out.amount=0.5)\n    x = Brighten(photo");
        Assert.Equal(2, exit);
        Assert.Equal("symgen: error: --set out.amount: a value is one line", error.Trim());
    }

    [Fact]
    public void Inputs_are_required_named_correctly_and_of_the_right_media_type()
    {
        var flow = _cli.WriteFile("Bright.sym", Flow);
        var wav = Path.Combine(_cli.Scratch, "sound.wav");
        using (var audio = Audio.Silence(TimeSpan.FromSeconds(0.1), 8000, 1)) WavFile.Write(audio, wav);

        Assert.Equal("symgen: error: flow 'Bright' needs --in photo=<image file>", Run("run", flow).Err.Trim());
        Assert.Equal("symgen: error: flow 'Bright' has no input 'phot'; did you mean 'photo'?", Run("run", flow, "--in", $"phot={Photo()}").Err.Trim());
        Assert.Equal($"symgen: error: '{wav}' is an Audio, but the input needs Image", Run("run", flow, "--in", $"photo={wav}").Err.Trim());
    }

    [Fact]
    public void An_input_not_given_is_taken_from_the_assets_folder_beside_the_flow()
    {
        var flow = _cli.WriteFile("Bright.sym", Flow);
        Directory.CreateDirectory(Path.Combine(_cli.Scratch, "assets"));
        File.Copy(Photo(value: 100), Path.Combine(_cli.Scratch, "assets", "photo.png"));
        var outDir = Path.Combine(_cli.Scratch, "out");

        var (exit, _, error) = Run("run", flow, "--out", outDir);

        Assert.True(exit == 0, error);
        Assert.Contains($"using {Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(_cli.Scratch, "assets", "photo.png"))} for 'photo'", error);
        Assert.Equal(100 + 26, Pixel(Path.Combine(outDir, "out.png")));
    }

    [Fact]
    public void A_cache_folder_makes_a_rerun_reuse_the_result()
    {
        var flow = _cli.WriteFile("Bright.sym", Flow);
        var cache = Path.Combine(_cli.Scratch, "cache");
        var args = new[] { "run", flow, "--in", $"photo={Photo()}", "--out", Path.Combine(_cli.Scratch, "out"), "--cache", cache };

        Assert.Contains("Bright: 1 computed, 0 from cache", Run(args).Out);
        Assert.Contains("Bright: 0 computed, 1 from cache", Run(args).Out);
        Assert.Equal(1, _brightenCalls);
    }

    [Fact]
    public void A_failing_node_is_named_with_its_function_and_line()
    {
        var flow = _cli.WriteFile("Bright.sym", Flow);

        var (exit, _, error) = Run("run", flow, "--in", $"photo={Photo(width: 1)}", "--out", Path.Combine(_cli.Scratch, "out"));

        Assert.Equal(1, exit);
        Assert.Contains($"symgen: error: {flow}(2): node 'out' (Brighten) failed: too narrow to brighten", error);
    }
}
