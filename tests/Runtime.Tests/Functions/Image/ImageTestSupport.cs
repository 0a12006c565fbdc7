using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Tests.Functions;

/// <summary>A copy of a [C, H, W] tensor's values, read by channel, row and column.</summary>
internal sealed class Planes
{
    private readonly float[] _values;

    private Planes(float[] values, int channels, int height, int width)
    {
        _values = values;
        (Channels, Height, Width) = (channels, height, width);
    }

    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }

    public float this[int c, int y, int x] => _values[(c * Height + y) * Width + x];

    public static Planes Of(Tensor chw)
    {
        using var contiguous = chw.contiguous();
        return new(contiguous.data<float>().ToArray(), (int)chw.shape[0], (int)chw.shape[1], (int)chw.shape[2]);
    }

    public static Planes Of(Image image) => Of(image.Tensor);

    public static Planes Of(Mask mask) => Of(mask.Tensor);

    /// <summary>The mean of channel <paramref name="c"/> over rows and columns in the given ranges.</summary>
    public double Mean(int c, int y0, int y1, int x0, int x1)
    {
        double sum = 0;
        for (var y = y0; y < y1; y++)
        for (var x = x0; x < x1; x++)
            sum += this[c, y, x];
        return sum / ((y1 - y0) * (x1 - x0));
    }

    /// <summary>The mean over rows of channel <paramref name="c"/> at each column.</summary>
    public double[] ColumnMeans(int c)
    {
        var means = new double[Width];
        for (var x = 0; x < Width; x++) means[x] = Mean(c, 0, Height, x, x + 1);
        return means;
    }

    /// <summary>The largest absolute difference from <paramref name="other"/>.</summary>
    public double MaxDifference(Planes other)
    {
        double max = 0;
        for (var i = 0; i < _values.Length; i++) max = Math.Max(max, Math.Abs(_values[i] - other._values[i]));
        return max;
    }
}

/// <summary>Images with known content, built from formulas.</summary>
internal static class TestImages
{
    /// <summary>An image whose channel c at (x, y) is <paramref name="value"/>(c, y, x).</summary>
    public static Image Make(int width, int height, Func<int, int, int, double> value, int channels = 3)
    {
        var data = new float[channels * height * width];
        for (var c = 0; c < channels; c++)
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            data[(c * height + y) * width + x] = (float)value(c, y, x);
        return Image.FromTensor(torch.tensor(data, new long[] { channels, height, width }));
    }

    /// <summary>A mask whose value at (x, y) is <paramref name="value"/>(y, x).</summary>
    public static Mask MakeMask(int width, int height, Func<int, int, double> value)
    {
        var data = new float[height * width];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            data[y * width + x] = (float)value(y, x);
        return Mask.FromTensor(torch.tensor(data, new long[] { 1, height, width }));
    }

    /// <summary>One colour everywhere (RGB, or RGBA when <paramref name="rgba"/> has four values).</summary>
    public static Image Solid(int width, int height, params double[] rgba) =>
        Make(width, height, (c, _, _) => rgba[c], rgba.Length);

    /// <summary>A smooth, non-constant test photo: three different low-frequency patterns.</summary>
    public static Image Smooth(int width, int height) => Make(width, height, (c, y, x) =>
        0.5 + 0.3 * Math.Sin(2 * Math.PI * (x * (c + 1) / (double)width + y / (double)height * (2 - c) * 0.5)));

    /// <summary>Reproducible pseudo-random values 0..1.</summary>
    public static Image Noise(int width, int height, int seed, int channels = 3)
    {
        var random = new Random(seed);
        return Make(width, height, (_, _, _) => random.NextDouble(), channels);
    }
}
