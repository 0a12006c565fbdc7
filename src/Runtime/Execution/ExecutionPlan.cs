using System;
using System.Collections.Generic;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Runtime.Execution;

/// <summary>Where a node input or a flow output gets its value.</summary>
internal enum SourceKind : byte
{
    /// <summary>An unconnected optional input.</summary>
    None,
    /// <summary>An output of a plan node (<see cref="InputSource.Node"/>, <see cref="InputSource.Port"/>).</summary>
    Slot,
    /// <summary>An input of the run's flow (<see cref="InputSource.Port"/> is its index).</summary>
    FlowInput,
    /// <summary>A literal (<see cref="InputSource.Constant"/>).</summary>
    Constant,
}

internal readonly record struct InputSource(SourceKind Kind, int Node, int Port, object? Constant)
{
    public static readonly InputSource Unconnected = new(SourceKind.None, -1, -1, null);
}

/// <summary>
/// Where a called flow's parameters come from: the call's arguments (written in the caller, so resolved
/// in <see cref="Parent"/>), else the called flow's defaults. The root scope is the run's flow, whose
/// parameters come from the run's overrides or the flow's defaults.
/// </summary>
internal sealed class ParameterScope
{
    public ParameterScope(Flow flow, ParameterScope? parent, Dictionary<string, Value>? callArguments)
    {
        Flow = flow;
        Parent = parent;
        CallArguments = callArguments;
    }

    public Flow Flow { get; }

    public ParameterScope? Parent { get; }

    public Dictionary<string, Value>? CallArguments { get; }

    public bool IsRoot => Parent is null;
}

/// <summary>A function application after inlining: what it reads and how its parameters are written.</summary>
internal sealed class PlanNode
{
    public PlanNode(ExecutionNode node, RegisteredFunction function, InputSource[] inputs, Value?[] arguments, ParameterScope scope, int slotBase)
    {
        Node = node;
        Function = function;
        Inputs = inputs;
        Arguments = arguments;
        Scope = scope;
        SlotBase = slotBase;
        FpsIndex = -1;
        var parameters = function.Info.Parameters;
        for (var i = 0; i < parameters.Count; i++)
            if (parameters[i].Name == "fps" && parameters[i].Type == ParamType.FrameRate) FpsIndex = i;
    }

    public ExecutionNode Node { get; }

    public RegisteredFunction Function { get; }

    /// <summary>One per declared input.</summary>
    public InputSource[] Inputs { get; }

    /// <summary>One per declared parameter: the value written in the node, or null for the function's default.</summary>
    public Value?[] Arguments { get; }

    /// <summary>Where parameter references in <see cref="Arguments"/> resolve.</summary>
    public ParameterScope Scope { get; }

    /// <summary>The index of this node's first output in the run's slot array.</summary>
    public int SlotBase { get; }

    /// <summary>The function's <c>fps</c> parameter (frames convert through it), or -1.</summary>
    public int FpsIndex { get; }

    /// <summary>The plan nodes that read an output of this one, once per link.</summary>
    public List<int> Consumers { get; } = new();
}

/// <summary>
/// A flow made ready to run: flows it calls are inlined (their nodes named <c>call/node</c>, their
/// parameters bound through <see cref="ParameterScope"/>s), nodes are in topological order and every
/// input and output is resolved to a slot, a flow input or a constant. Built once per flow and
/// executor, then reused by every run.
/// </summary>
internal sealed class ExecutionPlan
{
    private ExecutionPlan(Flow flow, PlanNode[] nodes, int slotCount, string[] inputNames, string[] outputNames, InputSource[] outputs)
    {
        Flow = flow;
        Nodes = nodes;
        SlotCount = slotCount;
        InputNames = inputNames;
        OutputNames = outputNames;
        Outputs = outputs;
    }

    public Flow Flow { get; }

    public PlanNode[] Nodes { get; }

    public int SlotCount { get; }

    public string[] InputNames { get; }

    public string[] OutputNames { get; }

    public InputSource[] Outputs { get; }

    /// <exception cref="FlowExecutionException">The flow cannot run with this registry.</exception>
    public static ExecutionPlan Build(FlowSet set, Flow flow, FunctionRegistry registry)
    {
        var builder = new Builder(set, flow, registry);
        var inputNames = new string[flow.Inputs.Count];
        var inputs = new Dictionary<string, InputSource>(StringComparer.Ordinal);
        for (var i = 0; i < inputNames.Length; i++)
        {
            inputNames[i] = flow.Inputs[i].Name;
            inputs[inputNames[i]] = new InputSource(SourceKind.FlowInput, -1, i, null);
        }
        var active = new HashSet<string>(StringComparer.Ordinal) { flow.Name };
        var produced = builder.Expand(flow, new ParameterScope(flow, null, null), "", inputs, active);

        var outputNames = new string[flow.Outputs.Count];
        var outputs = new InputSource[outputNames.Length];
        for (var i = 0; i < outputNames.Length; i++)
        {
            outputNames[i] = flow.Outputs[i].Name;
            outputs[i] = produced[outputNames[i]];
        }

        var nodes = builder.Nodes.ToArray();
        foreach (var node in nodes)
            foreach (var input in node.Inputs)
                if (input.Kind == SourceKind.Slot) nodes[input.Node].Consumers.Add(node.Node.Index);
        return new ExecutionPlan(flow, nodes, builder.SlotCount, inputNames, outputNames, outputs);
    }

    private sealed class Builder
    {
        private readonly FlowSet _set;
        private readonly Flow _root;
        private readonly FunctionRegistry _registry;

        public Builder(FlowSet set, Flow root, FunctionRegistry registry)
        {
            _set = set;
            _root = root;
            _registry = registry;
        }

        public List<PlanNode> Nodes { get; } = new();

        public int SlotCount { get; private set; }

        // Adds the nodes of 'flow' (inlining the flows it calls) and returns what feeds each of its outputs.
        public Dictionary<string, InputSource> Expand(Flow flow, ParameterScope scope, string prefix, Dictionary<string, InputSource> inputs, HashSet<string> active)
        {
            var expansion = new Expansion(this, flow, scope, prefix, inputs, active);
            // In dependency order, so that Ensure's recursion stays shallow however the flow is written.
            foreach (var name in DependencyOrder(flow)) expansion.Ensure(name);
            var outputs = new Dictionary<string, InputSource>(StringComparer.Ordinal);
            foreach (var port in flow.Outputs)
            {
                var link = expansion.LinkTo(null, port.Name)
                    ?? throw Error(null, $"output '{port.Name}' of flow '{flow.Name}' is not connected");
                outputs[port.Name] = expansion.Resolve(link.Source, null);
            }
            return outputs;
        }

        // The flow's node names, each after the nodes it reads (Kahn's algorithm); nodes on a cycle
        // come last, in written order, and Ensure reports the cycle.
        private static List<string> DependencyOrder(Flow flow)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < flow.Nodes.Count; i++) index[flow.Nodes[i].Name] = i;
            var waiting = new int[flow.Nodes.Count];
            var readers = new List<int>[flow.Nodes.Count];
            foreach (var link in flow.Links)
            {
                if (link.Source is not PortSource { Node: { } source } || link.Target.Node is not { } target) continue;
                if (!index.TryGetValue(source, out var from) || !index.TryGetValue(target, out var to)) continue;
                waiting[to]++;
                (readers[from] ??= new List<int>()).Add(to);
            }
            var order = new List<string>(flow.Nodes.Count);
            var done = new bool[flow.Nodes.Count];
            var queue = new Queue<int>();
            for (var i = 0; i < waiting.Length; i++)
                if (waiting[i] == 0) queue.Enqueue(i);
            while (queue.Count > 0)
            {
                var next = queue.Dequeue();
                done[next] = true;
                order.Add(flow.Nodes[next].Name);
                if (readers[next] is null) continue;
                foreach (var reader in readers[next])
                    if (--waiting[reader] == 0) queue.Enqueue(reader);
            }
            for (var i = 0; i < done.Length; i++)
                if (!done[i]) order.Add(flow.Nodes[i].Name);
            return order;
        }

        public PlanNode AddFunctionNode(string name, Node node, Flow flow, RegisteredFunction function, InputSource[] inputs, Value?[] arguments, ParameterScope scope)
        {
            var info = new ExecutionNode(Nodes.Count, name, node, flow, _set.LineOf(flow, node), _set.SourcePath);
            var planNode = new PlanNode(info, function, inputs, arguments, scope, SlotCount);
            SlotCount += function.OutputNames.Length;
            Nodes.Add(planNode);
            return planNode;
        }

        public ExecutionNode Describe(string name, Node node, Flow flow) => new(-1, name, node, flow, _set.LineOf(flow, node), _set.SourcePath);

        public FlowExecutionException Error(ExecutionNode? node, string message) => new(_root.Name, node, message);

        public Flow? FindFlow(string name) => _set.Find(name);

        public RegisteredFunction? FindFunction(string name) => _registry.Find(name);
    }

    // The nodes of one flow being inlined (the root, or one call of a called flow).
    private sealed class Expansion
    {
        private readonly Builder _builder;
        private readonly Flow _flow;
        private readonly ParameterScope _scope;
        private readonly string _prefix;
        private readonly Dictionary<string, InputSource> _inputs;
        private readonly HashSet<string> _active;
        private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PlanNode> _functionNodes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, InputSource>> _calls = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

        public Expansion(Builder builder, Flow flow, ParameterScope scope, string prefix, Dictionary<string, InputSource> inputs, HashSet<string> active)
        {
            _builder = builder;
            _flow = flow;
            _scope = scope;
            _prefix = prefix;
            _inputs = inputs;
            _active = active;
            foreach (var node in flow.Nodes) _nodes[node.Name] = node;
        }

        public Link? LinkTo(string? node, string port)
        {
            foreach (var link in _flow.Links)
                if (link.Target.Node == node && link.Target.Port == port) return link;
            return null;
        }

        public InputSource Resolve(LinkSource source, ExecutionNode? reader)
        {
            switch (source)
            {
                case ConstantSource constant:
                    return new InputSource(SourceKind.Constant, -1, -1, ConstantValue(constant.Value, reader));
                case PortSource { Node: null } input:
                    return _inputs.TryGetValue(input.Port, out var fed)
                        ? fed
                        : throw _builder.Error(reader, $"reads '{input.Port}', which is not an input of flow '{_flow.Name}'");
                case PortSource output:
                    Ensure(output.Node!);
                    if (_functionNodes.TryGetValue(output.Node!, out var producer))
                    {
                        var port = RegisteredFunction.IndexOf(producer.Function.OutputNames, output.Port);
                        if (port < 0) throw _builder.Error(reader, $"reads '{output.Node}.{output.Port}', but {producer.Function.Name} has no output '{output.Port}'");
                        return new InputSource(SourceKind.Slot, producer.Node.Index, port, null);
                    }
                    return _calls[output.Node!].TryGetValue(output.Port, out var called)
                        ? called
                        : throw _builder.Error(reader, $"reads '{output.Node}.{output.Port}', which is not an output of the flow it calls");
                default:
                    throw _builder.Error(reader, "reads a value of an unknown kind");
            }
        }

        public void Ensure(string name)
        {
            if (_functionNodes.ContainsKey(name) || _calls.ContainsKey(name)) return;
            if (!_nodes.TryGetValue(name, out var node))
                throw _builder.Error(null, $"flow '{_flow.Name}' reads node '{name}', which it does not define");
            var described = _builder.Describe(_prefix + name, node, _flow);
            if (!_inProgress.Add(name)) throw _builder.Error(described, "depends on itself (a cycle)");

            if (_builder.FindFlow(node.Function) is { } callee)
                ExpandCall(node, described, callee);
            else if (_builder.FindFunction(node.Function) is { } function)
                AddFunction(node, described, function);
            else
                throw _builder.Error(described, $"calls '{node.Function}', which is neither a registered function nor a flow of the file");
            _inProgress.Remove(name);
        }

        private void AddFunction(Node node, ExecutionNode described, RegisteredFunction function)
        {
            var inputs = new InputSource[function.InputNames.Length];
            for (var i = 0; i < inputs.Length; i++) inputs[i] = InputSource.Unconnected;
            foreach (var link in _flow.Links)
            {
                if (link.Target.Node != node.Name) continue;
                var index = RegisteredFunction.IndexOf(function.InputNames, link.Target.Port);
                if (index < 0) throw _builder.Error(described, $"feeds input '{link.Target.Port}', which {function.Name} does not have");
                inputs[index] = Resolve(link.Source, described);
            }
            for (var i = 0; i < inputs.Length; i++)
                if (inputs[i].Kind == SourceKind.None && !function.Info.Inputs[i].Optional)
                    throw _builder.Error(described, $"leaves input '{function.InputNames[i]}' unconnected");

            var arguments = new Value?[function.ParameterNames.Length];
            foreach (var argument in node.Arguments)
            {
                var index = RegisteredFunction.IndexOf(function.ParameterNames, argument.Name);
                if (index < 0) throw _builder.Error(described, $"sets '{argument.Name}', which is not a parameter of {function.Name}");
                arguments[index] = argument.Value;
            }
            _functionNodes[node.Name] = _builder.AddFunctionNode(described.Name, node, _flow, function, inputs, arguments, _scope);
        }

        private void ExpandCall(Node node, ExecutionNode described, Flow callee)
        {
            if (!_active.Add(callee.Name)) throw _builder.Error(described, $"calls flow '{callee.Name}', which is already being called (a cycle)");
            var inputs = new Dictionary<string, InputSource>(StringComparer.Ordinal);
            foreach (var port in callee.Inputs)
            {
                var link = LinkTo(node.Name, port.Name) ?? throw _builder.Error(described, $"leaves input '{port.Name}' of flow '{callee.Name}' unconnected");
                inputs[port.Name] = Resolve(link.Source, described);
            }
            foreach (var link in _flow.Links)
                if (link.Target.Node == node.Name && !inputs.ContainsKey(link.Target.Port))
                    throw _builder.Error(described, $"feeds input '{link.Target.Port}', which flow '{callee.Name}' does not have");

            var arguments = new Dictionary<string, Value>(StringComparer.Ordinal);
            foreach (var argument in node.Arguments)
            {
                var declared = false;
                foreach (var parameter in callee.Parameters) declared |= parameter.Name == argument.Name;
                if (!declared) throw _builder.Error(described, $"sets '{argument.Name}', which is not a parameter of flow '{callee.Name}'");
                arguments[argument.Name] = argument.Value;
            }
            var scope = new ParameterScope(callee, _scope, arguments);
            _calls[node.Name] = _builder.Expand(callee, scope, described.Name + "/", inputs, _active);
            _active.Remove(callee.Name);
        }

        // The checker lets only a string literal feed a port, and only a Text one (or a catalog type that is Text):
        // it arrives as the Text media value, as a Text input connected to a node would.
        private object ConstantValue(Value value, ExecutionNode? reader) => value switch
        {
            StringValue s => new Text(s.Text),
            _ => throw _builder.Error(reader, $"reads the literal {value}, which cannot feed an input"),
        };
    }
}
