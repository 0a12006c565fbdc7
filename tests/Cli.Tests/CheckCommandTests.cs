using System.Text.Json;
using Xunit;

namespace SymbolicGen.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void The_flagship_checks_clean_in_all_three_syntaxes()
    {
        var (exit, output, _) = _cli.Run("check", Cli.Workflows);

        Assert.Equal(0, exit);
        Assert.Equal("3 files checked: 0 errors, 0 warnings", output.Trim());
    }

    [Fact]
    public void An_out_of_range_duration_is_reported_in_msbuild_format_with_both_values()
    {
        var flagship = File.ReadAllText(Path.Combine(Cli.Workflows, "JungleRuins.sym"));
        var path = _cli.WriteFile("Bad.sym", flagship.Replace("duration: seconds, fps", "duration: 2min, fps"));

        var (exit, output, _) = _cli.Run("check", path);

        Assert.Equal(1, exit);
        var lines = output.Trim().Split('\n');
        Assert.Equal($"{path}(4,45): error SYM0203: 'duration' is 2min = 120 s; ImageToVideo accepts 0.5 s to 60 s", lines[0]);
        Assert.Equal("1 file checked: 1 error, 0 warnings", lines[^1]);
    }

    [Fact]
    public void Json_output_carries_ids_positions_and_fixes()
    {
        var flagship = File.ReadAllText(Path.Combine(Cli.Workflows, "JungleRuins.sym"));
        var path = _cli.WriteFile("Warn.sym", flagship.Replace("gain_b: -6dB", "gain_b: -6"));

        var (exit, output, _) = _cli.Run("check", "--json", path);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var d = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("SYM0206", d.GetProperty("id").GetString());
        Assert.Equal("warning", d.GetProperty("severity").GetString());
        Assert.Equal(7, d.GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(45, d.GetProperty("start").GetProperty("column").GetInt32());
        Assert.Equal(47, d.GetProperty("end").GetProperty("column").GetInt32());
        var fix = Assert.Single(d.GetProperty("fixes").EnumerateArray());
        Assert.True(fix.GetProperty("safe").GetBoolean());
        Assert.Equal("dB", fix.GetProperty("edits")[0].GetProperty("newText").GetString()![^2..]);
    }

    [Fact]
    public void Fix_writes_missing_units_and_corrects_misspelt_names_in_place()
    {
        var flagship = File.ReadAllText(Path.Combine(Cli.Workflows, "JungleRuins.sym"));
        var broken = flagship.Replace("gain_b: -6dB", "gain_b: -6").Replace("ImageBlend(", "ImageBlnd(").Replace("motion: zoom_in", "motion: zoomin");
        var path = _cli.WriteFile("Fixable.sym", broken);

        var (exit, output, _) = _cli.Run("check", "--fix", path);

        Assert.Equal(0, exit);
        Assert.Equal("1 file checked: 0 errors, 0 warnings, 3 fixes applied", output.Trim());
        Assert.Equal(flagship, File.ReadAllText(path));
    }

    [Fact]
    public void A_missing_path_is_one_clear_line_and_exit_code_2()
    {
        var (exit, _, error) = _cli.Run("check", Path.Combine(_cli.Scratch, "nope.sym"));

        Assert.Equal(2, exit);
        Assert.Equal($"symgen: error: '{Path.Combine(_cli.Scratch, "nope.sym")}' does not exist", error.Trim());
    }

    [Fact]
    public void The_built_in_library_is_the_default_catalog()
    {
        var flagship = Path.Combine(Cli.Workflows, "JungleRuins.sym");
        var (exit, output, _) = _cli.Run("check", flagship);
        Assert.Equal(0, exit);
        Assert.Equal("1 file checked: 0 errors, 0 warnings", output.Trim());

        // --functions adds to the built-ins: a function named like one of them is declared twice.
        var functions = _cli.WriteFile("MyBlend.cs", """
            using SymbolicGen.Runtime;
            public interface IMyFunctions
            {
                [SymFunction(Summary = "My own blend")]
                Image ImageBlend(Image a, Image b);
            }
            """);
        var (dupExit, dupOutput, _) = _cli.Run("check", "--functions", functions, flagship);

        Assert.Equal(1, dupExit);
        Assert.Contains($"{functions}(5,11): error SYM0505: function 'ImageBlend' is already declared by 'SymbolicGen.Runtime.Functions.ImageFunctions.ImageBlend'", dupOutput);
        Assert.DoesNotContain("JungleRuins.sym(", dupOutput);
    }

    [Fact]
    public void Functions_from_csharp_source_are_checked_and_their_problems_located()
    {
        var functions = _cli.WriteFile("MyFunctions.cs", """
            using SymbolicGen.Runtime;
            namespace SymbolicGen.Runtime { public sealed class Audio { } }
            public interface IMyFunctions
            {
                [SymFunction(Summary = "Echo")]
                Audio Echo(Audio audio, [SymParam(Kind = SymKind.Duration, Min = 0.1, Max = 2)] double delay = 0.3);

                [SymFunction]
                Audio Broken(Audio audio, [SymParam(Min = 5, Max = 1)] double amount = 3);
            }
            """);
        var flow = _cli.WriteFile("Echo.sym", """
            flow Echoed(sound: Audio) -> (out: Audio) {
                out = Echo(sound, delay: 500ms)
            }
            """);

        var (exit, output, _) = _cli.Run("check", "--functions", functions, flow);

        Assert.Equal(1, exit);
        Assert.Contains($"{functions}(9,", output);
        Assert.Contains("error SYM0501:", output);
        Assert.DoesNotContain("Echo.sym(", output);
    }
}
