using System;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// The base of generated node objects (<c>pipeline.Nodes.Blend.Weight = 0.3</c>): typed properties over one
/// node's parameters. A property starts with the node's value (as the file writes it, or the function's
/// default; null when it is known only when the flow runs); a value set overrides it for the next runs of
/// the pipeline, and null goes back to the file's value.
/// </summary>
public abstract class NodeParameters
{
    private readonly PipelineState _pipeline;
    private readonly string _node;

    /// <summary>The parameters of node <paramref name="node"/> of <paramref name="pipeline"/>'s flow.</summary>
    protected NodeParameters(PipelineState pipeline, string node)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _node = node ?? throw new ArgumentNullException(nameof(node));
    }

    /// <summary>The value of <paramref name="parameter"/> the next run uses (null when it is known only at run time).</summary>
    protected T GetParameter<T>(string parameter) => _pipeline.GetNode<T>(_node, parameter);

    /// <summary>Overrides <paramref name="parameter"/> for the next runs; null goes back to the file's value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is NaN or out of the parameter's range.</exception>
    /// <exception cref="ArgumentException">The value is not one of the parameter's enum values.</exception>
    protected void SetParameter(string parameter, object? value) => _pipeline.SetNode(_node, parameter, value);

    /// <summary>The node's name in the flow.</summary>
    public override string ToString() => _node;
}
