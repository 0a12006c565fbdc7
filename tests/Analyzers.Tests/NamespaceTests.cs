using Xunit;
using static SymbolicGen.Analyzers.Tests.AnalyzerHarness;

namespace SymbolicGen.Analyzers.Tests;

/// <summary><c>[SymFunction(Namespace = …)]</c> as the build sees it: a bad namespace on the C# code, qualified calls in .sym files.</summary>
public class NamespaceTests
{
    private const string Acme = """
        using SymbolicGen.Runtime;

        namespace Consumer
        {
            public static class Acme
            {
                [SymFunction(Namespace = "acme")]
                public static Audio Hum(Audio audio) => audio;

                [SymFunction(Namespace = "acme video")]
                public static Audio Buzz(Audio audio) => audio;
            }
        }
        """;

    [Fact]
    public async Task A_bad_namespace_is_reported_on_its_argument_and_a_qualified_call_of_a_good_one_checks_clean()
    {
        var compilation = Compile([SoundFunctions, Acme]);
        const string text = """
            using acme
            flow Hums() -> (sound: Audio) {
                tone  = Chirp()
                first = acme.Hum(tone)
                sound = Hum(first)
            }
            """;

        var diagnostics = await RunAsync(compilation, [("/p/Hums.sym", text)]);

        var problem = Assert.Single(diagnostics);
        Assert.Equal("SYM0504", problem.Id);
        Assert.Equal("Namespace = \"acme video\"", problem.Location.SourceTree!.GetText().ToString(problem.Location.SourceSpan));
    }
}
