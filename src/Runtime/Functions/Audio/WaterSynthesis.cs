using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

/// <summary>Procedural running water: a filtered-noise rush with turbulence, and bubbles and droplets.</summary>
public static class WaterSynthesis
{
    private const double Ceiling = 0.7;
    private const int ControlRate = 100;
    private const long BatchSamples = 1 << 18;

    /// <summary>Synthesises running water.</summary>
    /// <param name="duration">Length in seconds.</param>
    /// <param name="flow">0: a trickle (quiet, dark, sparse droplets); 1: a torrent (loud, bright, dense).</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="sampleRate">Samples per second.</param>
    /// <param name="progress">Receives the fraction done.</param>
    /// <param name="cancellationToken">Stops the work between blocks.</param>
    /// <returns>Stereo audio, peaks at most -3 dBFS.</returns>
    [SymFunction(Summary = "Synthesise running water", Category = "audio")]
    public static Audio WaterAmbience(
        [SymParam(SymKind.Duration, Min = 0.1, Max = 600, Summary = "Length of the audio")] double duration = 4,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "From a trickle to a torrent")] double flow = 0.5,
        [SymParam(SymKind.Seed, Summary = "Random seed")] long seed = 0,
        [SymParam(SymKind.Frequency, Min = 8000, Max = 192000, Summary = "Samples per second")] int sampleRate = 44100,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(WaterAmbience);
        ParameterGuard.InDomain(name, "duration", duration);
        ParameterGuard.InDomain(name, "flow", flow);
        AudioDsp.SampleRate(name, sampleRate);
        cancellationToken.ThrowIfCancellationRequested();

        using var scope = NewDisposeScope();
        var count = AudioDsp.Samples(duration, sampleRate);
        var random = new SplitMix(seed, 0x3A7E5);
        using var generator = new Generator(random.TorchSeed());
        var nyquistLimit = 0.45 * sampleRate;

        // 1. The rush: Gaussian noise, high-passed (less low end for a trickle) and low-passed (brighter with more flow).
        var highCut = Math.Min(Lerp(350, 80, flow), nyquistLimit);
        var lowCut = Math.Min(Lerp(1800, 9000, flow), nyquistLimit);
        var rush = AudioDsp.PerChannel(torch.randn(new[] { 2L, count }, generator: generator),
            () => new FilterChain(Biquad.HighPass(highCut, 0.7071, sampleRate), Biquad.LowPass(lowCut, 0.6, sampleRate)),
            cancellationToken);
        var rms = rush.square().mean().sqrt().ToDouble();
        if (rms > 0) rush.mul_(Lerp(0.012, 0.11, flow) / rms);
        AudioDsp.Report(progress, 0.4);

        // 2. Turbulence: a slowly wandering level per channel (irregular for a trickle, steadier for a torrent).
        var step = Math.Max(1, sampleRate / ControlRate);
        for (var c = 0; c < 2; c++)
        {
            var control = Turbulence(random, AudioDsp.ControlLength(count, step), Lerp(0.45, 0.2, flow), Lerp(0.15, 0.08, flow));
            rush[c].mul_(AudioDsp.Upsample(control, count));
        }
        AudioDsp.Report(progress, 0.5);

        // 3. Bubbles and droplets: decaying sines that glide upwards (a resonating air bubble), scattered in time.
        var bubbles = Bubbles(random, count, flow, sampleRate, cancellationToken);
        var water = rush.add_(bubbles);
        AudioDsp.LimitPeak(water, Ceiling);
        AudioDsp.Report(progress, 1);
        return Audio.FromTensor(water, sampleRate);
    }

    private static double Lerp(double from, double to, double t) => from + (to - from) * t;

    /// <summary>
    /// A control signal around 1: a smoothed random walk (time constant 0.4 s) of the given depth plus a
    /// slower surge (3 s).
    /// </summary>
    private static double[] Turbulence(SplitMix random, int length, double depth, double surgeDepth)
    {
        var control = new double[length];
        double fast = 0, slow = 0;
        var a = Math.Exp(-1.0 / (0.4 * ControlRate));
        var b = Math.Exp(-1.0 / (3.0 * ControlRate));
        // The steady-state deviation of a one-pole smoother of unit Gaussian noise is sqrt((1 - a) / (1 + a)).
        var fastNorm = 1 / Math.Sqrt((1 - a) / (1 + a));
        var slowNorm = 1 / Math.Sqrt((1 - b) / (1 + b));
        // Start in the steady state rather than at 0.
        fast = random.Gaussian() / fastNorm;
        slow = random.Gaussian() / slowNorm;
        for (var i = 0; i < length; i++)
        {
            fast = a * fast + (1 - a) * random.Gaussian();
            slow = b * slow + (1 - b) * random.Gaussian();
            control[i] = Math.Max(0.15, 1 + depth * fast * fastNorm + surgeDepth * slow * slowNorm);
        }
        return control;
    }


    private readonly record struct Bubble(int Channel, long Start, long Length, double Frequency, double Decay, double Rise, double Level);

    /// <summary>
    /// Bubbles (after van den Doel's model: the frequency glides up from f0, decay time
    /// 1 / (0.043 f0 + 0.0014 f0^1.5) s) as a Poisson process per channel. Each lasts four decay times and
    /// its envelope reaches exactly 0 at its end. They are rendered in batches as one vectorised computation
    /// (each sample looks up its bubble's parameters) and added in place with <c>index_add_</c>.
    /// </summary>
    private static Tensor Bubbles(SplitMix random, long count, double flow, int sampleRate, CancellationToken cancellationToken)
    {
        var rate = Lerp(12, 110, flow);
        var dropletShare = Lerp(0.3, 0.05, flow);
        var highest = Math.Min(Lerp(2200, 4500, flow), 0.4 * sampleRate);
        var level = Lerp(0.12, 0.06, flow);
        var duration = (double)count / sampleRate;
        var bubbles = new List<Bubble>();
        var longest = 0L;
        for (var c = 0; c < 2; c++)
        {
            for (var t = random.Exponential(1 / rate); t < duration; t += random.Exponential(1 / rate))
            {
                var droplet = random.NextDouble() < dropletShare;
                var f0 = droplet ? random.LogUniform(800, Math.Min(2600, 0.4 * sampleRate)) : random.LogUniform(Math.Min(400, highest / 2), highest);
                var decay = 1 / (0.043 * f0 + 0.0014 * Math.Pow(f0, 1.5));
                var rise = droplet ? random.Uniform(0.25, 0.6) : random.Uniform(0.04, 0.18);
                var amplitude = level * random.LogUniform(0.3, 1) * Math.Sqrt(1000 / f0) * (droplet ? 2.5 : 1);
                var length = (long)Math.Ceiling(4 * decay * sampleRate);
                longest = Math.Max(longest, length);
                bubbles.Add(new Bubble(c, (long)Math.Round(t * sampleRate), length, f0, decay, rise, amplitude));
            }
        }

        // Channel c occupies [c·stride, c·stride + count) of one flat buffer, with a margin for the last bubbles.
        var stride = count + longest;
        var output = torch.zeros(2 * stride, ScalarType.Float32);
        const int columns = 6;
        for (var first = 0; first < bubbles.Count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var inner = NewDisposeScope();
            var last = first;
            var samples = 0L;
            while (last < bubbles.Count && (last == first || samples + bubbles[last].Length <= BatchSamples)) samples += bubbles[last++].Length;
            var n = last - first;
            var lengths = new long[n];
            var positions = new long[n];
            var table = new float[n * columns];
            for (var i = 0; i < n; i++)
            {
                var b = bubbles[first + i];
                lengths[i] = b.Length;
                positions[i] = b.Channel * stride + b.Start;
                var row = table.AsSpan(i * columns, columns);
                // phase = ω0 (t + rise t² / 2τ); envelope = (e^(-t/τ) - e^(-T/τ)) · min(1, t / 1 ms).
                row[0] = (float)(2 * Math.PI * b.Frequency);
                row[1] = (float)(b.Rise / (2 * b.Decay));
                row[2] = (float)(-1 / b.Decay);
                row[3] = (float)Math.Exp(-(double)b.Length / sampleRate / b.Decay);
                row[4] = (float)b.Level;
                row[5] = 0;
            }
            var lengthT = torch.tensor(lengths, ScalarType.Int64);
            var bubble = torch.repeat_interleave(torch.arange(n, ScalarType.Int64), lengthT);
            var local = torch.arange(bubble.shape[0], ScalarType.Int64).sub_(lengthT.cumsum(0).sub_(lengthT).index_select(0, bubble));
            var p = torch.tensor(table, new long[] { n, columns }).index_select(0, bubble);
            Tensor Column(int c) => p.select(1, c);
            var time = local.to_type(ScalarType.Float32).div_(sampleRate);
            var phase = time.square().mul_(Column(1)).add_(time).mul_(Column(0));
            var envelope = time.mul(Column(2)).exp_().sub_(Column(3)).mul_(time.mul(1000f).clamp_max_(1));
            var values = phase.sin_().mul_(envelope).mul_(Column(4));
            var where = torch.tensor(positions, ScalarType.Int64).index_select(0, bubble).add_(local);
            output.index_add_(0, where, values, 1);
            first = last;
        }
        return output.view(2, stride).narrow(1, 0, count);
    }
}
