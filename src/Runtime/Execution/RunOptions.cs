using System;
using System.Threading;

namespace SymbolicGen.Runtime.Execution;

/// <summary>How a flow runs: parallelism, cancellation, progress and caching.</summary>
public sealed record RunOptions
{
    /// <summary>The defaults: one node per core, the executor's memory cache, no disk cache, no observer.</summary>
    public static RunOptions Default { get; } = new();

    /// <summary>Most nodes running at once (default: the number of cores; 1 runs nodes one after another).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Stops the run: no node starts after it is cancelled, and running nodes receive it.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Receives node events (started, progress, finished, failed); called from worker threads.</summary>
    public IRunObserver? Observer { get; init; }

    /// <summary>
    /// Where node results are kept between runs: null for the executor's own
    /// <see cref="FlowExecutor.MemoryCache"/>, <see cref="ValueCache.None"/> to keep nothing.
    /// </summary>
    public IValueCache? Cache { get; init; }

    /// <summary>
    /// A directory for a disk cache under the memory cache (results survive the process), written with the
    /// registry's serializers; null for none.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// Where functions get the services they ask for (an <c>IImageGenerator</c>, a client of a hosted model): every
    /// node's required services must be here before any node runs, or the run stops with one error per node that
    /// names the service. Any <see cref="IServiceProvider"/> serves (a DI container's, or a small one of your own);
    /// null for none. Services are not part of cache keys.
    /// </summary>
    public IServiceProvider? Services { get; init; }
}

/// <summary>How a node's results were obtained in a run.</summary>
public enum NodeOutcome
{
    /// <summary>The function ran.</summary>
    Computed,
    /// <summary>The results came from the memory or disk cache; the function did not run.</summary>
    Cached,
    /// <summary>Nothing needed the node's results (its consumers came from the cache, or nothing reads it); it did not run.</summary>
    Skipped,
}

/// <summary>
/// Receives a run's node events. Calls come from worker threads, several at once when nodes run in
/// parallel, so implementations must be thread-safe and quick. A run that completes gives every node
/// exactly one <see cref="NodeFinished"/> (with its <see cref="NodeOutcome"/>), preceded by
/// <see cref="NodeStarted"/> for the nodes that compute or load from the disk cache. When a run stops, the
/// failing node gets <see cref="NodeFailed"/>; nodes cancelled while running, and nodes that never
/// started, get no final event. An exception thrown by the observer fails the run.
/// </summary>
public interface IRunObserver
{
    /// <summary>The node started (computing, or loading from the disk cache).</summary>
    void NodeStarted(ExecutionNode node);

    /// <summary>The node reported the fraction done (0 to 1).</summary>
    void NodeProgress(ExecutionNode node, double fraction);

    /// <summary>The node's results are available (or not needed); <paramref name="duration"/> is zero unless it started.</summary>
    void NodeFinished(ExecutionNode node, TimeSpan duration, NodeOutcome outcome);

    /// <summary>The node failed; the run stops and throws a <see cref="FlowExecutionException"/>.</summary>
    void NodeFailed(ExecutionNode node, Exception error);

    /// <summary>Storing a result in the disk cache failed; the run goes on (the result is simply not cached on disk).</summary>
    void CacheWriteFailed(ExecutionNode node, Exception error)
    {
    }
}

/// <summary>An <see cref="IRunObserver"/> that raises .NET events (from worker threads).</summary>
public sealed class RunObserver : IRunObserver
{
    /// <summary>A node started.</summary>
    public event Action<ExecutionNode>? Started;

    /// <summary>A node reported progress.</summary>
    public event Action<ExecutionNode, double>? Progress;

    /// <summary>A node finished.</summary>
    public event Action<ExecutionNode, TimeSpan, NodeOutcome>? Finished;

    /// <summary>A node failed.</summary>
    public event Action<ExecutionNode, Exception>? Failed;

    /// <summary>A disk cache write failed.</summary>
    public event Action<ExecutionNode, Exception>? CacheWriteError;

    void IRunObserver.NodeStarted(ExecutionNode node) => Started?.Invoke(node);

    void IRunObserver.NodeProgress(ExecutionNode node, double fraction) => Progress?.Invoke(node, fraction);

    void IRunObserver.NodeFinished(ExecutionNode node, TimeSpan duration, NodeOutcome outcome) => Finished?.Invoke(node, duration, outcome);

    void IRunObserver.NodeFailed(ExecutionNode node, Exception error) => Failed?.Invoke(node, error);

    void IRunObserver.CacheWriteFailed(ExecutionNode node, Exception error) => CacheWriteError?.Invoke(node, error);
}
