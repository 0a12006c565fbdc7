using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Language.Semantics;

/// <summary>
/// The flows of one <c>.sym</c> file and the function catalog, as generated pipelines see them: what a node
/// calls, a parameter as a node object or a pipeline property accepts it (a flow parameter takes the range of
/// every parameter it feeds), the value a parameter starts with, and which flows a flow calls. The generator
/// documents these facts; the runtime checks values against them; both read them here.
/// </summary>
public sealed class FileScope
{
    private readonly FunctionCatalog _catalog;
    private readonly Dictionary<string, Flow> _flows = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Flow, string Parameter), (Numeric? Min, Numeric? Max)> _ranges = new();

    /// <summary>A scope over <paramref name="flows"/> (the first of each name counts) and <paramref name="catalog"/>.</summary>
    public FileScope(IEnumerable<Flow> flows, FunctionCatalog catalog)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        foreach (var flow in flows)
            if (!_flows.ContainsKey(flow.Name)) _flows.Add(flow.Name, flow);
    }

    /// <summary>The flow of the file named <paramref name="name"/>, or null.</summary>
    public Flow? FindFlow(string name) => _flows.TryGetValue(name, out var flow) ? flow : null;

    /// <summary>
    /// What <paramref name="node"/> calls: a flow of the file (its signature, with the ranges of
    /// <see cref="FlowParameter"/>) or a catalog function; null when it is neither.
    /// </summary>
    public FunctionInfo? FunctionOf(Node node)
    {
        if (FindFlow(node.Function) is not { } callee) return _catalog.Find(node.Function);
        var signature = callee.Signature();
        return signature with { Parameters = callee.Parameters.Select(p => FlowParameter(callee, p)).ToEquatableArray() };
    }

    /// <summary>A flow parameter with its default and the range of the parameters it feeds, through the flows it is passed on to.</summary>
    public ParameterInfo FlowParameter(Flow flow, FlowParameter parameter)
    {
        var (min, max) = RangeOf(flow.Name, parameter.Name, new HashSet<string>(StringComparer.Ordinal));
        return new ParameterInfo(parameter.Name, new ParameterDomain(parameter.Type, parameter.Default, min, max));
    }

    /// <summary>
    /// The canonical value <paramref name="parameter"/> of <paramref name="node"/> starts with: as written, or
    /// the default; null when it is known only when the flow runs (it comes from a flow parameter, or is in
    /// frames without a literal frame rate).
    /// </summary>
    public static Value? InitialValue(Node node, FunctionInfo function, ParameterInfo parameter)
    {
        var written = node.Arguments.FirstOrDefault(a => a.Name == parameter.Name)?.Value;
        return Canonical(written ?? parameter.Default, parameter.Type, FramesPerSecond(node, function));
    }

    /// <summary>The flows <paramref name="flow"/> calls, directly or not, in file order.</summary>
    public IReadOnlyList<Flow> Callees(Flow flow)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Flow>();
        pending.Push(flow);
        while (pending.Count > 0)
            foreach (var node in pending.Pop().Nodes)
                if (node.Function != flow.Name && FindFlow(node.Function) is { } callee && found.Add(callee.Name))
                    pending.Push(callee);
        return _flows.Values.Where(f => found.Contains(f.Name)).ToList();
    }

    /// <summary>
    /// <paramref name="value"/> as the canonical value a run would pass (<see cref="ParameterValues.Read"/>): numbers in
    /// the canonical unit, exact integers, enum words as symbols, canonical colours; null when it cannot be known
    /// before the run (frames without a frame rate, a reference) or is not a value of <paramref name="type"/>.
    /// </summary>
    public static Value? Canonical(Value? value, ParamType type, double? framesPerSecond)
    {
        if (value is null or ParameterRefValue or ReferenceValue) return null;
        var reading = ParameterValues.Read(value, new ParameterInfo("value", type), "", FrameRate.Of(framesPerSecond));
        return reading.Problem is null ? reading.Canonical : null;
    }

    // The node's frame rate, to convert a value in frames: its 'fps' parameter as written, or its default.
    private static double? FramesPerSecond(Node node, FunctionInfo function)
    {
        var fps = function.Parameters.FirstOrDefault(p => p.Name == "fps" && p.Type == ParamType.FrameRate);
        if (fps is null) return null;
        var value = node.Arguments.FirstOrDefault(a => a.Name == "fps")?.Value ?? fps.Default;
        return Canonical(value, ParamType.FrameRate, null) is NumberValue number ? number.Number : null;
    }

    // The intersection of the ranges of the parameters a flow parameter feeds, through the flows it is passed on to.
    private (Numeric? Min, Numeric? Max) RangeOf(string flowName, string parameter, HashSet<string> visiting)
    {
        if (_ranges.TryGetValue((flowName, parameter), out var known)) return known;
        if (FindFlow(flowName) is not { } flow || !visiting.Add(flowName)) return (null, null);
        Numeric? min = null, max = null;
        foreach (var node in flow.Nodes)
        {
            foreach (var argument in node.Arguments)
            {
                if (argument.Value is not ParameterRefValue reference || reference.Name != parameter) continue;
                var (lower, upper) = _flows.ContainsKey(node.Function)
                    ? RangeOf(node.Function, argument.Name, visiting)
                    : _catalog.Find(node.Function)?.FindParameter(argument.Name) is { } target ? (target.Domain.Min, target.Domain.Max) : (null, null);
                if (lower is { } l) min = min is { } m && m > l ? m : l;
                if (upper is { } u) max = max is { } x && x < u ? x : u;
            }
        }
        visiting.Remove(flowName);
        _ranges[(flowName, parameter)] = (min, max);
        return (min, max);
    }
}
