using Xunit;

namespace SymbolicGen.Cli.Tests;

public sealed class GraphCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Flagship => Path.Combine(Cli.Workflows, "JungleRuins.sym");

    [Fact]
    public void Mermaid_shows_functions_parameters_ports_and_modality_colours()
    {
        var (exit, output, error) = _cli.Run("graph", Flagship);

        Assert.True(exit == 0, error);
        var lines = output.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal("flowchart LR", lines[1]);
        Assert.Contains("n2[\"poster = ImageBlend<br/>weight: 0.45<br/>mode: laplacian\"]", lines);
        Assert.Contains("i0 -->|\"a\"| n2", lines);
        Assert.Contains("n4 -->|\"audio → a\"| n6", lines);
        // Edge 0 carries an Image (blue), edge 3 Audio (green), edge 5 Video (red).
        Assert.Contains("linkStyle 0 stroke:#1e88e5,stroke-width:2px", lines);
        Assert.Contains("linkStyle 3 stroke:#43a047,stroke-width:2px", lines);
        Assert.Contains("linkStyle 5 stroke:#e53935,stroke-width:2px", lines);
    }

    [Fact]
    public void Labels_from_the_file_cannot_break_dot_or_mermaid()
    {
        var functions = _cli.WriteFile("Title.cs", """
            using SymbolicGen.Runtime;
            public static class Titles
            {
                [SymFunction]
                public static Image Title(Image image, string text) => image;
            }
            """);
        var path = _cli.WriteFile("Hostile.sym", """
            flow Hostile(photo: Image) -> (titled: Image) {
                titled = Title(photo, text: "\"]; evil [label=\"x\"]; a -> b # <b>|")
            }
            """);

        var (exit, svg, error) = _cli.Run("graph", path, "--format", "svg", "--functions", functions);
        Assert.True(exit == 0, error);
        Assert.StartsWith("<?xml", svg.TrimStart());
        Assert.Contains("titled = Title", svg);
        Assert.DoesNotContain("<title>evil</title>", svg);
        Assert.Contains("stroke=\"#1e88e5\"", svg);

        var (mermaidExit, mermaid, _) = _cli.Run("graph", path, "--functions", functions);
        Assert.Equal(0, mermaidExit);
        var titleLine = mermaid.Split('\n').Single(l => l.Contains("Title"));
        Assert.Equal("    n1[\"titled = Title<br/>text: #quot;#quot;]; evil [label=#quot;x#quot;]; a -#gt; b #35; #lt;b#gt;#124;#quot;\"]", titleLine);
    }

    [Fact]
    public void Png_is_written_to_a_file()
    {
        var png = Path.Combine(_cli.Scratch, "flow.png");

        var (exit, output, error) = _cli.Run("graph", Flagship, "--format", "png", "-o", png);

        Assert.True(exit == 0, error);
        Assert.Equal("", output);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
    }

    [Fact]
    public void Without_graphviz_svg_fails_with_one_line_that_says_how_to_install_it()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", _cli.Scratch);
        try
        {
            var (exit, output, error) = _cli.Run("graph", Flagship, "--format", "svg");

            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Equal("symgen: error: svg needs Graphviz's 'dot', which is not installed (apt-get install graphviz); --format mermaid or dot need nothing", error.Trim());
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    [Fact]
    public void Several_flows_need_a_choice_and_an_unknown_choice_lists_them()
    {
        var path = _cli.WriteFile("Two.sym", """
            flow A(p: Image) -> (v: Video) {
                v = ImageToVideo(p)
            }
            flow B(p: Image) -> (v: Video) {
                v = ImageToVideo(p)
            }
            """);

        var (exit, _, error) = _cli.Run("graph", path);
        Assert.Equal(2, exit);
        Assert.Equal($"symgen: error: '{path}' has 2 flows ('A', 'B'); choose one with --flow", error.Trim());

        (exit, _, error) = _cli.Run("graph", path, "--flow", "C");
        Assert.Equal(2, exit);
        Assert.Equal($"symgen: error: '{path}' has no flow 'C'; it has 'A', 'B'", error.Trim());

        var (bExit, dot, _) = _cli.Run("graph", path, "--flow", "B", "--format", "dot");
        Assert.Equal(0, bExit);
        Assert.StartsWith("digraph \"B\" {", dot);
    }

    [Fact]
    public void A_file_with_errors_is_not_drawn()
    {
        var path = _cli.WriteFile("Broken.sym", File.ReadAllText(Flagship).Replace("ImageBlend(", "ImageBlnd("));

        var (exit, output, error) = _cli.Run("graph", path);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("error SYM0101", error);
    }
}
