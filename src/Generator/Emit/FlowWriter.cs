using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Generator.Emit;

/// <summary>
/// Writes the body of a method that returns a <see cref="Flow"/> equal to the given one. Nodes, links and
/// values are built through short local functions (declared once per method, only those used) rather than
/// fully qualified constructor calls: the generated definitions are about a quarter of the size, and so
/// cheaper to compile. Every name and value from the file is a literal argument; no name from the file
/// becomes C#.
/// </summary>
internal sealed class FlowWriter
{
    private const string Ir = "global::SymbolicGen.Language.Ir.";
    private const string Array = "global::SymbolicGen.Language.EquatableArray<";

    // The local functions, by name; each is written when an expression uses it.
    private static readonly Dictionary<string, string> Helpers = new(StringComparer.Ordinal)
    {
        ["Of"] = $"static {Array}T> Of<T>(params T[] items) => {Array}T>.Own(items);",
        ["P"] = $"static {Ir}FlowPort P(string name, global::SymbolicGen.Language.Catalog.Modality type) => new {Ir}FlowPort(name, type);",
        ["FP"] = $"static {Ir}FlowParameter FP(string name, global::SymbolicGen.Language.Catalog.ParamType type, {Ir}Value value) => new {Ir}FlowParameter(name, type, value);",
        ["N"] = $"static {Ir}Node N(string name, string function, {Array}string> aliases, {Array}string> comments, string trailing, params {Ir}Argument[] arguments) => new {Ir}Node(name, function, {Array}{Ir}Argument>.Own(arguments), aliases, comments, trailing);",
        ["A"] = $"static {Ir}Argument A(string name, {Ir}Value value) => new {Ir}Argument(name, value);",
        ["L"] = $"static {Ir}Link L(string fromNode, string fromPort, string toNode, string toPort) => new {Ir}Link(new {Ir}PortSource(fromNode, fromPort), new {Ir}PortTarget(toNode, toPort));",
        ["K"] = $"static {Ir}Link K({Ir}Value value, string toNode, string toPort) => new {Ir}Link(new {Ir}ConstantSource(value), new {Ir}PortTarget(toNode, toPort));",
        ["Num"] = $"static {Ir}Value Num(double number) => new {Ir}NumberValue(number);",
        ["Q"] = $"static {Ir}Value Q(double number, string unit) => new {Ir}QuantityValue(number, unit);",
        ["S"] = $"static {Ir}Value S(string text, bool block) => new {Ir}StringValue(text, block);",
        ["B"] = $"static {Ir}Value B(bool value) => new {Ir}BoolValue(value);",
        ["Z"] = $"static {Ir}Value Z(int width, int height) => new {Ir}SizeValue(width, height);",
        ["C"] = $"static {Ir}Value C(string hex) => new {Ir}ColorValue(hex);",
        ["V"] = $"static {Ir}Value V(params {Ir}Value[] items) => new {Ir}ListValue({Array}{Ir}Value>.Own(items));",
        ["R"] = $"static {Ir}Value R(string name, string port) => new {Ir}ReferenceValue(name, port);",
        ["Y"] = $"static {Ir}Value Y(string name) => new {Ir}SymbolValue(name);",
        ["F"] = $"static {Ir}Value F(string name) => new {Ir}ParameterRefValue(name);",
    };

    private readonly SortedSet<string> _used = new(StringComparer.Ordinal);

    private FlowWriter()
    {
    }

    /// <summary>Writes the local functions and <c>return new Flow(…);</c> (in a <c>#nullable disable</c> context).</summary>
    public static void Write(SourceWriter w, Flow flow)
    {
        var writer = new FlowWriter();
        var arguments = new List<List<string>>
        {
            new() { CSharp.String(flow.Name) },
            new() { Ir + "SyntaxStyle." + flow.Syntax },
            writer.List(flow.Inputs.Select(p => writer.Call("P", CSharp.String(p.Name), CSharp.ModalityExpression(p.Type)))),
            writer.List(flow.Parameters.Select(p => writer.Call("FP", CSharp.String(p.Name), CSharp.ParamTypeExpression(p.Type), p.Default is null ? "null" : writer.Value(p.Default)))),
            writer.List(flow.Outputs.Select(p => writer.Call("P", CSharp.String(p.Name), CSharp.ModalityExpression(p.Type)))),
            writer.List(flow.Nodes.Select(writer.Node)),
            writer.List(flow.Links.Select(writer.Link)),
            new() { writer.Strings(flow.Comments) },
            new() { writer.Strings(flow.Notes) },
        };
        foreach (var name in writer._used) w.Line(Helpers[name]);
        w.Line();
        w.Line("return new " + Ir + "Flow(").Indent();
        for (var i = 0; i < arguments.Count; i++)
        {
            var lines = arguments[i];
            var suffix = i == arguments.Count - 1 ? ");" : ",";
            if (lines.Count == 1)
            {
                w.Line(lines[0] + suffix);
                continue;
            }
            w.Line("Of(").Indent();
            for (var j = 0; j < lines.Count; j++) w.Line(lines[j] + (j == lines.Count - 1 ? ")" + suffix : ","));
            w.Unindent();
        }
        w.Unindent();
    }

    // An array argument: "default" when empty, else one line per item (written inside Of(…) by Write).
    private List<string> List(IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return new List<string> { "default" };
        _used.Add("Of");
        if (list.Count == 1) list = new List<string> { "Of(" + list[0] + ")" };
        return list;
    }

    private string Call(string helper, params string[] arguments)
    {
        _used.Add(helper);
        return helper + "(" + CSharp.Arguments(arguments) + ")";
    }

    private string Strings(EquatableArray<string> items)
    {
        if (items.Count == 0) return "default";
        _used.Add("Of");
        return "Of<string>(" + CSharp.Arguments(items.Select(CSharp.String)) + ")";
    }

    private string Node(Node node) =>
        Call("N", new[] { CSharp.String(node.Name), CSharp.String(node.Function), Strings(node.OutputAliases), Strings(node.Comments), CSharp.String(node.TrailingComment) }
            .Concat(node.Arguments.Select(a => Call("A", CSharp.String(a.Name), Value(a.Value)))).ToArray());

    private string Link(Link link) => link.Source switch
    {
        PortSource port => Call("L", CSharp.String(port.Node), CSharp.String(port.Port), CSharp.String(link.Target.Node), CSharp.String(link.Target.Port)),
        ConstantSource constant => Call("K", Value(constant.Value), CSharp.String(link.Target.Node), CSharp.String(link.Target.Port)),
        _ => throw new InvalidOperationException("unknown link source " + link.Source.GetType().Name),
    };

    private string Value(Value value) => value switch
    {
        NumberValue n => Call("Num", CSharp.Double(n.Number)),
        QuantityValue q => Call("Q", CSharp.Double(q.Number), CSharp.String(q.Unit)),
        StringValue s => Call("S", CSharp.String(s.Text), CSharp.Bool(s.Block)),
        BoolValue b => Call("B", CSharp.Bool(b.Bool)),
        SizeValue s => Call("Z", CSharp.Int(s.Width), CSharp.Int(s.Height)),
        ColorValue c => Call("C", CSharp.String(c.Hex)),
        ListValue l => Call("V", l.Items.Select(Value).ToArray()),
        ReferenceValue r => Call("R", CSharp.String(r.Name), CSharp.String(r.Port)),
        SymbolValue s => Call("Y", CSharp.String(s.Name)),
        ParameterRefValue p => Call("F", CSharp.String(p.Name)),
        _ => throw new InvalidOperationException("unknown value " + value.GetType().Name),
    };
}
