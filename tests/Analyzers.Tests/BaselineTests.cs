using Microsoft.CodeAnalysis;
using SymbolicGen.Tests.Baselines;
using Xunit;
using static SymbolicGen.Analyzers.Tests.AnalyzerHarness;

namespace SymbolicGen.Analyzers.Tests;

/// <summary>
/// The analyzer, as a build runs it, on every case of <c>tests/Baselines</c> as an additional file of a
/// project that references SymbolicGen.Runtime (so the catalog is the built-in library, as for
/// <c>symgen check</c>): ids, positions and messages are the case's <c>main.diagnostics</c>.
/// </summary>
public class BaselineTests
{
    // One project for every case: the catalog is the same, and reading it once keeps the tests quick.
    private static readonly Lazy<Compilation> Project = new(() => Compile(["namespace Consumer { public static class Empty { } }"]));

    public static IEnumerable<object[]> Cases() => Baselines.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_analyzer_reports_the_baseline(string name)
    {
        var baseline = Baselines.Named(name);
        var path = Path.Combine("/baselines", name, Baselines.SourceFile);

        var diagnostics = await RunAsync(Project.Value, [(path, baseline.Source)]);

        Assert.All(diagnostics, d => Assert.Equal(path, d.Location.GetLineSpan().Path));
        var found = diagnostics.Select(d =>
        {
            var start = d.Location.GetLineSpan().StartLinePosition;
            return new BaselineDiagnostic(start.Line + 1, start.Character + 1, d.Severity == DiagnosticSeverity.Error, d.Id, d.GetMessage());
        }).ToList();
        var mismatch = Baselines.Compare(baseline, found);
        Assert.True(mismatch is null, mismatch);
    }
}
