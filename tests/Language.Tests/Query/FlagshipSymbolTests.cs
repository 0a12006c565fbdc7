using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Tests.Parsing;
using Xunit;
using static SymbolicGen.Language.Tests.Query.QueryText;

namespace SymbolicGen.Language.Tests.Query;

/// <summary>
/// The flagship in each syntax: every symbol, its declaration and every reference, checked against
/// positions found in the text (line, whole word, which one on the line).
/// </summary>
public class FlagshipSymbolTests
{
    // (kind, name, declaration, references) where a place is (line, word, nth on the line). The dataflow and
    // pseudo-natural flagships have the same steps on the same lines.
    private static readonly (SymbolKind Kind, string Name, (int, string, int) Declaration, (int, string, int)[] References)[] DataflowOrNatural =
    [
        (SymbolKind.Flow, "JungleRuins", (2, "JungleRuins", 0), []),
        (SymbolKind.Input, "jungle", (2, "jungle", 0), [(3, "jungle", 0)]),
        (SymbolKind.Input, "ruins", (2, "ruins", 0), [(3, "ruins", 0)]),
        (SymbolKind.Parameter, "seconds", (2, "seconds", 0), [(4, "seconds", 0), (5, "seconds", 0), (6, "seconds", 0)]),
        (SymbolKind.Output, "film", (2, "film", 0), [(8, "film", 0)]),
        (SymbolKind.Output, "poster", (2, "poster", 0), [(3, "poster", 0)]),
        (SymbolKind.Node, "poster", (3, "poster", 0), [(4, "poster", 0)]),
        (SymbolKind.Node, "clip", (4, "clip", 0), [(8, "clip", 0)]),
        (SymbolKind.Node, "birds", (5, "birds", 0), [(7, "birds", 0)]),
        (SymbolKind.Node, "water", (6, "water", 0), [(7, "water", 0)]),
        (SymbolKind.Node, "sound", (7, "sound", 0), [(8, "sound", 0)]),
        (SymbolKind.Node, "film", (8, "film", 0), []),
    ];

    private static readonly (SymbolKind Kind, string Name, (int, string, int) Declaration, (int, string, int)[] References)[] Declarative =
    [
        (SymbolKind.Flow, "JungleRuins", (2, "JungleRuins", 0), []),
        (SymbolKind.Input, "jungle", (3, "jungle", 0), [(14, "jungle", 0)]),
        (SymbolKind.Input, "ruins", (4, "ruins", 0), [(15, "ruins", 0)]),
        (SymbolKind.Parameter, "seconds", (5, "seconds", 0), [(9, "seconds", 0), (10, "seconds", 0), (11, "seconds", 0)]),
        (SymbolKind.Output, "film", (6, "film", 0), [(21, "film", 0)]),
        (SymbolKind.Output, "poster", (7, "poster", 0), [(22, "poster", 0)]),
        (SymbolKind.Node, "blend", (8, "blend", 0), [(14, "blend", 0), (15, "blend", 0), (16, "blend", 0), (22, "blend", 0)]),
        (SymbolKind.Node, "animate", (9, "animate", 0), [(16, "animate", 0), (19, "animate", 0)]),
        (SymbolKind.Node, "birds", (10, "birds", 0), [(17, "birds", 0)]),
        (SymbolKind.Node, "water", (11, "water", 0), [(18, "water", 0)]),
        (SymbolKind.Node, "mix", (12, "mix", 0), [(17, "mix", 0), (18, "mix", 0), (20, "mix", 0)]),
        (SymbolKind.Node, "mux", (13, "mux", 0), [(19, "mux", 0), (20, "mux", 0), (21, "mux", 0)]),
    ];

    public static IEnumerable<object[]> Syntaxes() =>
    [
        ["dataflow", Flagship.Dataflow],
        ["declarative", Flagship.Declarative],
        ["natural", Flagship.Natural],
    ];

    private static (SymbolKind Kind, string Name, (int, string, int) Declaration, (int, string, int)[] References)[] Expected(string syntax) =>
        syntax == "declarative" ? Declarative : DataflowOrNatural;

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void Every_symbol_is_declared_where_its_name_is_written(string syntax, string text)
    {
        var compilation = Compile(text);
        Assert.Empty(compilation.Diagnostics);

        var expected = Expected(syntax).Select(e => $"{e.Kind} {e.Name} at {compilation.Show(Word(text, e.Declaration.Item1, e.Declaration.Item2, e.Declaration.Item3))}");
        var actual = compilation.Symbols.Symbols.Select(s => $"{s.Kind} {s.Name} at {compilation.Show(s.Declaration)}");
        Assert.Equal(expected, actual);
        Assert.All(compilation.Symbols.Symbols, s => Assert.Same(s, compilation.Symbols.DeclarationOf(s)!.Value.Symbol));
    }

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void Every_reference_of_every_symbol_is_found_and_nothing_else(string syntax, string text)
    {
        var compilation = Compile(text);

        foreach (var (kind, name, _, references) in Expected(syntax))
        {
            var symbol = kind == SymbolKind.Flow ? compilation.Flow(name) : compilation.Symbol("JungleRuins", name, kind);
            var expected = references.Select(r => compilation.Show(Word(text, r.Item1, r.Item2, r.Item3)));
            var actual = compilation.Symbols.ReferencesOf(symbol).Select(o => compilation.Show(o.Span));
            Assert.True(expected.SequenceEqual(actual), $"{syntax} {kind} {name}: expected [{string.Join(", ", expected)}], found [{string.Join(", ", actual)}]");
            Assert.All(compilation.Symbols.ReferencesOf(symbol), o => Assert.Equal(OccurrenceKind.Reference, o.Kind));
        }
        Assert.DoesNotContain(compilation.Symbols.Occurrences, o => o.Kind == OccurrenceKind.Unresolved);
    }

    [Theory]
    [MemberData(nameof(Flagship.All), MemberType = typeof(Flagship))]
    public void Inputs_parameters_and_outputs_carry_their_types_and_nodes_their_functions(string text)
    {
        var compilation = Compile(text);

        Assert.Equal(
            ["Input jungle: Image", "Input ruins: Image", "Parameter seconds: Duration", "Output film: Video", "Output poster: Image"],
            compilation.Symbols.Symbols.Where(s => s.Type is not null).Select(s => $"{s.Kind} {s.Name}: {s.Type}"));
        var functions = compilation.Symbols.Symbols.Where(s => s.Kind == SymbolKind.Node).Select(s => s.Function);
        Assert.Equal(["ImageBlend", "ImageToVideo", "Birdsong", "WaterAmbience", "AudioMix", "AddAudio"], functions);
        Assert.All(compilation.Symbols.Symbols.Skip(1), s => Assert.Same(compilation.Symbols.Flows.Single(), s.Flow));
        Assert.Equal(compilation.Symbols.Symbols.Skip(1), compilation.Symbols.MembersOf(compilation.Symbols.Flows.Single()));
    }

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void Function_names_argument_names_and_enum_values_say_what_they_name(string syntax, string text)
    {
        var compilation = Compile(text);
        var blend = syntax == "declarative" ? 8 : 3;
        var animate = blend + 1;

        var function = compilation.At(Word(text, blend, "ImageBlend"));
        Assert.Equal((OccurrenceKind.Function, "ImageBlend"), (function.Kind, function.Function));
        var weight = compilation.At(Word(text, blend, "weight"));
        Assert.Equal((OccurrenceKind.FunctionParameter, "ImageBlend", "weight"), (weight.Kind, weight.Function, weight.Name));
        var laplacian = compilation.At(Word(text, blend, "laplacian"));
        Assert.Equal((OccurrenceKind.EnumValue, "ImageBlend", "mode"), (laplacian.Kind, laplacian.Function, laplacian.Parameter));
        var duration = compilation.At(Word(text, animate, "duration"));
        Assert.Equal((OccurrenceKind.FunctionParameter, "ImageToVideo"), (duration.Kind, duration.Function));
        Assert.Equal(OccurrenceKind.FunctionParameter, compilation.At(Word(text, animate + 2, "flow")).Kind);
        Assert.All(compilation.Symbols.Occurrences, o => Assert.Same(compilation.Symbols.Flows.Single(), o.Flow));
    }

    [Fact]
    public void Declarative_link_sources_and_targets_name_the_node_and_its_port_separately()
    {
        var text = Flagship.Declarative;
        var compilation = Compile(text);

        // link blend.image   -> animate.image
        Assert.Equal("blend", compilation.At(Word(text, 16, "blend")).Symbol!.Name);
        var source = compilation.At(Word(text, 16, "image", 0));
        Assert.Equal((OccurrenceKind.FunctionOutput, "ImageBlend", "image"), (source.Kind, source.Function, source.Name));
        Assert.Equal("animate", compilation.At(Word(text, 16, "animate")).Symbol!.Name);
        var target = compilation.At(Word(text, 16, "image", 1));
        Assert.Equal((OccurrenceKind.FunctionInput, "ImageToVideo"), (target.Kind, target.Function));
        // link mux.video     -> film
        Assert.Equal((OccurrenceKind.FunctionOutput, "AddAudio"), (compilation.At(Word(text, 21, "video")).Kind, compilation.At(Word(text, 21, "video")).Function));
        Assert.Equal(SymbolKind.Output, compilation.At(Word(text, 21, "film")).Symbol!.Kind);
    }

    [Fact]
    public void A_dataflow_step_named_after_an_output_declares_the_node_and_feeds_the_output_at_one_name()
    {
        var text = Flagship.Dataflow;
        var compilation = Compile(text);
        var film = Word(text, 8, "film");

        var all = compilation.Symbols.FindAllAt(film.Start);

        Assert.Equal([(OccurrenceKind.Declaration, SymbolKind.Node), (OccurrenceKind.Reference, SymbolKind.Output)], all.Select(o => (o.Kind, o.Symbol!.Kind)));
        Assert.Equal(all[0], compilation.Symbols.FindAt(film.Start));
    }
}
