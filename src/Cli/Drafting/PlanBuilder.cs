using System.Text;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Printing;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Cli.Drafting;

/// <summary>The flow's fixed frame: its name, its inputs (from <c>--in</c>) and the requested outputs.</summary>
internal sealed record FlowSpec(string Name, IReadOnlyList<DraftInput> Inputs, IReadOnlyList<RequestedOutput> Outputs);

/// <summary>An input of a node or a flow output that no link feeds yet, with the sources that could.</summary>
internal sealed record OpenTarget(string Target, PortType Type, IReadOnlyList<string> Candidates);

/// <summary>What <see cref="PlanBuilder.Build"/> made of a plan.</summary>
/// <param name="Flow">The flow IR, ready to print.</param>
/// <param name="Links">Every link of the flow, in plan form (the model's and the deterministic ones).</param>
/// <param name="Wired">The links added by wiring by type.</param>
/// <param name="Open">Required inputs and outputs still unconnected.</param>
/// <param name="Presumed">For a misspelt function, the signature of the one it most likely means, under the misspelt name.</param>
internal sealed record BuiltFlow(Flow Flow, IReadOnlyList<PlanLink> Links, IReadOnlyList<PlanLink> Wired, IReadOnlyList<OpenTarget> Open, IReadOnlyList<FunctionInfo> Presumed)
{
    /// <summary>
    /// The flow as dataflow text (the form the refinement loop checks and shows the model). A misspelt
    /// function is printed as if it had the signature of the one it most likely means, so that the
    /// checker's fix of the name is all it takes.
    /// </summary>
    public string Print(FunctionCatalog catalog) =>
        SymPrinter.Print(new SymFile(EquatableArray.Of(Flow)), Presumed.Count == 0 ? catalog : catalog.With(Presumed), SyntaxStyle.Dataflow);
}

/// <summary>
/// Turns a plan (the model's or the offline planner's) into flow IR: names made valid and unique,
/// argument values read with their units, link ends resolved to ports (a bare node name means its
/// output of the needed modality), inputs mistakenly given as arguments turned into links, and every
/// required input or output that exactly one source can feed wired by type. What stays ambiguous is
/// reported as open, for the model to decide. Mistakes that the checker reports precisely (a misspelt
/// function, an unknown parameter) are kept as written so that its fixes apply.
/// </summary>
internal static class PlanBuilder
{
    public static BuiltFlow Build(DraftPlan plan, FlowSpec spec, FunctionCatalog catalog)
    {
        var inputs = spec.Inputs.ToDictionary(i => i.Name, i => i.Type, StringComparer.Ordinal);
        var outputs = spec.Outputs.ToDictionary(o => o.Name, o => o.Type, StringComparer.Ordinal);

        // Nodes: valid, unique names; a node named like a flow output is kept only if it feeds that output.
        var taken = new HashSet<string>(inputs.Keys, StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodes = new List<DraftNode>();
        var planFunctions = new Dictionary<string, FunctionInfo?>(StringComparer.Ordinal);
        foreach (var node in plan.Nodes) planFunctions.TryAdd(node.Name, catalog.Find(node.Function) ?? Presumed(node.Function, catalog));
        // Whether a link could feed the flow output it names (its source has the output's modality, or is unknown).
        bool FeedsOutput(PlanLink l, string output, PortType modality)
        {
            if (Target(l.To) != output) return false;
            var source = l.From.Trim();
            if (source.StartsWith('"')) return modality == PortType.Text;
            var dot = source.IndexOf('.');
            var name = dot < 0 ? source : source[..dot];
            if (inputs.TryGetValue(name, out var m)) return m == modality;
            if (!planFunctions.TryGetValue(name, out var f) || f is null) return true;
            return dot < 0 ? f.Outputs.Any(o => o.Type == modality) : f.FindOutput(source[(dot + 1)..])?.Type is not { } pm || pm == modality;
        }
        foreach (var node in plan.Nodes)
        {
            var name = Identifier(ValueText.ToSnake(node.Name), "node");
            var function = planFunctions[node.Name];
            // In the step syntaxes a step named like an output feeds it: keep that name only when it does.
            if (outputs.TryGetValue(name, out var feeds) &&
                (function is null || function.Outputs.All(o => o.Type != feeds) ||
                 plan.Links.Any(l => FeedsOutput(l, name, feeds) && SourceName(l.From) != node.Name)))
                name += "_node";
            var unique = name;
            for (var i = 2; !taken.Add(unique); i++) unique = name + "_" + i;
            renamed.TryAdd(node.Name, unique);
            nodes.Add(new DraftNode(unique, node.Function.Trim(), function));
        }

        var links = new List<DraftLink>();
        var byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        string MapNode(string name) => renamed.TryGetValue(name, out var n) ? n : name;

        // Arguments: parameters stay arguments; a value given for an input becomes a link.
        foreach (var (planNode, node) in plan.Nodes.Zip(nodes))
        {
            foreach (var argument in planNode.Arguments)
            {
                var name = argument.Name.Trim();
                if (node.Function?.FindInput(name) is not null && node.Function.FindParameter(name) is null)
                {
                    links.Add(new DraftLink(argument.Value, node.Name + "." + name));
                    continue;
                }
                if (node.Arguments.Any(a => a.Name == name)) continue;
                node.Arguments.Add(new Argument(name, ValueText.Parse(argument.Value, node.Function?.FindParameter(name))));
            }
        }
        links.AddRange(plan.Links.Select(l => new DraftLink(l.From, l.To)));

        // Resolve link ends to ports.
        var resolved = new List<Link>();
        foreach (var link in links)
        {
            var target = ResolveTarget(link.To, byName, outputs, resolved, MapNode, link.From, inputs);
            if (target is null) continue;
            if (resolved.Any(l => l.Target == target)) continue; // the first link into an input wins
            var expected = ModalityOf(target, byName, outputs);
            resolved.Add(new Link(ResolveSource(link.From, byName, inputs, expected, MapNode), target));
        }

        // Wire by type what exactly one source can feed; an output named like a node is fed by it.
        var wired = new List<Link>();
        foreach (var (name, modality) in outputs)
        {
            if (resolved.Any(l => l.Target.Node is null && l.Target.Port == name) || !byName.TryGetValue(name, out var node)) continue;
            if (node.Function?.Outputs.FirstOrDefault(o => o.Type == modality) is { } port)
            {
                var link = new Link(new PortSource(name, port.Name), new PortTarget(null, name));
                resolved.Add(link);
                wired.Add(link);
            }
        }
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (target, modality) in OpenTargets(nodes, outputs, resolved))
            {
                var candidates = Candidates(target, modality, nodes, inputs, resolved);
                if (candidates.Count != 1) continue;
                var link = new Link(candidates[0], target);
                resolved.Add(link);
                wired.Add(link);
                changed = true;
                break;
            }
        }
        var open = OpenTargets(nodes, outputs, resolved)
            .Select(t => new OpenTarget(TargetText(t.Target), t.Type, AllSources(t.Target, t.Type, nodes, inputs, resolved).Select(SourceText).ToList()))
            .ToList();

        var ordered = TopologicalOrder(nodes, resolved);
        // A flow named like a function would shadow it (and call itself).
        var flowName = Identifier(Pascal(plan.Name), "Draft");
        while (catalog.Find(flowName) is not null || nodes.Any(n => n.FunctionName == flowName)) flowName += "Flow";
        var flow = new Flow(
            flowName,
            SyntaxStyle.Dataflow,
            spec.Inputs.Select(i => new FlowPort(i.Name, i.Type)).ToEquatableArray(),
            EquatableArray<FlowParameter>.Empty,
            spec.Outputs.Select(o => new FlowPort(o.Name, o.Type)).ToEquatableArray(),
            ordered.Select(n => new Node(n.Name, n.FunctionName, n.Arguments.ToEquatableArray())).ToEquatableArray(),
            CanonicalOrder(resolved, ordered, spec.Outputs).ToEquatableArray());
        return new BuiltFlow(
            flow,
            flow.Links.Select(l => new PlanLink(SourceText(l.Source), TargetText(l.Target))).ToList(),
            wired.Select(l => new PlanLink(SourceText(l.Source), TargetText(l.Target))).ToList(),
            open,
            nodes.Where(n => n.Function is not null && n.Function.Name != n.FunctionName && catalog.Find(n.FunctionName) is null)
                .GroupBy(n => n.FunctionName).Select(g => g.First().Function! with { Name = g.Key }).ToList());
    }

    /// <summary>A compiled flow back in plan form, to show the model the current draft.</summary>
    public static (IReadOnlyList<PlanNode> Nodes, IReadOnlyList<PlanLink> Links) ToPlan(Flow flow) => (
        flow.Nodes.Select(n => new PlanNode(n.Name, n.Function, n.Arguments.Select(a => new PlanArgument(a.Name, ValueText.Format(a.Value))).ToList())).ToList(),
        flow.Links.Select(l => new PlanLink(SourceText(l.Source), TargetText(l.Target))).ToList());

    public static string SourceText(LinkSource source) => source switch
    {
        PortSource { Node: null } p => p.Port,
        PortSource p => p.Node + "." + p.Port,
        ConstantSource c => ValueText.Format(c.Value),
        _ => source.ToString() ?? "",
    };

    public static string TargetText(PortTarget target) => target.Node is null ? target.Port : target.Node + "." + target.Port;

    /// <summary>A valid identifier made of <paramref name="text"/>, or <paramref name="fallback"/>.</summary>
    public static string Identifier(string text, string fallback)
    {
        var sb = new StringBuilder();
        foreach (var c in text) if (char.IsAsciiLetterOrDigit(c) || c == '_') sb.Append(c);
        if (sb.Length == 0) return fallback;
        if (char.IsAsciiDigit(sb[0])) sb.Insert(0, '_');
        var name = sb.ToString();
        return IsKeyword(name) ? name + "_" : name;
    }

    private static bool IsKeyword(string name) => name is "flow" or "input" or "output" or "param" or "node" or "link" or "end" or "true" or "false";

    /// <summary>"jungle ruins film" → JungleRuinsFilm.</summary>
    public static string Pascal(string text)
    {
        if (text.Length > 0 && char.IsUpper(text[0]) && text.All(char.IsAsciiLetterOrDigit)) return text;
        return string.Concat(RequestWords.SplitName(text.Replace('_', ' ')).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    private static FunctionInfo? Presumed(string name, FunctionCatalog catalog)
    {
        // `KSampler` for the one `comfy.KSampler`; the checker then offers the qualified name as a safe fix.
        if (catalog.FindBySimpleName(name.Trim()) is [var only]) return only;
        var closest = Suggestions.Closest(name.Trim(), catalog.Functions.Select(f => f.Name));
        return closest.Count == 1 ? catalog.Find(closest[0]) : null;
    }

    private static string? SourceName(string from) => from.Trim() is var f && f.StartsWith('"') ? null : f.Split('.')[0];

    // The flow output a link feeds, or null for a node input.
    private static string? Target(string to) => StripOutputPrefix(to.Trim()) is var t && !t.Contains('.') ? t : null;

    private static string StripOutputPrefix(string text) =>
        text.StartsWith("output.", StringComparison.Ordinal) ? text[7..] :
        text.StartsWith("outputs.", StringComparison.Ordinal) ? text[8..] : text;

    private static PortTarget? ResolveTarget(string to, Dictionary<string, DraftNode> nodes, Dictionary<string, PortType> outputs,
        List<Link> resolved, Func<string, string> mapNode, string from, Dictionary<string, PortType> inputs)
    {
        var text = StripOutputPrefix(to.Trim());
        if (text.Length == 0) return null;
        var dot = text.IndexOf('.');
        if (dot < 0)
        {
            var fromModality = SourceModality(from, nodes, inputs, mapNode);
            // A name that is both a flow output and a node (the step feeding it): the output, unless the source cannot feed it.
            if (outputs.TryGetValue(text, out var outputModality) && (fromModality is null || fromModality == outputModality || !nodes.ContainsKey(mapNode(text))))
                return new PortTarget(null, text);
            if (nodes.TryGetValue(mapNode(text), out var node) && node.Function is { } function)
            {
                // A bare node as target: its first free input of the source's modality, else its first free required input.
                var free = function.Inputs.Where(i => !resolved.Any(l => l.Target.Node == node.Name && l.Target.Port == i.Name)).ToList();
                var port = free.FirstOrDefault(i => i.Type == fromModality) ?? free.FirstOrDefault(i => !i.Optional);
                return port is null ? null : new PortTarget(node.Name, port.Name);
            }
            return new PortTarget(null, text);
        }
        return new PortTarget(mapNode(text[..dot]), text[(dot + 1)..]);
    }

    private static PortType? SourceModality(string from, Dictionary<string, DraftNode> nodes, Dictionary<string, PortType> inputs, Func<string, string> mapNode)
    {
        var text = from.Trim();
        if (text.StartsWith('"')) return PortType.Text;
        var dot = text.IndexOf('.');
        var name = dot < 0 ? text : text[..dot];
        if (inputs.TryGetValue(name, out var m)) return m;
        if (!nodes.TryGetValue(mapNode(name), out var node) || node.Function is not { } f) return null;
        if (dot >= 0) return f.FindOutput(text[(dot + 1)..])?.Type;
        return f.Outputs.Count == 1 ? f.Outputs[0].Type : null;
    }

    private static LinkSource ResolveSource(string from, Dictionary<string, DraftNode> nodes, Dictionary<string, PortType> inputs, PortType? expected, Func<string, string> mapNode)
    {
        var text = from.Trim();
        if (text.StartsWith('"')) return new ConstantSource(ValueText.Parse(text, null));
        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            var name = text[..dot];
            return inputs.ContainsKey(name) ? new PortSource(null, name) : new PortSource(mapNode(name), text[(dot + 1)..]);
        }
        if (inputs.ContainsKey(text)) return new PortSource(null, text);
        if (nodes.TryGetValue(mapNode(text), out var node))
        {
            var outputs = node.Function?.Outputs.ToList() ?? [];
            var port = outputs.Count == 1 ? outputs[0] : outputs.FirstOrDefault(o => o.Type == expected) ?? outputs.FirstOrDefault();
            if (port is not null) return new PortSource(node.Name, port.Name);
        }
        // Unknown: keep the name as written; the checker says what it may have meant.
        return new PortSource(null, text);
    }

    private static PortType? ModalityOf(PortTarget target, Dictionary<string, DraftNode> nodes, Dictionary<string, PortType> outputs) =>
        target.Node is null
            ? outputs.TryGetValue(target.Port, out var m) ? m : null
            : nodes.TryGetValue(target.Node, out var node) ? node.Function?.FindInput(target.Port)?.Type : null;

    private static IEnumerable<(PortTarget Target, PortType Type)> OpenTargets(List<DraftNode> nodes, Dictionary<string, PortType> outputs, List<Link> links)
    {
        foreach (var node in nodes)
        {
            if (node.Function is null) continue;
            foreach (var input in node.Function.Inputs.Where(i => !i.Optional))
                if (!links.Any(l => l.Target.Node == node.Name && l.Target.Port == input.Name))
                    yield return (new PortTarget(node.Name, input.Name), input.Type);
        }
        foreach (var (name, modality) in outputs)
            if (!links.Any(l => l.Target.Node is null && l.Target.Port == name))
                yield return (new PortTarget(null, name), modality);
    }

    // Every source of the right modality that would not close a cycle.
    private static List<LinkSource> AllSources(PortTarget target, PortType modality, List<DraftNode> nodes, Dictionary<string, PortType> inputs, List<Link> links)
    {
        var result = new List<LinkSource>();
        result.AddRange(inputs.Where(i => i.Value == modality).Select(i => (LinkSource)new PortSource(null, i.Key)));
        var downstream = target.Node is null ? [] : Downstream(target.Node, links);
        foreach (var node in nodes)
        {
            if (node.Function is null || node.Name == target.Node || downstream.Contains(node.Name)) continue;
            result.AddRange(node.Function.Outputs.Where(o => o.Type == modality).Select(o => (LinkSource)new PortSource(node.Name, o.Name)));
        }
        return result;
    }

    // The sources that make a link unambiguous: the only one there is; for a flow output, the only
    // node output of its modality that nothing else consumes yet (the end of a chain).
    private static List<LinkSource> Candidates(PortTarget target, PortType modality, List<DraftNode> nodes, Dictionary<string, PortType> inputs, List<Link> links)
    {
        var all = AllSources(target, modality, nodes, inputs, links);
        if (all.Count <= 1 || target.Node is not null) return all;
        var ends = all.Where(s => s is PortSource { Node: { } n } && !links.Any(l => l.Source is PortSource { Node: { } m } && m == n && l.Target.Node is not null)).ToList();
        return ends.Count == 1 ? ends : all;
    }

    private static HashSet<string> Downstream(string node, List<Link> links)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([node]);
        while (stack.Count > 0)
        {
            var at = stack.Pop();
            foreach (var l in links)
                if (l.Source is PortSource { Node: { } from } && from == at && l.Target.Node is { } to && seen.Add(to)) stack.Push(to);
        }
        return seen;
    }

    private static List<DraftNode> TopologicalOrder(List<DraftNode> nodes, List<Link> links)
    {
        var result = new List<DraftNode>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var remaining = nodes.ToList();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(n => links.All(l =>
                l.Target.Node != n.Name || l.Source is not PortSource { Node: { } from } || placed.Contains(from) || remaining.All(r => r.Name != from)));
            next ??= remaining[0]; // a cycle: keep the given order, the checker names it
            result.Add(next);
            placed.Add(next.Name);
            remaining.Remove(next);
        }
        return result;
    }

    private static IEnumerable<Link> CanonicalOrder(List<Link> links, List<DraftNode> nodes, IReadOnlyList<RequestedOutput> outputs)
    {
        int Rank(Link l)
        {
            if (l.Target.Node is null)
            {
                var o = outputs.Select(x => x.Name).ToList().IndexOf(l.Target.Port);
                return 1_000_000 + (o < 0 ? 999 : o);
            }
            var n = nodes.FindIndex(x => x.Name == l.Target.Node);
            var node = n < 0 ? null : nodes[n];
            var p = node?.Function?.Inputs.Select(i => i.Name).ToList().IndexOf(l.Target.Port) ?? -1;
            return (n < 0 ? 9999 : n) * 100 + (p < 0 ? 99 : p);
        }
        return links.Select((l, i) => (l, i)).OrderBy(x => Rank(x.l)).ThenBy(x => x.i).Select(x => x.l);
    }

    private sealed class DraftNode(string name, string functionName, FunctionInfo? function)
    {
        public string Name { get; } = name;
        public string FunctionName { get; } = functionName;
        public FunctionInfo? Function { get; } = function;
        public List<Argument> Arguments { get; } = [];
    }

    private sealed record DraftLink(string From, string To);
}
