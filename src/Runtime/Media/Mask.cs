using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime;

/// <summary>
/// A mask: a float32 tensor [1, H, W], 0 (outside) to 1 (inside). Owns its tensor until disposed (see
/// <see cref="TensorMedia"/>).
/// </summary>
public sealed class Mask : TensorMedia
{
    private Mask(Tensor tensor) : base(tensor)
    {
        Height = (int)tensor.shape[1];
        Width = (int)tensor.shape[2];
    }

    /// <summary>Height in pixels, at least 1.</summary>
    public int Height { get; }

    /// <summary>Width in pixels, at least 1.</summary>
    public int Width { get; }

    /// <summary>Width and height.</summary>
    public Size Size => new(Width, Height);

    /// <summary>Wraps <paramref name="tensor"/> (float32 [1, H, W], H and W at least 1) and takes ownership of it.</summary>
    /// <exception cref="ArgumentException">The tensor has another type or shape; ownership stays with the caller.</exception>
    public static Mask FromTensor(Tensor tensor)
    {
        RequireFloat32(tensor, 3, "A mask is a float32 tensor [1, H, W]", nameof(tensor));
        var shape = tensor.shape;
        if (shape[0] != 1 || shape[1] < 1 || shape[2] < 1 || shape[1] > int.MaxValue || shape[2] > int.MaxValue)
            throw new ArgumentException($"A mask is a float32 tensor [1, H, W] with H, W at least 1; got {Describe(tensor)}", nameof(tensor));
        return new Mask(tensor);
    }

    /// <summary>A mask with one value everywhere (0 to 1).</summary>
    public static Mask Filled(Size size, float value)
    {
        if (size.Width < 1) throw new ArgumentException("The size is empty", nameof(size));
        if (!(value >= 0 && value <= 1)) throw new ArgumentOutOfRangeException(nameof(value), value, "A mask value is 0 to 1");
        return new Mask(torch.full(new long[] { 1, size.Height, size.Width }, value, ScalarType.Float32));
    }

    /// <summary>A deep copy that the caller owns.</summary>
    public Mask Clone()
    {
        using var scope = NewDisposeScope();
        return new Mask(Tensor.clone());
    }

    /// <summary>Such as <c>Mask 640x480</c>.</summary>
    public override string ToString() => IsDisposed ? "Mask (disposed)" : $"Mask {Width}x{Height}";
}
