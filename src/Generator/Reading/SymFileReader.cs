using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using SymbolicGen.Generator.Model;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Generator.Reading;

/// <summary>
/// Compiles a <c>.sym</c> file with the language's compiler and keeps what the emitter needs of the flows
/// that can be generated: those without errors whose called flows can be generated too. The diagnostics
/// themselves are the analyzer's to report.
/// </summary>
internal static class SymFileReader
{
    /// <summary>The model of <paramref name="input"/>'s flows, checked against <paramref name="catalog"/>.</summary>
    public static FileModel Read(SymFileInput input, FunctionCatalog catalog, CancellationToken cancellationToken)
    {
        var compilation = SymCompiler.Compile(input.Text, catalog);
        cancellationToken.ThrowIfCancellationRequested();
        var flows = compilation.File.Flows;
        var generated = Generatable(flows, compilation.Diagnostics);
        var reader = new Reader(input.Path, compilation.Lines, catalog, flows);
        var models = new List<FlowModel>();
        foreach (var flow in flows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (generated.Contains(flow.Name)) models.Add(reader.Flow(flow));
        }
        return new FileModel(input.Path, models.ToEquatableArray(), default);
    }

    // A flow is generated when no error lies inside it and the flows it calls are generated; an error
    // outside every flow (where the parser could not tell which flow it belongs to) stops the whole file.
    private static HashSet<string> Generatable(EquatableArray<Flow> flows, EquatableArray<Diagnostic> diagnostics)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var flow in flows) names[flow.Name] = names.TryGetValue(flow.Name, out var n) ? n + 1 : 1;
        var withErrors = new HashSet<Flow>(ReferenceEqualityComparer.Instance);
        foreach (var diagnostic in diagnostics.Where(d => d.Severity == Severity.Error))
        {
            var owner = flows.FirstOrDefault(f => diagnostic.Start >= f.Span.Start && diagnostic.Start < Math.Max(f.Span.End, f.Span.Start + 1));
            if (owner is null) return result;
            withErrors.Add(owner);
        }
        foreach (var flow in flows)
            if (!withErrors.Contains(flow) && names[flow.Name] == 1) result.Add(flow.Name);

        // Drop flows that call a dropped flow of the file, until nothing changes.
        var byName = flows.Where(f => result.Contains(f.Name)).ToDictionary(f => f.Name, StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var flow in byName.Values.ToList())
            {
                if (!flow.Nodes.Any(n => names.ContainsKey(n.Function) && !result.Contains(n.Function))) continue;
                result.Remove(flow.Name);
                byName.Remove(flow.Name);
                changed = true;
            }
        }
        return result;
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<Flow>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(Flow? x, Flow? y) => ReferenceEquals(x, y);

        public int GetHashCode(Flow obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private sealed class Reader
    {
        private readonly string _path;
        private readonly LineMap _lines;
        private readonly FunctionCatalog _catalog;
        private readonly Dictionary<string, Flow> _flows = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Flow, string Parameter), (double? Min, double? Max)> _ranges = new();
        private readonly Dictionary<string, string> _nodeClasses;
        private readonly HashSet<string> _called = new(StringComparer.Ordinal);

        public Reader(string path, LineMap lines, FunctionCatalog catalog, EquatableArray<Flow> flows)
        {
            _path = path;
            _lines = lines;
            _catalog = catalog;
            _nodeClasses = Emit.NodeClasses.Of(catalog).Classes;
            foreach (var flow in flows)
                if (!_flows.ContainsKey(flow.Name)) _flows.Add(flow.Name, flow);
            foreach (var flow in flows)
                foreach (var node in flow.Nodes)
                    if (_flows.ContainsKey(node.Function)) _called.Add(node.Function);
        }

        public FlowModel Flow(Flow flow) => new(
            flow,
            flow.Inputs.Select(p => new PortModel(p.Name, p.Type, Location(p.Span))).ToEquatableArray(),
            flow.Outputs.Select(p => new PortModel(p.Name, p.Type, Location(p.Span))).ToEquatableArray(),
            flow.Parameters.Select(p => FlowParameter(flow, p)).ToEquatableArray(),
            flow.Nodes.Select(n => Node(flow, n)).ToEquatableArray(),
            Callees(flow),
            _called.Contains(flow.Name),
            Location(flow.NameSpan));

        private ParameterModel FlowParameter(Flow flow, FlowParameter parameter)
        {
            var (min, max) = RangeOf(flow.Name, parameter.Name, new HashSet<string>(StringComparer.Ordinal));
            return new ParameterModel(parameter.Name, parameter.Type, Canonical(parameter.Default, parameter.Type, null),
                parameter.Default is null, min, max, default, null,
                parameter.Default is null ? null : Written(parameter.Default), Location(parameter.Span));
        }

        private NodeModel Node(Flow flow, Node node)
        {
            var callee = _flows.TryGetValue(node.Function, out var called) ? called : null;
            var function = callee is not null ? Signature(callee) : _catalog.Find(node.Function);
            var arguments = new List<NodeArgument>();
            if (function is not null)
            {
                var fps = FramesPerSecond(node, function);
                foreach (var parameter in function.Parameters)
                {
                    var written = node.Arguments.FirstOrDefault(a => a.Name == parameter.Name)?.Value;
                    arguments.Add(new NodeArgument(parameter.Name, parameter.Type, Canonical(written ?? parameter.Default, parameter.Type, fps),
                        written is null ? null : Written(written)));
                }
            }
            var nodeClass = callee is null && _nodeClasses.TryGetValue(node.Function, out var name) ? name : null;
            return new NodeModel(node.Name, node.Function, _lines.GetPosition(node.Span.Start).Line, callee is not null, nodeClass,
                callee is not null ? null : function?.Summary, node.Comments, arguments.ToEquatableArray(), Location(node.NameSpan));
        }

        // What a call of a flow binds to: its inputs, outputs and parameters (flows declare no ranges).
        private static FunctionInfo Signature(Flow flow) => new(
            flow.Name,
            flow.Inputs.Select(p => new PortInfo(p.Name, p.Type)).ToEquatableArray(),
            flow.Outputs.Select(p => new PortInfo(p.Name, p.Type)).ToEquatableArray(),
            flow.Parameters.Select(p => new ParameterInfo(p.Name, p.Type, p.Default)).ToEquatableArray(),
            Category: "flow");

        // The node's frame rate, to convert a value in frames: its 'fps' parameter as written, or its default.
        private static double? FramesPerSecond(Node node, FunctionInfo function)
        {
            var fps = function.Parameters.FirstOrDefault(p => p.Name == "fps" && p.Type == ParamType.FrameRate);
            if (fps is null) return null;
            var value = node.Arguments.FirstOrDefault(a => a.Name == "fps")?.Value ?? fps.Default;
            return Canonical(value, ParamType.FrameRate, null) is NumberValue number ? number.Number : null;
        }

        // The range a flow parameter must keep: the intersection of the ranges of the parameters it feeds,
        // through the flows it is passed on to.
        private (double? Min, double? Max) RangeOf(string flowName, string parameter, HashSet<string> visiting)
        {
            if (_ranges.TryGetValue((flowName, parameter), out var known)) return known;
            if (!_flows.TryGetValue(flowName, out var flow) || !visiting.Add(flowName)) return (null, null);
            double? min = null, max = null;
            foreach (var node in flow.Nodes)
            {
                foreach (var argument in node.Arguments)
                {
                    if (argument.Value is not ParameterRefValue reference || reference.Name != parameter) continue;
                    var (lower, upper) = _flows.ContainsKey(node.Function)
                        ? RangeOf(node.Function, argument.Name, visiting)
                        : _catalog.Find(node.Function)?.FindParameter(argument.Name) is { } target ? (target.Min, target.Max) : (null, null);
                    if (lower is { } l) min = min is { } m ? Math.Max(m, l) : l;
                    if (upper is { } u) max = max is { } x ? Math.Min(x, u) : u;
                }
            }
            visiting.Remove(flowName);
            _ranges[(flowName, parameter)] = (min, max);
            return (min, max);
        }

        private EquatableArray<string> Callees(Flow flow)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<Flow>();
            pending.Push(flow);
            while (pending.Count > 0)
                foreach (var node in pending.Pop().Nodes)
                    if (node.Function != flow.Name && _flows.TryGetValue(node.Function, out var callee) && found.Add(callee.Name))
                        pending.Push(callee);
            return _flows.Keys.Where(found.Contains).ToEquatableArray();
        }

        private LocationInfo Location(SourceSpan span)
        {
            var start = _lines.GetPosition(span.Start);
            var end = _lines.GetPosition(span.End);
            return new LocationInfo(_path, span.Start, span.Length, start.Line - 1, start.Column - 1, end.Line - 1, end.Column - 1);
        }
    }

    /// <summary>
    /// <paramref name="value"/> as the canonical value a run would pass: numbers in the canonical unit, enum
    /// values as symbols; null when it cannot be known before the run (frames without a frame rate, a reference).
    /// </summary>
    public static Value? Canonical(Value? value, ParamType type, double? framesPerSecond)
    {
        switch (value)
        {
            case NumberValue number when type is ParamType.Int or ParamType.Seed:
                return number.Number == Math.Floor(number.Number) && !double.IsInfinity(number.Number) ? new NumberValue(number.Number) : null;
            case NumberValue number when type == ParamType.Float || Units.IsUnitBearing(type):
                return new NumberValue(number.Number);
            case QuantityValue quantity when Units.IsUnitBearing(type):
                return Units.FromSymbol(quantity.Unit) is { } unit && unit.Kind == type &&
                       Units.ToCanonical(quantity.Number, unit, framesPerSecond) is { } canonical
                    ? new NumberValue(canonical)
                    : null;
            case StringValue text when type == ParamType.String:
                return new StringValue(text.Text);
            case SymbolValue symbol when type == ParamType.Enum:
                return new SymbolValue(symbol.Name);
            case StringValue text when type == ParamType.Enum:
                return new SymbolValue(text.Text);
            case BoolValue boolean when type == ParamType.Bool:
                return boolean;
            case SizeValue size when type == ParamType.Size:
                return size;
            case ColorValue color when type == ParamType.Color:
                return color;
            default:
                return null;
        }
    }

    /// <summary>A value as written in a .sym file, for documentation.</summary>
    public static string Written(Value value) => value switch
    {
        NumberValue number => Number(number.Number),
        QuantityValue quantity => Number(quantity.Number) + quantity.Unit,
        StringValue text => "\"" + text.Text + "\"",
        BoolValue boolean => boolean.Bool ? "true" : "false",
        SizeValue size => size.Width.ToString(CultureInfo.InvariantCulture) + "x" + size.Height.ToString(CultureInfo.InvariantCulture),
        ColorValue color => color.Hex,
        SymbolValue symbol => symbol.Name,
        ParameterRefValue reference => reference.Name,
        ReferenceValue reference => reference.Port is null ? reference.Name : reference.Name + "." + reference.Port,
        ListValue list => "[" + string.Join(", ", list.Items.Select(Written)) + "]",
        _ => value.GetType().Name,
    };

    private static string Number(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}
