using Microsoft.CodeAnalysis;
using Xunit;
using static SymbolicGen.Analyzers.Tests.AnalyzerHarness;

namespace SymbolicGen.Analyzers.Tests;

/// <summary>SYM0501–SYM0505: problems of [SymFunction] declarations, reported on the C# code.</summary>
public class DeclarationRuleTests
{
    private const string Problems = """
        using SymbolicGen.Runtime;

        namespace Consumer
        {
            // After Consumer.Sounds in the reader's order, so that its 'Chirp' is the duplicate.
        public static class Unusual
            {
                [SymFunction]
                public static Audio Inverted([SymParam(SymKind.Duration, Min = 60, Max = 0.5)] double duration = 1) => Audio.Silence(System.TimeSpan.FromSeconds(1), 44100, 1);

                [SymFunction]
                public static Audio Loud([SymParam(SymKind.Gain, Max = 12)] double gain = 20) => Audio.Silence(System.TimeSpan.FromSeconds(1), 44100, 1);

                [SymFunction]
                public static Audio Worded([SymParam(SymKind.Duration)] string length = "") => Audio.Silence(System.TimeSpan.FromSeconds(1), 44100, 1);

                [SymFunction]
                public static Audio Listed(System.Collections.Generic.List<int> values) => Audio.Silence(System.TimeSpan.FromSeconds(1), 44100, 1);

                [SymFunction("Chirp")]
                public static Audio AnotherTone() => Audio.Silence(System.TimeSpan.FromSeconds(1), 44100, 1);
            }
        }
        """;

    [Fact]
    public async Task Each_problem_is_reported_on_the_offending_csharp_text()
    {
        var compilation = Compile([SoundFunctions, Problems]);

        var diagnostics = await RunAsync(compilation, []);

        var problemsTree = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Source1.cs");
        Assert.All(diagnostics, d => Assert.Same(problemsTree, d.Location.SourceTree));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(
            [
                ("SYM0501", "Min = 60"),
                ("SYM0502", "20"),
                ("SYM0503", "SymKind.Duration"),
                ("SYM0504", "System.Collections.Generic.List<int>"),
                ("SYM0505", "AnotherTone"),
            ],
            diagnostics.Select(d => (d.Id, problemsTree.GetText().ToString(d.Location.SourceSpan))));
        Assert.Contains("'Chirp'", diagnostics.Single(d => d.Id == "SYM0505").GetMessage());
    }

    [Fact]
    public async Task Problems_of_a_referenced_assembly_are_not_reported_in_the_consumer()
    {
        var library = Emit(Compile([Problems], "BrokenLibrary"));
        var consumer = Compile(["namespace App { public static class Program { } }"], "App", library);

        Assert.Empty(await RunAsync(consumer, []));
    }

    [Fact]
    public async Task A_function_left_out_for_a_problem_is_unknown_to_sym_files()
    {
        var compilation = Compile([Problems]);
        const string text = """
            flow Long() -> (sound: Audio) {
                sound = Inverted(duration: 1s)
            }
            """;

        var diagnostics = await RunAsync(compilation, [("/p/Long.sym", text)]);

        Assert.Contains(diagnostics, d => d.Id == "SYM0101" && d.Location.GetLineSpan().Path == "/p/Long.sym");
        Assert.Contains(diagnostics, d => d.Id == "SYM0501" && d.Location.IsInSource);
    }

    [Fact]
    public async Task Csharp_side_rules_follow_the_compilations_diagnostic_options()
    {
        var compilation = Compile([SoundFunctions, Problems]);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            [new("SYM0504", ReportDiagnostic.Suppress), new("SYM0505", ReportDiagnostic.Warn)]));

        var diagnostics = await RunAsync(compilation, []);

        Assert.DoesNotContain(diagnostics, d => d.Id == "SYM0504");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostics.Single(d => d.Id == "SYM0505").Severity);
    }
}
