using System;
using System.Collections.Generic;
using System.Text;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Language.Printing;

/// <summary>Prints a bound <see cref="SymFile"/> as <c>.sym</c> text in any of the three syntaxes.</summary>
public static class SymPrinter
{
    /// <summary>A value as dataflow and declarative write it (<c>6s</c>, <c>-6dB</c>, <c>"a caption"</c>, exact integers).</summary>
    public static string Value(Value value) => SymText.Code(value);

    /// <summary>A number as the language writes it: the shortest form that reads back as the same value.</summary>
    public static string Number(double number) => SymText.Number(number);

    /// <summary>
    /// Prints <paramref name="file"/>: its <c>using</c> lines, then each flow in <paramref name="style"/>, or in
    /// its own <see cref="Flow.Syntax"/> when <paramref name="style"/> is null, functions named as written.
    /// The <c>using</c> lines and the flows are separated by one blank line; lines end with LF and the text
    /// with a newline. Comments attached to <c>using</c> lines, flows and steps are kept, so compiling the
    /// text gives back the same IR.
    /// </summary>
    /// <param name="file">The bound file.</param>
    /// <param name="catalog">
    /// The functions the flows call: their declared input order decides which inputs are written
    /// positionally, and their outputs whether a node is referred to by its name alone. Flows of
    /// <paramref name="file"/> that other flows call are looked up in the file itself.
    /// </param>
    /// <param name="style">The syntax to print in, or null to keep each flow's own.</param>
    public static string Print(SymFile file, FunctionCatalog catalog, SyntaxStyle? style = null)
    {
        var flows = new Dictionary<string, FunctionInfo>(StringComparer.Ordinal);
        foreach (var flow in file.Flows)
            if (!flows.ContainsKey(flow.Name)) flows.Add(flow.Name, flow.Signature());
        FunctionInfo? Find(string name) => catalog.Find(name) ?? (flows.TryGetValue(name, out var f) ? f : null);

        var sb = new StringBuilder();
        foreach (var line in file.Usings)
        {
            SymText.AppendComments(sb, "", line.Comments);
            sb.Append("using ").Append(line.Namespace).AppendTrailing(line.TrailingComment).Append('\n');
        }
        for (var i = 0; i < file.Flows.Count; i++)
        {
            if (i > 0 || file.Usings.Count > 0) sb.Append('\n');
            var flow = file.Flows[i];
            var layout = new FlowLayout(flow, Find);
            switch (style ?? flow.Syntax)
            {
                case SyntaxStyle.Declarative: DeclarativePrinter.Write(sb, layout); break;
                case SyntaxStyle.Natural: NaturalPrinter.Write(sb, layout); break;
                default: DataflowPrinter.Write(sb, layout); break;
            }
        }
        if (file.TrailingComments.Count > 0)
        {
            if (file.Flows.Count > 0 || file.Usings.Count > 0) sb.Append('\n');
            SymText.AppendComments(sb, "", file.TrailingComments);
        }
        return sb.ToString();
    }
}
