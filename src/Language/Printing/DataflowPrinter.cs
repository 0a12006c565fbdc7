using System.Collections.Generic;
using System.Linq;
using System.Text;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Language.Printing;

/// <summary>
/// Prints a flow in the dataflow syntax: <c>flow Name(inputs, params) -> (outputs) { x = F(a, k: v) }</c>,
/// with the <c>=</c> of the steps aligned.
/// </summary>
internal static class DataflowPrinter
{
    private const string Indent = "    ";

    /// <summary>Appends the flow, comments included, ending with a newline.</summary>
    public static void Write(StringBuilder sb, FlowLayout layout)
    {
        var flow = layout.Flow;
        SymText.AppendComments(sb, "", flow.Comments);
        var declarations = flow.Inputs.Select(i => i.Name + ": " + i.Type)
            .Concat(flow.Parameters.Select(p => p.Name + ": " + p.Type + (p.Default is null ? "" : " = " + SymText.Code(p.Default))));
        sb.Append("flow ").Append(flow.Name).Append('(').Append(string.Join(", ", declarations)).Append(") -> (")
            .Append(string.Join(", ", flow.Outputs.Select(o => o.Name + ": " + o.Type))).Append(") {\n");
        SymText.AppendNotes(sb, Indent, flow.Notes);

        var steps = flow.Nodes.Select(n => (Node: (Node?)n, Target: FlowLayout.TargetTuple(n), Value: Call(layout, n)))
            .Concat(layout.OutputAliases.Select(l => (Node: (Node?)null, Target: l.Target.Port, Value: layout.Source(l.Source, SymText.Code))))
            .ToList();
        var width = steps.Count == 0 ? 0 : steps.Max(s => s.Target.Length);
        foreach (var (node, target, value) in steps)
        {
            if (node is not null) SymText.AppendComments(sb, Indent, node.Comments);
            sb.Append(Indent).Append(SymText.Pad(target, width)).Append(" = ").Append(value).AppendTrailing(node?.TrailingComment).Append('\n');
        }
        sb.Append("}\n");
    }

    private static string Call(FlowLayout layout, Node node)
    {
        var (positional, named) = layout.Inputs(node);
        var arguments = new List<string>();
        arguments.AddRange(positional.Select(s => layout.Source(s, SymText.Code)));
        arguments.AddRange(named.Select(l => l.Target.Port + ": " + layout.Source(l.Source, SymText.Code)));
        arguments.AddRange(node.Arguments.Select(a => a.Name + ": " + SymText.Code(a.Value)));
        return FlowLayout.Function(node) + "(" + string.Join(", ", arguments) + ")";
    }
}
