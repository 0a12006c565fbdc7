using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// What one generated pipeline object holds: its executor, and the flow and node parameters set on it for
/// the next runs. Generated pipeline classes are thin typed views over it; the checks, the conversions and
/// the run itself are written once, here.
/// </summary>
/// <remarks>Runs read the values set when they start; a value set while a run is starting may or may not reach it.</remarks>
public sealed class PipelineState
{
    private readonly object _gate = new();
    private readonly Dictionary<string, object> _flowParameters = new(StringComparer.Ordinal);
    // Ordinal order of "node.parameter", so that the same overrides always make the same variant key.
    private readonly SortedDictionary<string, (string Node, string Parameter, object Value)> _nodeParameters = new(StringComparer.Ordinal);
    private (string Key, FlowSet Flows)? _variant;

    /// <summary>A pipeline of <paramref name="definition"/> that runs on <paramref name="executor"/>.</summary>
    public PipelineState(PipelineDefinition definition, FlowExecutor executor)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Executor = executor ?? throw new ArgumentNullException(nameof(executor));
    }

    /// <summary>The flow this pipeline runs.</summary>
    public PipelineDefinition Definition { get; }

    /// <summary>The executor (its registry and memory cache) the runs use.</summary>
    public FlowExecutor Executor { get; }

    /// <summary>Flow parameter <paramref name="name"/>: the value set, else the file's (null when it is known only at run time).</summary>
    /// <typeparam name="T">The parameter's C# type (<c>int</c>, <c>long</c>, <c>double</c>, <c>bool</c>, <c>string</c>, <see cref="Size"/>, <see cref="Color"/>, or nullable).</typeparam>
    public T Get<T>(string name)
    {
        lock (_gate)
            return _flowParameters.TryGetValue(name, out var value) ? (T)value : Initial<T>(Definition.FlowParameter(name));
    }

    /// <summary>Sets flow parameter <paramref name="name"/> for the next runs; null goes back to the file's value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is NaN or out of the parameter's range.</exception>
    /// <exception cref="ArgumentException">The value is not one of the parameter's enum values.</exception>
    public void Set(string name, object? value)
    {
        var parameter = Definition.FlowParameter(name);
        if (value is not null) Check(parameter, value);
        lock (_gate)
        {
            if (value is null) _flowParameters.Remove(name);
            else _flowParameters[name] = value;
        }
    }

    /// <summary>Parameter <paramref name="parameter"/> of node <paramref name="node"/>: the value set, else the node's (null when known only at run time).</summary>
    internal T GetNode<T>(string node, string parameter)
    {
        lock (_gate)
            return _nodeParameters.TryGetValue(Key(node, parameter), out var set) ? (T)set.Value : Initial<T>(Definition.NodeParameter(node, parameter));
    }

    /// <summary>Sets parameter <paramref name="parameter"/> of node <paramref name="node"/> for the next runs; null goes back to the file's value.</summary>
    internal void SetNode(string node, string parameter, object? value)
    {
        if (value is not null) Check(Definition.NodeParameter(node, parameter), value);
        lock (_gate)
        {
            if (value is null) _nodeParameters.Remove(Key(node, parameter));
            else _nodeParameters[Key(node, parameter)] = (node, parameter, value);
        }
    }

    /// <summary>
    /// Runs the flow on <paramref name="inputs"/> (the flow's inputs, in declared order) with the parameters
    /// set on this object; <paramref name="result"/> wraps the outputs in the pipeline's typed result.
    /// </summary>
    /// <exception cref="ArgumentNullException">An input or <paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A flow parameter without default was not set.</exception>
    /// <exception cref="FlowExecutionException">A node failed; the message names it and its line.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async Task<TResult> RunAsync<TResult>(RunOptions options, Func<FlowResult, TResult> result, params object[] inputs)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        if (result is null) throw new ArgumentNullException(nameof(result));
        var flow = Definition.Flow;
        if (inputs is null || inputs.Length != flow.Inputs.Count)
            throw new ArgumentException($"flow '{flow.Name}' takes {flow.Inputs.Count} inputs", nameof(inputs));
        var arguments = new FlowArguments();
        for (var i = 0; i < inputs.Length; i++)
            arguments.Input(flow.Inputs[i].Name, inputs[i] ?? throw new ArgumentNullException(flow.Inputs[i].Name, $"flow input '{flow.Inputs[i].Name}' is null"));
        FlowSet flows;
        lock (_gate)
        {
            foreach (var parameter in flow.Parameters)
            {
                if (_flowParameters.TryGetValue(parameter.Name, out var value)) arguments.Parameter(parameter.Name, value);
                else if (parameter.Default is null)
                    throw new InvalidOperationException($"set flow parameter '{parameter.Name}' (it has no default) before running the flow");
            }
            foreach (var set in _nodeParameters) arguments.Parameter(set.Key, set.Value.Value);
            flows = FlowsForNodeParameters();
        }
        var run = await Executor.RunAsync(flows, flow.Name, arguments, options).ConfigureAwait(false);
        try
        {
            return result(run);
        }
        catch
        {
            await run.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // The flows as written, or the variant whose overridden node arguments read the run's arguments (kept
    // while the same node parameters are set).
    private FlowSet FlowsForNodeParameters()
    {
        if (_nodeParameters.Count == 0) return Definition.Flows;
        var key = new StringBuilder();
        foreach (var name in _nodeParameters.Keys) key.Append(name).Append(';');
        if (_variant is { } cached && cached.Key == key.ToString()) return cached.Flows;
        var flows = Definition.WithNodeParameters(_nodeParameters.Values.Select(v => (v.Node, v.Parameter)).ToList());
        _variant = (key.ToString(), flows);
        return flows;
    }

    private static string Key(string node, string parameter) => node + "." + parameter;

    private static T Initial<T>(PipelineParameter parameter) =>
        parameter.Initial is { } initial ? (T)CanonicalParameters.ToClr(initial, parameter.Info) : default!;

    // A generated setter takes a value of the parameter's C# type; what is left to check is its domain, with the
    // checker's message (SYM0203).
    private static void Check(PipelineParameter parameter, object value)
    {
        if (CanonicalParameters.Rejects(value, parameter.Info, parameter.Owner) is not { } message) return;
        throw value is string ? new ArgumentException(message, "value") : new ArgumentOutOfRangeException("value", value, message);
    }
}
