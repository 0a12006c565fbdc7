using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime;

/// <summary>
/// Media held in a TorchSharp tensor that the media object owns: <see cref="Image"/>, <see cref="Mask"/>,
/// <see cref="Audio"/> and <see cref="Video"/>.
/// </summary>
/// <remarks>
/// <para>Ownership, in three rules:</para>
/// <list type="number">
/// <item><description>The <c>From…</c> factories take ownership of the tensors (and, for
/// <see cref="Video.FromTensor"/>, the audio) they are given and detach them from any TorchSharp dispose
/// scope, so a function may compute inside <c>torch.NewDisposeScope()</c> and return
/// <c>Image.FromTensor(result)</c>: the intermediates die with the scope, the result lives on. When a
/// factory throws it has taken nothing.</description></item>
/// <item><description>Every other member leaves its arguments with the caller and returns new media that
/// the caller owns and must dispose.</description></item>
/// <item><description><see cref="Dispose()"/> releases the tensor at once (it is idempotent); afterwards
/// <see cref="Tensor"/> throws <see cref="ObjectDisposedException"/>.</description></item>
/// </list>
/// <para>The tensor is read-only by contract: media may share storage (<see cref="Video.WithAudio"/>), so
/// compute a new tensor rather than modify one in place.</para>
/// </remarks>
public abstract class TensorMedia : IDisposable
{
    private Tensor? _tensor;

    private protected TensorMedia(Tensor tensor) => _tensor = tensor.DetachFromDisposeScope();

    /// <summary>
    /// The tensor, still owned by this object: use it, do not dispose or modify it, and do not keep it
    /// past this object's lifetime (clone it to keep it). float32 for <see cref="Image"/>, <see cref="Mask"/>
    /// and <see cref="Audio"/>; for <see cref="Video"/>, uint8 levels [T, C, H, W] (level v is the value v / 255).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The media has been disposed.</exception>
    public Tensor Tensor => _tensor ?? throw new ObjectDisposedException(GetType().Name, $"This {GetType().Name} has been disposed");

    /// <summary>True once <see cref="Dispose()"/> has run.</summary>
    public bool IsDisposed => Volatile.Read(ref _tensor) is null;

    /// <summary>Releases the tensor (and everything else the media owns). Safe to call more than once.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the media owns; derived types release their own parts, then call the base.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing) Interlocked.Exchange(ref _tensor, null)?.Dispose();
    }

    /// <summary>The tensor's shape as text, such as <c>float32 [3, 4, 5]</c>, for error messages.</summary>
    private protected static string Describe(Tensor tensor) =>
        tensor.dtype.ToString().ToLowerInvariant() + " [" + string.Join(", ", tensor.shape) + "]";

    /// <summary>Checks a factory's tensor: float32 with <paramref name="rank"/> dimensions.</summary>
    private protected static void RequireFloat32(Tensor tensor, int rank, string what, string paramName) =>
        Require(tensor, rank, what, paramName, ScalarType.Float32);

    /// <summary>Checks a factory's tensor: one of <paramref name="types"/>, with <paramref name="rank"/> dimensions.</summary>
    private protected static void Require(Tensor tensor, int rank, string what, string paramName, params ScalarType[] types)
    {
        ArgumentNullException.ThrowIfNull(tensor, paramName);
        if (tensor.IsInvalid) throw new ArgumentException("The tensor has been disposed", paramName);
        if (Array.IndexOf(types, tensor.dtype) < 0 || tensor.dim() != rank)
            throw new ArgumentException($"{what}; got {Describe(tensor)}", paramName);
    }

    /// <summary>
    /// Float 0..1 to 8-bit levels 0..255: clamp, scale, round to nearest (halves to even); NaN to 0. The
    /// one quantisation of the runtime (image pixels, video frames). The result lives in the caller's scope.
    /// </summary>
    internal static Tensor Quantize(Tensor values) =>
        values.nan_to_num(0, 1, 0).clamp(0f, 1f).mul(255f).round().to(ScalarType.Byte);

    /// <summary>8-bit levels 0..255 to float32 0..1 (level / 255), the inverse of <see cref="Quantize"/>. The result lives in the caller's scope.</summary>
    internal static Tensor Dequantize(Tensor levels) => levels.to(ScalarType.Float32).div_(255f);
}
