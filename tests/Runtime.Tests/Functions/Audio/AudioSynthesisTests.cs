using SymbolicGen.Runtime.Functions;
using Xunit;
using static SymbolicGen.Runtime.Tests.Functions.AudioAnalysis;

namespace SymbolicGen.Runtime.Tests.Functions;

public sealed class AudioSynthesisTests
{
    [Fact]
    public void A_440_Hz_sine_peaks_at_440_Hz_with_the_given_amplitude()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var tone = AudioSynthesis.Tone(440, 1, Waveform.Sine, 0.5, 44100);
            Assert.Equal((1, 44100L, 44100), (tone.Channels, tone.SampleCount, tone.SampleRate));
            var x = Channel(tone);
            var spectrum = PowerSpectrum(x, 16384);
            Assert.InRange(PeakFrequency(spectrum, 44100), 440 - 2.7, 440 + 2.7); // one bin is 2.7 Hz
            Assert.Equal(0.5, Amplitude(x, 440, 44100), 1e-3);
            Assert.Equal(0.5, Peak(x), 1e-4);
            Assert.Equal(0.5 / Math.Sqrt(2), Rms(x), 1e-4);
            Assert.Equal(0f, x[0]);
            // Phase-continuous to the end: the last sample is where the formula puts it.
            Assert.Equal(0.5 * Math.Sin(2 * Math.PI * 440 * 44099 / 44100), x[^1], 1e-5);
        });
    }

    [Fact]
    public void A_square_wave_has_odd_harmonics_at_one_over_n_and_no_even_ones()
    {
        using var tone = AudioSynthesis.Tone(500, 1, Waveform.Square, 0.5, 48000);
        var x = Channel(tone);
        var fundamental = Amplitude(x, 500, 48000);
        // An ideal square wave of amplitude A has a fundamental of 4A/π.
        Assert.Equal(4 * 0.5 / Math.PI, fundamental, 5e-3);
        Assert.Equal(Db(1.0 / 3), Db(Amplitude(x, 1500, 48000) / fundamental), 0.1);
        Assert.Equal(Db(1.0 / 5), Db(Amplitude(x, 2500, 48000) / fundamental), 0.1);
        Assert.True(Db(Amplitude(x, 1000, 48000) / fundamental) < -60);
        Assert.True(Db(Amplitude(x, 2000, 48000) / fundamental) < -60);
    }

    [Fact]
    public void A_saw_has_every_harmonic_at_one_over_n_and_far_less_aliasing_than_a_naive_saw()
    {
        const int rate = 44100;
        using (var low = AudioSynthesis.Tone(400, 1, Waveform.Saw, 0.5, rate))
        {
            var s = Channel(low);
            var first = Amplitude(s, 400, rate);
            // An ideal sawtooth of amplitude A has a fundamental of 2A/π; PolyBLEP rounds off the top octaves a little.
            Assert.Equal(2 * 0.5 / Math.PI, first, 5e-3);
            Assert.Equal(Db(0.5), Db(Amplitude(s, 800, rate) / first), 0.1);
            Assert.Equal(Db(1.0 / 3), Db(Amplitude(s, 1200, rate) / first), 0.1);
            Assert.Equal(Db(1.0 / 4), Db(Amplitude(s, 1600, rate) / first), 0.1);
        }

        const double f = 2950; // harmonics above 22050 Hz fold back between the true ones
        using var tone = AudioSynthesis.Tone(f, 1, Waveform.Saw, 0.5, rate);
        var x = Channel(tone);

        var naive = new float[x.Length];
        for (var i = 0; i < naive.Length; i++)
        {
            var phase = f * i / rate % 1;
            naive[i] = (float)(0.5 * (2 * phase - 1));
        }
        Assert.True(AliasedPower(x) < AliasedPower(naive) / 10, "PolyBLEP should remove at least 10 dB of the aliased power");
        Assert.True(AliasedPower(x) < 1e-3 * TotalPower(x));

        static double TotalPower(float[] s) => BandPower(PowerSpectrum(s, 8192), 0, rate, rate);

        // Power in the bins that are not within 30 Hz of a true harmonic (below 12 kHz, where the ear is keenest).
        static double AliasedPower(float[] s)
        {
            var spectrum = PowerSpectrum(s, 8192);
            double sum = 0;
            for (var k = 1; k < spectrum.Length; k++)
            {
                var freq = (double)k * rate / 8192;
                if (freq > 12000) break;
                var nearest = Math.Round(freq / f) * f;
                if (Math.Abs(freq - nearest) > 30) sum += spectrum[k];
            }
            return sum;
        }
    }

    [Fact]
    public void A_triangle_has_odd_harmonics_at_one_over_n_squared()
    {
        using var tone = AudioSynthesis.Tone(500, 1, Waveform.Triangle, 1, 48000);
        var x = Channel(tone);
        Assert.Equal(1, Peak(x), 1e-3);
        var fundamental = Amplitude(x, 500, 48000);
        Assert.Equal(8 / (Math.PI * Math.PI), fundamental, 5e-3);
        Assert.Equal(Db(1.0 / 9), Db(Amplitude(x, 1500, 48000) / fundamental), 0.3);
        Assert.True(Db(Amplitude(x, 1000, 48000) / fundamental) < -60);
    }

    [Theory]
    [InlineData(22050, 44100)]
    [InlineData(30000, 44100)]
    [InlineData(5000, 8000)]
    public void A_tone_at_or_above_the_Nyquist_frequency_is_refused(double frequency, int rate)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AudioSynthesis.Tone(frequency, 1, Waveform.Sine, 0.5, rate));
        Assert.Contains("Tone", e.Message);
        Assert.Contains("Nyquist", e.Message);
    }

    [Fact]
    public void A_zero_length_tone_is_empty_audio()
    {
        using var tone = AudioSynthesis.Tone(440, 0, Waveform.Sine, 0.5, 44100);
        Assert.Equal(0, tone.SampleCount);
    }

    [Fact]
    public void White_noise_is_flat_uniform_and_fixed_by_its_seed()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var noise = AudioSynthesis.Noise(NoiseColor.White, 2, 0.5, 7, 32000);
            using var same = AudioSynthesis.Noise(NoiseColor.White, 2, 0.5, 7, 32000);
            using var other = AudioSynthesis.Noise(NoiseColor.White, 2, 0.5, 8, 32000);
            var x = Channel(noise);
            Assert.Equal(x, Channel(same));
            Assert.NotEqual(x, Channel(other));
            Assert.InRange(Peak(x), 0.49, 0.5);
            Assert.Equal(0.5 / Math.Sqrt(3), Rms(x), 3e-3); // uniform in [-a, a]
            Assert.InRange(x.Average(), -0.005, 0.005);
            var spectrum = PowerSpectrum(x);
            Assert.InRange(SlopePerOctave(spectrum, 100, 7, 32000), -0.5, 0.5);
        });
    }

    [Theory]
    [InlineData(NoiseColor.Pink, -3.0)]
    [InlineData(NoiseColor.Brown, -6.0)]
    public void Coloured_noise_falls_by_the_expected_dB_per_octave(NoiseColor color, double slope)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var noise = AudioSynthesis.Noise(color, 3, 0.8, 1, 44100);
            var x = Channel(noise);
            Assert.Equal(0.8, Peak(x), 1e-4);
            Assert.InRange(x.Average(), -0.05, 0.05);
            var spectrum = PowerSpectrum(x, 8192);
            // From 80 Hz to 10 kHz: seven octaves.
            Assert.InRange(SlopePerOctave(spectrum, 80, 7, 44100), slope - 0.5, slope + 0.5);
        });
    }
}
