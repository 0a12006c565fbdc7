using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Tests.Functions.Video;

/// <summary>Media and comparisons for the video function tests.</summary>
internal static class VideoTestMedia
{
    /// <summary>Random 8-bit frames [T, C, H, W] (every level 0 to 255 equally likely) from a fixed seed.</summary>
    public static Runtime.Video Random(int frames, int width, int height, double fps, int seed = 1, Audio? audio = null, int channels = 3)
    {
        using var scope = NewDisposeScope();
        var generator = new torch.Generator((ulong)seed);
        return Runtime.Video.FromTensor(torch.randint(0, 256, new long[] { frames, channels, height, width }, ScalarType.Byte, generator: generator), fps, audio);
    }

    /// <summary>Every frame one grey level: frame t has level <paramref name="first"/> + t × <paramref name="step"/>.</summary>
    public static Runtime.Video Levels(int frames, int width, int height, double fps, int first, int step, Audio? audio = null)
    {
        using var scope = NewDisposeScope();
        var levels = torch.arange(frames, dtype: ScalarType.Int32).mul(step).add(first).to(ScalarType.Byte).view(frames, 1, 1, 1);
        return Runtime.Video.FromTensor(levels.expand(frames, 3, height, width).contiguous(), fps, audio);
    }

    /// <summary>Random pixels in 0..1 from a fixed seed.</summary>
    public static Image RandomImage(int width, int height, int channels = 3, int seed = 2)
    {
        using var scope = NewDisposeScope();
        var generator = new torch.Generator((ulong)seed);
        return Image.FromTensor(torch.rand(new long[] { channels, height, width }, generator: generator));
    }

    /// <summary>Mono audio whose sample i is i / <paramref name="samples"/> (a ramp: every position is recognisable).</summary>
    public static Audio Ramp(int samples, int sampleRate, int channels = 1)
    {
        using var scope = NewDisposeScope();
        var ramp = torch.arange(samples, dtype: ScalarType.Float32).div(samples).view(1, samples);
        return Audio.FromTensor(ramp.expand(channels, samples).contiguous(), sampleRate);
    }

    /// <summary>The largest |a − b|, computed in float64 (so that uint8 levels do not wrap around).</summary>
    public static float MaxDifference(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        Assert.Equal(a.shape, b.shape);
        return (float)a.to(ScalarType.Float64).sub(b.to(ScalarType.Float64)).abs().max().item<double>();
    }

    public static float Mean(Tensor t)
    {
        using var scope = NewDisposeScope();
        return (float)t.to(ScalarType.Float64).mean().item<double>();
    }

    /// <summary>A video's levels (or any tensor) as float32 values 0 to 1, level / 255.</summary>
    public static Tensor Unit(Tensor levels) => TensorMedia.Dequantize(levels);

    /// <summary>
    /// Asserts that <paramref name="levels"/> are <paramref name="exact"/> (levels 0 to 255 as float64, not
    /// rounded) rounded to nearest: within half a level, plus <paramref name="slack"/> for float32
    /// arithmetic on the way (which may tip a value lying on a half either way).
    /// </summary>
    public static void AssertRounded(Tensor levels, Tensor exact, double slack = 1e-4, string? what = null)
    {
        using var scope = NewDisposeScope();
        Assert.Equal(ScalarType.Byte, levels.dtype);
        var off = levels.to(ScalarType.Float64).sub(exact.to(ScalarType.Float64)).abs().max().item<double>();
        Assert.True(off <= 0.5 + slack, $"{what} off by {off} levels, more than rounding");
    }

    /// <summary>Root mean square of samples [from, from + count) of every channel.</summary>
    public static float Rms(Tensor samples, long from, long count)
    {
        using var scope = NewDisposeScope();
        return samples.narrow(1, from, count).square().mean().sqrt().item<float>();
    }
}
