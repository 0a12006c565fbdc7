using System.Linq;
using System.Text;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Language.Printing;

/// <summary>
/// Prints a flow in the declarative syntax: <c>input</c>/<c>param</c>/<c>output</c> lines, one
/// <c>node x = F { k: v }</c> per node, then every link in canonical order, then <c>end</c>.
/// Node names and link sources are padded so that <c>=</c> and <c>-></c> line up.
/// </summary>
internal static class DeclarativePrinter
{
    private const string Indent = "  ";

    /// <summary>Appends the flow, comments included, ending with a newline.</summary>
    public static void Write(StringBuilder sb, FlowLayout layout)
    {
        var flow = layout.Flow;
        SymText.AppendComments(sb, "", flow.Comments);
        sb.Append("flow ").Append(flow.Name).Append('\n');
        SymText.AppendNotes(sb, Indent, flow.Notes);
        foreach (var input in flow.Inputs)
            sb.Append(Indent).Append("input  ").Append(input.Name).Append(": ").Append(input.Type).Append('\n');
        foreach (var parameter in flow.Parameters)
        {
            sb.Append(Indent).Append("param  ").Append(parameter.Name).Append(": ").Append(parameter.Type);
            if (parameter.Default is not null) sb.Append(" = ").Append(SymText.Code(parameter.Default));
            sb.Append('\n');
        }
        foreach (var output in flow.Outputs)
            sb.Append(Indent).Append("output ").Append(output.Name).Append(": ").Append(output.Type).Append('\n');

        var targets = flow.Nodes.Select(FlowLayout.TargetTuple).ToList();
        var width = targets.Count == 0 ? 0 : targets.Max(t => t.Length);
        for (var i = 0; i < flow.Nodes.Count; i++)
        {
            var node = flow.Nodes[i];
            SymText.AppendComments(sb, Indent, node.Comments);
            sb.Append(Indent).Append("node ").Append(SymText.Pad(targets[i], width)).Append(" = ").Append(FlowLayout.Function(node)).Append(' ');
            sb.Append(node.Arguments.Count == 0 ? "{}" : "{ " + string.Join(", ", node.Arguments.Select(a => a.Name + ": " + SymText.Code(a.Value))) + " }");
            sb.AppendTrailing(node.TrailingComment).Append('\n');
        }

        var sources = flow.Links.Select(l => layout.Source(l.Source, SymText.Code, alwaysPort: true)).ToList();
        var sourceWidth = sources.Count == 0 ? 0 : sources.Max(s => s.Length);
        for (var i = 0; i < flow.Links.Count; i++)
        {
            var target = flow.Links[i].Target;
            sb.Append(Indent).Append("link ").Append(SymText.Pad(sources[i], sourceWidth)).Append(" -> ")
                .Append(target.Node is null ? target.Port : target.Node + "." + target.Port).Append('\n');
        }
        sb.Append("end\n");
    }
}
