using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

/// <summary>Procedural wind: noise through band-pass filters that follow a slowly changing, gusting wind speed.</summary>
public static class WindSynthesis
{
    private const double Ceiling = 0.7;
    private const int ControlRate = 100;

    /// <summary>Synthesises wind.</summary>
    /// <param name="duration">Length in seconds.</param>
    /// <param name="strength">0: a light breeze (quiet, dark); 1: a gale (loud, brighter).</param>
    /// <param name="gustiness">0: a steady wind; 1: frequent strong gusts that whistle.</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="sampleRate">Samples per second.</param>
    /// <param name="progress">Receives the fraction done.</param>
    /// <param name="cancellationToken">Stops the work between blocks.</param>
    /// <returns>Stereo audio, peaks at most -3 dBFS.</returns>
    [SymFunction(Summary = "Synthesise wind with gusts", Category = "audio")]
    public static Audio Wind(
        [SymParam(SymKind.Duration, Min = 0.1, Max = 600, Summary = "Length of the audio")] double duration = 4,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "From a light breeze to a gale")] double strength = 0.5,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "From a steady wind to strong, frequent gusts")] double gustiness = 0.5,
        [SymParam(SymKind.Seed, Summary = "Random seed")] long seed = 0,
        [SymParam(SymKind.Frequency, Min = 8000, Max = 192000, Summary = "Samples per second")] int sampleRate = 44100,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(Wind);
        ParameterGuard.InDomain(name, "duration", duration);
        ParameterGuard.InDomain(name, "strength", strength);
        ParameterGuard.InDomain(name, "gustiness", gustiness);
        AudioDsp.SampleRate(name, sampleRate);
        cancellationToken.ThrowIfCancellationRequested();

        using var scope = NewDisposeScope();
        var count = AudioDsp.Samples(duration, sampleRate);
        var random = new SplitMix(seed, 0x1A1D);
        using var generator = new Generator(random.TorchSeed());
        var step = Math.Max(1, sampleRate / ControlRate);
        var controlLength = AudioDsp.ControlLength(count, step);
        var baseSpeed = BaseSpeed(strength);
        var level = 0.1 + 0.25 * strength;
        var speed = Speed(random, controlLength, strength, gustiness);
        // The right channel hears the same wind a moment later, so gusts move across the stereo image.
        var lag = (int)(0.15 * ControlRate);

        var nyquistLimit = 0.45 * sampleRate;
        var rows = new Tensor[2];
        for (var c = 0; c < 2; c++)
        {
            using var inner = NewDisposeScope();
            var control = new double[controlLength];
            for (var i = 0; i < controlLength; i++) control[i] = speed[Math.Max(0, i - c * lag)];
            var v = AudioDsp.Upsample(control, count);
            var noise = torch.randn(new[] { 1L, count }, generator: generator);

            // The body: a broad band that rises with the wind speed.
            var bodyCentre = v.pow(1.2).mul_(500 * (0.6 + 0.8 * strength)).add_(150).clamp_max_(nyquistLimit);
            var body = Swept(noise, bodyCentre, 0.6, sampleRate, cancellationToken);
            // The whistle: a narrow resonance whose pitch follows the gusts.
            var whistleCentre = v.mul(900).add_(400).clamp_max_(nyquistLimit);
            var whistle = Swept(noise, whistleCentre, 6 + 10 * gustiness, sampleRate, cancellationToken);
            // The rumble: the lowest part, against the ears and the ground.
            var rumble = AudioDsp.PerChannel(noise, () => Biquad.LowPass(Math.Min(120, nyquistLimit), 0.7071, sampleRate), cancellationToken);

            // Loudness follows speed^1.5, relative to the base speed, so that a breeze is quiet but audible.
            var relative = v.div(baseSpeed);
            var loudness = relative.pow(1.5).mul_(level);
            var whistleLevel = relative.square().mul_(0.3 * gustiness);
            var mixed = body.mul_(loudness).add_(whistle.mul_(loudness).mul_(whistleLevel))
                .add_(rumble.mul_(loudness).mul_(0.6f));
            // Air absorbs the highs: darker for a breeze, brighter for a gale.
            var signal = AudioDsp.PerChannel(mixed, () => Biquad.LowPass(Math.Min(1500 + 2500 * strength, nyquistLimit), 0.7071, sampleRate), cancellationToken);
            rows[c] = signal.MoveToOuterDisposeScope();
            AudioDsp.Report(progress, 0.5 * (c + 1));
        }
        var wind = torch.cat(rows, 0);
        AudioDsp.LimitPeak(wind, Ceiling);
        return Audio.FromTensor(wind, sampleRate);
    }

    /// <summary>
    /// The wind speed at <see cref="ControlRate"/> Hz: a base that grows with strength, a slow wander
    /// (time constant 2.5 s) and gusts (bumps of 1.5 to 6 s that rise faster than they fall).
    /// </summary>
    private static double BaseSpeed(double strength) => 0.25 + 0.35 * strength;

    private static double[] Speed(SplitMix random, int length, double strength, double gustiness)
    {
        var speed = new double[length];
        var a = Math.Exp(-1.0 / (2.5 * ControlRate));
        var norm = 1 / Math.Sqrt((1 - a) / (1 + a));
        var wander = random.Gaussian() / norm;
        var baseSpeed = BaseSpeed(strength);
        var depth = 0.12 + 0.2 * gustiness;
        for (var i = 0; i < length; i++)
        {
            wander = a * wander + (1 - a) * random.Gaussian();
            speed[i] = baseSpeed * (1 + depth * wander * norm);
        }
        var gustRate = 0.03 + 0.32 * gustiness;
        var seconds = (double)length / ControlRate;
        for (var t = random.Uniform(0, 1 / gustRate) - 3; t < seconds; t += random.Exponential(1 / gustRate))
        {
            var gustLength = random.LogUniform(1.5, 6);
            var peak = random.Uniform(0.4, 1.0) * (0.1 + gustiness) * baseSpeed * 1.2;
            var attack = gustLength * random.Uniform(0.3, 0.45);
            var first = Math.Max(0, (int)(t * ControlRate));
            var last = Math.Min(length - 1, (int)((t + gustLength) * ControlRate));
            for (var i = first; i <= last; i++)
            {
                var x = (double)i / ControlRate - t;
                var shape = x < attack ? Math.Sin(Math.PI / 2 * x / attack) : Math.Cos(Math.PI / 2 * (x - attack) / (gustLength - attack));
                if (x >= 0 && x <= gustLength) speed[i] += peak * shape * shape;
            }
        }
        for (var i = 0; i < length; i++) speed[i] = Math.Clamp(speed[i], 0.05, 1.8);
        return speed;
    }


    /// <summary>Noise [1, n] through a band-pass whose centre follows <paramref name="centre"/> (Hz per sample).</summary>
    private static Tensor Swept(Tensor noise, Tensor centre, double q, int sampleRate, CancellationToken cancellationToken)
    {
        var g = AudioDsp.ToArray(centre.mul(Math.PI / sampleRate).tan_());
        return AudioDsp.PerChannel(noise, () => new SweptBandPass(g, q), cancellationToken);
    }
}
