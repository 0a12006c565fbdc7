using Microsoft.CodeAnalysis;
using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Language.Catalog;
using Xunit;
using static SymbolicGen.Analyzers.Tests.AnalyzerHarness;

namespace SymbolicGen.Analyzers.Tests;

/// <summary>Where the functions a <c>.sym</c> file is checked against come from, and how often they are read.</summary>
public class CatalogSourceTests
{
    private const string CallsChirp = """
        flow Beep() -> (sound: Audio) {
            sound = Chirp(pitch: 440Hz, duration: 90s)
        }
        """;

    [Fact]
    public async Task Functions_declared_in_a_referenced_assembly_are_in_the_catalog()
    {
        var library = Emit(Compile([SoundFunctions], "SoundLibrary"));
        var consumer = Compile(["namespace App { public static class Program { } }"], "App", library);

        var diagnostics = await RunAsync(consumer, [("/p/Beep.sym", CallsChirp), ("/p/Ok.sym", CallsChirp.Replace("90s", "3s"))]);

        // Without the library's Chirp the file would report SYM0101 (unknown function); with it, the range is checked.
        var d = Assert.Single(diagnostics);
        Assert.Equal(("SYM0203", "/p/Beep.sym"), (d.Id, d.Location.GetLineSpan().Path));
    }

    [Fact]
    public async Task Without_a_declaration_the_function_is_unknown()
    {
        var consumer = Compile([]);

        var d = Assert.Single(await RunAsync(consumer, [("/p/Beep.sym", CallsChirp)]));

        Assert.Equal("SYM0101", d.Id);
        Assert.Contains("'Chirp'", d.GetMessage());
    }

    [Fact]
    public async Task Functions_from_the_compilations_own_source_and_from_a_reference_are_used_together()
    {
        var library = Emit(Compile([SoundFunctions], "SoundLibrary"));
        const string own = """
            using SymbolicGen.Runtime;
            namespace App
            {
                public static class Echoes
                {
                    [SymFunction]
                    public static Audio Echo(Audio input, [SymParam(SymKind.Duration, Min = 0, Max = 2)] double delay = 0.25) => input;
                }
            }
            """;
        const string text = """
            flow Echoed() -> (sound: Audio) {
                beep = Chirp(pitch: 440Hz)
                sound = Echo(beep, delay: 3s)
            }
            """;

        var d = Assert.Single(await RunAsync(Compile([own], "App", library), [("/p/Echoed.sym", text)]));

        Assert.Equal("SYM0203", d.Id);
        Assert.Equal("3s", text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
    }

    [Fact]
    public async Task The_catalog_is_read_once_per_compilation_however_many_files_are_checked()
    {
        var reads = 0;
        var analyzer = new SymAnalyzer((compilation, cancellationToken) =>
        {
            Interlocked.Increment(ref reads);
            return SymbolCatalogReader.Read(compilation, cancellationToken);
        });
        var files = Enumerable.Range(0, 12).Select(i => ($"/p/Beep{i}.sym", CallsChirp)).ToList();

        var diagnostics = await RunAsync(Compile([SoundFunctions]), files, analyzer: analyzer);

        Assert.Equal(1, reads);
        Assert.Equal(files.Select(f => f.Item1).Order(StringComparer.Ordinal), diagnostics.Select(d => d.Location.GetLineSpan().Path));
        Assert.All(diagnostics, d => Assert.Equal("SYM0203", d.Id));

        // A new compilation (an edit) reads again, once.
        await RunAsync(Compile([SoundFunctions, "class Edited { }"]), files, analyzer: analyzer);
        Assert.Equal(2, reads);
    }
}
