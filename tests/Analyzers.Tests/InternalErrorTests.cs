using Microsoft.CodeAnalysis;
using Xunit;
using static SymbolicGen.Analyzers.Tests.AnalyzerHarness;

namespace SymbolicGen.Analyzers.Tests;

/// <summary>Nothing is thrown into the compiler: failures of SymbolicGen itself become SYM0901.</summary>
public class InternalErrorTests
{
    [Fact]
    public async Task A_failure_while_reading_the_catalog_is_SYM0901_at_the_start_of_every_sym_file()
    {
        var analyzer = new SymAnalyzer((_, _) => throw new InvalidOperationException("broken\nreader"));

        var diagnostics = await RunAsync(Compile([]), [("/p/a.sym", "flow A() -> (x: Audio) {\n}"), ("/p/b.sym", "")], analyzer: analyzer);

        Assert.Equal(["/p/a.sym", "/p/b.sym"], diagnostics.Select(d => d.Location.GetLineSpan().Path));
        Assert.All(diagnostics, d =>
        {
            Assert.Equal("SYM0901", d.Id);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(0, 0), d.Location.GetLineSpan().StartLinePosition);
            Assert.Equal(
                "internal error while reading the compilation's functions and settings: InvalidOperationException: broken reader",
                d.GetMessage());
        });
    }

    [Theory]
    [InlineData("flow")]
    [InlineData("flow A(")]
    [InlineData("\"unterminated")]
    [InlineData("flow A() -> (x: Audio) { x = Chirp(pitch: 1e999999Hz) }")]
    [InlineData("A is a flow that gives x as an Audio. x is Chirp with pitch 440 Hz")]
    [InlineData("flow A\n  node n = Chirp { pitch: }\n")]
    [InlineData("\u0000\uFEFF\u200B\uD800")]
    public async Task Malformed_files_produce_diagnostics_and_never_an_analyzer_exception(string text)
    {
        // RunAsync fails the test on any analyzer exception (which the compiler would report as AD0001).
        var diagnostics = await RunAsync(Compile([SoundFunctions]), [("/p/bad.sym", text)]);

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.StartsWith("SYM0", d.Id));
        Assert.All(diagnostics, d => Assert.InRange(d.Location.SourceSpan.End, 0, text.Length));
    }
}
