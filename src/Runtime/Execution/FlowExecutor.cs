using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// Runs flows through a <see cref="FunctionRegistry"/>: the one execution path for generated pipelines
/// and <c>symgen run</c>.
/// </summary>
/// <remarks>
/// <para><b>Scheduling.</b> Nodes run as soon as their inputs are ready (a ready queue, not levels),
/// up to <see cref="RunOptions.MaxDegreeOfParallelism"/> at once, each on the thread pool.</para>
/// <para><b>Called flows</b> are inlined: their nodes join the caller's graph (named <c>call/node</c>),
/// so they run in parallel with the caller's nodes, are cached one by one, and report their own events
/// and lines.</para>
/// <para><b>Ownership.</b> Every value a function returns is owned by the run, shared through
/// <see cref="SharedValue"/> references: one held by the run until the node's last consumer finished,
/// one per flow output held by the <see cref="FlowResult"/>, one held by the memory cache while it
/// keeps the entry. Whoever releases the last reference disposes the value. On failure or
/// cancellation the run waits for the nodes still running, then releases everything it holds.
/// Flow inputs remain the caller's and are never disposed.</para>
/// <para><b>Preflight.</b> Before any node runs, every node's required services must be in
/// <see cref="RunOptions.Services"/> and every function without a C# body must have its backend
/// (<see cref="FunctionRegistry.AddBackend"/>); otherwise the run computes nothing and throws one error that names
/// each node at fault.</para>
/// <para><b>Caching.</b> A node's key hashes its function's name and version, its canonical
/// parameters and its inputs' keys. Before running, the executor walks the graph from the outputs back:
/// a node whose result is cached is loaded instead of run, and the nodes only it needed are skipped; so a
/// re-run after an edit computes only the nodes downstream of the edit, and a run after a cancelled one
/// resumes where it stopped. Results go to the memory cache and, with
/// <see cref="RunOptions.CacheDirectory"/>, to disk.</para>
/// </remarks>
public sealed class FlowExecutor : IDisposable
{
    private readonly bool _ownsCache;
    private readonly ConditionalWeakTable<FlowSet, ConcurrentDictionary<string, ExecutionPlan>> _plans = new();
    private readonly ConditionalWeakTable<Flow, FlowSet> _singleFlows = new();

    /// <summary>
    /// An executor over <paramref name="registry"/>. <paramref name="memoryCache"/> is the default cache
    /// of its runs (a new <see cref="MemoryValueCache"/>, disposed with the executor, when null).
    /// </summary>
    public FlowExecutor(FunctionRegistry registry, MemoryValueCache? memoryCache = null)
    {
        Registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _ownsCache = memoryCache is null;
        MemoryCache = memoryCache ?? new MemoryValueCache();
    }

    /// <summary>The functions this executor runs.</summary>
    public FunctionRegistry Registry { get; }

    /// <summary>The cache runs use unless <see cref="RunOptions.Cache"/> says otherwise.</summary>
    public MemoryValueCache MemoryCache { get; }

    /// <summary>Runs <paramref name="flow"/>, which calls no other flow.</summary>
    /// <exception cref="ArgumentException">An input is missing or unknown, or a parameter override is unknown.</exception>
    /// <exception cref="FlowExecutionException">A node failed, or the flow cannot run with this registry.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public Task<FlowResult> RunAsync(Flow flow, FlowArguments? arguments = null, RunOptions? options = null)
    {
        if (flow is null) throw new ArgumentNullException(nameof(flow));
        var set = _singleFlows.GetValue(flow, f => new FlowSet(new[] { f }));
        return RunAsync(set, flow.Name, arguments, options);
    }

    /// <summary>Runs the flow <paramref name="flowName"/> of <paramref name="flows"/> (which may call the others).</summary>
    /// <exception cref="ArgumentException">The flow does not exist, an input is missing or unknown, or a parameter override is unknown.</exception>
    /// <exception cref="FlowExecutionException">A node failed, or the flow cannot run with this registry.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async Task<FlowResult> RunAsync(FlowSet flows, string flowName, FlowArguments? arguments = null, RunOptions? options = null)
    {
        if (flows is null) throw new ArgumentNullException(nameof(flows));
        var flow = flows.Find(flowName) ?? throw new ArgumentException($"there is no flow '{flowName}'", nameof(flowName));
        arguments = arguments?.Snapshot() ?? FlowArguments.None;
        options ??= RunOptions.Default;
        if (options.MaxDegreeOfParallelism < 1) throw new ArgumentOutOfRangeException(nameof(options), options.MaxDegreeOfParallelism, "MaxDegreeOfParallelism is at least 1");
        Validate(flow, arguments);
        options.CancellationToken.ThrowIfCancellationRequested();

        var plan = _plans.GetValue(flows, _ => new ConcurrentDictionary<string, ExecutionPlan>(StringComparer.Ordinal))
            .GetOrAdd(flowName, _ => ExecutionPlan.Build(flows, flow, Registry));
        Preflight.Check(plan, Registry, options);
        var cache = options.Cache ?? MemoryCache;
        var disk = options.CacheDirectory is { } directory ? new DiskValueCache(directory, Registry.Serializers) : null;

        for (var attempt = 1; ; attempt++)
        {
            var run = new FlowRun(plan, arguments, options, cache, disk);
            try
            {
                return await run.ExecuteAsync().ConfigureAwait(false);
            }
            catch (FlowRun.CacheEntryLostException) when (attempt <= plan.Nodes.Length)
            {
                // A disk entry vanished or was unreadable (and was deleted): plan again, computing it this
                // time. Each attempt removes at least one entry, so this ends.
            }
            catch (FlowRun.CacheEntryLostException lost)
            {
                throw new FlowExecutionException(flow.Name, lost.Node, "could not be read from the disk cache: " + lost.InnerException?.Message, lost.InnerException);
            }
        }
    }

    /// <summary>Releases the executor's own memory cache (not one given to the constructor).</summary>
    public void Dispose()
    {
        if (_ownsCache) MemoryCache.Dispose();
    }

    private static void Validate(Flow flow, FlowArguments arguments)
    {
        var missing = new List<string>();
        foreach (var input in flow.Inputs)
            if (!arguments.Inputs.ContainsKey(input.Name)) missing.Add(input.Name);
        if (missing.Count > 0)
            throw new ArgumentException($"flow '{flow.Name}' needs input{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}", nameof(arguments));
        foreach (var name in arguments.Inputs.Keys)
        {
            var known = false;
            foreach (var input in flow.Inputs) known |= input.Name == name;
            if (!known) throw new ArgumentException($"flow '{flow.Name}' has no input '{name}'", nameof(arguments));
        }
        foreach (var name in arguments.Parameters.Keys)
        {
            var known = false;
            foreach (var parameter in flow.Parameters) known |= parameter.Name == name;
            if (!known) throw new ArgumentException($"flow '{flow.Name}' has no parameter '{name}'", nameof(arguments));
        }
        foreach (var parameter in flow.Parameters)
            if (parameter.Default is null && !arguments.Parameters.ContainsKey(parameter.Name))
                throw new ArgumentException($"flow '{flow.Name}' needs a value for parameter '{parameter.Name}', which has no default", nameof(arguments));
    }
}
