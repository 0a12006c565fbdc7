using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

/// <summary>The shape of one period of <see cref="AudioSynthesis.Tone"/>.</summary>
public enum Waveform
{
    /// <summary>A pure sine.</summary>
    Sine,
    /// <summary>A square wave (odd harmonics at 1/n), band-limited.</summary>
    Square,
    /// <summary>A rising sawtooth (all harmonics at 1/n), band-limited.</summary>
    Saw,
    /// <summary>A triangle wave (odd harmonics at 1/n²).</summary>
    Triangle,
}

/// <summary>The spectrum of <see cref="AudioSynthesis.Noise"/>.</summary>
public enum NoiseColor
{
    /// <summary>Equal power at every frequency.</summary>
    White,
    /// <summary>Power falling 3 dB per octave (1/f): equal power in every octave.</summary>
    Pink,
    /// <summary>Power falling 6 dB per octave (1/f², Brownian): a deep rumble.</summary>
    Brown,
}

/// <summary>Test signals: tones and noise.</summary>
public static class AudioSynthesis
{
    /// <summary>A periodic tone.</summary>
    /// <param name="frequency">Pitch in Hz; below the Nyquist frequency of <paramref name="sampleRate"/>.</param>
    /// <param name="duration">Length in seconds.</param>
    /// <param name="waveform">Shape of one period.</param>
    /// <param name="amplitude">Peak level, 1 = full scale.</param>
    /// <param name="sampleRate">Samples per second.</param>
    /// <param name="cancellationToken">Stops the work between blocks.</param>
    /// <returns>Mono audio.</returns>
    [SymFunction(Summary = "Generate a tone: sine, square, saw or triangle", Category = "audio")]
    public static Audio Tone(
        [SymParam(SymKind.Frequency, Min = 1, Max = 96000, Summary = "Pitch; below half the sample rate")] double frequency = 440,
        [SymParam(SymKind.Duration, Min = 0, Max = 600, Summary = "Length of the audio")] double duration = 1,
        [SymParam(Summary = "Shape of one period")] Waveform waveform = Waveform.Sine,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "Peak level (1 = full scale)")] double amplitude = 0.5,
        [SymParam(SymKind.Frequency, Min = 8000, Max = 192000, Summary = "Samples per second")] int sampleRate = 44100,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(Tone);
        AudioDsp.SampleRate(name, sampleRate);
        ParameterGuard.InDomain(name, "frequency", frequency);
        AudioDsp.BelowNyquist(name, "frequency", frequency, sampleRate);
        ParameterGuard.InDomain(name, "duration", duration);
        ParameterGuard.InDomain(name, "amplitude", amplitude);

        using var scope = NewDisposeScope();
        var count = AudioDsp.Samples(duration, sampleRate);
        var result = torch.empty(new[] { 1L, count }, ScalarType.Float32);
        var step = frequency / sampleRate;
        for (var start = 0L; start < count; start += AudioDsp.GenerateBlock)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var block = NewDisposeScope();
            var length = Math.Min(AudioDsp.GenerateBlock, count - start);
            // The phase in periods, kept in [0, 1) and computed in double precision so that long tones stay on pitch.
            var phase = torch.arange(start, start + length, ScalarType.Float64).mul_(step);
            phase.sub_(phase.floor());
            var wave = waveform switch
            {
                Waveform.Sine => phase.mul(2 * Math.PI).sin_(),
                Waveform.Saw => phase.mul(2).sub_(1).sub_(PolyBlep(phase, step)),
                Waveform.Square => Square(phase, step),
                _ => phase.add(0.75).remainder_(1).sub_(0.5).abs_().mul_(4).sub_(1),
            };
            result.narrow(1, start, length).copy_(wave.mul_(amplitude).unsqueeze(0));
        }
        return Audio.FromTensor(result, sampleRate);
    }

    /// <summary>Noise of a given colour.</summary>
    /// <param name="color">The spectrum: white, pink or brown.</param>
    /// <param name="duration">Length in seconds.</param>
    /// <param name="amplitude">Peak level, 1 = full scale.</param>
    /// <param name="seed">Random seed: the same seed gives the same samples.</param>
    /// <param name="sampleRate">Samples per second.</param>
    /// <param name="cancellationToken">Stops the work between blocks.</param>
    /// <returns>Mono audio.</returns>
    [SymFunction(Summary = "Generate white, pink or brown noise", Category = "audio")]
    public static Audio Noise(
        [SymParam(Summary = "Spectrum: white, pink (-3 dB per octave) or brown (-6 dB per octave)")] NoiseColor color = NoiseColor.White,
        [SymParam(SymKind.Duration, Min = 0, Max = 600, Summary = "Length of the audio")] double duration = 1,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "Peak level (1 = full scale)")] double amplitude = 0.5,
        [SymParam(SymKind.Seed, Summary = "Random seed")] long seed = 0,
        [SymParam(SymKind.Frequency, Min = 8000, Max = 192000, Summary = "Samples per second")] int sampleRate = 44100,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(Noise);
        AudioDsp.SampleRate(name, sampleRate);
        ParameterGuard.InDomain(name, "duration", duration);
        ParameterGuard.InDomain(name, "amplitude", amplitude);

        using var scope = NewDisposeScope();
        var count = AudioDsp.Samples(duration, sampleRate);
        using var generator = new Generator(new SplitMix(seed, 0x401CE).TorchSeed());
        if (color == NoiseColor.White)
        {
            // Uniform in [-amplitude, amplitude): flat spectrum, and the peak is the amplitude.
            var white = torch.empty(new[] { 1L, count }, ScalarType.Float32);
            for (var start = 0L; start < count; start += AudioDsp.GenerateBlock)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var block = NewDisposeScope();
                var length = Math.Min(AudioDsp.GenerateBlock, count - start);
                white.narrow(1, start, length).copy_(torch.rand(new[] { 1L, length }, generator: generator).mul_(2 * amplitude).sub_(amplitude));
            }
            return Audio.FromTensor(white, sampleRate);
        }

        // Gaussian white noise through a pinking or browning filter, then scaled so that the peak is the amplitude.
        var gaussian = torch.randn(new[] { 1L, count }, generator: generator);
        var shaped = AudioDsp.PerChannel(gaussian,
            () => color == NoiseColor.Pink ? new PinkingFilter(sampleRate) : new BrowningFilter(sampleRate),
            cancellationToken);
        if (color == NoiseColor.Brown && count > 0) shaped.sub_(shaped.mean()); // no DC offset
        if (count > 0)
        {
            var peak = shaped.abs().max().ToDouble();
            if (peak > 0) shaped.mul_(amplitude / peak);
        }
        return Audio.FromTensor(shaped, sampleRate);
    }

    /// <summary>
    /// The PolyBLEP correction for a unit step at phase 0: subtracting it from a naive sawtooth (or adding
    /// and subtracting it at a square's two edges) removes most of the aliasing of the discontinuities.
    /// </summary>
    private static Tensor PolyBlep(Tensor phase, double step)
    {
        var a = phase.div(step);
        var b = phase.sub(1).div_(step);
        var rising = a.mul(2).sub_(a.square()).sub_(1);
        var falling = b.square().add_(b.mul(2)).add_(1);
        var zero = torch.zeros_like(phase);
        return torch.where(phase.lt(step), rising, torch.where(phase.gt(1 - step), falling, zero));
    }

    private static Tensor Square(Tensor phase, double step)
    {
        var naive = torch.where(phase.lt(0.5), torch.ones_like(phase), torch.ones_like(phase).neg_());
        var shifted = phase.add(0.5).remainder_(1);
        return naive.add_(PolyBlep(phase, step)).sub_(PolyBlep(shifted, step));
    }
}
