using SymbolicGen.Tests.Baselines;
using Xunit;

namespace SymbolicGen.Cli.Tests;

/// <summary>The real <c>symgen check</c> on every case of <c>tests/Baselines</c> reports exactly its <c>main.diagnostics</c>.</summary>
public sealed class BaselineTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    public static IEnumerable<object[]> Cases() => Baselines.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_reports_the_baseline(string name)
    {
        var baseline = Baselines.Named(name);

        var (exit, output, error) = _cli.Run("check", baseline.SourcePath);

        Assert.Equal("", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        // The last line is the summary; each other line a diagnostic at the path as given.
        Assert.Matches(@"^1 file checked: \d+ errors?, \d+ warnings?$", lines[^1]);
        var prefix = baseline.SourcePath + "(";
        Assert.All(lines[..^1], l => Assert.StartsWith(prefix, l, StringComparison.Ordinal));
        var found = lines[..^1].Select(l => BaselineDiagnostic.Parse(Baselines.SourceFile + l[baseline.SourcePath.Length..])).ToList();
        var mismatch = Baselines.Compare(baseline, found);
        Assert.True(mismatch is null, mismatch);
        Assert.Equal(found.Any(d => d.IsError) ? 1 : 0, exit);
    }

    [Fact]
    public void There_are_baselines_for_every_front_end_diagnostic_and_clean_files()
    {
        var ids = Baselines.All.SelectMany(c => c.Expected).Select(d => d.Id).ToHashSet();
        string[] frontEnd =
        [
            "SYM0001", "SYM0002", "SYM0101", "SYM0102", "SYM0103", "SYM0104", "SYM0105", "SYM0106",
            "SYM0201", "SYM0202", "SYM0203", "SYM0204", "SYM0205", "SYM0206", "SYM0207",
            "SYM0301", "SYM0302", "SYM0303", "SYM0304", "SYM0305", "SYM0306",
        ];
        Assert.Empty(frontEnd.Except(ids));
        Assert.Contains(Baselines.All, c => c.Expected.Count == 0);
    }

    [Fact]
    public void A_baseline_line_reads_back_as_written_and_a_mismatch_says_how_to_accept_it()
    {
        const string line = "main.sym(3,45): error SYM0203: 'duration' is 2min = 120 s; ImageToVideo accepts 0.5 s to 60 s";
        var parsed = BaselineDiagnostic.Parse(line);
        Assert.Equal(new BaselineDiagnostic(3, 45, true, "SYM0203", "'duration' is 2min = 120 s; ImageToVideo accepts 0.5 s to 60 s"), parsed);
        Assert.Equal(line, parsed.ToString());
        Assert.Throws<FormatException>(() => BaselineDiagnostic.Parse("other.sym(1,1): error SYM0001: x"));

        var folder = Directory.CreateDirectory(Path.Combine(_cli.Scratch, "case")).FullName;
        File.WriteAllText(Path.Combine(folder, Baselines.SourceFile), "");
        File.WriteAllText(Path.Combine(folder, Baselines.DiagnosticsFile), line + "\n");
        var baseline = new BaselineCase("case", folder);
        Assert.Null(Baselines.Compare(baseline, [parsed]));
        if (Baselines.Updating) return;
        var message = Baselines.Compare(baseline, [parsed with { Column = 46 }]);
        Assert.Contains("main.sym(3,46)", message);
        Assert.Contains(Baselines.UpdateVariable + "=1", message);
    }
}
