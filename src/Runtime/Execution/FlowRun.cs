using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// One run of an <see cref="ExecutionPlan"/>. All bookkeeping (slots, reference counts, the ready
/// queue) happens on the scheduling loop; node tasks only read their inputs and report a completion
/// through a channel, so no state is shared between threads except the <see cref="SharedValue"/>
/// reference counts, which are atomic.
/// </summary>
internal sealed class FlowRun
{
    private enum Mode : byte
    {
        Skip,
        MemoryHit,
        DiskLoad,
        Compute,
    }

    private static readonly IProgress<double> NoProgress = new Progress();

    private readonly ExecutionPlan _plan;
    private readonly FlowArguments _arguments;
    private readonly IValueCache _cache;
    private readonly DiskValueCache? _disk;
    private readonly IRunObserver? _observer;
    private readonly int _maxParallelism;
    private readonly CancellationToken _callerToken;
    private readonly IServiceProvider? _services;
    private readonly CancellationTokenSource _stop;
    private readonly Channel<Completion> _completions = Channel.CreateUnbounded<Completion>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Mode[] _mode;
    private readonly CacheKey[] _keys;
    private readonly bool[] _volatile;
    private readonly object[][] _parameters;
    private readonly int[] _pending;
    private readonly CacheKey[] _slotKeys;
    private readonly SharedValue?[] _slots;
    private readonly int[] _slotUses;
    private readonly SharedValue[] _inputs;
    private readonly CacheKey[] _inputKeys;
    private readonly bool[] _inputVolatile;
    private readonly SharedValue?[] _outputs;
    private int _computed, _cached, _skipped;

    public FlowRun(ExecutionPlan plan, FlowArguments arguments, RunOptions options, IValueCache cache, DiskValueCache? disk)
    {
        _plan = plan;
        _arguments = arguments;
        _cache = cache;
        _disk = disk;
        _observer = options.Observer;
        _maxParallelism = options.MaxDegreeOfParallelism;
        _callerToken = options.CancellationToken;
        _services = options.Services;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);

        var count = plan.Nodes.Length;
        _mode = new Mode[count];
        _keys = new CacheKey[count];
        _volatile = new bool[count];
        _parameters = new object[count][];
        _pending = new int[count];
        _slotKeys = new CacheKey[plan.SlotCount];
        _slots = new SharedValue?[plan.SlotCount];
        _slotUses = new int[plan.SlotCount];
        _inputs = new SharedValue[plan.InputNames.Length];
        _inputKeys = new CacheKey[_inputs.Length];
        _inputVolatile = new bool[_inputs.Length];
        _outputs = new SharedValue?[plan.OutputNames.Length];
    }

    private string FlowName => _plan.Flow.Name;

    public async Task<FlowResult> ExecuteAsync()
    {
        var succeeded = false;
        try
        {
            Prepare();
            var failure = await ScheduleAsync().ConfigureAwait(false);
            if (failure is not null) throw failure;
            var outputs = new SharedValue[_outputs.Length];
            for (var i = 0; i < outputs.Length; i++) outputs[i] = _outputs[i]!;
            succeeded = true;
            return new FlowResult(FlowName, _plan.OutputNames, outputs, new RunStatistics(_computed, _cached, _skipped));
        }
        finally
        {
            ReleaseSlots();
            if (!succeeded)
                for (var i = 0; i < _outputs.Length; i++)
                {
                    _outputs[i]?.Release();
                    _outputs[i] = null;
                }
            _stop.Dispose();
        }
    }

    // Keys for everything, canonical parameters, then what must be computed, loaded or skipped.
    private void Prepare()
    {
        for (var i = 0; i < _inputs.Length; i++)
        {
            var argument = _arguments.Inputs[_plan.InputNames[i]];
            _inputs[i] = SharedValue.Borrow(argument.Value);
            var hash = argument.ContentHash ?? (argument.Value as IContentHash)?.GetContentHash() ?? (argument.Value is string text ? "text:" + text : null);
            _inputVolatile[i] = hash is null;
            _inputKeys[i] = hash is null ? CacheKey.Unique() : CacheKey.FromContentHash(hash);
        }

        var nodes = _plan.Nodes;
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            try
            {
                _parameters[i] = CanonicalParameters.Resolve(node, _arguments.Parameters);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
            {
                throw new FlowExecutionException(FlowName, node.Node, e.Message, e);
            }
            ComputeKey(i);
        }

        for (var o = 0; o < _plan.Outputs.Length; o++)
        {
            var source = _plan.Outputs[o];
            if (source.Kind == SourceKind.Slot) _mode[source.Node] = Mode.Compute; // needed; decided below
            else _outputs[o] = source.Kind == SourceKind.FlowInput ? _inputs[source.Port].Share() : SharedValue.Borrow(source.Constant);
        }

        // From the outputs back: a needed node is loaded when cached, else computed, which needs its inputs.
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            if (_mode[i] == Mode.Skip) continue;
            if (!_volatile[i] && _cache.TryGet(_keys[i], out var hit))
            {
                if (hit.Length == nodes[i].Function.OutputNames.Length)
                {
                    _mode[i] = Mode.MemoryHit;
                    for (var k = 0; k < hit.Length; k++) _slots[nodes[i].SlotBase + k] = hit[k];
                    continue;
                }
                foreach (var value in hit) value.Release();
            }
            if (!_volatile[i] && _disk is not null && _disk.Contains(_keys[i]))
            {
                _mode[i] = Mode.DiskLoad;
                continue;
            }
            foreach (var input in nodes[i].Inputs)
                if (input.Kind == SourceKind.Slot) _mode[input.Node] = Mode.Compute;
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            if (_mode[i] != Mode.Compute) continue;
            foreach (var input in nodes[i].Inputs)
            {
                if (input.Kind != SourceKind.Slot) continue;
                _slotUses[nodes[input.Node].SlotBase + input.Port]++;
                if (_mode[input.Node] != Mode.MemoryHit) _pending[i]++;
            }
        }
    }

    private void ComputeKey(int i)
    {
        var node = _plan.Nodes[i];
        var function = node.Function;
        var builder = new CacheKeyBuilder();
        builder.Add(function.Name);
        builder.Add((long)function.Version);
        var parameters = _parameters[i];
        for (var p = 0; p < parameters.Length; p++)
        {
            builder.Add(function.ParameterNames[p]);
            builder.AddCanonical(parameters[p]);
        }
        var isVolatile = false;
        for (var p = 0; p < node.Inputs.Length; p++)
        {
            builder.Add(function.InputNames[p]);
            var input = node.Inputs[p];
            switch (input.Kind)
            {
                case SourceKind.Slot:
                    builder.Add(_slotKeys[_plan.Nodes[input.Node].SlotBase + input.Port]);
                    isVolatile |= _volatile[input.Node];
                    break;
                case SourceKind.FlowInput:
                    builder.Add(_inputKeys[input.Port]);
                    isVolatile |= _inputVolatile[input.Port];
                    break;
                case SourceKind.Constant:
                    builder.Add("constant");
                    builder.AddCanonical(input.Constant);
                    break;
                default:
                    builder.Add("unconnected");
                    break;
            }
        }
        _keys[i] = builder.Finish();
        _volatile[i] = isVolatile;
        for (var k = 0; k < function.OutputNames.Length; k++)
        {
            var slot = new CacheKeyBuilder();
            slot.Add(_keys[i]);
            slot.Add(function.OutputNames[k]);
            _slotKeys[node.SlotBase + k] = slot.Finish();
        }
    }

    // Returns the exception to throw, or null when every needed node finished.
    private async Task<Exception?> ScheduleAsync()
    {
        var nodes = _plan.Nodes;
        var ready = new Queue<int>();
        Exception? failure = null;
        var active = 0;
        var finished = 0;
        var running = 0;

        try
        {
            for (var i = 0; i < nodes.Length; i++)
            {
                switch (_mode[i])
                {
                    case Mode.Skip:
                        _skipped++;
                        _observer?.NodeFinished(nodes[i].Node, TimeSpan.Zero, NodeOutcome.Skipped);
                        break;
                    case Mode.MemoryHit:
                        _cached++;
                        Produced(i, null);
                        _observer?.NodeFinished(nodes[i].Node, TimeSpan.Zero, NodeOutcome.Cached);
                        break;
                    case Mode.DiskLoad:
                        active++;
                        ready.Enqueue(i);
                        break;
                    default:
                        active++;
                        if (_pending[i] == 0) ready.Enqueue(i);
                        break;
                }
            }
        }
        catch (Exception e)
        {
            failure = new FlowExecutionException(FlowName, null, "a progress observer failed: " + e.Message, e);
        }

        while (true)
        {
            while (running < _maxParallelism && ready.Count > 0 && failure is null && !_stop.IsCancellationRequested)
            {
                Start(ready.Dequeue());
                running++;
            }
            if (running == 0) break;

            var completion = await _completions.Reader.ReadAsync().ConfigureAwait(false);
            running--;
            if (completion.Error is not null)
            {
                // The first failure is the one reported; the others are usually its consequences.
                failure ??= completion.Error;
                _stop.Cancel();
                continue;
            }
            if (completion.Values is null) continue; // cancelled
            try
            {
                finished++;
                if (completion.Outcome == NodeOutcome.Computed) _computed++;
                else _cached++;
                Produced(completion.Node, completion.Values);
                if (failure is null)
                    foreach (var consumer in nodes[completion.Node].Consumers)
                        if (_mode[consumer] == Mode.Compute && --_pending[consumer] == 0) ready.Enqueue(consumer);
            }
            catch (Exception e)
            {
                failure ??= new FlowExecutionException(FlowName, nodes[completion.Node].Node, "could not be completed: " + e.Message, e);
                _stop.Cancel();
            }
        }

        if (failure is not null) return failure;
        if (finished == active) return null;
        return new OperationCanceledException("the run was cancelled", _callerToken.IsCancellationRequested ? _callerToken : _stop.Token);
    }

    // A node's outputs are available: the run holds them, the result shares its outputs, and inputs
    // whose last consumer this was are released, as are outputs nothing will read.
    private void Produced(int i, SharedValue[]? values)
    {
        var node = _plan.Nodes[i];
        var count = node.Function.OutputNames.Length;
        if (values is not null)
            for (var k = 0; k < count; k++) _slots[node.SlotBase + k] = values[k];

        for (var o = 0; o < _plan.Outputs.Length; o++)
        {
            var source = _plan.Outputs[o];
            if (source.Kind == SourceKind.Slot && source.Node == i) _outputs[o] = _slots[node.SlotBase + source.Port]!.Share();
        }

        if (_mode[i] == Mode.Compute)
        {
            foreach (var input in node.Inputs)
            {
                if (input.Kind != SourceKind.Slot) continue;
                var slot = _plan.Nodes[input.Node].SlotBase + input.Port;
                if (--_slotUses[slot] == 0) ReleaseSlot(slot);
            }
        }
        for (var k = 0; k < count; k++)
            if (_slotUses[node.SlotBase + k] == 0) ReleaseSlot(node.SlotBase + k);
    }

    private void ReleaseSlot(int slot)
    {
        var value = _slots[slot];
        _slots[slot] = null;
        value?.Release();
    }

    private void ReleaseSlots()
    {
        for (var s = 0; s < _slots.Length; s++) ReleaseSlot(s);
    }

    private void Start(int i)
    {
        var node = _plan.Nodes[i];
        SharedValue?[]? inputs = null;
        if (_mode[i] == Mode.Compute)
        {
            inputs = new SharedValue?[node.Inputs.Length];
            for (var p = 0; p < inputs.Length; p++)
            {
                var input = node.Inputs[p];
                inputs[p] = input.Kind switch
                {
                    SourceKind.Slot => _slots[_plan.Nodes[input.Node].SlotBase + input.Port],
                    SourceKind.FlowInput => _inputs[input.Port],
                    SourceKind.Constant => SharedValue.Borrow(input.Constant),
                    _ => null,
                };
            }
        }
        _ = Task.Run(() => RunNodeAsync(i, inputs));
    }

    private async Task RunNodeAsync(int i, SharedValue?[]? inputs)
    {
        var node = _plan.Nodes[i];
        var token = _stop.Token;
        var started = Stopwatch.GetTimestamp();
        SharedValue[]? produced = null;
        Completion completion;
        try
        {
            token.ThrowIfCancellationRequested();
            _observer?.NodeStarted(node.Node);
            NodeOutcome outcome;
            if (inputs is null)
            {
                produced = await LoadAsync(node, i, token).ConfigureAwait(false);
                outcome = NodeOutcome.Cached;
            }
            else
            {
                var progress = _observer is null ? NoProgress : new NodeProgress(_observer, node.Node);
                var call = new NodeCall(node.Node, node.Function, inputs, _parameters[i], token, progress, _services);
                var returned = await node.Function.Invoker(call).ConfigureAwait(false);
                produced = Adopt(node.Function, returned, inputs);
                outcome = NodeOutcome.Computed;
                await StoreAsync(node, i, produced).ConfigureAwait(false);
            }
            _observer?.NodeFinished(node.Node, Stopwatch.GetElapsedTime(started), outcome);
            completion = new Completion(i, produced, outcome, null);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            Release(produced);
            completion = new Completion(i, null, default, null);
        }
        catch (CacheEntryLostException lost)
        {
            Release(produced);
            completion = new Completion(i, null, default, lost);
        }
        catch (Exception e)
        {
            Release(produced);
            try
            {
                _observer?.NodeFailed(node.Node, e);
            }
            catch (Exception)
            {
                // The node's own error is the one worth reporting.
            }
            completion = new Completion(i, null, default, new FlowExecutionException(FlowName, node.Node, "failed: " + e.Message, e));
        }
        _completions.Writer.TryWrite(completion);
    }

    private async Task<SharedValue[]> LoadAsync(PlanNode node, int i, CancellationToken token)
    {
        SharedValue[]? loaded;
        try
        {
            loaded = await _disk!.LoadAsync(_keys[i], token).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new CacheEntryLostException(node.Node, e);
        }
        if (loaded is null || loaded.Length != node.Function.OutputNames.Length)
        {
            Release(loaded);
            throw new CacheEntryLostException(node.Node, new InvalidDataException($"the cached entry {_keys[i]} disappeared or has the wrong number of outputs"));
        }
        _cache.Store(_keys[i], loaded);
        return loaded;
    }

    // Into the memory cache, then to disk before the node counts as finished (so its consumers never
    // race the write, and a crash after it leaves a complete entry). A failed write leaves the result
    // uncached on disk and is reported to the observer.
    private async Task StoreAsync(PlanNode node, int i, SharedValue[] produced)
    {
        if (_volatile[i]) return;
        foreach (var value in produced)
            if (!value.CanOutliveRun) return; // never keep a caller's value beyond the run
        _cache.Store(_keys[i], produced);
        if (_disk is null) return;
        try
        {
            // Not cancelled with the run: a result that was computed is worth keeping, so that the next
            // run resumes after it.
            await _disk.StoreAsync(_keys[i], produced, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _observer?.CacheWriteFailed(node.Node, e);
        }
    }

    // Wraps what a function returned in references the run owns. An output that is one of the
    // inputs (or an earlier output) shares that value instead of owning it a second time.
    private static SharedValue[] Adopt(RegisteredFunction function, NodeOutputs returned, SharedValue?[] inputs)
    {
        var names = function.OutputNames;
        var values = new object?[names.Length];
        var problem = returned.MapTo(names, values, new bool[names.Length]);
        if (problem is not null)
        {
            DisposeFresh(returned, inputs);
            throw new InvalidOperationException(problem);
        }
        var produced = new SharedValue[names.Length];
        for (var k = 0; k < produced.Length; k++)
        {
            var value = values[k];
            produced[k] = value is null ? SharedValue.Borrow(null) : Existing(value, inputs, produced, k)?.Share() ?? SharedValue.Own(value);
        }
        return produced;
    }

    private static SharedValue? Existing(object value, SharedValue?[] inputs, SharedValue[] produced, int count)
    {
        foreach (var input in inputs)
            if (input is not null && ReferenceEquals(input.Value, value)) return input;
        for (var k = 0; k < count; k++)
            if (ReferenceEquals(produced[k].Value, value)) return produced[k];
        return null;
    }

    // Disposes what a function returned that the run cannot use, except its inputs.
    private static void DisposeFresh(NodeOutputs returned, SharedValue?[] inputs)
    {
        var seen = new List<object>();
        for (var k = 0; k < returned.Count; k++)
        {
            var value = returned.ValueAt(k);
            if (value is not IDisposable disposable) continue;
            var known = false;
            foreach (var input in inputs) known |= input is not null && ReferenceEquals(input.Value, value);
            foreach (var other in seen) known |= ReferenceEquals(other, value);
            if (known) continue;
            seen.Add(value);
            disposable.Dispose();
        }
    }

    private static void Release(SharedValue[]? values)
    {
        if (values is null) return;
        foreach (var value in values) value.Release();
    }

    /// <summary>A node finished (<see cref="Values"/> set), was cancelled (nothing set) or failed (<see cref="Error"/> set).</summary>
    private readonly record struct Completion(int Node, SharedValue[]? Values, NodeOutcome Outcome, Exception? Error);

    /// <summary>A disk cache entry the plan counted on could not be read; the executor plans the run again.</summary>
    internal sealed class CacheEntryLostException : Exception
    {
        public CacheEntryLostException(ExecutionNode node, Exception inner)
            : base("a disk cache entry could not be read", inner) => Node = node;

        public ExecutionNode Node { get; }
    }

    private sealed class NodeProgress : IProgress<double>
    {
        private readonly IRunObserver _observer;
        private readonly ExecutionNode _node;

        public NodeProgress(IRunObserver observer, ExecutionNode node)
        {
            _observer = observer;
            _node = node;
        }

        public void Report(double value) => _observer.NodeProgress(_node, value < 0 ? 0 : value > 1 ? 1 : value);
    }

    private sealed class Progress : IProgress<double>
    {
        public void Report(double value)
        {
        }
    }
}
