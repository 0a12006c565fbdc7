using SymbolicGen.Tests.Catalogs;
using Xunit;

namespace SymbolicGen.Cli.Tests;

/// <summary><c>--functions x.symcatalog.json</c>: catalog files next to the built-ins, their problems in MSBuild format.</summary>
public sealed class CatalogFileCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string SamplePath => Path.Combine(Cli.RepoRoot, SampleCatalog.Path);


    private const string Flow = SampleCatalog.TextToImageFlow;

    [Fact]
    public void Check_reads_a_catalog_file_beside_the_built_ins()
    {
        var catalog = SamplePath;
        var flow = _cli.WriteFile("TextToImage.sym", Flow);

        var (exit, output, _) = _cli.Run("check", "--functions", catalog, flow);

        Assert.Equal(0, exit);
        Assert.Equal("1 file checked: 0 errors, 0 warnings", output.Trim());

        var text = Flow.Replace("cfg: 7.5", "cfg: 7.55");
        var bad = _cli.WriteFile("Bad.sym", text);
        (exit, output, _) = _cli.Run("check", "--functions", catalog, bad);
        Assert.Equal(1, exit);
        var column = text.Split('\n')[5].IndexOf("7.55", StringComparison.Ordinal) + 1;
        Assert.StartsWith($"{bad}(6,{column}): error SYM0203: 'cfg' is 7.55; comfy.KSampler accepts 0 to 100 in steps of 0.1", output);
    }

    [Fact]
    public void A_problem_in_a_catalog_file_is_printed_at_its_line_and_column()
    {
        var catalog = _cli.WriteFile("broken.symcatalog.json", SampleCatalog.Text.Replace("\"min\": 1, \"max\": 10000, \"default\": 20", "\"min\": 1, \"max\": 10000, \"default\": 0"));
        var flow = _cli.WriteFile("Empty.sym", "flow Nothing(text: Text) -> (out: Text) {\n    out = text\n}\n");

        var (exit, output, _) = _cli.Run("check", "--functions", catalog, flow);

        Assert.Equal(1, exit);
        var lines = File.ReadAllLines(catalog);
        var line = Array.FindIndex(lines, l => l.Contains("\"name\": \"steps\"")) + 1;
        var column = lines[line - 1].IndexOf("\"default\": 0", StringComparison.Ordinal) + "\"default\": ".Length + 1;
        Assert.Contains($"{catalog}({line},{column}): error SYM0502: 'steps' defaults to 0; its range is 1 to 10000", output);
    }

    [Fact]
    public void Functions_lists_a_catalog_file_s_functions_with_their_qualified_names()
    {
        var (exit, output, error) = _cli.Run("functions", "comfy.KSampler", "--functions", SamplePath);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.StartsWith("comfy.KSampler  [sampling]", output);
        Assert.Contains("in   model: MODEL", output);
        Assert.Contains("out  latent: LATENT", output);
        Assert.Contains("param seed", output);
    }
}
