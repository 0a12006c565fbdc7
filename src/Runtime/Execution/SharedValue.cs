using System;
using System.Threading;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// A value that several holders share: the run that produced it, the consumers still to read it, a
/// flow result and a cache. Each holder owns one reference, taken with <see cref="Share"/> and given
/// back with <see cref="Release"/>; when the last reference is released an owned value that is
/// <see cref="IDisposable"/> is disposed, exactly once. A borrowed value (a flow input the caller
/// owns, a string literal) is never disposed.
/// </summary>
/// <remarks>
/// Values that flow between functions are immutable by contract: a function reads its inputs and
/// returns new values (or one of its inputs unchanged), so sharing one instance is safe and no copy
/// is ever made.
/// </remarks>
public sealed class SharedValue
{
    private int _references;

    private SharedValue(object? value, bool owned)
    {
        Value = value;
        IsOwned = owned;
        _references = 1;
    }

    /// <summary>The value (null for an unconnected optional input).</summary>
    public object? Value { get; }

    /// <summary>True when the value is disposed after its last reference is released.</summary>
    public bool IsOwned { get; }

    /// <summary>The number of references held now (for diagnostics and tests).</summary>
    public int References => Volatile.Read(ref _references);

    /// <summary>Takes ownership of <paramref name="value"/>; the caller holds the one reference.</summary>
    public static SharedValue Own(object? value) => new(value, owned: true);

    /// <summary>Wraps a value someone else owns; releasing it never disposes it.</summary>
    public static SharedValue Borrow(object? value) => new(value, owned: false);

    /// <summary>True when the value may be kept beyond the run: owned, or not disposable at all.</summary>
    public bool CanOutliveRun => IsOwned || Value is not IDisposable;

    /// <summary>Takes one more reference; the caller must <see cref="Release"/> it.</summary>
    /// <exception cref="ObjectDisposedException">Every reference was already released.</exception>
    public SharedValue Share()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current <= 0) throw new ObjectDisposedException(nameof(SharedValue), "the value was already released by all of its holders");
            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current) return this;
        }
    }

    /// <summary>Gives back one reference; the last one disposes an owned, disposable value.</summary>
    /// <exception cref="InvalidOperationException">More references were released than taken.</exception>
    public void Release()
    {
        var left = Interlocked.Decrement(ref _references);
        if (left > 0) return;
        if (left < 0) throw new InvalidOperationException("a shared value was released more often than it was shared");
        if (IsOwned && Value is IDisposable disposable) disposable.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Value} ({References} references{(IsOwned ? "" : ", borrowed")})";
}
