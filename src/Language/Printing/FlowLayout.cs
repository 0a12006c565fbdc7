using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Language.Printing;

/// <summary>
/// What the printers read off a flow's topology: which inputs of a node are written positionally,
/// how a link source is named, and which flow outputs need an alias statement because no step of
/// their own name feeds them.
/// </summary>
internal sealed class FlowLayout
{
    private static readonly IReadOnlyList<Link> NoLinks = Array.Empty<Link>();

    private readonly Func<string, FunctionInfo?> _functions;
    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Link>> _linksInto = new(StringComparer.Ordinal);

    /// <param name="flow">The flow to print.</param>
    /// <param name="functions">The signature of a called function (catalog or flow of the same file), or null when unknown.</param>
    public FlowLayout(Flow flow, Func<string, FunctionInfo?> functions)
    {
        Flow = flow;
        _functions = functions;
        foreach (var node in flow.Nodes)
            if (!_nodes.ContainsKey(node.Name)) _nodes.Add(node.Name, node);
        foreach (var link in flow.Links)
        {
            if (link.Target.Node is not { } target) continue;
            if (!_linksInto.TryGetValue(target, out var links)) _linksInto.Add(target, links = new List<Link>());
            links.Add(link);
        }

        var aliases = new List<Link>();
        foreach (var output in flow.Outputs)
        {
            var feeds = flow.Links.Where(l => l.Target.Node is null && l.Target.Port == output.Name).ToList();
            if (feeds.Count == 1 && IsFedByItsStep(output, feeds[0].Source)) continue;
            aliases.AddRange(feeds);
        }
        OutputAliases = aliases;
    }

    /// <summary>The flow being printed.</summary>
    public Flow Flow { get; }

    /// <summary>Links into flow outputs that are written as alias statements (<c>film = mux</c>), in output order.</summary>
    public IReadOnlyList<Link> OutputAliases { get; }

    /// <summary>The links into <paramref name="node"/>, in canonical order.</summary>
    public IReadOnlyList<Link> LinksInto(Node node) => _linksInto.TryGetValue(node.Name, out var links) ? links : NoLinks;

    /// <summary>
    /// The node's inputs split as the step syntaxes write them: sources bound positionally (the
    /// function's inputs in declared order, while each has exactly one link), then the other links,
    /// written as named arguments. A function whose signature is unknown gets named arguments only.
    /// </summary>
    public (IReadOnlyList<LinkSource> Positional, IReadOnlyList<Link> Named) Inputs(Node node)
    {
        var links = LinksInto(node);
        var positional = new List<LinkSource>();
        var used = new bool[links.Count];
        if (_functions(node.Function) is { } function)
        {
            foreach (var input in function.Inputs)
            {
                var feeds = Enumerable.Range(0, links.Count).Where(i => links[i].Target.Port == input.Name).Take(2).ToList();
                if (feeds.Count != 1) break;
                positional.Add(links[feeds[0]].Source);
                used[feeds[0]] = true;
            }
        }
        return (positional, links.Where((_, i) => !used[i]).ToList());
    }

    /// <summary>
    /// How a step refers to a source: a flow input by its name, an output of a destructured node by
    /// its alias, the output of a single-output node by the node's name (unless <paramref name="alwaysPort"/>),
    /// otherwise <c>node.port</c>; a constant through <paramref name="literal"/>.
    /// </summary>
    public string Source(LinkSource source, Func<Value, string> literal, bool alwaysPort = false)
    {
        switch (source)
        {
            case ConstantSource constant:
                return literal(constant.Value);
            case PortSource { Node: null } input:
                return input.Port;
            case PortSource port:
                var node = _nodes.TryGetValue(port.Node!, out var n) ? n : null;
                var function = node is null ? null : _functions(node.Function);
                if (node is not null && function is not null)
                {
                    if (node.AliasOf(function, port.Port) is { } alias) return alias;
                    if (!alwaysPort && function.Outputs.Count == 1 && function.Outputs[0].Name == port.Port) return port.Node!;
                }
                return port.Node + "." + port.Port;
            default:
                return source.ToString();
        }
    }

    /// <summary>The function a step calls, as the user wrote it (<c>KSampler</c> through <c>using comfy</c>, else the full name).</summary>
    public static string Function(Node node) => node.FunctionAsWritten ?? node.Function;

    /// <summary>A step's targets: the node's name, or its output aliases for a destructuring.</summary>
    public static IReadOnlyList<string> Targets(Node node) =>
        node.OutputAliases.Count > 0 ? node.OutputAliases : new[] { node.Name };

    /// <summary>A step's targets as dataflow and declarative write them: <c>x</c> or <c>(a, b)</c>.</summary>
    public static string TargetTuple(Node node) =>
        node.OutputAliases.Count > 0 ? "(" + string.Join(", ", node.OutputAliases) + ")" : node.Name;

    // In the step syntaxes a step named like a flow output also feeds it: a node of that name with its
    // only output (or its one output of the output's media type), or the matching part of a
    // destructuring. Such an output needs no alias statement.
    private bool IsFedByItsStep(FlowPort output, LinkSource source)
    {
        if (source is not PortSource { Node: { } name } port || !_nodes.TryGetValue(name, out var node)) return false;
        if (_functions(node.Function) is not { } function) return false;
        if (node.OutputAliases.Count > 0) return node.AliasOf(function, port.Port) == output.Name;
        return name == output.Name && function.OutputFeeding(output.Type)?.Name == port.Port;
    }
}
