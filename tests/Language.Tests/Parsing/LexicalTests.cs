using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Syntax;
using Xunit;

namespace SymbolicGen.Language.Tests.Parsing;

public class LexicalTests
{
    private static (TokenKind Kind, string Text)[] Tokens(string text) =>
        Tokenizer.Instance.Tokenize(text).Select(t => (t.Kind, t.Span.ToStringValue())).ToArray();

    // The value of `v` in a dataflow call, with the value's span checked against the text.
    private static Value DataflowValue(string value)
    {
        var text = $"flow F() -> (o: Video) {{\n    x = G(v: {value})\n}}\n";
        var argument = Assert.Single(Assert.Single(ParseAssert.Flow(text).Steps).Arguments);
        ParseAssert.Covers(text, value, argument.Value.Span);
        return argument.Value;
    }

    private static Value NaturalValue(string value)
    {
        var text = $"F is a flow that gives o as a Video.\nx is G with v {value}.\n";
        var argument = Assert.Single(Assert.Single(ParseAssert.Flow(text).Steps).Arguments);
        ParseAssert.Covers(text, value, argument.Value.Span);
        return argument.Value;
    }

    [Fact]
    public void Tokens_cover_the_text_exactly_and_skip_only_blanks()
    {
        var text = "flow F(a: Image) -> (o: Video) {\r\n  x = G(a, k: -6dB) # note\n}";
        var tokens = Tokenizer.Instance.Tokenize(text).ToArray();
        Assert.Equal(new[]
        {
            (TokenKind.Identifier, "flow"), (TokenKind.Identifier, "F"), (TokenKind.LeftParen, "("), (TokenKind.Identifier, "a"),
            (TokenKind.Colon, ":"), (TokenKind.Identifier, "Image"), (TokenKind.RightParen, ")"), (TokenKind.Arrow, "->"),
            (TokenKind.LeftParen, "("), (TokenKind.Identifier, "o"), (TokenKind.Colon, ":"), (TokenKind.Identifier, "Video"),
            (TokenKind.RightParen, ")"), (TokenKind.LeftBrace, "{"), (TokenKind.Newline, "\r\n"), (TokenKind.Identifier, "x"),
            (TokenKind.Equals, "="), (TokenKind.Identifier, "G"), (TokenKind.LeftParen, "("), (TokenKind.Identifier, "a"),
            (TokenKind.Comma, ","), (TokenKind.Identifier, "k"), (TokenKind.Colon, ":"), (TokenKind.Quantity, "-6dB"),
            (TokenKind.RightParen, ")"), (TokenKind.Comment, "# note"), (TokenKind.Newline, "\n"), (TokenKind.RightBrace, "}"),
        }, Tokens(text));
        // Between consecutive tokens there are only blanks.
        var end = 0;
        foreach (var token in tokens)
        {
            var start = token.Span.Position.Absolute;
            Assert.True(start >= end);
            Assert.Equal("", text.Substring(end, start - end).Trim(' '));
            end = start + token.Span.Length;
        }
        Assert.Equal(text.Length, end);
    }

    [Theory]
    [InlineData("6s", 6, "s")]
    [InlineData("500ms", 500, "ms")]
    [InlineData("2min", 2, "min")]
    [InlineData("120f", 120, "f")]
    [InlineData("24fps", 24, "fps")]
    [InlineData("440Hz", 440, "Hz")]
    [InlineData("440hz", 440, "Hz")]
    [InlineData("2kHz", 2, "kHz")]
    [InlineData("44.1kHz", 44.1, "kHz")]
    [InlineData("-6dB", -6, "dB")]
    [InlineData("512px", 512, "px")]
    [InlineData("50%", 50, "%")]
    [InlineData("2x", 2, "x")]
    [InlineData("0.5x", 0.5, "x")]
    [InlineData("1e3ms", 1000, "ms")]
    public void A_number_glued_to_a_unit_is_a_quantity_with_the_canonical_spelling(string written, double number, string unit)
    {
        Assert.Equal(new[] { (TokenKind.Quantity, written) }, Tokens(written));
        Assert.Equal(new QuantityValue(number, unit), DataflowValue(written));
    }

    [Theory]
    [InlineData("6 seconds", 6, "s")]
    [InlineData("1 second", 1, "s")]
    [InlineData("500 milliseconds", 500, "ms")]
    [InlineData("2 minutes", 2, "min")]
    [InlineData("120 frames", 120, "f")]
    [InlineData("24 fps", 24, "fps")]
    [InlineData("440 hertz", 440, "Hz")]
    [InlineData("2 kHz", 2, "kHz")]
    [InlineData("-6 dB", -6, "dB")]
    [InlineData("-6 decibels", -6, "dB")]
    [InlineData("-6 DB", -6, "dB")]
    [InlineData("512 pixels", 512, "px")]
    [InlineData("50 percent", 50, "%")]
    [InlineData("2 times", 2, "x")]
    [InlineData("6s", 6, "s")]
    public void Pseudo_natural_takes_a_unit_word_after_a_space(string written, double number, string unit) =>
        Assert.Equal(new QuantityValue(number, unit), NaturalValue(written));

    [Fact]
    public void Unit_words_are_words_outside_pseudo_natural()
    {
        var text = "flow F() -> (o: Video) {\n    x = G(6 seconds)\n}\n";
        var diagnostic = Assert.Single(SymParser.Parse(text).Diagnostics);
        ParseAssert.Is(diagnostic, "SYM0001", "expected ',' or ')' but found 'seconds'", text, "seconds");
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("42", 42)]
    [InlineData("-3", -3)]
    [InlineData("0.45", 0.45)]
    [InlineData("-0.5", -0.5)]
    [InlineData("1e3", 1000)]
    [InlineData("2.5e-2", 0.025)]
    [InlineData("1E+2", 100)]
    public void Numbers_include_negative_literals_and_exponents(string written, double number)
    {
        Assert.Equal(new[] { (TokenKind.Number, written) }, Tokens(written));
        Assert.Equal(new NumberValue(number), DataflowValue(written));
    }

    [Fact]
    public void A_minus_before_a_digit_is_a_sign_and_before_a_greater_than_an_arrow()
    {
        Assert.Equal(new[] { (TokenKind.Identifier, "a"), (TokenKind.Arrow, "->"), (TokenKind.Identifier, "b"), (TokenKind.Number, "-1"), (TokenKind.Arrow, "->"), (TokenKind.Number, "2") },
            Tokens("a->b -1->2"));
        Assert.Equal(new[] { (TokenKind.Number, "6"), (TokenKind.Dot, "."), (TokenKind.Identifier, "x") }, Tokens("6.x"));
    }

    [Fact]
    public void Sizes_colours_booleans_and_lists()
    {
        Assert.Equal(new SizeValue(1024, 576), DataflowValue("1024x576"));
        Assert.Equal(new ColorValue("#1e90ff"), DataflowValue("#1e90ff"));
        Assert.Equal(new ColorValue("#1e90ff"), DataflowValue("#1E90FF"));
        Assert.Equal(new ColorValue("#abc"), DataflowValue("#abc"));
        Assert.Equal(new ColorValue("#1e90ff80"), DataflowValue("#1e90ff80"));
        Assert.Equal(new BoolValue(true), DataflowValue("true"));
        Assert.Equal(new BoolValue(false), DataflowValue("false"));
        Assert.Equal(new ListValue(EquatableArray.Of<Value>(new ReferenceValue("a", null), new NumberValue(2), new StringValue("c"), new QuantityValue(3, "s"))),
            DataflowValue("[a, 2, \"c\", 3s]"));
        Assert.Equal(new ListValue(default), DataflowValue("[]"));
        Assert.Equal(new ListValue(EquatableArray.Of<Value>(new ListValue(EquatableArray.Of<Value>(new NumberValue(1))))), DataflowValue("[[1],]"));
        Assert.Equal(new ReferenceValue("node", "port"), DataflowValue("node.port"));
    }

    [Fact]
    public void A_hash_not_followed_by_exactly_3_6_or_8_hex_digits_starts_a_comment()
    {
        Assert.Equal(new[] { (TokenKind.Comment, "#1e90f") }, Tokens("#1e90f"));
        Assert.Equal(new[] { (TokenKind.Comment, "#1e90ffa") }, Tokens("#1e90ffa"));
        Assert.Equal(new[] { (TokenKind.Comment, "#abcx colour?"), (TokenKind.Newline, "\n"), (TokenKind.Identifier, "x") }, Tokens("#abcx colour?\nx"));
        Assert.Equal(new[] { (TokenKind.Comment, "# a comment"), (TokenKind.Newline, "\r\n") }, Tokens("# a comment\r\n"));
        Assert.Equal(new[] { (TokenKind.Color, "#abc"), (TokenKind.Comma, ",") }, Tokens("#abc,"));
    }

    [Fact]
    public void Strings_decode_their_escapes_and_keep_everything_else()
    {
        Assert.Equal(new StringValue("a \"quoted\" \\ word\nnew\tline \u00e9\u2603"), DataflowValue("\"a \\\"quoted\\\" \\\\ word\\nnew\\tline \\u00e9\\u2603\""));
        Assert.Equal(new StringValue("snake_case flow is with end # not a comment"), DataflowValue("\"snake_case flow is with end # not a comment\""));
        Assert.Equal(new StringValue(""), DataflowValue("\"\""));
    }

    [Fact]
    public void Block_strings_keep_their_content_raw_with_quotes_and_line_breaks()
    {
        var block = "\"\"\"A \"quoted\" prompt,\n  over two lines with \\n and _under_scores\"\"\"";
        var value = Assert.IsType<StringValue>(DataflowValue(block));
        Assert.True(value.Block);
        Assert.Equal("A \"quoted\" prompt,\n  over two lines with \\n and _under_scores", value.Text);

        // A run of more than three quotes closes the string with its last three.
        Assert.Equal(new StringValue("say \"hi\"", Block: true), DataflowValue("\"\"\"say \"hi\"\"\"\""));
        Assert.Equal(new StringValue("", Block: true), DataflowValue("\"\"\"\"\"\""));
    }

    [Fact]
    public void Strings_are_values_in_every_syntax()
    {
        Assert.Equal(new StringValue("a cat, with a hat. And more"), NaturalValue("\"a cat, with a hat. And more\""));
        var text = "flow F\n  link \"a misty jungle\" -> gen.prompt\nend\n";
        var link = Assert.Single(ParseAssert.Flow(text).Links);
        Assert.Equal(new StringValue("a misty jungle"), link.Source);
        Assert.Equal(("gen", "prompt"), (link.TargetNode!.Text, link.TargetPort.Text));
    }
}
