using System;
using System.Collections.Generic;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// Where the executor keeps node results between runs, by <see cref="CacheKey"/>. An entry holds the
/// outputs of one node in the function's declared order. Implementations must be thread-safe.
/// </summary>
public interface IValueCache
{
    /// <summary>
    /// On a hit, returns the entry's values with one new reference each (see <see cref="SharedValue.Share"/>),
    /// which the caller now owns and must release.
    /// </summary>
    bool TryGet(CacheKey key, out SharedValue[] values);

    /// <summary>
    /// Offers a node's outputs. The cache takes its own references (<see cref="SharedValue.Share"/>) for
    /// what it keeps; the caller's references stay the caller's. Every value offered can outlive the run
    /// (<see cref="SharedValue.CanOutliveRun"/>).
    /// </summary>
    void Store(CacheKey key, IReadOnlyList<SharedValue> values);
}

/// <summary>Built-in caches.</summary>
public static class ValueCache
{
    /// <summary>A cache that keeps nothing: every run computes every node.</summary>
    public static IValueCache None { get; } = new NoCache();

    private sealed class NoCache : IValueCache
    {
        public bool TryGet(CacheKey key, out SharedValue[] values)
        {
            values = Array.Empty<SharedValue>();
            return false;
        }

        public void Store(CacheKey key, IReadOnlyList<SharedValue> values)
        {
        }
    }
}

/// <summary>
/// A value that knows roughly how much memory it holds, so that <see cref="MemoryValueCache"/> can keep
/// within its byte budget. Values that do not implement it count as zero bytes (but still as an entry).
/// </summary>
public interface ISizedValue
{
    /// <summary>The bytes the value holds (its tensors' storage, say).</summary>
    long SizeInBytes { get; }
}

/// <summary>
/// An in-memory cache with least-recently-used eviction, bounded by a number of entries and a number of
/// bytes (<see cref="ISizedValue"/>). It holds a reference to each value it keeps, so a value it holds
/// stays alive after the run that made it; <see cref="Clear"/>, eviction and <see cref="Dispose"/>
/// release them (the last holder disposes the value).
/// </summary>
public sealed class MemoryValueCache : IValueCache, IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<CacheKey, LinkedListNode<Entry>> _entries = new();
    private readonly LinkedList<Entry> _recency = new(); // most recently used first
    private long _bytes;
    private bool _disposed;

    /// <summary>A cache of at most <paramref name="maxEntries"/> entries and <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="maxEntries">Most node results kept (default 1024).</param>
    /// <param name="maxBytes">Most bytes kept, counted with <see cref="ISizedValue"/>; default a quarter of the memory available to the process.</param>
    public MemoryValueCache(int maxEntries = 1024, long? maxBytes = null)
    {
        if (maxEntries < 0) throw new ArgumentOutOfRangeException(nameof(maxEntries), maxEntries, "at least 0");
        if (maxBytes < 0) throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "at least 0");
        MaxEntries = maxEntries;
        MaxBytes = maxBytes ?? Math.Max(256L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);
    }

    /// <summary>Most entries kept.</summary>
    public int MaxEntries { get; }

    /// <summary>Most bytes kept.</summary>
    public long MaxBytes { get; }

    /// <summary>Entries held now.</summary>
    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>Bytes held now (as reported by <see cref="ISizedValue"/>).</summary>
    public long Bytes
    {
        get { lock (_gate) return _bytes; }
    }

    /// <inheritdoc/>
    public bool TryGet(CacheKey key, out SharedValue[] values)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                var held = node.Value.Values;
                values = new SharedValue[held.Length];
                // The cache's own reference keeps each value alive while the lock is held, so Share cannot fail.
                for (var i = 0; i < held.Length; i++) values[i] = held[i].Share();
                return true;
            }
        }
        values = Array.Empty<SharedValue>();
        return false;
    }

    /// <inheritdoc/>
    public void Store(CacheKey key, IReadOnlyList<SharedValue> values)
    {
        long size = 0;
        for (var i = 0; i < values.Count; i++)
            if (values[i].Value is ISizedValue sized) size += Math.Max(0, sized.SizeInBytes);
        if (size > MaxBytes || MaxEntries == 0) return;

        List<Entry>? evicted = null;
        lock (_gate)
        {
            if (_disposed || _entries.ContainsKey(key)) return;
            var kept = new SharedValue[values.Count];
            for (var i = 0; i < kept.Length; i++) kept[i] = values[i].Share();
            _entries.Add(key, _recency.AddFirst(new Entry(key, kept, size)));
            _bytes += size;
            while (_entries.Count > MaxEntries || _bytes > MaxBytes)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                _bytes -= last.Value.Size;
                (evicted ??= new List<Entry>()).Add(last.Value);
            }
        }
        if (evicted is not null) ReleaseAll(evicted);
    }

    /// <summary>Removes every entry, releasing the cache's references.</summary>
    public void Clear()
    {
        List<Entry> removed;
        lock (_gate)
        {
            removed = new List<Entry>(_recency);
            _recency.Clear();
            _entries.Clear();
            _bytes = 0;
        }
        ReleaseAll(removed);
    }

    /// <summary>Clears the cache; later stores are ignored.</summary>
    public void Dispose()
    {
        lock (_gate) _disposed = true;
        Clear();
    }

    private static void ReleaseAll(List<Entry> entries)
    {
        foreach (var entry in entries)
            foreach (var value in entry.Values)
                value.Release();
    }

    private sealed record Entry(CacheKey Key, SharedValue[] Values, long Size);
}
