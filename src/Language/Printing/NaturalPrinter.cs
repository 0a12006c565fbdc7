using System.Collections.Generic;
using System.Linq;
using System.Text;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Language.Printing;

/// <summary>
/// Prints a flow in the pseudo-natural syntax: a header sentence
/// (<c>X is a flow that takes a as an Image, with s as a Duration of 6 seconds, and gives v as a Video.</c>)
/// and one sentence per step (<c>x is F of a and b, with k v and k v.</c>).
/// </summary>
internal static class NaturalPrinter
{
    /// <summary>Appends the flow, comments included, ending with a newline.</summary>
    public static void Write(StringBuilder sb, FlowLayout layout)
    {
        var flow = layout.Flow;
        SymText.AppendComments(sb, "", flow.Comments);
        sb.Append(flow.Name).Append(" is a flow that").Append(Header(flow)).Append(".\n");
        SymText.AppendNotes(sb, "", flow.Notes);
        foreach (var node in flow.Nodes)
        {
            SymText.AppendComments(sb, "", node.Comments);
            sb.Append(string.Join(", ", FlowLayout.Targets(node))).Append(" is ").Append(FlowLayout.Function(node))
                .Append(Arguments(layout, node)).Append('.').AppendTrailing(node.TrailingComment).Append('\n');
        }
        foreach (var alias in layout.OutputAliases)
            sb.Append(alias.Target.Port).Append(" is ").Append(layout.Source(alias.Source, SymText.Natural)).Append(".\n");
    }

    // " takes a as an Image and b as an Image, with s as a Duration of 6 seconds, and gives v as a Video"
    private static string Header(Flow flow)
    {
        var clauses = new List<string>();
        if (flow.Inputs.Count > 0)
            clauses.Add("takes " + Wording.Join(flow.Inputs.Select(i => Declaration(i.Name, i.Type.ToString()))));
        if (flow.Parameters.Count > 0)
            clauses.Add("with " + Wording.Join(flow.Parameters.Select(p =>
                Declaration(p.Name, p.Type.ToString()) + (p.Default is null ? "" : " of " + SymText.Natural(p.Default)))));
        var gives = flow.Outputs.Count == 0 ? "" : "gives " + Wording.Join(flow.Outputs.Select(o => Declaration(o.Name, o.Type.ToString())));
        var text = " " + string.Join(", ", clauses);
        if (gives.Length == 0) return clauses.Count == 0 ? "" : text;
        return clauses.Count == 0 ? " " + gives : text + ", and " + gives;
    }

    private static string Declaration(string name, string type) => name + " as " + Wording.A(type);

    // " of a and b, with k v and k v"
    private static string Arguments(FlowLayout layout, Node node)
    {
        var (positional, named) = layout.Inputs(node);
        var with = named.Select(l => l.Target.Port + " " + layout.Source(l.Source, SymText.Natural))
            .Concat(node.Arguments.Select(a => a.Name + " " + SymText.Natural(a.Value)))
            .ToList();
        var text = positional.Count == 0 ? "" : " of " + Wording.Join(positional.Select(s => layout.Source(s, SymText.Natural)));
        if (with.Count > 0) text += (positional.Count > 0 ? "," : "") + " with " + Wording.Join(with);
        return text;
    }
}
