using Xunit;

namespace SymbolicGen.Cli.Tests;

/// <summary>Qualified function names and <c>using</c> lines through check, fmt, functions and graph.</summary>
public sealed class QualifiedNamesCommandTests : IDisposable
{
    private const string Functions = """
        using SymbolicGen.Runtime;
        public static class Comfy
        {
            [SymFunction(Namespace = "comfy", Summary = "Sample an image")]
            public static Image KSampler(Image model, [SymParam(SymKind.Seed)] long seed = 0) => model;
        }
        public static class Other
        {
            [SymFunction(Namespace = "other", Summary = "Another sampler")]
            public static Image KSampler(Image image) => image;
        }
        """;

    private const string Flow = """
        # imported nodes
        using comfy

        flow Sampled(photo: Image) -> (out: Image, plain: Image) {
            k     = KSampler(photo, seed: 7)
            out   = other.KSampler(k)
            plain = k
        }

        """;

    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Check_resolves_usings_and_reports_an_ambiguity()
    {
        var functions = _cli.WriteFile("Samplers.cs", Functions);
        var path = _cli.WriteFile("Sampled.sym", Flow);

        var (exit, output, error) = _cli.Run("check", "--functions", functions, path);
        Assert.True(exit == 0, output + error);

        var ambiguous = _cli.WriteFile("Ambiguous.sym", Flow.Replace("using comfy\n", "using comfy\nusing other\n"));
        var (badExit, badOutput, _) = _cli.Run("check", "--functions", functions, ambiguous);
        Assert.Equal(1, badExit);
        Assert.Contains($"{ambiguous}(6,13): error SYM0107: function 'KSampler' is in 'comfy' and 'other', which this file uses; write 'comfy.KSampler' or 'other.KSampler'", badOutput);
    }

    [Theory]
    [InlineData("natural", "k is KSampler of photo, with seed 7.")]
    [InlineData("declarative", "node k   = KSampler { seed: 7 }")]
    public void Fmt_keeps_usings_and_names_as_written_through_every_syntax(string syntax, string step)
    {
        var functions = _cli.WriteFile("Samplers.cs", Functions);
        var path = _cli.WriteFile("Sampled.sym", Flow);

        var (exit, converted, error) = _cli.Run("fmt", "--functions", functions, path, "--to", syntax);
        Assert.True(exit == 0, error);
        Assert.StartsWith("# imported nodes\nusing comfy\n\n", converted);
        Assert.Contains(step, converted);
        Assert.Contains("other.KSampler", converted);

        var back = _cli.WriteFile("back.sym", converted);
        var (backExit, dataflow, _) = _cli.Run("fmt", "--functions", functions, back, "--to", "dataflow");
        Assert.Equal(0, backExit);
        Assert.Equal(Flow, dataflow);
    }

    [Fact]
    public void Functions_shows_a_qualified_name_or_every_function_of_a_simple_name()
    {
        var functions = _cli.WriteFile("Samplers.cs", Functions);

        var (exit, output, _) = _cli.Run("functions", "--functions", functions, "comfy.KSampler");
        Assert.Equal(0, exit);
        Assert.StartsWith("comfy.KSampler", output);
        Assert.DoesNotContain("other.KSampler", output);

        var (bothExit, both, _) = _cli.Run("functions", "--functions", functions, "KSampler");
        Assert.Equal(0, bothExit);
        Assert.Contains("comfy.KSampler", both);
        Assert.Contains("other.KSampler", both);

        var (badExit, _, error) = _cli.Run("functions", "--functions", functions, "comfy.KSamplr");
        Assert.Equal(1, badExit);
        Assert.Equal("symgen: error: unknown function 'comfy.KSamplr'; did you mean 'comfy.KSampler'?", error.Trim());
    }

    [Fact]
    public void Graph_labels_nodes_with_the_full_function_name()
    {
        var functions = _cli.WriteFile("Samplers.cs", Functions);
        var path = _cli.WriteFile("Sampled.sym", Flow);

        var (exit, mermaid, error) = _cli.Run("graph", path, "--functions", functions);

        Assert.True(exit == 0, error);
        Assert.Contains("[\"k = comfy.KSampler<br/>seed: 7\"]", mermaid);
        Assert.Contains("[\"out = other.KSampler\"]", mermaid);
    }
}
