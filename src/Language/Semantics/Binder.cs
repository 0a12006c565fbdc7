using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Syntax;

namespace SymbolicGen.Language.Semantics;

/// <summary>What <see cref="Binder.Bind"/> produces.</summary>
/// <param name="File">The bound IR (complete even when there are errors: unresolved names keep their written form).</param>
/// <param name="Diagnostics">Name-resolution and binding diagnostics (SYM01xx, and SYM0201/0202/0301 found while binding).</param>
/// <param name="Catalog">The catalog the file was bound against, extended with a function per flow of the file.</param>
public sealed record BindResult(SymFile File, EquatableArray<Diagnostic> Diagnostics, FunctionCatalog Catalog)
{
    /// <summary>
    /// The file's symbols and the names that declare and use them, for tools (compared by reference, so
    /// two results of the same text are not equal).
    /// </summary>
    public SymbolIndex Symbols { get; init; } = SymbolIndex.Empty;
}

/// <summary>
/// Turns a parsed file into the IR: resolves function names against the catalog (and the file's own
/// flows) and its <c>using</c> lines (see <see cref="FunctionResolver"/>), binds arguments to inputs and parameters, names to nodes and inputs, and puts links in
/// canonical order. Graph and value rules are the <see cref="Checker"/>'s.
/// </summary>
public static class Binder
{
    /// <summary>
    /// Binds every flow of <paramref name="syntax"/>; never throws (a bug becomes SYM0901). With
    /// <paramref name="indexSymbols"/>, the result's <see cref="BindResult.Symbols"/> indexes every name for tools
    /// (an editor asks for it; a build, which wants diagnostics only, does not pay for it).
    /// </summary>
    public static BindResult Bind(FileSyntax syntax, FunctionCatalog catalog, bool indexSymbols = false)
    {
        var diagnostics = new List<Diagnostic>();
        var headers = new FlowHeader?[syntax.Flows.Count];
        var symbols = indexSymbols ? new SymbolRecorder(catalog) : null;
        var scopes = new FlowScope?[headers.Length];
        for (var i = 0; i < headers.Length; i++)
        {
            var flow = syntax.Flows[i];
            try
            {
                scopes[i] = symbols?.Flow(flow);
                headers[i] = FlowHeader.Bind(flow, catalog, diagnostics);
            }
            catch (Exception e)
            {
                diagnostics.Add(Wording.InternalError(flow.Span, $"binding the header of '{flow.Name.Text}'", e));
            }
        }

        var extended = catalog.With(FlowFunctions(syntax, headers, catalog, diagnostics));
        var functions = FunctionResolver.Create(syntax.Usings, extended, diagnostics);
        var flows = new Flow[headers.Length];
        for (var i = 0; i < flows.Length; i++)
        {
            var flow = syntax.Flows[i];
            try
            {
                flows[i] = headers[i] is { } header ? FlowBinder.Bind(flow, header, extended, functions, diagnostics, scopes[i]) : FlowHeader.Unbound(flow);
            }
            catch (Exception e)
            {
                diagnostics.Add(Wording.InternalError(flow.Span, $"binding '{flow.Name.Text}'", e));
                flows[i] = FlowHeader.Unbound(flow);
            }
        }

        ReportFlowCycles(flows, diagnostics);
        var usings = syntax.Usings.Select(u => new UsingDirective(u.Namespace.Text, u.Comments, u.TrailingComment) { Span = u.Span, NamespaceSpan = u.Namespace.Span });
        return new BindResult(new SymFile(EquatableArray<Flow>.Own(flows), syntax.TrailingComments, usings.ToEquatableArray()), diagnostics.ToEquatableArray(), extended)
        {
            Symbols = symbols is null ? SymbolIndex.Empty : Index(symbols, diagnostics),
        };
    }

    // The index is for tools: a bug in it must not cost the file its diagnostics.
    private static SymbolIndex Index(SymbolRecorder symbols, List<Diagnostic> diagnostics)
    {
        try
        {
            return symbols.Build();
        }
        catch (Exception e)
        {
            diagnostics.Add(Wording.InternalError(default, "indexing the file's symbols", e));
            return SymbolIndex.Empty;
        }
    }

    // Flows are functions too: each flow with a unique name that no catalog function already has
    // becomes a FunctionInfo, so flows of the file can call each other in any order.
    private static IEnumerable<FunctionInfo> FlowFunctions(FileSyntax syntax, FlowHeader?[] headers, FunctionCatalog catalog, List<Diagnostic> diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var functions = new List<FunctionInfo>();
        for (var i = 0; i < headers.Length; i++)
        {
            var name = syntax.Flows[i].Name;
            if (!seen.Add(name.Text))
                diagnostics.Add(DiagnosticDescriptors.DuplicateName.Create(name.Span, $"flow '{name.Text}' is already defined in this file"));
            else if (catalog.Find(name.Text) is not null)
                diagnostics.Add(DiagnosticDescriptors.DuplicateName.Create(name.Span, $"flow '{name.Text}' has the name of a catalog function"));
            else if (headers[i] is { } header)
                functions.Add(header.Flow.Signature());
        }
        return functions;
    }

    // A flow that calls itself, directly or through other flows, could never be expanded: each call
    // that closes such a loop is reported with the chain of flows it goes through.
    private static void ReportFlowCycles(Flow[] flows, List<Diagnostic> diagnostics)
    {
        var byName = new Dictionary<string, Flow>(StringComparer.Ordinal);
        foreach (var flow in flows)
            if (!byName.ContainsKey(flow.Name)) byName.Add(flow.Name, flow);

        foreach (var flow in byName.Values)
        {
            foreach (var node in flow.Nodes)
            {
                if (!byName.ContainsKey(node.Function)) continue;
                var path = PathBetween(byName, node.Function, flow.Name);
                if (path is null) continue;
                var through = path.Take(path.Count - 1).ToList();
                var message = through.Count == 0
                    ? $"cycle: flow '{flow.Name}' calls itself"
                    : $"cycle: flow '{flow.Name}' calls itself through {string.Join(" -> ", through.Select(n => "'" + n + "'"))}";
                diagnostics.Add(DiagnosticDescriptors.Cycle.Create(node.FunctionSpan, message));
            }
        }
    }

    // The flows from 'from' to 'to' along calls (both included), breadth first; null when unreachable.
    private static List<string>? PathBetween(Dictionary<string, Flow> flows, string from, string to)
    {
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal) { [from] = null };
        var queue = new Queue<string>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == to)
            {
                var path = new List<string>();
                for (string? at = current; at is not null; at = previous[at]) path.Add(at);
                path.Reverse();
                return path;
            }
            foreach (var callee in flows[current].Nodes.Select(n => n.Function).Where(flows.ContainsKey))
            {
                if (previous.ContainsKey(callee)) continue;
                previous.Add(callee, current);
                queue.Enqueue(callee);
            }
        }
        return null;
    }
}
