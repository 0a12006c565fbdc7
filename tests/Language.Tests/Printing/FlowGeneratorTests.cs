using CsCheck;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Printing;
using Xunit;

namespace SymbolicGen.Language.Tests.Printing;

public class FlowGeneratorTests
{
    // The round-trip property is only as strong as the files it sees: make sure the generator reaches
    // every construct the printers treat specially.
    [Fact]
    public void Generated_files_reach_every_construct_the_printers_treat_specially()
    {
        var seen = new HashSet<string>();
        FlowGenerator.Files.Sample(file =>
        {
            lock (seen)
            {
                if (file.Flows.Count > 1) seen.Add("several flows");
                if (file.TrailingComments.Count > 0) seen.Add("trailing comments");
                if (file.Usings.Count > 1) seen.Add("several usings");
                if (file.Usings.Any(u => u.Namespace.Contains('.'))) seen.Add("dotted namespace");
                if (file.Usings.Any(u => u.Comments.Count > 0)) seen.Add("using comments");
                if (file.Usings.Any(u => u.TrailingComment is not null)) seen.Add("using trailing comment");
                foreach (var flow in file.Flows)
                {
                    seen.Add(flow.Syntax.ToString());
                    if (flow.Comments.Count > 0) seen.Add("flow comments");
                    if (flow.Notes.Count > 0) seen.Add("notes");
                    if (flow.Inputs.Count == 0) seen.Add("no inputs");
                    if (flow.Parameters.Any(p => p.Default is null)) seen.Add("required parameter");
                    if (file.Flows.Any(f => flow.Nodes.Any(n => n.Function == f.Name))) seen.Add("flow call");
                    var index = file.Flows.ToList().IndexOf(flow);
                    if (file.Flows.Skip(index + 1).Any(f => flow.Nodes.Any(n => n.Function == f.Name))) seen.Add("call of a later flow");
                    var order = flow.Nodes.Select(n => n.Name).ToList();
                    foreach (var node in flow.Nodes)
                    {
                        if (node.OutputAliases.Count > 0) seen.Add("destructuring");
                        if (node.Comments.Count > 0) seen.Add("node comments");
                        if (node.TrailingComment is not null) seen.Add("trailing comment");
                        if (node.Function.Contains('.')) seen.Add(node.FunctionAsWritten is null ? "qualified call" : "call through using");
                        if (node.Function.Count(c => c == '.') > 1 && node.FunctionAsWritten is null) seen.Add("qualified call, dotted namespace");
                        // Printed `x is comfy.EmptyImage.`, which reads as a port selection until the binder knows better.
                        if (flow.Syntax == SyntaxStyle.Natural && node.Function.Count(c => c == '.') == 1 && node.FunctionAsWritten is null &&
                            node.Arguments.Count == 0 && !flow.Links.Any(l => l.Target.Node == node.Name)) seen.Add("bare qualified call");
                        if (file.Usings.Any(u => node.Function.StartsWith(u.Namespace + ".", StringComparison.Ordinal)) && node.FunctionAsWritten is null)
                            seen.Add("qualified call in a used namespace");
                        foreach (var value in node.Arguments.Select(a => a.Value))
                        {
                            seen.Add(value.GetType().Name);
                            if (value is QuantityValue q) seen.Add("unit " + q.Unit);
                            if (value is StringValue { Block: true }) seen.Add("block string");
                            if (value is StringValue s && s.Text.Contains('"')) seen.Add("quote in string");
                            if (value is NumberValue { Number: > 0 and < 1e-4 }) seen.Add("exponent");
                            if (value is NumberValue { Exact.Integer: { } big } && System.Numerics.BigInteger.Abs(big) > (1L << 53)) seen.Add("integer past 2^53");
                            if (value is ColorValue color) seen.Add("colour of " + (color.Hex.Length - 1) + " digits");
                        }
                    }
                    foreach (var link in flow.Links)
                    {
                        if (link.Source is ConstantSource) seen.Add("constant source");
                        if (link.Target.Node is { } target && link.Source is PortSource { Node: { } source } && order.IndexOf(source) > order.IndexOf(target)) seen.Add("forward reference");
                        if (link.Target is { Node: not null, Port: "over" } && !flow.Links.Any(l => l.Target == link.Target with { Port = "base" })) seen.Add("named input");
                        if (link.Target.Node is null && link.Source is PortSource { Node: null }) seen.Add("output from input");
                        if (link.Target.Node is null && link.Source is PortSource { Node: { } n } && n == link.Target.Port) seen.Add("output named after its node");
                        if (link.Target.Node is null && flow.Nodes.Any(n => n.OutputAliases.Contains(link.Target.Port))) seen.Add("output named after a destructured part");
                        if (link.Target.Node is null && link.Source is PortSource { Node: { } m } && m != link.Target.Port) seen.Add("output alias");
                    }
                }
            }
        }, iter: 400, seed: "0000000G1Az0");

        var expected = new[]
        {
            "several flows", "trailing comments", "Dataflow", "Declarative", "Natural", "flow comments", "notes", "no inputs",
            "required parameter", "flow call", "destructuring", "node comments", "trailing comment", "NumberValue", "QuantityValue",
            "integer past 2^53", "colour of 3 digits", "colour of 6 digits", "colour of 8 digits",
            "StringValue", "BoolValue", "SizeValue", "ColorValue", "SymbolValue", "ParameterRefValue", "unit s", "unit ms", "unit min",
            "unit f", "unit fps", "unit Hz", "unit kHz", "unit dB", "unit x", "unit px", "unit %", "block string", "quote in string",
            "constant source", "output from input", "output named after its node", "output alias", "call of a later flow",
            "exponent", "forward reference", "named input", "output named after a destructured part",
            "several usings", "dotted namespace", "using comments", "using trailing comment", "qualified call", "call through using",
            "qualified call, dotted namespace", "bare qualified call", "qualified call in a used namespace",
        };
        Assert.Empty(expected.Except(seen));
    }

    [Fact]
    public void Printing_is_deterministic_and_ends_lines_with_lf_only()
    {
        FlowGenerator.Files.Sample(file =>
        {
            foreach (var style in new SyntaxStyle?[] { null, SyntaxStyle.Dataflow, SyntaxStyle.Declarative, SyntaxStyle.Natural })
            {
                var text = SymPrinter.Print(file, FlowGenerator.Catalog, style);
                Assert.Equal(text, SymPrinter.Print(file, FlowGenerator.Catalog, style));
                Assert.EndsWith("\n", text);
                // Carriage returns in strings and comments are escaped or replaced: lines end with LF alone.
                Assert.DoesNotContain("\r", text);
            }
        }, iter: 100);
    }
}
