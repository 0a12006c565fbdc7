using CsCheck;
using SymbolicGen.Language.Syntax;
using SymbolicGen.Language.Text;
using Xunit;

namespace SymbolicGen.Language.Tests.Parsing;

/// <summary>
/// The parser never throws and every position it reports lies in the text, whatever the input: random
/// mutations of valid files and arbitrary strings. SYMGEN_FUZZ_ITERATIONS raises the number of cases.
/// </summary>
public class ParserPropertyTests
{
    internal static readonly long Iterations =
        long.TryParse(Environment.GetEnvironmentVariable("SYMGEN_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 3000;

    // Characters that matter to the lexer, plus a few it must refuse.
    private const string Alphabet = "abfsxzAIFV_019 \t\n\r\n(){}[],:=.-->#\"\"\"\\%'@é€\u0000\uFEFF";

    private static readonly string Commented = """"
        # A file with comments, strings and several flows.
        flow Cutout(photo: Image, tint: Color = #1e90ff) -> (cut: Image) {
            (fg, mask) = Segment(photo, prompt: "a \"red\" fox\n", sizes: [512x512, 1024x576])
            # Apply it.
            cut = Apply(fg, mask, note: """raw "text"
        over lines""") # done
        }
        Pad is a flow that takes a as an Image, with by as a Length of 12 pixels, and gives o as an Image.
        o is Border of a, with width by and colour #fff.
        """";

    internal static readonly string[] Valid = { Flagship.Dataflow, Flagship.Declarative, Flagship.Natural, Commented };

    internal static readonly Gen<(int Kind, int Position, int Length, char Char)> Mutation =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 1_000_000], Gen.Int[1, 12], Gen.Char[Alphabet]);

    internal static string Mutate(string text, (int Kind, int Position, int Length, char Char) m)
    {
        if (text.Length == 0) return m.Char.ToString();
        var at = m.Position % text.Length;
        var length = Math.Min(m.Length, text.Length - at);
        var tokens = Tokenizer.Instance.Tokenize(text).Select(t => (Start: t.Span.Position.Absolute, t.Span.Length)).ToArray();
        var token = tokens.Length == 0 ? (Start: at, Length: length) : tokens[m.Position % tokens.Length];
        var other = tokens.Length == 0 ? token : tokens[(m.Position + m.Length) % tokens.Length];
        return m.Kind switch
        {
            0 => text.Remove(at, length),
            1 => text.Insert(at, new string(m.Char, 1 + m.Length % 3)),
            2 => Swap(text, (at, 1), ((at + m.Length) % text.Length, 1)),
            3 => text.Insert(at, text.Substring(at, length)),
            4 => text.Remove(token.Start, token.Length),
            5 => text.Insert(token.Start, text.Substring(token.Start, token.Length) + " "),
            6 => Swap(text, token, other),
            _ => text.Substring(0, at),
        };
    }

    private static string Swap(string text, (int Start, int Length) a, (int Start, int Length) b)
    {
        if (a.Start > b.Start) (a, b) = (b, a);
        if (a.Start + a.Length > b.Start) return text;
        return text.Substring(0, a.Start) + text.Substring(b.Start, b.Length) + text.Substring(a.Start + a.Length, b.Start - a.Start - a.Length) +
               text.Substring(a.Start, a.Length) + text.Substring(b.Start + b.Length);
    }

    private static void AssertWellFormed(string text)
    {
        var result = SymParser.Parse(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SYM0901");
        foreach (var diagnostic in result.Diagnostics)
        {
            AssertWithin(text, diagnostic.Span);
            Assert.DoesNotContain('\n', diagnostic.Message);
            foreach (var edit in diagnostic.Fixes.SelectMany(f => f.Edits)) AssertWithin(text, edit.Span);
        }
        foreach (var flow in result.Syntax.Flows)
        {
            AssertWithin(text, flow.Span);
            AssertWithin(text, flow.Name.Span);
            foreach (var step in flow.Steps)
            {
                AssertWithin(text, step.Span);
                foreach (var argument in step.Arguments) AssertWithin(text, argument.Value.Span);
            }
        }
    }

    private static void AssertWithin(string text, SourceSpan span) =>
        Assert.True(span.Start >= 0 && span.Length >= 0 && span.End <= text.Length, $"span {span} outside a text of {text.Length} characters");

    [Fact]
    public void Mutated_valid_files_never_make_the_parser_throw_and_diagnostics_stay_in_the_text()
    {
        var gen = Gen.Select(Gen.Int[0, Valid.Length - 1], Mutation.Array[1, 8])
            .Select((file, mutations) => mutations.Aggregate(Valid[file], Mutate));
        gen.Sample(AssertWellFormed, iter: Iterations);
    }

    [Fact]
    public void Arbitrary_strings_never_make_the_parser_throw()
    {
        var lexical = Gen.String[Gen.Char[Alphabet + "flow is a that gives with of and end node link input output param"], 0, 300];
        var gen = Gen.OneOf(lexical, Gen.String);
        gen.Sample(AssertWellFormed, iter: Iterations);
    }

    [Fact]
    public void The_valid_files_used_as_seeds_are_valid() => Assert.All(Valid, text => ParseAssert.Clean(text));
}
