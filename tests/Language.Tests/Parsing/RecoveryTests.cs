using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Syntax;
using Xunit;

namespace SymbolicGen.Language.Tests.Parsing;

public class RecoveryTests
{
    private static string[] Targets(FlowSyntax flow) => flow.Steps.Select(s => string.Join(",", s.Targets.Select(t => t.Text))).ToArray();

    [Fact]
    public void Dataflow_errors_on_lines_3_and_7_are_both_reported_and_line_9_still_parses()
    {
        var text = """
            flow F(a: Image) -> (o: Video) {
                b = G(a)
                c = H(a weight)
                d = I(a)
                e = J(a)
                f = K(b)
                g = L(a: , 2)
                h = M(c)
                o = N(c, d)
            }
            """;
        var result = SymParser.Parse(text);
        Assert.Equal(2, result.Diagnostics.Count);
        ParseAssert.Is(result.Diagnostics[0], "SYM0001", "expected ',' or ')' but found 'weight'", text, "weight");
        ParseAssert.Is(result.Diagnostics[1], "SYM0001", "expected a value but found ','", text, ",", within: "a: , 2");
        var lines = new Text.LineMap(text);
        Assert.Equal(3, lines.GetPosition(result.Diagnostics[0].Start).Line);
        Assert.Equal(7, lines.GetPosition(result.Diagnostics[1].Start).Line);

        var flow = Assert.Single(result.Syntax.Flows);
        Assert.Equal(new[] { "b", "c", "d", "e", "f", "g", "h", "o" }, Targets(flow));
        var last = flow.Steps[7];
        Assert.Equal("N", last.Function!.Text);
        Assert.Equal(new Value[] { new ReferenceValue("c", null), new ReferenceValue("d", null) }, last.Arguments.Select(a => a.Value));
        Assert.Equal(9, lines.GetPosition(last.Span.Start).Line);
    }

    [Fact]
    public void A_broken_statement_keeps_what_was_read_and_costs_one_diagnostic()
    {
        var text = "flow F(a: Image) -> (o: Video) {\n    c = H(a, weight: 1 b c d e, f)\n    o = I(c)\n}";
        var result = SymParser.Parse(text);
        ParseAssert.Is(Assert.Single(result.Diagnostics), "SYM0001", "expected ',' or ')' but found 'b'", text, "b");
        var flow = Assert.Single(result.Syntax.Flows);
        Assert.Equal(new[] { "c", "o" }, Targets(flow));
        Assert.Equal(new[] { "a", "1" }, flow.Steps[0].Arguments.Select(a => a.Value.ToString() == "1" ? "1" : ((ReferenceValue)a.Value).Name));
    }

    [Fact]
    public void A_missing_comma_between_named_arguments_is_reported_and_both_are_kept()
    {
        var text = "flow F(a: Image ruins: Image) -> (o: Image) {\n    o = G(a, weight: 0.45 mode: laplacian)\n}";
        var result = SymParser.Parse(text);
        Assert.Equal(2, result.Diagnostics.Count);
        ParseAssert.Is(result.Diagnostics[0], "SYM0001", "expected ',' or ')' but found 'ruins'", text, "ruins");
        ParseAssert.Is(result.Diagnostics[1], "SYM0001", "expected ',' or ')' but found 'mode'", text, "mode");
        var flow = Assert.Single(result.Syntax.Flows);
        Assert.Equal(new[] { "a", "ruins" }, flow.Inputs.Select(i => i.Name.Text));
        Assert.Equal(new[] { "weight", "mode" }, flow.Steps[0].Arguments.Skip(1).Select(a => a.Name!.Text));
    }

    [Fact]
    public void Common_slips_are_reported_and_read_as_meant()
    {
        var dataflow = "flow F(a: Image) -> (o: Image) {\n    b = G(a, weight = 0.45)\n    o := H(b)\n}";
        var result = SymParser.Parse(dataflow);
        Assert.Equal(2, result.Diagnostics.Count);
        ParseAssert.Is(result.Diagnostics[0], "SYM0001", "expected ':' but found '='", dataflow, "=", within: "= 0.45");
        ParseAssert.Is(result.Diagnostics[1], "SYM0001", "expected '=' but found ':'", dataflow, ":", within: ":=");
        var flow = Assert.Single(result.Syntax.Flows);
        Assert.Equal(ParseAssert.Flow("flow F(a: Image) -> (o: Image) {\n    b = G(a, weight: 0.45)\n    o = H(b)\n}").Steps, flow.Steps);

        var natural = "F is a flow that takes a as Image and gives o as an Image.\no is G of a.";
        result = SymParser.Parse(natural);
        ParseAssert.Is(Assert.Single(result.Diagnostics), "SYM0001", "expected 'a' or 'an' but found 'Image'", natural, "Image");
        Assert.Equal(ParseAssert.Flow("F is a flow that takes a as an Image and gives o as an Image.\no is G of a."), Assert.Single(result.Syntax.Flows));
    }

    [Fact]
    public void An_unclosed_call_ends_at_the_next_statement()
    {
        var text = "flow F(a: Image) -> (o: Image) {\n    b = G(a,\n    o = H(b)\n}";
        var result = SymParser.Parse(text);
        ParseAssert.Is(Assert.Single(result.Diagnostics), "SYM0001", "expected ')' but found 'o'", text, "o", within: "o = H");
        Assert.Equal(new[] { "b", "o" }, Targets(Assert.Single(result.Syntax.Flows)));
    }

    [Fact]
    public void A_call_as_an_argument_is_a_syntax_error_that_says_what_to_do()
    {
        var text = "flow F(a: Image) -> (o: Video) {\n    o = ImageToVideo(ImageBlend(a, a))\n}";
        var diagnostic = Assert.Single(SymParser.Parse(text).Diagnostics);
        Assert.Equal("SYM0001", diagnostic.Id);
        Assert.Equal("expected a value but found a call of 'ImageBlend'; assign the call to a name first", diagnostic.Message);
        ParseAssert.Covers(text, "(", diagnostic.Span, within: "(a, a)");
    }

    [Fact]
    public void End_of_file_and_end_of_line_are_named_as_such()
    {
        var dataflow = "flow F(a: Image) -> (o: Image) {\n    o = G(a)\n";
        var missingBrace = Assert.Single(SymParser.Parse(dataflow).Diagnostics);
        Assert.Equal("expected '}' but found end of file", missingBrace.Message);
        Assert.Equal((dataflow.Length, 0), (missingBrace.Start, missingBrace.Length));

        var declarative = "flow F\n  node g = G { k: }\n  output o: Image";
        var result = SymParser.Parse(declarative);
        Assert.Equal(2, result.Diagnostics.Count);
        ParseAssert.Is(result.Diagnostics[0], "SYM0001", "expected a value but found '}'", declarative, "}");
        Assert.Equal("expected 'end' but found end of file", result.Diagnostics[1].Message);
        Assert.Equal(declarative.Length, result.Diagnostics[1].Start);

        var line = "flow F\n  node g = G {\n  output o: Image\nend";
        ParseAssert.Is(Assert.Single(SymParser.Parse(line).Diagnostics), "SYM0001", "expected a parameter name or '}' but found end of line", line, "\n", occurrence: 1);
    }

    [Fact]
    public void Declarative_errors_cost_their_line_and_misspelt_keywords_get_a_fix()
    {
        var text = "flow F\n  input a: Image\n  nod b = G {}\n  node c = H { k 1 }\n  link a b\n  node e = J {}\n  output o: Image extra\nend\n";
        var result = SymParser.Parse(text);
        Assert.Equal(4, result.Diagnostics.Count);
        ParseAssert.Is(result.Diagnostics[0], "SYM0001", "expected 'input', 'param', 'output', 'node', 'link' or 'end' but found 'nod'; did you mean 'node'?", text, "nod");
        ParseAssert.SafeFix(result.Diagnostics[0], text, "nod", "node");
        ParseAssert.Is(result.Diagnostics[1], "SYM0001", "expected ':' but found '1'", text, "1", within: "k 1");
        ParseAssert.Is(result.Diagnostics[2], "SYM0001", "expected '->' but found 'b'", text, "b", within: "a b");
        ParseAssert.Is(result.Diagnostics[3], "SYM0001", "expected end of line but found 'extra'", text, "extra");

        var flow = Assert.Single(result.Syntax.Flows);
        Assert.Equal(new[] { "c", "e" }, Targets(flow));
        Assert.Equal("o", Assert.Single(flow.Outputs).Name.Text);
    }

    [Fact]
    public void Natural_errors_cost_their_sentence_and_a_missing_period_only_its_own()
    {
        var text = "F is a flow that takes a as an Image and gives o as a Video.\nb is G of a\nc is H of a with k 1.\nd is I of a, with k.\no is J of b.\n";
        var result = SymParser.Parse(text);
        Assert.Equal(2, result.Diagnostics.Count);
        ParseAssert.Is(result.Diagnostics[0], "SYM0001", "expected ',', 'and', 'with' or '.' but found 'c'", text, "c", within: "c is");
        ParseAssert.Is(result.Diagnostics[1], "SYM0001", "expected a value but found '.'", text, ".", within: "with k.");
        var flow = Assert.Single(result.Syntax.Flows);
        Assert.Equal(new[] { "b", "c", "d", "o" }, Targets(flow));
        Assert.Equal("k", flow.Steps[1].Arguments[1].Name!.Text);
    }

    [Fact]
    public void A_flow_with_a_broken_header_still_yields_its_body_and_the_later_flows()
    {
        var text = "flow G(a Image) -> (o: Video) {\n  b = G(a)\n}\nX is a flow taking a.\nb is c.\nflow Broken Name\n  node x = F {}\nend\nflow H() -> (o: Audio) {\n  o = Birdsong()\n}\n";
        var result = SymParser.Parse(text);
        Assert.Equal(3, result.Diagnostics.Count);
        ParseAssert.Is(result.Diagnostics[0], "SYM0001", "expected ':' but found 'Image'", text, "Image");
        ParseAssert.Is(result.Diagnostics[1], "SYM0001", "expected 'that' but found 'taking'", text, "taking");
        ParseAssert.Is(result.Diagnostics[2], "SYM0001", "expected '(' or end of line but found 'Name'", text, "Name");
        Assert.Equal(new[] { "G", "X", "Broken", "H" }, result.Syntax.Flows.Select(f => f.Name.Text));
        Assert.All(result.Syntax.Flows, f => Assert.Single(f.Steps));
    }

    [Fact]
    public void Text_outside_any_flow_is_reported_once_up_to_the_next_flow()
    {
        var text = "hello world, (this is not a flow)\nmore text\nflow F() -> (o: Audio) { o = Birdsong() }\nflow\n";
        var result = SymParser.Parse(text);
        Assert.Equal(2, result.Diagnostics.Count);
        ParseAssert.Is(result.Diagnostics[0], "SYM0001", "expected a flow header ('flow Name(…)', 'flow Name' or 'Name is a flow') but found 'hello'", text, "hello");
        Assert.Equal("expected a flow name but found end of file", result.Diagnostics[1].Message);
        Assert.Equal("F", Assert.Single(result.Syntax.Flows).Name.Text);
    }

    [Fact]
    public void Bad_tokens_are_reported_once_as_SYM0002_and_their_statement_is_kept()
    {
        var text = "flow F() -> (o: Video) {\n  x = G(d: 6parsecs, e: 6sec, k: 2)\n  y = H(@, 1, \"\\q\")\n  z = I(f: \"abc, g: 1)\n  w = J(1e999, 99999999999x2)\n}\n";
        var result = SymParser.Parse(text);
        Assert.All(result.Diagnostics, d => Assert.Equal("SYM0002", d.Id));
        Assert.Equal(7, result.Diagnostics.Count);
        ParseAssert.Is(result.Diagnostics[0], "SYM0002", "unknown unit 'parsecs'; the units are s, ms, min, f, fps, Hz, kHz, dB, x, px, %", text, "parsecs");
        ParseAssert.Is(result.Diagnostics[1], "SYM0002", "unknown unit 'sec'; did you mean 's'?", text, "sec", within: "6sec");
        ParseAssert.SafeFix(result.Diagnostics[1], text, "sec", "s", within: "6sec");
        ParseAssert.Is(result.Diagnostics[2], "SYM0002", "invalid character '@'", text, "@");
        ParseAssert.Is(result.Diagnostics[3], "SYM0002", "invalid escape '\\q'; strings accept \\\", \\\\, \\n, \\t and \\uXXXX", text, "\\q");
        ParseAssert.Is(result.Diagnostics[4], "SYM0002", "unterminated string", text, "\"abc, g: 1)");
        ParseAssert.Is(result.Diagnostics[5], "SYM0002", "number '1e999' is out of range", text, "1e999");
        ParseAssert.Is(result.Diagnostics[6], "SYM0002", "size '99999999999x2' is out of range", text, "99999999999x2");

        var flow = Assert.Single(result.Syntax.Flows);
        Assert.Equal(new[] { "x", "y", "z", "w" }, Targets(flow));
        Assert.Equal(new[] { "k" }, flow.Steps[0].Arguments.Select(a => a.Name!.Text));
        Assert.Equal(new Value[] { new NumberValue(1), new StringValue("\\q") }, flow.Steps[1].Arguments.Select(a => a.Value));
    }

    [Theory]
    [InlineData("6seconds", "seconds", "unknown unit 'seconds'; did you mean 's'?", "s")]
    [InlineData("2kHx", "kHx", "unknown unit 'kHx'; did you mean 'kHz'?", "kHz")]
    [InlineData("24fsp", "fsp", "unknown unit 'fsp'; did you mean 'fps'?", "fps")]
    public void Unknown_units_suggest_the_unit_meant_with_a_safe_fix(string written, string unit, string message, string replacement)
    {
        var text = $"flow F() -> (o: Image) {{\n  o = G(k: {written})\n}}";
        var diagnostic = Assert.Single(SymParser.Parse(text).Diagnostics);
        ParseAssert.Is(diagnostic, "SYM0002", message, text, unit, within: written);
        ParseAssert.SafeFix(diagnostic, text, unit, replacement, within: written);
    }

    [Fact]
    public void Destructuring_needs_a_call()
    {
        var text = "flow F(a: Image) -> (o: Image) {\n  (x, y) = a\n  o = G(a)\n}";
        var result = SymParser.Parse(text);
        ParseAssert.Is(Assert.Single(result.Diagnostics), "SYM0001", "expected a function call but found 'a'", text, "a", within: "= a");
        Assert.Equal(new[] { "o" }, Targets(Assert.Single(result.Syntax.Flows)));
    }

    [Fact]
    public void Unterminated_block_strings_run_to_the_end_of_the_file()
    {
        var text = "flow F() -> (o: Image) {\n  o = G(prompt: \"\"\"a long\nprompt)\n}\n";
        var diagnostic = Assert.Single(SymParser.Parse(text).Diagnostics);
        Assert.Equal("unterminated block string: '\"\"\"' expected", diagnostic.Message);
        ParseAssert.Covers(text, text.Substring(text.IndexOf("\"\"\"", StringComparison.Ordinal)), diagnostic.Span);
    }

    [Fact]
    public void Invalid_characters_in_a_run_are_one_token_and_control_characters_are_shown_by_code()
    {
        var text = "flow F() -> (o: Image) {\n  o = G(€€, \u0007)\n}";
        var result = SymParser.Parse(text);
        Assert.Equal(2, result.Diagnostics.Count);
        ParseAssert.Is(result.Diagnostics[0], "SYM0002", "invalid characters '€€'", text, "€€");
        ParseAssert.Is(result.Diagnostics[1], "SYM0002", "invalid character 'U+0007'", text, "\u0007");
    }

    [Fact]
    public void Deeply_nested_lists_are_refused_without_exhausting_the_stack()
    {
        var text = "flow F() -> (o: Image) {\n  o = G(" + new string('[', 100_000) + ")\n}";
        var diagnostic = Assert.Single(SymParser.Parse(text).Diagnostics);
        Assert.Equal("expected a value but found '[': lists nest at most 32 deep", diagnostic.Message);
    }
}
