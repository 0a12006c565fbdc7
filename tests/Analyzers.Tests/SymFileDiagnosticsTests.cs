using Microsoft.CodeAnalysis;
using SymbolicGen.Language;
using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Language.Catalog;
using Xunit;
using static SymbolicGen.Analyzers.Tests.AnalyzerHarness;

namespace SymbolicGen.Analyzers.Tests;

public class SymFileDiagnosticsTests
{
    private const string OutOfRange = """
        # A beep that is far too long.
        flow Beep() -> (sound: Audio) {
            sound = Chirp(pitch: 440Hz, duration: 90s)
        }
        """;

    private static Compilation Functions() => Compile([SoundFunctions]);

    [Fact]
    public async Task An_out_of_range_parameter_is_reported_on_its_value_with_the_checkers_message()
    {
        var compilation = Functions();
        var diagnostics = await RunAsync(compilation, [("/p/workflows/Beep.sym", OutOfRange)]);

        var d = Assert.Single(diagnostics);
        Assert.Equal("SYM0203", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(LocationKind.ExternalFile, d.Location.Kind);
        var span = d.Location.GetLineSpan();
        Assert.Equal("/p/workflows/Beep.sym", span.Path);
        // '90s' on the third line, columns 43..45 (1-based): 0-based (2,42)..(2,45).
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(2, 42), span.StartLinePosition);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(2, 45), span.EndLinePosition);
        Assert.Equal("90s", OutOfRange.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));

        // The message is the checker's, word for word, and the build prints it in the canonical format.
        var expected = Assert.Single(SymCompiler.Compile(OutOfRange, SymbolCatalogReader.Read(compilation).Catalog).Diagnostics);
        Assert.Equal(expected.Message, d.GetMessage());
        Assert.Contains("90", d.GetMessage());
        Assert.Equal($"/p/workflows/Beep.sym(3,43): error SYM0203: {expected.Message}", d.ToString());
    }

    [Fact]
    public async Task Every_diagnostic_of_a_file_is_reported_in_order_with_its_own_severity()
    {
        const string text = """
            flow Beeps() -> (sound: Audio) {
                high = Chirp(pitch: 30kHz)
                low  = Chirp(pitch: 440Hz, duration: 5)
                sound = Mix(high, low, gain: 20dB)
            }
            """;
        var diagnostics = await RunAsync(Functions(), [("/p/Beeps.sym", text)]);

        Assert.Equal(
            [("SYM0203", DiagnosticSeverity.Error, "30kHz"), ("SYM0206", DiagnosticSeverity.Warning, "5"), ("SYM0203", DiagnosticSeverity.Error, "20dB")],
            diagnostics.Select(d => (d.Id, d.Severity, text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))));
    }

    [Fact]
    public async Task Lines_and_columns_count_utf16_characters_after_crlf_tabs_and_non_ascii_text()
    {
        // A comment with non-ASCII text (one character outside the BMP: two UTF-16 units) and CRLF line ends.
        const string text = "# Ça sonne 🔔\r\nflow Beep() -> (sound: Audio) {\r\n\tsound = Chirp(duration: 90s) # ½ min too long\r\n}\r\n";
        var d = Assert.Single(await RunAsync(Functions(), [("/p/Beep.sym", text)]));

        Assert.Equal("SYM0203", d.Id);
        var start = d.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((2, "\tsound = Chirp(duration: ".Length), (start.Line, start.Character));
        Assert.Equal("90s", text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
    }

    [Fact]
    public async Task Several_files_are_each_reported_at_their_own_path()
    {
        var diagnostics = await RunAsync(Functions(), [
            ("/p/a.sym", OutOfRange),
            ("/p/b.sym", OutOfRange.Replace("90s", "30s")),
            ("/p/c.sym", "flow Broken( -> {"),
        ]);

        Assert.Equal(["/p/a.sym", "/p/c.sym"], diagnostics.Select(d => d.Location.GetLineSpan().Path).Distinct());
        Assert.Contains(diagnostics, d => d.Id == "SYM0001" && d.Location.GetLineSpan().Path == "/p/c.sym");
    }

    [Fact]
    public async Task Files_without_the_sym_extension_are_not_checked_and_the_extension_ignores_case()
    {
        var diagnostics = await RunAsync(Functions(), [
            ("/p/notes.txt", OutOfRange),
            ("/p/Beep.sym.bak", OutOfRange),
            ("/p/LOUD.SYM", OutOfRange),
        ]);

        Assert.Equal("/p/LOUD.SYM", Assert.Single(diagnostics).Location.GetLineSpan().Path);
    }

    [Fact]
    public async Task A_valid_file_reports_nothing()
    {
        var diagnostics = await RunAsync(Functions(), [("/p/Beep.sym", OutOfRange.Replace("90s", "2s"))]);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Descriptors_carry_the_languages_title_and_category()
    {
        var d = Assert.Single(await RunAsync(Functions(), [("/p/Beep.sym", OutOfRange)]));

        Assert.Equal("Value out of range", d.Descriptor.Title.ToString());
        Assert.Equal("SymbolicGen", d.Descriptor.Category);
        Assert.Equal(
            SymbolicGen.Language.Diagnostics.DiagnosticDescriptors.All.Select(x => x.Id).Concat(CatalogProblemDescriptors.All.Select(x => x.Id)).Order(),
            new SymAnalyzer().SupportedDiagnostics.Select(x => x.Id).Order());
    }
}
