using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime;

/// <summary>
/// Audio: a float32 tensor [channels, samples], values -1 to 1, at <see cref="SampleRate"/> samples per
/// second. Owns its tensor until disposed (see <see cref="TensorMedia"/>).
/// </summary>
public sealed class Audio : TensorMedia
{
    private Audio(Tensor tensor, int sampleRate) : base(tensor)
    {
        Channels = (int)tensor.shape[0];
        SampleCount = tensor.shape[1];
        SampleRate = sampleRate;
    }

    /// <summary>The number of channels (1 mono, 2 stereo, …).</summary>
    public int Channels { get; }

    /// <summary>Samples per channel (may be 0).</summary>
    public long SampleCount { get; }

    /// <summary>Samples per second, per channel.</summary>
    public int SampleRate { get; }

    /// <summary><see cref="SampleCount"/> / <see cref="SampleRate"/>, in seconds.</summary>
    public double Seconds => (double)SampleCount / SampleRate;

    /// <summary>The length (rounded to the nearest 100 ns tick).</summary>
    public TimeSpan Duration => TimeSpan.FromTicks((long)Math.Round(Seconds * TimeSpan.TicksPerSecond));

    /// <summary>
    /// Wraps <paramref name="tensor"/> (float32 [channels, samples], at least one channel, values -1 to 1)
    /// and takes ownership of it.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has another type or shape; ownership stays with the caller.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRate"/> is not positive.</exception>
    public static Audio FromTensor(Tensor tensor, int sampleRate)
    {
        RequireFloat32(tensor, 2, "Audio is a float32 tensor [channels, samples]", nameof(tensor));
        RequireSampleRate(sampleRate);
        if (tensor.shape[0] < 1 || tensor.shape[0] > int.MaxValue)
            throw new ArgumentException($"Audio is a float32 tensor [channels, samples] with at least one channel; got {Describe(tensor)}", nameof(tensor));
        return new Audio(tensor, sampleRate);
    }

    /// <summary>Audio from interleaved samples (frame by frame: channel 0, channel 1, …, then the next frame).</summary>
    /// <exception cref="ArgumentException">The sample count is not a multiple of <paramref name="channels"/>.</exception>
    public static Audio FromInterleaved(ReadOnlySpan<float> samples, int channels, int sampleRate)
    {
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "Audio has at least one channel");
        RequireSampleRate(sampleRate);
        if (samples.Length % channels != 0)
            throw new ArgumentException($"{samples.Length} interleaved samples do not divide into {channels} channels", nameof(samples));
        using var scope = NewDisposeScope();
        var interleaved = torch.tensor(samples.ToArray(), new long[] { samples.Length / channels, channels });
        return new Audio(interleaved.t().contiguous(), sampleRate);
    }

    /// <summary>Silence of the given length (rounded to whole samples).</summary>
    public static Audio Silence(TimeSpan duration, int sampleRate, int channels)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A duration is not negative");
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "Audio has at least one channel");
        RequireSampleRate(sampleRate);
        var samples = (long)Math.Round(duration.TotalSeconds * sampleRate);
        return new Audio(torch.zeros(new long[] { channels, samples }, ScalarType.Float32), sampleRate);
    }

    /// <summary>The samples interleaved (frame by frame); NaN and infinities become 0, other values are not clamped.</summary>
    public float[] ToInterleaved()
    {
        if (SampleCount == 0) return Array.Empty<float>();
        using var scope = NewDisposeScope();
        return Tensor.nan_to_num(0, 0, 0).t().contiguous().data<float>().ToArray();
    }

    /// <summary>A deep copy that the caller owns.</summary>
    public Audio Clone()
    {
        using var scope = NewDisposeScope();
        return new Audio(Tensor.clone(), SampleRate);
    }

    /// <summary>A new owner of the same samples (no copy); the caller owns and disposes it.</summary>
    internal Audio Share() => new(Tensor.alias(), SampleRate);

    /// <summary>Such as <c>Audio 2ch 48000 Hz 6.000 s</c>.</summary>
    public override string ToString() =>
        IsDisposed ? "Audio (disposed)" : FormattableString.Invariant($"Audio {Channels}ch {SampleRate} Hz {Seconds:0.000} s");

    private static void RequireSampleRate(int sampleRate)
    {
        if (sampleRate < 1) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "A sample rate is at least 1 Hz");
    }
}
