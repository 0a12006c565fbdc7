using System;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// A flow could not run: a node failed, or the flow cannot be planned (a function that is not
/// registered, a parameter without a value). The message names the node, its function and where it
/// is written: <c>JungleRuins.sym(6): node 'sound' (AudioMix) failed: …</c>.
/// </summary>
public sealed class FlowExecutionException : Exception
{
    /// <summary>An error about <paramref name="node"/> (null for an error about the whole flow).</summary>
    public FlowExecutionException(string flowName, ExecutionNode? node, string message, Exception? innerException = null)
        : base(Compose(flowName, node, message), innerException)
    {
        FlowName = flowName;
        Node = node;
    }

    /// <summary>The flow that was run.</summary>
    public string FlowName { get; }

    /// <summary>The node at fault, when the error is about one.</summary>
    public ExecutionNode? Node { get; }

    /// <summary>The node's name (<c>call/node</c> inside a called flow).</summary>
    public string? NodeName => Node?.Name;

    /// <summary>The node's function.</summary>
    public string? FunctionName => Node?.Function;

    /// <summary>The node's 1-based line in its <c>.sym</c> file, when known.</summary>
    public int? Line => Node?.Line;

    private static string Compose(string flowName, ExecutionNode? node, string message)
    {
        if (node is null) return $"flow '{flowName}': {message}";
        var location = node.Location is { } where ? where + ": " : "";
        var inFlow = node.Flow.Name == flowName ? "" : $" in flow '{node.Flow.Name}'";
        return $"{location}node '{node.Name}' ({node.Function}){inFlow} {message}";
    }
}
