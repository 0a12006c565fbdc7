using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Cli.Graph;

/// <summary>What a drawn box stands for.</summary>
internal enum GraphNodeKind { Input, Parameter, Function, Output }

/// <summary>A box: a stable identifier safe in every output format, a title and detail lines.</summary>
internal sealed record GraphNode(string Id, GraphNodeKind Kind, string Title, IReadOnlyList<string> Details);

/// <summary>An arrow from one box to another, labelled with the ports it joins and coloured by what flows.</summary>
internal sealed record GraphEdge(string From, string To, string Label, PortType? Type);

/// <summary>
/// A flow laid out for drawing, independent of the drawing format: flow inputs, function nodes with
/// their parameters, flow outputs, and the links between them.
/// </summary>
internal sealed record FlowGraph(string Name, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    /// <summary>Lays out <paramref name="flow"/>; <paramref name="catalog"/> gives port media types (flows of the same file included).</summary>
    public static FlowGraph Build(Flow flow, FunctionCatalog catalog)
    {
        // Identifiers are generated, never taken from the file, so no name can break the output's syntax.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string Id(string prefix, string name) => ids.TryGetValue(prefix + name, out var id) ? id : ids[prefix + name] = prefix + ids.Count;

        var nodes = new List<GraphNode>();
        foreach (var input in flow.Inputs)
            nodes.Add(new GraphNode(Id("i", input.Name), GraphNodeKind.Input, input.Name, [input.Type.ToString()]));
        foreach (var node in flow.Nodes)
            nodes.Add(new GraphNode(Id("n", node.Name), GraphNodeKind.Function, $"{node.Name} = {node.Function}",
                node.Arguments.Select(a => $"{a.Name}: {Describe(a.Value)}").ToList()));
        foreach (var output in flow.Outputs)
            nodes.Add(new GraphNode(Id("o", output.Name), GraphNodeKind.Output, output.Name, [output.Type.ToString()]));

        var edges = new List<GraphEdge>();
        foreach (var link in flow.Links)
        {
            var to = link.Target.Node is { } targetNode ? Id("n", targetNode) : Id("o", link.Target.Port);
            switch (link.Source)
            {
                case PortSource { Node: null } input:
                    edges.Add(new GraphEdge(Id("i", input.Port), to, link.Target.Port,
                        flow.Inputs.FirstOrDefault(i => i.Name == input.Port)?.Type));
                    break;
                case PortSource { Node: { } sourceNode } output:
                    var function = flow.Nodes.FirstOrDefault(n => n.Name == sourceNode)?.Function;
                    var modality = function is null ? null : catalog.Find(function)?.FindOutput(output.Port)?.Type;
                    var label = link.Target.Node is null ? output.Port : $"{output.Port} → {link.Target.Port}";
                    edges.Add(new GraphEdge(Id("n", sourceNode), to, label, modality));
                    break;
                case ConstantSource constant:
                    var id = Id("c", edges.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    nodes.Add(new GraphNode(id, GraphNodeKind.Parameter, Describe(constant.Value), []));
                    edges.Add(new GraphEdge(id, to, link.Target.Port, PortType.Text));
                    break;
            }
        }
        return new FlowGraph(flow.Name, nodes, edges);
    }

    /// <summary>A value as a short human label (long strings cut, so a prompt does not swamp the drawing).</summary>
    private static string Describe(Value value)
    {
        var text = value switch
        {
            StringValue s => "\"" + s.Text + "\"",
            ParameterRefValue p => p.Name,
            SymbolValue s => s.Name,
            BoolValue b => b.Bool ? "true" : "false",
            SizeValue s => $"{s.Width}x{s.Height}",
            ColorValue c => c.Hex,
            ListValue l => "[" + string.Join(", ", l.Items.Select(Describe)) + "]",
            _ => value.ToString() ?? "",
        };
        text = text.Replace('\n', ' ').Replace('\r', ' ');
        return text.Length > 40 ? text[..39] + "…" : text;
    }
}
