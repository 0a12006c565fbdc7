using SymbolicGen.Runtime.Functions;
using Xunit;
using static SymbolicGen.Runtime.Tests.Functions.AudioAnalysis;

namespace SymbolicGen.Runtime.Tests.Functions;

public sealed class AudioFilterTests
{
    private const int Rate = 32000;

    /// <summary>The gain in dB that <paramref name="filter"/> gives a sine at <paramref name="frequency"/>, measured after the filter settles.</summary>
    private static double MeasuredDb(Func<Audio, Audio> filter, double frequency)
    {
        var data = new float[Rate / 2];
        for (var i = 0; i < data.Length; i++) data[i] = (float)(0.5 * Math.Sin(2 * Math.PI * frequency * i / Rate));
        using var audio = Audio.FromInterleaved(data, 1, Rate);
        using var filtered = filter(audio);
        var settled = Channel(filtered)[4000..];
        return Db(Amplitude(settled, frequency, Rate) / 0.5);
    }

    [Theory]
    [InlineData(1000, 0.7071)]
    [InlineData(2500, 2.0)]
    public void LowPass_has_the_RBJ_biquad_response(double cutoff, double q)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var design = Biquad.LowPass(cutoff, q, Rate);
            foreach (var f in new[] { cutoff / 4, cutoff, cutoff * 2, cutoff * 4 })
                Assert.Equal(design.ResponseDb(f, Rate), MeasuredDb(a => AudioFilters.LowPass(a, cutoff, q), f), 0.1);
        });
        if (q == 0.7071)
        {
            Assert.Equal(-3.01, MeasuredDb(a => AudioFilters.LowPass(a, cutoff, q), cutoff), 0.05);
            Assert.Equal(0, MeasuredDb(a => AudioFilters.LowPass(a, cutoff, q), cutoff / 8), 0.05);
            // Two octaves above: about 24 dB down (12 dB per octave), a little more from the bilinear transform.
            Assert.InRange(MeasuredDb(a => AudioFilters.LowPass(a, cutoff, q), cutoff * 4), -26, -23.5);
        }
    }

    [Fact]
    public void HighPass_mirrors_the_low_pass()
    {
        var design = Biquad.HighPass(500, 0.7071, Rate);
        foreach (var f in new[] { 125.0, 250, 500, 2000, 8000 })
            Assert.Equal(design.ResponseDb(f, Rate), MeasuredDb(a => AudioFilters.HighPass(a, 500), f), 0.1);
        Assert.Equal(-3.01, MeasuredDb(a => AudioFilters.HighPass(a, 500), 500), 0.05);
        Assert.InRange(MeasuredDb(a => AudioFilters.HighPass(a, 500), 125), -25, -23);
        Assert.Equal(0, MeasuredDb(a => AudioFilters.HighPass(a, 500), 8000), 0.05);
    }

    [Fact]
    public void Filters_treat_every_channel_alike_and_refuse_a_cutoff_above_Nyquist()
    {
        var data = Synthetic.SineInterleaved(2, 8000, Rate, 3000);
        using var audio = Audio.FromInterleaved(data, 2, Rate);
        using var filtered = AudioFilters.LowPass(audio, 2000);
        using var left = Audio.FromInterleaved(Channel(audio, 0), 1, Rate);
        using var leftFiltered = AudioFilters.LowPass(left, 2000);
        Assert.Equal(Channel(leftFiltered), Channel(filtered, 0));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AudioFilters.HighPass(audio, 16000));
        Assert.Contains("HighPass: cutoff", e.Message);
    }

    private static Audio Impulse(int samples, int channels = 1)
    {
        var data = new float[samples * channels];
        for (var c = 0; c < channels; c++) data[c] = 1;
        return Audio.FromInterleaved(data, channels, 44100);
    }

    /// <summary>Seconds until the energy still to come (Schroeder's backward integral) has dropped by 30 dB.</summary>
    private static double DecayTime(float[] response)
    {
        var remaining = new double[response.Length];
        double sum = 0;
        for (var i = response.Length - 1; i >= 0; i--) remaining[i] = sum += (double)response[i] * response[i];
        for (var i = 0; i < remaining.Length; i++)
            if (remaining[i] < remaining[0] * 1e-3) return i / 44100.0;
        return response.Length / 44100.0;
    }

    [Fact]
    public void Reverb_rings_longer_in_a_larger_room()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var impulse = Impulse(44100 * 3);
            using var small = AudioFilters.Reverb(impulse, roomSize: 0.1, damping: 0.5, wet: 1);
            using var large = AudioFilters.Reverb(impulse, roomSize: 0.9, damping: 0.5, wet: 1);
            var s = Channel(small);
            var l = Channel(large);
            // Nothing arrives before the shortest comb delay (1116 samples) plus the all-passes.
            Assert.All(s[..1000], v => Assert.Equal(0f, v));
            Assert.True(Rms(s.AsSpan(2000, 4000)) > 0);
            Assert.True(DecayTime(l) > 2 * DecayTime(s), $"decay {DecayTime(l):0.00} s vs {DecayTime(s):0.00} s");
        });
    }

    [Fact]
    public void Damping_takes_the_highs_out_of_the_tail()
    {
        using var impulse = Impulse(44100 * 2);
        using var bright = AudioFilters.Reverb(impulse, 0.7, damping: 0, wet: 1);
        using var dark = AudioFilters.Reverb(impulse, 0.7, damping: 1, wet: 1);
        double HighShare(Audio a)
        {
            var tail = Channel(a)[(44100 / 2)..];
            var spectrum = PowerSpectrum(tail);
            return BandPower(spectrum, 4000, 22050, 44100) / BandPower(spectrum, 0, 22050, 44100);
        }
        Assert.True(HighShare(dark) < HighShare(bright) / 3, $"high share {HighShare(dark):P1} vs {HighShare(bright):P1}");
    }

    [Fact]
    public void Reverb_with_wet_0_is_the_input_and_a_tail_lengthens_it()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var data = Synthetic.SineInterleaved(2, 4410, 44100);
            using var audio = Audio.FromInterleaved(data, 2, 44100);
            using var dry = AudioFilters.Reverb(audio, wet: 0);
            Assert.Equal(data, dry.ToInterleaved());

            using var tailed = AudioFilters.Reverb(audio, roomSize: 0.8, wet: 0.5, tail: 1);
            Assert.Equal((2, 4410L + 44100), (tailed.Channels, tailed.SampleCount));
            var left = Channel(tailed, 0);
            var right = Channel(tailed, 1);
            Assert.True(Rms(left.AsSpan(8820, 8820)) > 1e-3, "the reverb should ring on after the input ends");
            // Each channel has its own, slightly detuned bank: the tails differ.
            Assert.True(Correlation(left.AsSpan(8820, 20000), right.AsSpan(8820, 20000)) < 0.9);
        });
    }

    [Fact]
    public void Reverb_keeps_the_level_of_noise_about_the_same()
    {
        using var noise = AudioSynthesis.Noise(NoiseColor.White, 1, 0.5, 3, 44100);
        using var wet = AudioFilters.Reverb(noise, 0.5, 0.5, wet: 1);
        Assert.InRange(Db(Rms(Channel(wet)[22050..]) / Rms(Channel(noise)[22050..])), -3, 3);
    }
}
