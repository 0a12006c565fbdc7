using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

/// <summary>
/// Band-limited sample-rate conversion with a Kaiser-windowed sinc (48 zero crossings on each side at the
/// lower of the two rates, β = 8.6, cutoff at 92 % of the lower Nyquist frequency): flat within 0.01 dB to
/// 86 % of the lower Nyquist frequency (19 kHz for 44.1 kHz), about 90 dB of stop-band rejection.
/// </summary>
/// <remarks>
/// For the ratio out/in = L/M in lowest terms the filter splits into L polyphase branches; when they fit
/// in <see cref="MaxPolyphaseWeights"/> weights, one strided <c>conv1d</c> evaluates all of them (each
/// branch's taps shifted to its input offset inside a kernel of 2H + M - 1 taps), so the work is a
/// handful of tensor operations per block. Other ratios (say 44100 to 44101 Hz) evaluate the kernel
/// per output sample from a finely sampled table, block by block.
/// </remarks>
internal static class AudioResampler
{
    private const int ZeroCrossings = 48;
    private const double Rolloff = 0.92;
    private const double Beta = 8.6;
    private const int TableResolution = 1024;
    private const int OutputBlock = 1 << 17;

    /// <summary>The largest polyphase filter bank (L × kernel length) evaluated with conv1d.</summary>
    internal const long MaxPolyphaseWeights = 1 << 21;

    /// <summary>Resamples <paramref name="audio"/> ([channels, samples], float32) from one rate to another: a new tensor.</summary>
    public static Tensor Resample(Tensor audio, int rateIn, int rateOut, CancellationToken cancellationToken, bool forceDirect = false)
    {
        if (rateIn == rateOut) return audio.clone();
        var g = Gcd(rateIn, rateOut);
        long up = rateOut / g, down = rateIn / g;
        var channels = audio.shape[0];
        var count = audio.shape[1];
        var outCount = (count * up + down - 1) / down;
        if (count == 0) return torch.zeros(new[] { channels, 0L }, ScalarType.Float32);

        var scale = Math.Min(1.0, (double)up / down);
        var halfWidth = ZeroCrossings / scale;
        var half = (int)Math.Ceiling(halfWidth);
        var taps = 2 * half;
        return !forceDirect && up * (taps + down - 1) <= MaxPolyphaseWeights
            ? Polyphase(audio, up, down, scale, half, outCount, cancellationToken)
            : Direct(audio, up, down, scale, half, outCount, cancellationToken);
    }

    private static Tensor Polyphase(Tensor audio, long up, long down, double scale, int half, long outCount, CancellationToken cancellationToken)
    {
        using var scope = NewDisposeScope();
        var channels = audio.shape[0];
        var count = audio.shape[1];
        var kernelLength = 2 * half + (int)down - 1;
        // Branch r computes outputs r, r + L, r + 2L, …: output r + jL sits at input position (r + jL)·M/L,
        // that is at base(r) + jM plus the fraction phase(r); its taps start at input base(r) + jM - (H - 1).
        var weights = new float[up * kernelLength];
        for (var r = 0L; r < up; r++)
        {
            var baseIndex = r * down / up;
            var phase = (double)(r * down % up) / up;
            for (var k = 0; k < 2 * half; k++)
                weights[r * kernelLength + baseIndex + k] = (float)Kernel(k - (half - 1) - phase, scale);
        }
        var weight = torch.tensor(weights, new[] { up, 1L, kernelLength });

        var groups = (outCount + up - 1) / up;
        // Padded input: H - 1 zeros in front, and enough behind for the last group's kernel.
        var needed = (groups - 1) * down + kernelLength;
        var padded = torch.nn.functional.pad(audio.unsqueeze(1), new[] { (long)half - 1, Math.Max(0, needed - (half - 1) - count) });
        var result = torch.empty(new[] { channels, outCount }, ScalarType.Float32);
        var groupsPerBlock = Math.Max(1, OutputBlock / up);
        for (var first = 0L; first < groups; first += groupsPerBlock)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var block = NewDisposeScope();
            var n = Math.Min(groupsPerBlock, groups - first);
            var input = padded.narrow(2, first * down, (n - 1) * down + kernelLength);
            var branches = torch.nn.functional.conv1d(input, weight, stride: down); // [C, L, n]
            var interleaved = branches.transpose(1, 2).reshape(channels, n * up);
            var start = first * up;
            var length = Math.Min(n * up, outCount - start);
            result.narrow(1, start, length).copy_(interleaved.narrow(1, 0, length));
        }
        return result.MoveToOuterDisposeScope();
    }

    private static Tensor Direct(Tensor audio, long up, long down, double scale, int half, long outCount, CancellationToken cancellationToken)
    {
        using var scope = NewDisposeScope();
        var channels = audio.shape[0];
        var taps = 2 * half;
        // The kernel sampled every 1/TableResolution of an input sample over [-H, H], read with linear interpolation.
        var tableLength = 2 * half * TableResolution + 2;
        var table = new float[tableLength];
        for (var i = 0; i < tableLength; i++) table[i] = (float)Kernel((double)i / TableResolution - half, scale);
        var kernel = torch.tensor(table);
        var padded = torch.nn.functional.pad(audio, new[] { (long)half - 1, taps + 1L }).reshape(-1);
        var stride = padded.shape[0] / channels;
        var tapOffsets = torch.arange(taps, ScalarType.Int64);
        var tapPositions = torch.arange(taps, ScalarType.Float64).sub_(half - 1);
        var channelOffsets = torch.arange(channels, ScalarType.Int64).mul_(stride).view(channels, 1, 1);
        var result = torch.empty(new[] { channels, outCount }, ScalarType.Float32);
        for (var start = 0L; start < outCount; start += OutputBlock / 4)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var block = NewDisposeScope();
            var n = Math.Min(OutputBlock / 4, outCount - start);
            var numerator = torch.arange(start, start + n, ScalarType.Int64).mul_(down);
            var baseIndex = numerator.div(up, rounding_mode: RoundingMode.floor);
            var phase = numerator.sub(baseIndex.mul(up)).to_type(ScalarType.Float64).div_(up);
            // τ = k - (H - 1) - phase, looked up at (τ + H)·resolution.
            var position = tapPositions.unsqueeze(0).sub(phase.unsqueeze(1)).add_(half).mul_(TableResolution);
            var index = position.floor();
            var fraction = position.sub(index).to_type(ScalarType.Float32);
            var lower = kernel.index_select(0, index.to_type(ScalarType.Int64).reshape(-1)).view(n, taps);
            var upper = kernel.index_select(0, index.to_type(ScalarType.Int64).add_(1).reshape(-1)).view(n, taps);
            var w = lower.add_(upper.sub_(lower).mul_(fraction));
            var sampleIndex = baseIndex.unsqueeze(1).add(tapOffsets.unsqueeze(0)).unsqueeze(0).add(channelOffsets);
            var samples = padded.index_select(0, sampleIndex.reshape(-1)).view(channels, n, taps);
            result.narrow(1, start, n).copy_(samples.mul_(w.unsqueeze(0)).sum(2L));
        }
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>The windowed-sinc kernel at <paramref name="tau"/> input samples from the output position.</summary>
    private static double Kernel(double tau, double scale)
    {
        var x = tau * scale / ZeroCrossings;
        if (Math.Abs(x) >= 1) return 0;
        var window = BesselI0(Beta * Math.Sqrt(1 - x * x)) / BesselI0(Beta);
        var arg = Math.PI * scale * Rolloff * tau;
        var sinc = Math.Abs(arg) < 1e-12 ? 1 : Math.Sin(arg) / arg;
        return scale * Rolloff * sinc * window;
    }

    /// <summary>The modified Bessel function of the first kind, order 0 (power series).</summary>
    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, quarter = x * x / 4;
        for (var k = 1; k < 200; k++)
        {
            term *= quarter / ((double)k * k);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
