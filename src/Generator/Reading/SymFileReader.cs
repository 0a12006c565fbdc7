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
        if (input.ReadFailure is { } failure) return new FileModel(input.Path, "", default, EquatableArray.Of(failure));
        var compilation = SharedCompilations.Compile(input.Text, catalog);
        cancellationToken.ThrowIfCancellationRequested();
        var flows = compilation.File.Flows;
        var generated = Generatable(flows, compilation.Diagnostics);
        var reader = new Reader(input.Path, compilation.Lines, new FileScope(flows, catalog), catalog, flows);
        var models = new List<FlowModel>();
        foreach (var flow in flows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (generated.Contains(flow.Name)) models.Add(reader.Flow(flow));
        }
        return new FileModel(input.Path, input.Text, models.ToEquatableArray(), default);
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
        private readonly FileScope _scope;
        private readonly Dictionary<string, string> _nodeClasses;
        private readonly HashSet<string> _called = new(StringComparer.Ordinal);

        public Reader(string path, LineMap lines, FileScope scope, FunctionCatalog catalog, EquatableArray<Flow> flows)
        {
            _path = path;
            _lines = lines;
            _scope = scope;
            _nodeClasses = Emit.NodeClasses.Of(catalog).Classes;
            foreach (var flow in flows)
                foreach (var node in flow.Nodes)
                    if (scope.FindFlow(node.Function) is not null) _called.Add(node.Function);
        }

        public FlowModel Flow(Flow flow) => new(
            flow,
            flow.Inputs.Select(p => new PortModel(p.Name, p.Type, Location(p.Span))).ToEquatableArray(),
            flow.Outputs.Select(p => new PortModel(p.Name, p.Type, Location(p.Span))).ToEquatableArray(),
            flow.Parameters.Select(p => FlowParameter(flow, p)).ToEquatableArray(),
            flow.Nodes.Select(Node).ToEquatableArray(),
            _scope.Callees(flow).Select(f => f.Name).ToEquatableArray(),
            _called.Contains(flow.Name),
            Location(flow.NameSpan));

        private ParameterModel FlowParameter(Flow flow, FlowParameter parameter)
        {
            var info = _scope.FlowParameter(flow, parameter);
            return new ParameterModel(parameter.Name, info.Domain, FileScope.Canonical(parameter.Default, parameter.Type, null),
                parameter.Default is null, null,
                parameter.Default is null ? null : Written(parameter.Default), Location(parameter.Span));
        }

        private NodeModel Node(Node node)
        {
            var callsFlow = _scope.FindFlow(node.Function) is not null;
            var function = _scope.FunctionOf(node);
            var arguments = function is null
                ? default
                : function.Parameters.Select(p => new NodeArgument(p.Name, node.Arguments.FirstOrDefault(a => a.Name == p.Name)?.Value is { } written ? Written(written) : null)).ToEquatableArray();
            var nodeClass = !callsFlow && _nodeClasses.TryGetValue(node.Function, out var name) ? name : null;
            return new NodeModel(node.Name, node.Function, _lines.GetPosition(node.Span.Start).Line, callsFlow, nodeClass,
                callsFlow ? null : function?.Summary, node.Comments, arguments, Location(node.NameSpan));
        }

        private LocationInfo Location(SourceSpan span)
        {
            var start = _lines.GetPosition(span.Start);
            var end = _lines.GetPosition(span.End);
            return new LocationInfo(_path, span.Start, span.Length, start.Line - 1, start.Column - 1, end.Line - 1, end.Column - 1);
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
