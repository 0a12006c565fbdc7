using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

/// <summary>Filters and reverb.</summary>
public static class AudioFilters
{
    /// <summary>Removes content above a cutoff frequency.</summary>
    /// <param name="audio">The audio.</param>
    /// <param name="cutoff">Cutoff in Hz, below the Nyquist frequency.</param>
    /// <param name="q">Resonance: 0.7071 is maximally flat (Butterworth, -3 dB at the cutoff); higher values peak at the cutoff.</param>
    /// <param name="cancellationToken">Stops the work between blocks.</param>
    /// <returns>The filtered audio (12 dB per octave above the cutoff).</returns>
    [SymFunction(Summary = "Low-pass filter (biquad, 12 dB per octave)", Category = "audio")]
    public static Audio LowPass(
        Audio audio,
        [SymParam(SymKind.Frequency, Min = 10, Max = 96000, Summary = "Cutoff frequency")] double cutoff = 1000,
        [SymParam(Min = 0.1, Max = 20, Summary = "Resonance; 0.7071 is flat (Butterworth)")] double q = 0.7071,
        CancellationToken cancellationToken = default) =>
        Filter(nameof(LowPass), audio, cutoff, q, Biquad.LowPass, cancellationToken);

    /// <summary>Removes content below a cutoff frequency.</summary>
    /// <param name="audio">The audio.</param>
    /// <param name="cutoff">Cutoff in Hz, below the Nyquist frequency.</param>
    /// <param name="q">Resonance: 0.7071 is maximally flat (Butterworth, -3 dB at the cutoff); higher values peak at the cutoff.</param>
    /// <param name="cancellationToken">Stops the work between blocks.</param>
    /// <returns>The filtered audio (12 dB per octave below the cutoff).</returns>
    [SymFunction(Summary = "High-pass filter (biquad, 12 dB per octave)", Category = "audio")]
    public static Audio HighPass(
        Audio audio,
        [SymParam(SymKind.Frequency, Min = 10, Max = 96000, Summary = "Cutoff frequency")] double cutoff = 200,
        [SymParam(Min = 0.1, Max = 20, Summary = "Resonance; 0.7071 is flat (Butterworth)")] double q = 0.7071,
        CancellationToken cancellationToken = default) =>
        Filter(nameof(HighPass), audio, cutoff, q, Biquad.HighPass, cancellationToken);

    private static Audio Filter(string name, Audio audio, double cutoff, double q, Func<double, double, int, Biquad> design, CancellationToken cancellationToken)
    {
        AudioDsp.Input(name, audio, nameof(audio));
        ParameterGuard.InDomain(name, "cutoff", cutoff);
        AudioDsp.BelowNyquist(name, "cutoff", cutoff, audio.SampleRate);
        ParameterGuard.InDomain(name, "q", q);
        using var scope = NewDisposeScope();
        var filtered = AudioDsp.PerChannel(audio.Tensor, () => design(cutoff, q, audio.SampleRate), cancellationToken);
        return Audio.FromTensor(filtered, audio.SampleRate);
    }

    /// <summary>Adds reverberation.</summary>
    /// <param name="audio">The audio.</param>
    /// <param name="roomSize">0: a small room (short decay); 1: a hall (long decay).</param>
    /// <param name="damping">How fast high frequencies die away in the tail.</param>
    /// <param name="wet">Share of reverberated sound in the result (0: unchanged, 1: reverb only).</param>
    /// <param name="tail">Seconds added at the end so that the reverb can ring out.</param>
    /// <param name="progress">Receives the fraction done.</param>
    /// <param name="cancellationToken">Stops the work between blocks.</param>
    /// <returns>The audio with reverb, with the same channels, <paramref name="tail"/> seconds longer.</returns>
    [SymFunction(Summary = "Add reverb (Freeverb: comb and all-pass filters)", Category = "audio")]
    public static Audio Reverb(
        Audio audio,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "From a small room to a hall")] double roomSize = 0.5,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "How fast high frequencies die away")] double damping = 0.5,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "Share of reverberated sound")] double wet = 0.3,
        [SymParam(SymKind.Duration, Min = 0, Max = 30, Summary = "Time added at the end for the reverb to ring out")] double tail = 0,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string name = nameof(Reverb);
        AudioDsp.Input(name, audio, nameof(audio));
        ParameterGuard.InDomain(name, "room_size", roomSize);
        ParameterGuard.InDomain(name, "damping", damping);
        ParameterGuard.InDomain(name, "wet", wet);
        ParameterGuard.InDomain(name, "tail", tail);

        using var scope = NewDisposeScope();
        var extra = AudioDsp.Samples(tail, audio.SampleRate);
        var dry = extra > 0 ? torch.nn.functional.pad(audio.Tensor, new[] { 0L, extra }) : audio.Tensor;
        var count = dry.shape[1];
        // Freeverb feeds one mono sum into a separate bank per output channel, each a few samples detuned.
        var input = AudioDsp.ToArray(dry.mean(new long[] { 0 }));
        var rows = new Tensor[audio.Channels];
        for (var c = 0; c < audio.Channels; c++)
        {
            var bank = new Freeverb(audio.SampleRate, c, roomSize, damping);
            var output = new float[input.Length];
            for (var start = 0; start < input.Length; start += AudioDsp.LoopBlock)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var length = Math.Min(AudioDsp.LoopBlock, input.Length - start);
                bank.Process(input.AsSpan(start, length), output.AsSpan(start, length));
                AudioDsp.Report(progress, (c + (double)(start + length) / Math.Max(1, input.Length)) / audio.Channels);
            }
            rows[c] = AudioDsp.ToRow(output);
        }
        var reverberated = count == 0 ? torch.zeros_like(dry) : torch.cat(rows, 0);
        var result = dry.mul(1 - wet).add_(reverberated, wet);
        return Audio.FromTensor(result, audio.SampleRate);
    }
}

/// <summary>
/// Jezar's Freeverb for one output channel: eight parallel feedback comb filters with one-pole low-pass
/// damping in the loop, then four series all-pass filters; delay lengths (tuned at 44.1 kHz) scale with the
/// sample rate, and each channel adds 23 samples of spread per channel index.
/// </summary>
internal sealed class Freeverb
{
    private static readonly int[] CombTuning = { 1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617 };
    private static readonly int[] AllpassTuning = { 556, 441, 341, 225 };
    private const int StereoSpread = 23;

    /// <summary>
    /// Freeverb's input gain (0.015) times its wet scale (3): white noise through a medium room (size 0.5,
    /// damping 0.5) comes out at about the level it went in.
    /// </summary>
    internal const double OutputGain = 0.045;

    private readonly float[][] _comb, _allpass;
    private readonly int[] _combIndex, _allpassIndex;
    private readonly double[] _combFilter;
    private readonly double _feedback, _damp;

    public Freeverb(int sampleRate, int channel, double roomSize, double damping)
    {
        var scale = sampleRate / 44100.0;
        var spread = channel * StereoSpread;
        _comb = new float[CombTuning.Length][];
        for (var i = 0; i < CombTuning.Length; i++) _comb[i] = new float[Math.Max(1, (int)Math.Round((CombTuning[i] + spread) * scale))];
        _allpass = new float[AllpassTuning.Length][];
        for (var i = 0; i < AllpassTuning.Length; i++) _allpass[i] = new float[Math.Max(1, (int)Math.Round((AllpassTuning[i] + spread) * scale))];
        _combIndex = new int[_comb.Length];
        _allpassIndex = new int[_allpass.Length];
        _combFilter = new double[_comb.Length];
        _feedback = roomSize * 0.28 + 0.7;
        _damp = damping * 0.4;
    }

    public void Process(ReadOnlySpan<float> input, Span<float> output)
    {
        double feedback = _feedback, damp1 = _damp, damp2 = 1 - _damp;
        for (var n = 0; n < input.Length; n++)
        {
            double x = input[n] * OutputGain, sum = 0;
            for (var i = 0; i < _comb.Length; i++)
            {
                var buffer = _comb[i];
                var j = _combIndex[i];
                double y = buffer[j];
                var filtered = y * damp2 + _combFilter[i] * damp1;
                // Denormals in a decaying tail would slow the loop to a crawl.
                if (Math.Abs(filtered) < 1e-25) filtered = 0;
                _combFilter[i] = filtered;
                buffer[j] = (float)(x + filtered * feedback);
                _combIndex[i] = ++j == buffer.Length ? 0 : j;
                sum += y;
            }
            for (var i = 0; i < _allpass.Length; i++)
            {
                var buffer = _allpass[i];
                var j = _allpassIndex[i];
                double delayed = buffer[j];
                buffer[j] = (float)(sum + delayed * 0.5);
                _allpassIndex[i] = ++j == buffer.Length ? 0 : j;
                sum = delayed - sum;
            }
            output[n] = (float)sum;
        }
    }
}
