using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

/// <summary>The gain curve of <see cref="AudioEditing.Fade"/>.</summary>
public enum FadeCurve
{
    /// <summary>Gain rises in a straight line.</summary>
    Linear,
    /// <summary>Raised cosine: starts and ends gently.</summary>
    Smooth,
    /// <summary>Quarter sine: keeps the power constant when a fade-out overlaps a fade-in.</summary>
    EqualPower,
}

/// <summary>How <see cref="AudioEditing.FitDuration"/> lengthens audio that is too short (too long audio is always cut).</summary>
public enum DurationFit
{
    /// <summary>Repeat the audio until the duration is reached.</summary>
    Loop,
    /// <summary>Follow the audio with silence.</summary>
    Pad,
    /// <summary>Only cut: audio that is too short stays as it is.</summary>
    Trim,
}

/// <summary>Mixing, levels, fades, cutting, looping and sample-rate conversion.</summary>
public static class AudioEditing
{
    /// <summary>Mixes two tracks.</summary>
    /// <param name="a">The first track; it sets the sample rate of the mix.</param>
    /// <param name="b">The second track: resampled to a's rate when it differs.</param>
    /// <param name="gainA">Gain applied to a, in dB.</param>
    /// <param name="gainB">Gain applied to b, in dB.</param>
    /// <param name="cancellationToken">Stops resampling between blocks.</param>
    /// <returns>The sum, as long as the longer track (the shorter one is followed by silence), with the larger channel count.</returns>
    /// <exception cref="ArgumentException">The tracks have different channel counts and neither is mono.</exception>
    [SymFunction(Summary = "Mix two audio tracks", Category = "audio")]
    public static Audio AudioMix(
        Audio a,
        Audio b,
        [SymParam(SymKind.Gain, Min = -60, Max = 12, Summary = "Gain applied to a")] double gainA = 0,
        [SymParam(SymKind.Gain, Min = -60, Max = 12, Summary = "Gain applied to b")] double gainB = 0,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(AudioMix);
        AudioDsp.Input(name, a, nameof(a));
        AudioDsp.Input(name, b, nameof(b));
        ParameterGuard.InDomain(name, "gain_a", gainA);
        ParameterGuard.InDomain(name, "gain_b", gainB);
        if (a.Channels != b.Channels && a.Channels != 1 && b.Channels != 1)
            throw new ArgumentException(
                $"{name}: a has {a.Channels} channels and b has {b.Channels}; tracks with different channel counts mix only when one is mono (it is copied to every channel)",
                nameof(b));

        using var scope = NewDisposeScope();
        var ta = a.Tensor;
        var tb = b.SampleRate == a.SampleRate ? b.Tensor : AudioResampler.Resample(b.Tensor, b.SampleRate, a.SampleRate, cancellationToken);
        var channels = Math.Max(a.Channels, b.Channels);
        var length = Math.Max(ta.shape[1], tb.shape[1]);
        var mix = torch.zeros(new[] { (long)channels, length }, ScalarType.Float32);
        mix.narrow(1, 0, ta.shape[1]).add_(ta.expand(channels, -1), AudioDsp.DbToGain(gainA));
        mix.narrow(1, 0, tb.shape[1]).add_(tb.expand(channels, -1), AudioDsp.DbToGain(gainB));
        return Audio.FromTensor(mix, a.SampleRate);
    }

    /// <summary>Changes the level.</summary>
    /// <param name="audio">The audio.</param>
    /// <param name="gain">Gain in dB (-6 dB halves the amplitude).</param>
    /// <returns>The audio times 10^(gain/20); not clipped.</returns>
    [SymFunction(Summary = "Change the level of audio", Category = "audio")]
    public static Audio Gain(
        Audio audio,
        [SymParam(SymKind.Gain, Min = -120, Max = 48, Summary = "Gain in dB")] double gain = 0)
    {
        const string name = nameof(Gain);
        AudioDsp.Input(name, audio, nameof(audio));
        ParameterGuard.InDomain(name, "gain", gain);
        using var scope = NewDisposeScope();
        return Audio.FromTensor(audio.Tensor.mul(AudioDsp.DbToGain(gain)), audio.SampleRate);
    }

    /// <summary>Fades in at the start and out at the end.</summary>
    /// <param name="audio">The audio.</param>
    /// <param name="fadeIn">Length of the fade-in in seconds (0: none).</param>
    /// <param name="fadeOut">Length of the fade-out in seconds (0: none).</param>
    /// <param name="curve">Shape of the gain ramps.</param>
    /// <returns>
    /// The audio with gain rising from 0 over the first samples and falling to 0 at the last sample. Fades
    /// longer than the audio are cut short (a 10 s fade-in on 4 s of audio ends at 40 %); overlapping
    /// fades multiply.
    /// </returns>
    [SymFunction(Summary = "Fade audio in at the start and out at the end", Category = "audio")]
    public static Audio Fade(
        Audio audio,
        [SymParam(SymKind.Duration, Min = 0, Max = 600, Summary = "Length of the fade-in")] double fadeIn = 1,
        [SymParam(SymKind.Duration, Min = 0, Max = 600, Summary = "Length of the fade-out")] double fadeOut = 1,
        [SymParam(Summary = "Shape of the fades")] FadeCurve curve = FadeCurve.Linear)
    {
        const string name = nameof(Fade);
        AudioDsp.Input(name, audio, nameof(audio));
        ParameterGuard.InDomain(name, "fade_in", fadeIn);
        ParameterGuard.InDomain(name, "fade_out", fadeOut);
        using var scope = NewDisposeScope();
        var result = audio.Tensor.clone();
        var count = audio.SampleCount;
        var inSamples = AudioDsp.Samples(fadeIn, audio.SampleRate);
        var outSamples = AudioDsp.Samples(fadeOut, audio.SampleRate);
        // Sample i of a fade of n samples has gain curve(i / n): 0 at the first sample of a fade-in, and the
        // fade-out mirrors it, reaching 0 at the last sample.
        var head = Math.Min(inSamples, count);
        if (head > 0) result.narrow(1, 0, head).mul_(Ramp(head, inSamples, curve).unsqueeze(0));
        var tail = Math.Min(outSamples, count);
        if (tail > 0) result.narrow(1, count - tail, tail).mul_(Ramp(tail, outSamples, curve).flip(0).unsqueeze(0));
        return Audio.FromTensor(result, audio.SampleRate);
    }

    /// <summary>curve(i / length) for i in [0, count).</summary>
    private static Tensor Ramp(long count, long length, FadeCurve curve)
    {
        var x = torch.arange(count, ScalarType.Float64).div_(length);
        var y = curve switch
        {
            FadeCurve.Smooth => x.mul(Math.PI).cos_().neg_().add_(1).mul_(0.5),
            FadeCurve.EqualPower => x.mul(Math.PI / 2).sin_(),
            _ => x,
        };
        return y.to_type(ScalarType.Float32);
    }

    /// <summary>Cuts out a stretch of audio.</summary>
    /// <param name="audio">The audio.</param>
    /// <param name="start">Where the stretch starts, in seconds from the beginning.</param>
    /// <param name="duration">Its length in seconds; cut at the end of the audio.</param>
    /// <returns>Samples [start, start + duration) of the audio.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is at or past the end of the audio.</exception>
    [SymFunction(Summary = "Cut out a stretch of audio", Category = "audio")]
    public static Audio Trim(
        Audio audio,
        [SymParam(SymKind.Duration, Min = 0, Max = 86400, Summary = "Where the stretch starts")] double start = 0,
        [SymParam(SymKind.Duration, Min = 0, Max = 86400, Summary = "Length of the stretch; the default keeps everything up to the end")] double duration = 86400)
    {
        const string name = nameof(Trim);
        AudioDsp.Input(name, audio, nameof(audio));
        ParameterGuard.InDomain(name, "start", start);
        ParameterGuard.InDomain(name, "duration", duration);
        var first = AudioDsp.Samples(start, audio.SampleRate);
        if (first >= audio.SampleCount && !(first == 0 && audio.SampleCount == 0))
            throw new ArgumentOutOfRangeException(nameof(start), start,
                FormattableString.Invariant($"{name}: start {start} s is at or past the end of the audio ({audio.Seconds:0.###} s)"));
        var length = Math.Min(AudioDsp.Samples(duration, audio.SampleRate), audio.SampleCount - first);
        using var scope = NewDisposeScope();
        return Audio.FromTensor(audio.Tensor.narrow(1, first, length).clone(), audio.SampleRate);
    }

    /// <summary>Makes audio exactly a given length.</summary>
    /// <param name="audio">The audio.</param>
    /// <param name="duration">The length wanted, in seconds.</param>
    /// <param name="mode">How audio that is too short is lengthened: loop it, pad it with silence, or leave it (trim only).</param>
    /// <param name="crossfade">
    /// For <see cref="DurationFit.Loop"/>: seconds over which each repeat's end is blended into the next
    /// start, for a click-free seam (0: exact repetition).
    /// </param>
    /// <returns>The audio cut or lengthened to the duration.</returns>
    [SymFunction(Summary = "Loop, pad or trim audio to a duration", Category = "audio")]
    public static Audio FitDuration(
        Audio audio,
        [SymParam(SymKind.Duration, Min = 0, Max = 3600, Summary = "Length wanted")] double duration = 4,
        [SymParam(Summary = "How audio that is too short is lengthened")] DurationFit mode = DurationFit.Loop,
        [SymParam(SymKind.Duration, Min = 0, Max = 10, Summary = "Blend at each loop seam")] double crossfade = 0)
    {
        const string name = nameof(FitDuration);
        AudioDsp.Input(name, audio, nameof(audio));
        ParameterGuard.InDomain(name, "duration", duration);
        ParameterGuard.InDomain(name, "crossfade", crossfade);
        var target = AudioDsp.Samples(duration, audio.SampleRate);
        var count = audio.SampleCount;
        using var scope = NewDisposeScope();
        var source = audio.Tensor;
        if (count >= target || mode == DurationFit.Trim)
            return Audio.FromTensor(source.narrow(1, 0, Math.Min(count, target)).clone(), audio.SampleRate);
        var result = torch.zeros(new[] { (long)audio.Channels, target }, ScalarType.Float32);
        if (mode == DurationFit.Pad)
        {
            result.narrow(1, 0, count).copy_(source);
            return Audio.FromTensor(result, audio.SampleRate);
        }
        if (count == 0)
            throw new ArgumentException($"{name}: cannot loop empty audio to {duration} s; use mode pad", nameof(audio));

        // The first pass plays the audio up to the start of the blend; every later pass is the loop body, whose
        // head blends the audio's tail (fading out) into its head (fading in), so each seam continues smoothly.
        var blend = Math.Min(AudioDsp.Samples(crossfade, audio.SampleRate), count / 2);
        var period = count - blend;
        var body = source.narrow(1, 0, period).clone();
        if (blend > 0)
        {
            var x = torch.arange(blend, ScalarType.Float64).add_(0.5).div_(blend).mul_(Math.PI / 2);
            var fadeIn = x.sin().to_type(ScalarType.Float32).unsqueeze(0);
            var fadeOut = x.cos().to_type(ScalarType.Float32).unsqueeze(0);
            body.narrow(1, 0, blend).mul_(fadeIn).add_(source.narrow(1, period, blend).mul(fadeOut));
        }
        var first = Math.Min(period, target);
        result.narrow(1, 0, first).copy_(source.narrow(1, 0, first));
        var rest = target - first;
        if (rest > 0) result.narrow(1, first, rest).copy_(body.repeat(1, (rest + period - 1) / period).narrow(1, 0, rest));
        return Audio.FromTensor(result, audio.SampleRate);
    }

    /// <summary>Converts audio to another sample rate.</summary>
    /// <param name="audio">The audio.</param>
    /// <param name="sampleRate">The new rate in Hz.</param>
    /// <param name="cancellationToken">Stops the work between blocks.</param>
    /// <returns>The same sound at the new rate (band-limited: content above the new Nyquist frequency is removed).</returns>
    [SymFunction(Summary = "Convert audio to another sample rate", Category = "audio")]
    public static Audio Resample(
        Audio audio,
        [SymParam(SymKind.Frequency, Min = 8000, Max = 192000, Summary = "The new sample rate")] int sampleRate = 48000,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(Resample);
        AudioDsp.Input(name, audio, nameof(audio));
        AudioDsp.SampleRate(name, sampleRate);
        using var scope = NewDisposeScope();
        return Audio.FromTensor(AudioResampler.Resample(audio.Tensor, audio.SampleRate, sampleRate, cancellationToken), sampleRate);
    }
}
