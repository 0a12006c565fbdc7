using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

/// <summary>
/// Small helpers the audio functions share: argument checks with messages that name the function, sample
/// counts, decibels, and moving samples between tensors and arrays for the recursive (IIR) filters that
/// run as tight loops over float arrays.
/// </summary>
internal static class AudioDsp
{
    /// <summary>Samples processed between two looks at the cancellation token in per-sample loops.</summary>
    public const int LoopBlock = 1 << 16;

    /// <summary>Samples per block where a long signal is generated block by block (bounded memory).</summary>
    public const int GenerateBlock = 1 << 18;

    /// <summary>10^(dB / 20).</summary>
    public static double DbToGain(double db) => Math.Pow(10, db / 20);

    /// <summary>20·log10(gain).</summary>
    public static double GainToDb(double gain) => 20 * Math.Log10(gain);

    /// <summary>A duration in whole samples (rounded to the nearest).</summary>
    public static long Samples(double seconds, int sampleRate) => (long)Math.Round(seconds * sampleRate);

    /// <summary>Throws unless <paramref name="value"/> is a number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static void Range(string function, string name, double value, double min, double max, string unit = "")
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            var u = unit.Length == 0 ? "" : " " + unit;
            throw new ArgumentOutOfRangeException(name, value,
                FormattableString.Invariant($"{function}: {name} is {value}{u}; it must be between {min}{u} and {max}{u}"));
        }
    }

    /// <summary>Throws unless the sample rate is in the library's range, 8 kHz to 192 kHz.</summary>
    public static void SampleRate(string function, int sampleRate) => Range(function, "sample_rate", sampleRate, 8000, 192000, "Hz");

    /// <summary>Throws unless <paramref name="frequency"/> lies below the Nyquist frequency of <paramref name="sampleRate"/>.</summary>
    public static void BelowNyquist(string function, string name, double frequency, int sampleRate)
    {
        if (frequency >= sampleRate / 2.0)
            throw new ArgumentOutOfRangeException(name, frequency,
                FormattableString.Invariant($"{function}: {name} {frequency} Hz is not below the Nyquist frequency ({sampleRate / 2.0} Hz) of {sampleRate} Hz audio; lower it or resample the audio first"));
    }

    /// <summary>Throws <see cref="ArgumentNullException"/> or <see cref="ObjectDisposedException"/> for unusable input audio.</summary>
    public static void Input(string function, Audio audio, string name)
    {
        if (audio is null) throw new ArgumentNullException(name, $"{function}: input '{name}' is missing");
        if (audio.IsDisposed) throw new ObjectDisposedException(name, $"{function}: input '{name}' has been disposed");
    }

    /// <summary>The samples of a one-dimensional tensor (any dtype convertible to float32) as a new array.</summary>
    public static float[] ToArray(Tensor samples)
    {
        if (samples.numel() == 0) return Array.Empty<float>();
        using var scope = NewDisposeScope();
        // TensorAccessor copies two-dimensional contiguous tensors in one block; a 1-D tensor goes element by element.
        return samples.to_type(ScalarType.Float32).reshape(1, -1).contiguous().data<float>().ToArray();
    }

    /// <summary>A new float32 tensor [1, n] holding <paramref name="samples"/>.</summary>
    public static Tensor ToRow(float[] samples) => torch.tensor(samples, new long[] { 1, samples.LongLength });

    /// <summary>A float32 tensor [count] of values from <paramref name="values"/> (a helper for per-event parameters).</summary>
    public static Tensor Vector(double[] values) => torch.tensor(values, new long[] { values.LongLength }, ScalarType.Float64);

    /// <summary>
    /// Applies <paramref name="filter"/> to every channel of <paramref name="audio"/> ([channels, samples]),
    /// returning a new float32 tensor of the same shape. The filter runs over each channel's samples as an
    /// array, <see cref="LoopBlock"/> samples at a time, so that cancellation is observed.
    /// </summary>
    public static Tensor PerChannel(Tensor audio, Func<IChannelFilter> filter, CancellationToken cancellationToken)
    {
        var channels = audio.shape[0];
        var rows = new Tensor[channels];
        for (var c = 0; c < channels; c++)
        {
            var data = ToArray(audio[c]);
            var f = filter();
            for (var start = 0; start < data.Length; start += LoopBlock)
            {
                cancellationToken.ThrowIfCancellationRequested();
                f.Process(data.AsSpan(start, Math.Min(LoopBlock, data.Length - start)));
            }
            rows[c] = ToRow(data);
        }
        return channels == 1 ? rows[0] : torch.cat(rows, 0);
    }

    /// <summary>
    /// A control signal (a few values per second) stretched by linear interpolation over
    /// <paramref name="count"/> samples: its first value at the first sample, its last at the last; a
    /// float32 tensor [count].
    /// </summary>
    public static Tensor Upsample(double[] control, long count)
    {
        using var scope = NewDisposeScope();
        var values = torch.tensor(control, new long[] { 1, 1, control.LongLength }, ScalarType.Float32);
        var stretched = torch.nn.functional.interpolate(values, new[] { count }, mode: InterpolationMode.Linear, align_corners: true);
        return stretched.reshape(count).MoveToOuterDisposeScope();
    }

    /// <summary>The number of control values, one about every <paramref name="step"/> samples, that <see cref="Upsample"/> needs for <paramref name="count"/> samples.</summary>
    public static int ControlLength(long count, int step) => (int)Math.Max(2, (count + step - 1) / step + 1);

    /// <summary>
    /// Gains of a constant-power pan: <paramref name="pan"/> -1 is hard left, 0 centre (both -3 dB), 1 hard right.
    /// </summary>
    public static (double Left, double Right) Pan(double pan)
    {
        var angle = (Math.Clamp(pan, -1, 1) + 1) * Math.PI / 4;
        return (Math.Cos(angle), Math.Sin(angle));
    }

    /// <summary>Scales <paramref name="signal"/> in place so that its peak is at most <paramref name="ceiling"/>; returns it.</summary>
    public static Tensor LimitPeak(Tensor signal, double ceiling)
    {
        if (signal.numel() == 0) return signal;
        var peak = signal.abs().max().ToDouble();
        if (peak > ceiling) signal.mul_(ceiling / peak);
        return signal;
    }

    /// <summary>Reports progress if anyone listens.</summary>
    public static void Report(IProgress<double>? progress, double fraction) => progress?.Report(Math.Clamp(fraction, 0, 1));
}

/// <summary>A recursive filter that keeps its state between blocks of one channel.</summary>
internal interface IChannelFilter
{
    /// <summary>Filters <paramref name="samples"/> in place, continuing from the previous block.</summary>
    void Process(Span<float> samples);
}

/// <summary>Several filters in series.</summary>
internal sealed class FilterChain : IChannelFilter
{
    private readonly IChannelFilter[] _filters;

    public FilterChain(params IChannelFilter[] filters) => _filters = filters;

    public void Process(Span<float> samples)
    {
        foreach (var filter in _filters) filter.Process(samples);
    }
}

/// <summary>
/// SplitMix64: a small, fast, well-mixed pseudo-random generator whose sequence is fixed for a seed on
/// every platform and .NET version (unlike <see cref="Random"/>'s unspecified algorithm). Used for the
/// event-level decisions of the procedural generators (when a bird sings, where a bubble pops).
/// </summary>
internal sealed class SplitMix
{
    private ulong _state;

    public SplitMix(long seed, ulong stream) => _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ stream * 0xD1B54A32D192ED03UL ^ 0x5DEECE66DUL);

    public ulong NextULong()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Log-uniform in [<paramref name="low"/>, <paramref name="high"/>) (both positive).</summary>
    public double LogUniform(double low, double high) => Math.Exp(Uniform(Math.Log(low), Math.Log(high)));

    /// <summary>A whole number in [<paramref name="low"/>, <paramref name="high"/>] (inclusive).</summary>
    public int Int(int low, int high) => low + (int)(NextULong() % (ulong)(high - low + 1));

    /// <summary>Exponentially distributed with the given mean (the gaps of a Poisson process).</summary>
    public double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    /// <summary>Standard normal (Box–Muller).</summary>
    public double Gaussian()
    {
        var u = 1 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>A seed for a TorchSharp generator, derived from this sequence.</summary>
    public ulong TorchSeed() => NextULong() & 0x7FFF_FFFF_FFFF_FFFFUL;
}
