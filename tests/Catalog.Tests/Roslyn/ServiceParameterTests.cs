using Microsoft.CodeAnalysis;
using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Language.Catalog;
using Xunit;
using static SymbolicGen.Catalog.Tests.Roslyn.CatalogCompilation;

namespace SymbolicGen.Catalog.Tests.Roslyn;

/// <summary>Service parameters: interfaces and [SymService] parameters are supplied by the executor, not written in flows.</summary>
public class ServiceParameterTests
{
    private const string Speech = """
        namespace Voices
        {
            public interface IVoice { }
            public sealed class Lexicon { }

            public static class Speech
            {
                [SymFunction]
                public static Task<Audio> SpeakAsync(
                    Text text,
                    IVoice voice,
                    [SymParam(SymKind.Ratio, Min = 0.5, Max = 2)] double speed = 1,
                    [SymService] Lexicon? lexicon = null,
                    IProgress<double>? progress = null,
                    CancellationToken cancellationToken = default) => null!;
            }
        }
        """;

    [Fact]
    public void An_interface_parameter_is_a_service_recorded_with_its_type_and_is_neither_input_nor_parameter()
    {
        var compilation = Compile(Speech);
        var method = compilation.GetTypeByMetadataName("Voices.Speech")!.GetMembers("SpeakAsync").OfType<IMethodSymbol>().Single();

        var result = SymbolCatalogReader.ReadFunction(method, compilation);

        Assert.Empty(result.Problems);
        Assert.Equal(new[] { "text" }, result.Function!.Inputs.Select(i => i.Name));
        Assert.Equal(new[] { "speed" }, result.Function.Parameters.Select(p => p.Name));
        Assert.Equal(
            new[]
            {
                new MethodArgument(ArgumentRole.Input, "text"),
                new MethodArgument(ArgumentRole.Service, null, "Voices.IVoice", Optional: false),
                new MethodArgument(ArgumentRole.Parameter, "speed"),
                new MethodArgument(ArgumentRole.Service, null, "Voices.Lexicon", Optional: true),
                new MethodArgument(ArgumentRole.Progress, null),
                new MethodArgument(ArgumentRole.Cancellation, null),
            },
            result.Arguments);
    }

    [Fact]
    public void A_service_is_not_in_the_catalog_so_the_checker_never_sees_it()
    {
        var function = ReadSingle(Speech);

        var catalog = new FunctionCatalog(new[] { function });
        var compilation = Language.SymCompiler.Compile("""
            flow Say(text: Text) -> (audio: Audio) {
                audio = Speak(text, speed: 1.5)
            }
            """, catalog);

        Assert.Empty(compilation.Diagnostics);
        Assert.Null(function.FindParameter("voice"));
        Assert.Null(function.FindInput("voice"));
    }

    [Fact]
    public void A_service_that_is_a_value_type_or_is_described_as_a_port_is_a_problem()
    {
        var result = Read("""
            public interface IClock { }
            public static class F
            {
                [SymFunction] public static Image Stamp(Image image, [SymService] DateTime when) => image;
                [SymFunction] public static Image Tick(Image image, [SymParam] IClock clock) => image;
            }
            """);

        Assert.Empty(result.Catalog.Functions);
        Assert.Collection(result.Problems,
            p => Assert.Equal(("SYM0504", "'when' is marked [SymService] but has type 'System.DateTime'; a service is an interface or a class", "DateTime"),
                (p.Id, p.Message, TextAt(p.Location))),
            p => Assert.Equal(("SYM0504", "'clock' is a service the executor supplies, not an input or parameter; remove its [SymParam]", "SymParam"),
                (p.Id, p.Message, TextAt(p.Location))));
    }

    [Fact]
    public void Progress_of_double_stays_plumbing_and_another_progress_is_a_service()
    {
        var compilation = Compile("""
            public static class F
            {
                [SymFunction] public static Image Work(Image image, IProgress<double> fraction, IProgress<string> log) => image;
            }
            """);
        var method = compilation.GetTypeByMetadataName("F")!.GetMembers("Work").OfType<IMethodSymbol>().Single();

        var result = SymbolCatalogReader.ReadFunction(method, compilation);

        Assert.Equal(new[] { ArgumentRole.Input, ArgumentRole.Progress, ArgumentRole.Service }, result.Arguments.Select(a => a.Role));
        Assert.Equal("System.IProgress<string>", result.Arguments[2].ServiceType);
    }
}
