using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Language.Semantics;

/// <summary>
/// Checks a bound flow: media types along links (SYM0201), cycles (SYM0301), required inputs and
/// parameters (SYM0302), inputs connected twice (SYM0303), nodes that feed no output (SYM0304), output
/// assignment (SYM0305), unused inputs (SYM0306), and parameter values (SYM0202–SYM0207).
/// </summary>
public static class Checker
{
    /// <summary>
    /// The diagnostics of <paramref name="flow"/> against <paramref name="catalog"/> (which must know the
    /// flows it calls; see <see cref="BindResult.Catalog"/>). Never throws: a bug becomes SYM0901.
    /// </summary>
    public static EquatableArray<Diagnostic> Check(Flow flow, FunctionCatalog catalog)
    {
        var diagnostics = new List<Diagnostic>();
        try
        {
            new Graph(flow, catalog, diagnostics).Check();
            ValueChecker.Check(flow, catalog, diagnostics);
        }
        catch (Exception e)
        {
            diagnostics.Add(Wording.InternalError(flow.Span, $"checking '{flow.Name}'", e));
        }
        return diagnostics.ToEquatableArray();
    }

    private sealed class Graph
    {
        private readonly Flow _flow;
        private readonly FunctionCatalog _catalog;
        private readonly List<Diagnostic> _diagnostics;
        private readonly FunctionInfo?[] _functions;
        private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.Ordinal);
        // Nodes sharing a name were reported by the binder; links to them are ambiguous, so their
        // connections are not checked.
        private readonly HashSet<string> _sharedNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FlowPort> _inputs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FlowPort> _outputs = new(StringComparer.Ordinal);
        private readonly List<int>[] _successors;

        public Graph(Flow flow, FunctionCatalog catalog, List<Diagnostic> diagnostics)
        {
            _flow = flow;
            _catalog = catalog;
            _diagnostics = diagnostics;
            _functions = flow.Nodes.Select(n => catalog.Find(n.Function)).ToArray();
            _successors = flow.Nodes.Select(_ => new List<int>()).ToArray();
            for (var i = 0; i < flow.Nodes.Count; i++)
            {
                var name = flow.Nodes[i].Name;
                if (_nodeIndex.ContainsKey(name)) _sharedNames.Add(name);
                else _nodeIndex.Add(name, i);
            }
            foreach (var input in flow.Inputs)
                if (!_inputs.ContainsKey(input.Name)) _inputs.Add(input.Name, input);
            foreach (var output in flow.Outputs)
                if (!_outputs.ContainsKey(output.Name)) _outputs.Add(output.Name, output);
        }

        public void Check()
        {
            var connected = new Dictionary<(int Node, string Port), int>();
            var assigned = new Dictionary<string, int>(StringComparer.Ordinal);
            var usedInputs = new HashSet<string>(StringComparer.Ordinal);
            var feedsOutput = new List<int>();
            // A misspelt name (reported by the binder) is taken as its one likely correction where that
            // keeps its consequences from being reported too: edges through it count for contributing
            // to an output but not for cycles, and the ports it presumably means count as fed.
            var presumedEdges = new List<(int From, int To)>();
            var presumedPorts = new HashSet<(int Node, string Port)>();
            var presumedOutputs = new HashSet<string>(StringComparer.Ordinal);

            foreach (var link in _flow.Links)
            {
                var source = ResolveSource(link.Source);
                if (source.Input is { } input) usedInputs.Add(input);
                var target = link.Target;
                if (target.Node is null)
                {
                    if (_outputs.TryGetValue(target.Port, out var output))
                    {
                        CheckModality(link, source, output.Type, null);
                        assigned[target.Port] = assigned.TryGetValue(target.Port, out var times) ? times + 1 : 1;
                        if (times > 0) Report(DiagnosticDescriptors.OutputAssignment, link, $"output '{target.Port}' is assigned more than once");
                    }
                    else if (Presumed(target.Port, _outputs.Keys) is { } meant)
                    {
                        presumedOutputs.Add(meant);
                    }
                    else
                    {
                        continue;
                    }
                    if (source.Node >= 0) feedsOutput.Add(source.Node);
                    continue;
                }

                var exact = _nodeIndex.ContainsKey(target.Node);
                if ((exact ? target.Node : Presumed(target.Node, _nodeIndex.Keys)) is not { } nodeName) continue;
                var node = _nodeIndex[nodeName];
                if (source.Node >= 0)
                {
                    if (exact && !source.IsPresumed) _successors[source.Node].Add(node);
                    else presumedEdges.Add((source.Node, node));
                }
                if (!exact || _sharedNames.Contains(nodeName) || _functions[node] is not { } function) continue;
                if (function.FindInput(target.Port) is not { } port)
                {
                    if (Presumed(target.Port, function.Inputs.Select(p => p.Name)) is { } meant) presumedPorts.Add((node, meant));
                    continue;
                }
                CheckModality(link, source, port.Type, function.Name);
                var key = (node, target.Port);
                connected[key] = connected.TryGetValue(key, out var count) ? count + 1 : 1;
                if (count > 0)
                    Report(DiagnosticDescriptors.InputConnectedTwice, link, $"{Wording.Target(target, function.Name)} is connected more than once");
            }

            CheckRequired(key => connected.ContainsKey(key) || presumedPorts.Contains(key));
            foreach (var output in _outputs.Values.Where(o => !assigned.ContainsKey(o.Name) && !presumedOutputs.Contains(o.Name)))
                _diagnostics.Add(DiagnosticDescriptors.OutputAssignment.Create(output.Span, $"output '{output.Name}' is never assigned"));
            foreach (var input in _inputs.Values.Where(i => !usedInputs.Contains(i.Name)))
                _diagnostics.Add(DiagnosticDescriptors.UnusedInput.Create(input.Span, $"input '{input.Name}' is never used"));

            var onCycles = ReportCycles();
            ReportUnusedNodes(feedsOutput, presumedEdges, onCycles);
        }

        // A source is a node (by index), a flow input, a string constant or something unresolved (the
        // binder keeps unresolved names as written and has reported them). Unresolved sources carry no
        // media type, so they cause no further mismatch.
        private Source ResolveSource(LinkSource source)
        {
            switch (source)
            {
                case PortSource { Node: { } node } port when _nodeIndex.TryGetValue(node, out var index):
                    return new Source(index, null, _functions[index]?.FindOutput(port.Port)?.Type, Describe(index, port.Port));
                case PortSource { Node: null } port when _inputs.TryGetValue(port.Port, out var input):
                    return new Source(-1, input.Name, input.Type, $"'{input.Name}'");
                case PortSource { Node: null } port when _nodeIndex.TryGetValue(port.Port, out var index):
                    return new Source(index, null, null, $"'{port.Port}'");
                case ConstantSource { Value: StringValue }:
                    return new Source(-1, null, PortType.Text, "a string");
                case ConstantSource constant:
                    return new Source(-1, null, null, "a literal", IsConstant: true);
                case PortSource port when Presumed(port.Node ?? port.Port, _inputs.Keys.Concat(_nodeIndex.Keys)) is { } meant:
                    return _inputs.ContainsKey(meant)
                        ? new Source(-1, meant, null, "")
                        : new Source(_nodeIndex[meant], null, null, "", IsPresumed: true);
                default:
                    return new Source(-1, null, null, "");
            }
        }

        // The one candidate a misspelt name most likely meant, or null.
        private static string? Presumed(string name, IEnumerable<string> candidates)
        {
            var closest = Suggestions.Closest(name, candidates);
            return closest.Count == 1 ? closest[0] : null;
        }

        // How the user wrote a node output: 'poster' for a one-output node, the destructured name, or 'seg.fg'.
        private string Describe(int node, string port)
        {
            var name = _flow.Nodes[node].Name;
            if (_functions[node] is not { } function) return $"'{name}.{port}'";
            if (function.Outputs.Count == 1) return $"'{name}'";
            return _flow.Nodes[node].AliasOf(function, port) is { } alias ? $"'{alias}'" : $"'{name}.{port}'";
        }

        private void CheckModality(Link link, Source source, PortType expected, string? function)
        {
            var target = Wording.Target(link.Target, function);
            if (source.IsConstant)
            {
                Report(DiagnosticDescriptors.ModalityMismatch, link, $"{target} expects {expected}, but {source.Description} is not media");
                return;
            }
            if (source.Type is not { } actual || expected.Accepts(actual)) return;
            var bridge = Bridge(actual, expected);
            var suffix = bridge is null ? "" : $"; insert '{bridge}' to convert it";
            var diagnostic = DiagnosticDescriptors.ModalityMismatch.Create(link.Span, $"{target} expects {expected}, but {source.Description} is {actual}{suffix}");
            _diagnostics.Add(bridge is null ? diagnostic : diagnostic with { Properties = diagnostic.Properties.Add(DiagnosticProperties.Bridge, bridge) });
        }

        // A function whose one required input and one output convert 'from' into 'to'.
        private string? Bridge(PortType from, PortType to) =>
            _catalog.Functions.FirstOrDefault(f =>
                f.Outputs.Count == 1 && f.Outputs[0].Type == to &&
                f.Inputs.Count(i => !i.Optional) == 1 && f.Inputs.First(i => !i.Optional).Type == from)?.Name;

        private void CheckRequired(Func<(int Node, string Port), bool> isFed)
        {
            for (var i = 0; i < _flow.Nodes.Count; i++)
            {
                var node = _flow.Nodes[i];
                if (_functions[i] is not { } function || _sharedNames.Contains(node.Name)) continue;
                foreach (var input in function.Inputs.Where(p => !p.Optional && !isFed((i, p.Name))))
                    _diagnostics.Add(DiagnosticDescriptors.InputNotConnected.Create(node.FunctionSpan,
                        $"{Wording.Target(new PortTarget(node.Name, input.Name), function.Name)} is not connected"));
                foreach (var parameter in function.Parameters.Where(p => p.Required && node.Arguments.All(a => a.Name != p.Name)))
                    _diagnostics.Add(DiagnosticDescriptors.InputNotConnected.Create(node.FunctionSpan,
                        ParameterValues.NotGiven(parameter, node.Name, function.Name)));
            }
        }

        // Each strongly connected group of nodes (or node linked to itself) is one cycle, reported at
        // its first node with a shortest loop through it. Returns the nodes on cycles.
        private HashSet<int> ReportCycles()
        {
            var onCycles = new HashSet<int>();
            foreach (var component in StronglyConnectedComponents())
            {
                var first = component.Min();
                if (component.Count == 1 && !_successors[first].Contains(first)) continue;
                onCycles.UnionWith(component);
                var loop = ShortestLoop(first, new HashSet<int>(component));
                var names = string.Join(" -> ", loop.Select(i => "'" + _flow.Nodes[i].Name + "'"));
                _diagnostics.Add(DiagnosticDescriptors.Cycle.Create(_flow.Nodes[first].NameSpan, $"cycle: {names}"));
            }
            return onCycles;
        }

        // Tarjan's algorithm without recursion, so that long chains cannot overflow the stack.
        private List<List<int>> StronglyConnectedComponents()
        {
            var count = _successors.Length;
            var index = Enumerable.Repeat(-1, count).ToArray();
            var low = new int[count];
            var onStack = new bool[count];
            var stack = new Stack<int>();
            var components = new List<List<int>>();
            var next = 0;
            for (var root = 0; root < count; root++)
            {
                if (index[root] >= 0) continue;
                var work = new Stack<(int Node, int Edge)>();
                work.Push((root, 0));
                index[root] = low[root] = next++;
                stack.Push(root);
                onStack[root] = true;
                while (work.Count > 0)
                {
                    var (node, edge) = work.Pop();
                    if (edge < _successors[node].Count)
                    {
                        work.Push((node, edge + 1));
                        var successor = _successors[node][edge];
                        if (index[successor] < 0)
                        {
                            index[successor] = low[successor] = next++;
                            stack.Push(successor);
                            onStack[successor] = true;
                            work.Push((successor, 0));
                        }
                        else if (onStack[successor])
                        {
                            low[node] = Math.Min(low[node], index[successor]);
                        }
                        continue;
                    }
                    if (work.Count > 0) low[work.Peek().Node] = Math.Min(low[work.Peek().Node], low[node]);
                    if (low[node] != index[node]) continue;
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    }
                    while (member != node);
                    components.Add(component);
                }
            }
            return components;
        }

        // Breadth first from 'start' inside its component back to 'start': start -> … -> start.
        private List<int> ShortestLoop(int start, HashSet<int> component)
        {
            var previous = new Dictionary<int, int>();
            var queue = new Queue<int>();
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                foreach (var successor in _successors[current].Where(component.Contains))
                {
                    if (successor == start)
                    {
                        var loop = new List<int> { start };
                        for (var at = current; at != start; at = previous[at]) loop.Add(at);
                        loop.Add(start);
                        loop.Reverse();
                        return loop;
                    }
                    if (previous.ContainsKey(successor)) continue;
                    previous.Add(successor, current);
                    queue.Enqueue(successor);
                }
            }
            return new List<int> { start, start };
        }

        private void ReportUnusedNodes(List<int> feedsOutput, List<(int From, int To)> presumedEdges, HashSet<int> onCycles)
        {
            var predecessors = _successors.Select(_ => new List<int>()).ToArray();
            for (var i = 0; i < _successors.Length; i++)
                foreach (var successor in _successors[i]) predecessors[successor].Add(i);
            foreach (var (from, to) in presumedEdges) predecessors[to].Add(from);

            var contributes = new bool[_successors.Length];
            var queue = new Queue<int>(feedsOutput);
            foreach (var node in feedsOutput) contributes[node] = true;
            while (queue.Count > 0)
            {
                foreach (var predecessor in predecessors[queue.Dequeue()])
                {
                    if (contributes[predecessor]) continue;
                    contributes[predecessor] = true;
                    queue.Enqueue(predecessor);
                }
            }

            for (var i = 0; i < contributes.Length; i++)
            {
                var node = _flow.Nodes[i];
                if (contributes[i] || onCycles.Contains(i) || _sharedNames.Contains(node.Name) || _nodeIndex[node.Name] != i) continue;
                _diagnostics.Add(DiagnosticDescriptors.UnusedNode.Create(node.NameSpan, $"'{node.Name}' contributes to no output of '{_flow.Name}'"));
            }
        }

        private void Report(DiagnosticDescriptor descriptor, Link link, string message) =>
            _diagnostics.Add(descriptor.Create(link.Span, message));

        /// <param name="Node">The source node's index, or -1.</param>
        /// <param name="Input">The flow input it reads, if any.</param>
        /// <param name="Type">Its port type, when known.</param>
        /// <param name="Description">How messages name it.</param>
        /// <param name="IsConstant">A literal other than a string.</param>
        /// <param name="IsPresumed">An unresolved name taken as its one likely correction.</param>
        private sealed record Source(int Node, string? Input, PortType? Type, string Description, bool IsConstant = false, bool IsPresumed = false);
    }
}
