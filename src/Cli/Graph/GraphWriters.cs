using System.Text;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Cli.Graph;

/// <summary>Writes a <see cref="FlowGraph"/> as Mermaid or Graphviz DOT. Every label from the file is escaped.</summary>
internal static class GraphWriters
{
    /// <summary>Edge colour per media type; the same in both formats.</summary>
    public static string Colour(PortType? type) => type?.AsMedia?.Name switch
    {
        "Image" => "#1e88e5",
        "Video" => "#e53935",
        "Audio" => "#43a047",
        "Mask" => "#757575",
        "Text" => "#fb8c00",
        _ => "#9e9e9e",
    };

    public static string Mermaid(FlowGraph graph)
    {
        var text = new StringBuilder();
        text.Append("%% ").Append(MermaidText(graph.Name)).Append('\n');
        text.Append("flowchart LR\n");
        foreach (var node in graph.Nodes)
        {
            var label = MermaidText(node.Title) + string.Concat(node.Details.Select(d => "<br/>" + MermaidText(d)));
            var (open, close) = node.Kind switch
            {
                GraphNodeKind.Input => ("([", "])"),
                GraphNodeKind.Output => ("[[", "]]"),
                GraphNodeKind.Parameter => ("[/", "/]"),
                _ => ("[", "]"),
            };
            text.Append("    ").Append(node.Id).Append(open).Append('"').Append(label).Append('"').Append(close).Append('\n');
        }
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            text.Append("    ").Append(edge.From).Append(" -->|\"").Append(MermaidText(edge.Label)).Append("\"| ").Append(edge.To).Append('\n');
        }
        for (var i = 0; i < graph.Edges.Count; i++)
            text.Append("    linkStyle ").Append(i).Append(" stroke:").Append(Colour(graph.Edges[i].Type)).Append(",stroke-width:2px\n");
        return text.ToString();
    }

    public static string Dot(FlowGraph graph)
    {
        var text = new StringBuilder();
        text.Append("digraph ").Append(DotString(graph.Name)).Append(" {\n");
        text.Append("    rankdir=LR;\n    node [fontname=\"Helvetica\", fontsize=11];\n    edge [fontname=\"Helvetica\", fontsize=9];\n");
        foreach (var node in graph.Nodes)
        {
            var shape = node.Kind switch
            {
                GraphNodeKind.Input => "shape=oval, style=filled, fillcolor=\"#e3f2fd\"",
                GraphNodeKind.Output => "shape=doubleoctagon, style=filled, fillcolor=\"#fce4ec\"",
                GraphNodeKind.Parameter => "shape=note",
                _ => "shape=box, style=\"rounded,filled\", fillcolor=\"#f5f5f5\"",
            };
            var label = string.Join("\\n", new[] { node.Title }.Concat(node.Details).Select(DotLabelLine));
            text.Append("    ").Append(node.Id).Append(" [").Append(shape).Append(", label=\"").Append(label).Append("\"];\n");
        }
        foreach (var edge in graph.Edges)
        {
            var colour = Colour(edge.Type);
            text.Append("    ").Append(edge.From).Append(" -> ").Append(edge.To)
                .Append(" [label=").Append(DotString(edge.Label)).Append(", color=\"").Append(colour).Append("\", fontcolor=\"").Append(colour).Append("\"];\n");
        }
        text.Append("}\n");
        return text.ToString();
    }

    // Mermaid labels are quoted; '"' and the characters Mermaid treats as markup become entity codes.
    private static string MermaidText(string text) => new StringBuilder(text.Length)
        .AppendJoin("", text.Select(c => c switch
        {
            '"' => "#quot;",
            '<' => "#lt;",
            '>' => "#gt;",
            '#' => "#35;",
            '|' => "#124;",
            '\n' or '\r' => " ",
            _ => c.ToString(),
        }))
        .ToString();

    private static string DotString(string text) => "\"" + DotLabelLine(text) + "\"";

    private static string DotLabelLine(string text) =>
        text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", " ").Replace("\r", " ");
}
