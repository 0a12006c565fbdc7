using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Cli.Run;

/// <summary>
/// Shows a run's progress on the error stream: a line when each node starts and finishes (with its time,
/// or that it came from the cache) and, on a terminal, a live percentage for long nodes.
/// </summary>
internal sealed class ProgressDisplay(TextWriter error, int nodeCount, bool live) : IRunObserver
{
    private readonly object _gate = new();
    private int _done;

    public void NodeStarted(ExecutionNode node) => Write($"  started  {node}");

    public void NodeProgress(ExecutionNode node, double fraction)
    {
        if (live) Write($"  {fraction,7:P0}  {node}", overwrite: true);
    }

    public void NodeFinished(ExecutionNode node, TimeSpan duration, NodeOutcome outcome)
    {
        var done = Interlocked.Increment(ref _done);
        var how = outcome switch
        {
            NodeOutcome.Cached => "from cache",
            NodeOutcome.Skipped => "not needed",
            _ => $"{duration.TotalSeconds:0.00} s",
        };
        Write($"[{done}/{nodeCount}] finished {node} in {how}");
    }

    public void NodeFailed(ExecutionNode node, Exception error) => Write($"  failed   {node}: {error.Message}");

    public void CacheWriteFailed(ExecutionNode node, Exception error) => Write($"  warning: could not cache {node}: {error.Message}");

    private void Write(string line, bool overwrite = false)
    {
        lock (_gate)
        {
            if (overwrite) error.Write("\r" + line);
            else error.WriteLine((live ? "\r\x1b[K" : "") + line);
        }
    }
}
