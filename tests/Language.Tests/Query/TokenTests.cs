using CsCheck;
using SymbolicGen.Language.Syntax;
using SymbolicGen.Language.Tests.Parsing;
using Xunit;

namespace SymbolicGen.Language.Tests.Query;

/// <summary>The tokens on <see cref="ParseResult.Tokens"/>: every character of the file in one token or in white space between tokens.</summary>
public class TokenTests
{
    private static void AssertCovers(string text)
    {
        var tokens = SymParser.Parse(text).Tokens;
        var at = 0;
        foreach (var token in tokens)
        {
            Assert.True(token.Span.Start >= at, $"{token} overlaps the token before");
            for (var i = at; i < token.Span.Start; i++)
                Assert.True(text[i] is ' ' or '\t' or '\f' or '\v' or '\uFEFF', $"U+{(int)text[i]:X4} at {i} is in no token");
            Assert.True(token.Span.Length > 0, $"{token} is empty");
            Assert.Equal(text.Substring(token.Span.Start, token.Span.Length), token.Text);
            at = token.Span.End;
        }
        for (var i = at; i < text.Length; i++)
            Assert.True(text[i] is ' ' or '\t' or '\f' or '\v' or '\uFEFF', $"U+{(int)text[i]:X4} at {i} is in no token");
    }

    [Fact]
    public void Comments_line_breaks_and_bad_tokens_are_tokens_too()
    {
        const string text = "# head\r\nflow F(a: Image) -> (b: Image) { # trailing\n  b = Upscale(a, factor: 6parsecs, @@ 99999999999x2, model: \"open)\r}\u2028";
        var tokens = SymParser.Parse(text).Tokens;

        Assert.Equal(new SourceToken(TokenKind.Comment, default, "# head"), tokens[0]);
        Assert.Equal((0, 6), (tokens[0].Span.Start, tokens[0].Span.Length));
        Assert.Equal("\r\n", tokens[1].Text);
        Assert.Equal(TokenKind.Newline, tokens[1].Kind);
        Assert.Contains(tokens, t => t.Kind == TokenKind.Comment && t.Text == "# trailing");
        Assert.Contains(tokens, t => t.Kind == TokenKind.UnknownUnit && t.Text == "parsecs");
        Assert.Contains(tokens, t => t.Kind == TokenKind.UnterminatedString);
        Assert.Contains(tokens, t => t.Kind == TokenKind.InvalidNumber);
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.EndOfFile);
        AssertCovers(text);
    }

    [Fact]
    public void The_flagships_an_empty_file_and_blank_text_are_covered_exactly()
    {
        foreach (var text in new[] { Flagship.Dataflow, Flagship.Declarative, Flagship.Natural, "", "   \t", "\uFEFF# only a comment" })
            AssertCovers(text);
        Assert.Empty(SymParser.Parse("").Tokens);
    }

    [Fact]
    public void The_compilation_carries_the_same_tokens_as_the_parse()
    {
        var compilation = SymCompiler.Compile(Flagship.Natural, TestCatalog.Flagship);

        Assert.Equal(
            SymParser.Parse(Flagship.Natural).Tokens.Select(t => (t.Kind, t.Span.Start, t.Span.Length, t.Text)),
            compilation.Tokens.Select(t => (t.Kind, t.Span.Start, t.Span.Length, t.Text)));
    }

    [Fact]
    public void Mutated_and_arbitrary_texts_are_covered_exactly()
    {
        var mutated = Gen.Select(Gen.Int[0, ParserPropertyTests.Valid.Length - 1], ParserPropertyTests.Mutation.Array[1, 8])
            .Select((file, mutations) => mutations.Aggregate(ParserPropertyTests.Valid[file], ParserPropertyTests.Mutate));
        Gen.OneOf(mutated, Gen.String).Sample(AssertCovers, iter: ParserPropertyTests.Iterations / 3);
    }
}
