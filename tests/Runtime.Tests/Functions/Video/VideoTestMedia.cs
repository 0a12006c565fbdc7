using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Tests.Functions.Video;

/// <summary>Media and comparisons for the video function tests.</summary>
internal static class VideoTestMedia
{
    /// <summary>Random frames [T, C, H, W] from a fixed seed.</summary>
    public static Runtime.Video Random(int frames, int width, int height, double fps, int seed = 1, Audio? audio = null, int channels = 3)
    {
        using var scope = NewDisposeScope();
        var generator = new torch.Generator((ulong)seed);
        return Runtime.Video.FromTensor(torch.rand(new long[] { frames, channels, height, width }, generator: generator), fps, audio);
    }

    /// <summary>Every frame one grey level: frame t has value <paramref name="first"/> + t × <paramref name="step"/>.</summary>
    public static Runtime.Video Levels(int frames, int width, int height, double fps, float first, float step, Audio? audio = null)
    {
        using var scope = NewDisposeScope();
        var levels = torch.arange(frames, dtype: ScalarType.Float32).mul(step).add(first).view(frames, 1, 1, 1);
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

    public static float MaxDifference(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        Assert.Equal(a.shape, b.shape);
        return a.sub(b).abs().max().item<float>();
    }

    public static float Mean(Tensor t)
    {
        using var scope = NewDisposeScope();
        return t.mean().item<float>();
    }

    /// <summary>Root mean square of samples [from, from + count) of every channel.</summary>
    public static float Rms(Tensor samples, long from, long count)
    {
        using var scope = NewDisposeScope();
        return samples.narrow(1, from, count).square().mean().sqrt().item<float>();
    }
}
