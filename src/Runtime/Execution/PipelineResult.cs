using System;
using System.Threading.Tasks;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// The base of generated result types (<c>{Flow}Result</c>): the outputs of one run, as typed properties.
/// They stay valid until the result is disposed, which releases them.
/// </summary>
public abstract class PipelineResult : IAsyncDisposable, IDisposable
{
    /// <summary>Wraps the outputs of a run.</summary>
    protected PipelineResult(FlowResult result) => FlowResult = result ?? throw new ArgumentNullException(nameof(result));

    /// <summary>The untyped result, with the outputs by name.</summary>
    public FlowResult FlowResult { get; }

    /// <summary>What the run computed and what it took from the cache.</summary>
    public RunStatistics Statistics => FlowResult.Statistics;

    /// <summary>Flow output <paramref name="name"/>.</summary>
    /// <exception cref="ObjectDisposedException">The result was disposed.</exception>
    protected T GetOutput<T>(string name) => FlowResult.Get<T>(name);

    /// <summary>Releases the outputs.</summary>
    public void Dispose() => FlowResult.Dispose();

    /// <summary>Releases the outputs.</summary>
    public ValueTask DisposeAsync() => FlowResult.DisposeAsync();
}
