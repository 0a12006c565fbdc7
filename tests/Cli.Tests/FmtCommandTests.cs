using SymbolicGen.Language;
using SymbolicGen.Language.Ir;
using Xunit;

namespace SymbolicGen.Cli.Tests;

public sealed class FmtCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Flagship => File.ReadAllText(Path.Combine(Cli.Workflows, "JungleRuins.sym"));

    [Theory]
    [InlineData("declarative", "flow JungleRuins\n")]
    [InlineData("natural", "JungleRuins is a flow that takes jungle as an Image")]
    [InlineData("dataflow", "flow JungleRuins(jungle: Image")]
    public void Converts_the_flagship_and_back_to_an_identical_ir(string syntax, string expectedStart)
    {
        var original = _cli.WriteFile("JungleRuins.sym", Flagship);

        var (exit, converted, error) = _cli.Run("fmt", original, "--to", syntax);
        Assert.True(exit == 0, error);
        Assert.Contains(expectedStart, converted);
        Assert.Contains("# Blend a jungle photo with ancient ruins", converted);

        var convertedPath = _cli.WriteFile("converted.sym", converted);
        var (backExit, back, _) = _cli.Run("fmt", convertedPath, "--to", "dataflow");
        Assert.Equal(0, backExit);
        var (_, normalised, _) = _cli.Run("fmt", original);
        Assert.Equal(normalised, back);
    }

    [Fact]
    public void Write_rewrites_the_file_in_place()
    {
        var path = _cli.WriteFile("JungleRuins.sym", Flagship);

        var (exit, output, _) = _cli.Run("fmt", path, "--to", "natural", "--write");

        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.StartsWith("# Blend", File.ReadAllText(path));
        Assert.Contains("poster is ImageBlend of jungle and ruins", File.ReadAllText(path));
    }

    [Fact]
    public void A_file_with_errors_is_not_formatted_and_not_touched()
    {
        var broken = Flagship.Replace("ImageBlend(", "ImageBlend(jungle, ");
        var path = _cli.WriteFile("Broken.sym", broken);

        var (exit, output, error) = _cli.Run("fmt", path, "--write");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("error SYM0106", error);
        Assert.Equal(broken, File.ReadAllText(path));
    }
}
