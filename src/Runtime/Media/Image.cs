using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime;

/// <summary>
/// An image: a float32 tensor [C, H, W] with C = 3 (RGB) or 4 (RGBA), values 0 to 1, sRGB, alpha not
/// premultiplied. Owns its tensor until disposed (see <see cref="TensorMedia"/>).
/// </summary>
public sealed class Image : TensorMedia
{
    private Image(Tensor tensor) : base(tensor)
    {
        Channels = (int)tensor.shape[0];
        Height = (int)tensor.shape[1];
        Width = (int)tensor.shape[2];
    }

    /// <summary>3 (RGB) or 4 (RGBA).</summary>
    public int Channels { get; }

    /// <summary>Height in pixels, at least 1.</summary>
    public int Height { get; }

    /// <summary>Width in pixels, at least 1.</summary>
    public int Width { get; }

    /// <summary>Width and height.</summary>
    public Size Size => new(Width, Height);

    /// <summary>True for RGBA.</summary>
    public bool HasAlpha => Channels == 4;

    /// <summary>
    /// Wraps <paramref name="tensor"/> (float32 [C, H, W], C = 3 or 4, H and W at least 1, values 0 to 1)
    /// and takes ownership of it. Values are not range-checked; writers clamp them.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has another type or shape; ownership stays with the caller.</exception>
    public static Image FromTensor(Tensor tensor)
    {
        RequireFloat32(tensor, 3, "An image is a float32 tensor [C, H, W] with C = 3 or 4", nameof(tensor));
        var shape = tensor.shape;
        if (shape[0] is not (3 or 4) || shape[1] < 1 || shape[2] < 1 || shape[1] > int.MaxValue || shape[2] > int.MaxValue)
            throw new ArgumentException($"An image is a float32 tensor [C, H, W] with C = 3 or 4 and H, W at least 1; got {Describe(tensor)}", nameof(tensor));
        return new Image(tensor);
    }

    /// <summary>
    /// An image from interleaved 8-bit pixels (rows top to bottom, <paramref name="channels"/> bytes per
    /// pixel: RGB or RGBA).
    /// </summary>
    /// <exception cref="ArgumentException">The sizes do not match the pixel data.</exception>
    public static Image FromPixels(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        if (width < 1 || height < 1) throw new ArgumentException($"An image is at least 1x1 pixel; got {width}x{height}");
        if (channels is not (3 or 4)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "An image has 3 (RGB) or 4 (RGBA) channels");
        if (pixels.Length != (long)width * height * channels)
            throw new ArgumentException($"{width}x{height} pixels of {channels} bytes need {(long)width * height * channels} bytes; got {pixels.Length}", nameof(pixels));
        using var scope = NewDisposeScope();
        var bytes = torch.tensor(pixels.ToArray(), new long[] { height, width, channels }, dtype: ScalarType.Byte);
        var chw = Dequantize(bytes.permute(2, 0, 1)).contiguous();
        return new Image(chw);
    }

    /// <summary>An image filled with one colour: RGB when <paramref name="color"/> is opaque, else RGBA.</summary>
    public static Image Solid(Size size, Color color)
    {
        if (size.Width < 1) throw new ArgumentException("The size is empty", nameof(size));
        var values = color.A == 255
            ? new[] { color.R / 255f, color.G / 255f, color.B / 255f }
            : new[] { color.R / 255f, color.G / 255f, color.B / 255f, color.A / 255f };
        using var scope = NewDisposeScope();
        var channel = torch.tensor(values, new long[] { values.Length, 1, 1 });
        return new Image(channel.expand(values.Length, size.Height, size.Width).contiguous());
    }

    /// <summary>
    /// The pixels as interleaved bytes (rows top to bottom, <see cref="Channels"/> bytes per pixel):
    /// each value clamped to 0..1, times 255, rounded; NaN becomes 0.
    /// </summary>
    public byte[] ToPixels()
    {
        using var scope = NewDisposeScope();
        var hwc = Quantize(Tensor).permute(1, 2, 0).contiguous();
        return hwc.data<byte>().ToArray();
    }

    /// <summary>A deep copy that the caller owns.</summary>
    public Image Clone()
    {
        using var scope = NewDisposeScope();
        return new Image(Tensor.clone());
    }

    /// <summary>Such as <c>Image 640x480 RGB</c>.</summary>
    public override string ToString() => IsDisposed ? "Image (disposed)" : $"Image {Width}x{Height} {(HasAlpha ? "RGBA" : "RGB")}";
}
