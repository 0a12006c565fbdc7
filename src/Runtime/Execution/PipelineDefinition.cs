using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// The flow of a generated pipeline class. The generator embeds the text of the <c>.sym</c> file, which this
/// compiles once, on first use, with the same compiler and catalog the build checked it with: the pipeline
/// runs exactly the flow the build checked, node lines in errors are the file's own, and the generated code
/// stays small (a flow costs the C# compiler a string literal, not the code that would build its IR).
/// </summary>
public sealed class PipelineDefinition
{
    private readonly Lazy<Compiled> _compiled;

    /// <summary>
    /// The flow <paramref name="flowName"/> of <paramref name="source"/>, the text of the file
    /// <paramref name="sourcePath"/>, checked against the functions of <paramref name="registry"/>.
    /// </summary>
    public PipelineDefinition(string sourcePath, string flowName, string source, Func<FunctionRegistry> registry)
    {
        SourcePath = sourcePath ?? throw new ArgumentNullException(nameof(sourcePath));
        FlowName = flowName ?? throw new ArgumentNullException(nameof(flowName));
        if (source is null) throw new ArgumentNullException(nameof(source));
        if (registry is null) throw new ArgumentNullException(nameof(registry));
        _compiled = new Lazy<Compiled>(() => Compile(sourcePath, flowName, source, registry().ToCatalog()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The <c>.sym</c> file, as errors name it.</summary>
    public string SourcePath { get; }

    /// <summary>The name of the flow.</summary>
    public string FlowName { get; }

    /// <summary>The flow as written (its inputs, parameters, outputs, nodes and links).</summary>
    /// <exception cref="InvalidOperationException">The flow no longer compiles against the registry's functions.</exception>
    public Flow Flow => _compiled.Value.Flows.Find(FlowName)!;

    /// <summary>The flow and the flows it calls, with the node lines of the file.</summary>
    internal FlowSet Flows => _compiled.Value.Flows;

    /// <summary>Flow parameter <paramref name="name"/>: its type, range and canonical initial value.</summary>
    internal PipelineParameter FlowParameter(string name) =>
        _compiled.Value.FlowParameters.TryGetValue(name, out var parameter)
            ? parameter
            : throw new ArgumentException($"flow '{FlowName}' has no parameter '{name}'", nameof(name));

    /// <summary>Parameter <paramref name="parameter"/> of node <paramref name="node"/>: its type, range and canonical initial value.</summary>
    internal PipelineParameter NodeParameter(string node, string parameter) =>
        _compiled.Value.NodeParameters.TryGetValue((node, parameter), out var found)
            ? found
            : throw new ArgumentException($"node '{node}' of flow '{FlowName}' has no parameter '{parameter}'", nameof(parameter));

    /// <summary>
    /// Variants of <see cref="Flows"/> in which some node arguments read flow parameters named
    /// <c>node.parameter</c> (a name no <c>.sym</c> identifier can have), so that values set on node objects
    /// reach the executor as run arguments and are converted and checked like any.
    /// </summary>
    internal FlowSet WithNodeParameters(IReadOnlyList<(string Node, string Parameter)> overrides)
    {
        var flow = Flow;
        var nodes = new Node[flow.Nodes.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = flow.Nodes[i];
            var arguments = node.Arguments.Where(a => !overrides.Contains((node.Name, a.Name))).ToList();
            foreach (var (overridden, parameter) in overrides)
                if (overridden == node.Name) arguments.Add(new Argument(parameter, new ParameterRefValue(overridden + "." + parameter)));
            nodes[i] = node with { Arguments = arguments.ToEquatableArray() };
        }
        var parameters = flow.Parameters.Concat(overrides.Select(o => new FlowParameter(o.Node + "." + o.Parameter, NodeParameter(o.Node, o.Parameter).Info.Type)));
        var variant = flow with { Nodes = EquatableArray<Node>.Own(nodes), Parameters = parameters.ToEquatableArray() };
        var flows = Flows;
        return new FlowSet(flows.Flows.Select(f => f.Name == FlowName ? variant : f), flows.SourcePath, flows.LineOf);
    }

    private static Compiled Compile(string path, string flowName, string source, FunctionCatalog catalog)
    {
        var compilation = SymCompiler.Compile(source, catalog);
        var scope = new FileScope(compilation.File.Flows, catalog);
        var flow = scope.FindFlow(flowName)
            ?? throw new InvalidOperationException($"{path} has no flow '{flowName}' any more; rebuild the project");
        var flows = new[] { flow }.Concat(scope.Callees(flow)).ToList();
        var error = compilation.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error && flows.Any(f => d.Start >= f.Span.Start && d.Start < f.Span.End));
        if (error is not null)
            throw new InvalidOperationException($"{path}({compilation.Lines.GetPosition(error.Start).Line}): flow '{flowName}' does not compile against the functions this program registers: {error.Message}");

        var flowParameters = flow.Parameters.ToDictionary(
            p => p.Name, p => new PipelineParameter(scope.FlowParameter(flow, p), FileScope.Canonical(p.Default, p.Type, null), flow.Name), StringComparer.Ordinal);
        var nodeParameters = new Dictionary<(string, string), PipelineParameter>();
        foreach (var node in flow.Nodes)
        {
            if (scope.FunctionOf(node) is not { } function) continue;
            foreach (var parameter in function.Parameters)
                nodeParameters[(node.Name, parameter.Name)] = new PipelineParameter(parameter, FileScope.InitialValue(node, function, parameter), function.Name);
        }
        var lines = compilation.Lines;
        return new Compiled(new FlowSet(flows, path, (_, node) => lines.GetPosition(node.Span.Start).Line), flowParameters, nodeParameters);
    }

    private sealed record Compiled(
        FlowSet Flows,
        Dictionary<string, PipelineParameter> FlowParameters,
        Dictionary<(string Node, string Parameter), PipelineParameter> NodeParameters);
}

/// <summary>A parameter a pipeline property or node object sets: what it accepts, its canonical initial value (null when known only at run time), and the flow or function it belongs to (for messages).</summary>
internal sealed record PipelineParameter(ParameterInfo Info, Value? Initial, string Owner);
