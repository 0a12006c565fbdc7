using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Printing;

namespace SymbolicGen.Cli.Drafting;

/// <summary>A draft after the machine fixes: its text, its compilation and what was fixed.</summary>
internal sealed record CheckedDraft(string Text, SymCompilation Compilation, IReadOnlyList<string> Fixes)
{
    public int Errors => Compilation.Diagnostics.Count(d => d.Severity == Severity.Error);
}

/// <summary>
/// The fixes the drafting loop applies without asking the model: the checker's safe fixes (a missing
/// unit, a misspelt function, parameter, port or enum value, a unit word) and the unambiguous bridge —
/// when a link carries one media type into an input of another and the catalog has the one function
/// that converts them (SYM0201 names it in its <c>bridge</c> property), that function is inserted on the link.
/// </summary>
internal static class MachineFixer
{
    private const int MaxPasses = 12;

    public static CheckedDraft Apply(string text, FunctionCatalog catalog)
    {
        var compilation = SymCompiler.Compile(text, catalog);
        var fixes = new List<string>();
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var safe = compilation.Diagnostics.Select(d => d.Fixes.FirstOrDefault(f => f.IsSafe)).Where(f => f is not null).Select(f => f!.Title).ToList();
            var (next, applied) = FixApplier.ApplySafeFixes(text, compilation.Diagnostics);
            if (applied > 0 && next != text)
            {
                fixes.AddRange(safe.Take(applied));
                text = next;
                compilation = SymCompiler.Compile(text, catalog);
                continue;
            }
            if (TryBridge(compilation, catalog) is { } bridged)
            {
                var after = SymCompiler.Compile(bridged.Text, catalog);
                // Printing a flow with other errors could lose what did not bind: keep the bridge only if it helped.
                if (ErrorCount(after) < ErrorCount(compilation))
                {
                    fixes.Add(bridged.Title);
                    text = bridged.Text;
                    compilation = after;
                    continue;
                }
            }
            break;
        }
        return new CheckedDraft(text, compilation, fixes);
    }

    private static int ErrorCount(SymCompilation c) => c.Diagnostics.Count(d => d.Severity == Severity.Error);

    /// <summary>Inserts the bridging function named by the first SYM0201 that names one; null when none applies.</summary>
    private static (string Text, string Title)? TryBridge(SymCompilation compilation, FunctionCatalog catalog)
    {
        if (compilation.Diagnostics.Any(d => d.Id is "SYM0001" or "SYM0002")) return null;
        foreach (var diagnostic in compilation.Diagnostics.Where(d => d.Id == "SYM0201"))
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Bridge, out var name) || name is null) continue;
            if (catalog.Find(name) is not { } bridge || !ModalitySearch.IsConverter(bridge) || bridge.Outputs.Count != 1) continue;
            for (var f = 0; f < compilation.File.Flows.Count; f++)
            {
                var flow = compilation.File.Flows[f];
                var link = flow.Links.FirstOrDefault(l => l.Span.Start == diagnostic.Start && l.Span.Length == diagnostic.Length);
                if (link is null) continue;
                var inserted = Insert(flow, link, bridge);
                var flows = compilation.File.Flows.ToArray();
                flows[f] = inserted.Flow;
                var file = compilation.File with { Flows = EquatableArray.Of(flows) };
                var text = SymPrinter.Print(file, catalog);
                return (text, $"insert '{bridge.Name}' as '{inserted.Node}' between {PlanBuilder.SourceText(link.Source)} and {PlanBuilder.TargetText(link.Target)}");
            }
        }
        return null;
    }

    private static (Flow Flow, string Node) Insert(Flow flow, Link link, FunctionInfo bridge)
    {
        var names = new HashSet<string>(flow.Nodes.Select(n => n.Name).Concat(flow.Inputs.Select(i => i.Name)).Concat(flow.Outputs.Select(o => o.Name)), StringComparer.Ordinal);
        var stem = link.Source is PortSource p ? (p.Node ?? p.Port) + "_" + bridge.Outputs[0].Type.ToString().ToLowerInvariant() : ValueText.ToSnake(bridge.Name);
        var name = stem;
        for (var i = 2; names.Contains(name); i++) name = stem + "_" + i;
        var input = bridge.Inputs.First(i => !i.Optional);
        var node = new Node(name, bridge.Name, EquatableArray<Argument>.Empty);
        var nodes = flow.Nodes.ToList();
        var at = link.Source is PortSource { Node: { } source } ? nodes.FindIndex(n => n.Name == source) + 1 : 0;
        nodes.Insert(Math.Max(0, at), node);
        var links = flow.Links.ToList();
        var index = links.IndexOf(link);
        links[index] = new Link(new PortSource(name, bridge.Outputs[0].Name), link.Target);
        links.Add(new Link(link.Source, new PortTarget(name, input.Name)));
        return (flow with { Nodes = nodes.ToEquatableArray(), Links = links.ToEquatableArray() }, name);
    }
}
