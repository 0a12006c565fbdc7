using SymbolicGen.Runtime.Functions;
using TorchSharp;
using Xunit;
using static SymbolicGen.Runtime.Tests.Functions.AudioAnalysis;

namespace SymbolicGen.Runtime.Tests.Functions;

public sealed class AudioEditingTests
{
    private static Audio Constant(float value, int samples, int rate = 8000, int channels = 1)
    {
        var data = new float[samples * channels];
        Array.Fill(data, value);
        return Audio.FromInterleaved(data, channels, rate);
    }

    private static Audio Sine(double frequency, double seconds, int rate, double amplitude = 0.5)
    {
        var data = new float[(int)Math.Round(seconds * rate)];
        for (var i = 0; i < data.Length; i++) data[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate));
        return Audio.FromInterleaved(data, 1, rate);
    }

    [Fact]
    public void AudioMix_adds_the_tracks_with_their_gains_in_dB()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var a = Sine(440, 0.5, 16000);
            using var b = Sine(1000, 0.5, 16000);
            using var mix = AudioEditing.AudioMix(a, b, gainA: -6, gainB: -20);
            var x = Channel(mix);
            Assert.Equal(0.5 * Math.Pow(10, -6 / 20.0), Amplitude(x, 440, 16000), 1e-3);
            Assert.Equal(0.5 * 0.1, Amplitude(x, 1000, 16000), 1e-3);
            var expected = Channel(a).Zip(Channel(b), (p, q) => p * Math.Pow(10, -6 / 20.0) + q * 0.1).ToArray();
            for (var i = 0; i < x.Length; i++) Assert.Equal(expected[i], x[i], 1e-6);
        });
    }

    [Fact]
    public void AudioMix_lasts_as_long_as_the_longer_track_and_pads_the_shorter_with_silence()
    {
        using var a = Constant(0.25f, 100);
        using var b = Constant(0.5f, 300);
        using var mix = AudioEditing.AudioMix(a, b);
        var x = Channel(mix);
        Assert.Equal(300, x.Length);
        Assert.All(x.Take(100), v => Assert.Equal(0.75f, v));
        Assert.All(x.Skip(100), v => Assert.Equal(0.5f, v));
    }

    [Fact]
    public void AudioMix_resamples_b_to_the_rate_of_a()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var a = Sine(1000, 1, 48000);
            using var b = Sine(3000, 1, 44100);
            using var mix = AudioEditing.AudioMix(a, b);
            Assert.Equal(48000, mix.SampleRate);
            Assert.Equal(48000, mix.SampleCount);
            var x = Channel(mix);
            Assert.Equal(0.5, Amplitude(x, 1000, 48000), 2e-3);
            Assert.Equal(0.5, Amplitude(x, 3000, 48000), 2e-3);
        });
    }

    [Fact]
    public void AudioMix_copies_a_mono_track_into_both_channels_of_a_stereo_one()
    {
        using var mono = Constant(0.1f, 50);
        using var stereo = Audio.FromInterleaved(Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? 0.2f : -0.2f).ToArray(), 2, 8000);
        using var mix = AudioEditing.AudioMix(mono, stereo);
        Assert.Equal(2, mix.Channels);
        Assert.All(Channel(mix, 0), v => Assert.Equal(0.3f, v, 1e-6f));
        Assert.All(Channel(mix, 1), v => Assert.Equal(-0.1f, v, 1e-6f));
        using var swapped = AudioEditing.AudioMix(stereo, mono);
        Assert.Equal(mix.ToInterleaved(), swapped.ToInterleaved());
    }

    [Fact]
    public void AudioMix_refuses_channel_counts_that_do_not_upmix()
    {
        using var stereo = Constant(0.1f, 10, channels: 2);
        using var surround = Constant(0.1f, 10, channels: 6);
        var e = Assert.Throws<ArgumentException>(() => AudioEditing.AudioMix(stereo, surround));
        Assert.Contains("AudioMix", e.Message);
        Assert.Contains("2 channels", e.Message);
    }

    [Fact]
    public void Gain_scales_by_ten_to_the_dB_over_20()
    {
        using var audio = Constant(0.5f, 10);
        using var quieter = AudioEditing.Gain(audio, -6.0206);
        using var louder = AudioEditing.Gain(audio, 20);
        Assert.All(Channel(quieter), v => Assert.Equal(0.25f, v, 1e-5f));
        Assert.All(Channel(louder), v => Assert.Equal(5f, v, 1e-5f));
    }

    [Theory]
    [InlineData(FadeCurve.Linear, 0.5)]
    [InlineData(FadeCurve.Smooth, 0.5)]
    [InlineData(FadeCurve.EqualPower, 0.70710678)]
    public void Fade_ramps_the_start_from_0_and_the_end_to_0_along_the_curve(FadeCurve curve, double middle)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var audio = Constant(1f, 8000);
            using var faded = AudioEditing.Fade(audio, 0.25, 0.5, curve);
            var x = Channel(faded);
            Assert.Equal(0f, x[0]);
            Assert.Equal(0f, x[^1]);
            Assert.Equal(middle, x[1000], 1e-6); // halfway through the 2000-sample fade-in
            Assert.Equal(middle, x[7999 - 2000], 1e-6); // halfway through the 4000-sample fade-out
            Assert.All(x[2000..4000], v => Assert.Equal(1f, v));
            for (var i = 1; i < 2000; i++) Assert.True(x[i] > x[i - 1]);
            for (var i = 4001; i < 8000; i++) Assert.True(x[i] < x[i - 1]);
            if (curve == FadeCurve.Linear) Assert.Equal(0.25, x[500], 1e-6);
            if (curve == FadeCurve.Smooth) Assert.Equal(0.5 - 0.5 * Math.Cos(Math.PI / 4), x[500], 1e-6);
        });
    }

    [Fact]
    public void Fades_longer_than_the_audio_are_cut_short_and_overlapping_fades_multiply()
    {
        using var audio = Constant(1f, 1000);
        using var faded = AudioEditing.Fade(audio, 0.25, 0.25, FadeCurve.Linear); // 2000-sample fades on 1000 samples
        var x = Channel(faded);
        Assert.Equal((500.0 / 2000) * (499.0 / 2000), x[500], 1e-6);
        Assert.Equal(0f, x[0]);
        Assert.Equal(0f, x[^1]);
    }

    [Fact]
    public void Trim_keeps_exactly_the_stretch_asked_for()
    {
        using var audio = Audio.FromInterleaved(Enumerable.Range(0, 800).Select(i => i / 1000f).ToArray(), 1, 8000);
        using var middle = AudioEditing.Trim(audio, 0.01, 0.005);
        Assert.Equal(Enumerable.Range(80, 40).Select(i => i / 1000f), Channel(middle));
        using var rest = AudioEditing.Trim(audio, 0.05);
        Assert.Equal(Enumerable.Range(400, 400).Select(i => i / 1000f), Channel(rest));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AudioEditing.Trim(audio, 0.1));
        Assert.Contains("Trim: start", e.Message);
    }

    [Fact]
    public void FitDuration_loops_pads_or_trims_to_the_exact_length()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var samples = Enumerable.Range(0, 300).Select(i => (float)Math.Sin(i * 0.1)).ToArray();
            using var audio = Audio.FromInterleaved(samples, 1, 8000);
            using (var looped = AudioEditing.FitDuration(audio, 0.1, DurationFit.Loop))
            {
                var x = Channel(looped);
                Assert.Equal(800, x.Length);
                for (var i = 0; i < x.Length; i++) Assert.Equal(samples[i % 300], x[i]);
            }
            using (var padded = AudioEditing.FitDuration(audio, 0.1, DurationFit.Pad))
            {
                var x = Channel(padded);
                Assert.Equal(samples, x[..300]);
                Assert.All(x[300..], v => Assert.Equal(0f, v));
            }
            using (var kept = AudioEditing.FitDuration(audio, 0.1, DurationFit.Trim)) Assert.Equal(samples, Channel(kept));
            foreach (var mode in Enum.GetValues<DurationFit>())
            {
                using var cut = AudioEditing.FitDuration(audio, 0.02, mode);
                Assert.Equal(samples[..160], Channel(cut));
            }
        });
    }

    [Fact]
    public void A_crossfaded_loop_has_no_click_at_its_seams()
    {
        // 0.3 s of 440 Hz is 132 periods: the loop seam jumps from one phase to another.
        using var audio = Sine(440, 0.3003, 16000);
        using var hard = AudioEditing.FitDuration(audio, 2, DurationFit.Loop);
        using var soft = AudioEditing.FitDuration(audio, 2, DurationFit.Loop, crossfade: 0.02);
        Assert.Equal(32000, soft.SampleCount);
        var normalStep = 0.5 * 2 * Math.PI * 440 / 16000; // the largest sample-to-sample step of the sine
        var h = Channel(hard);
        var s = Channel(soft);
        Assert.True(MaxStep(h) > 2 * normalStep, "the test signal should click when looped without a crossfade");
        Assert.True(MaxStep(s) < 1.1 * normalStep, $"largest step {MaxStep(s):0.000} vs {normalStep:0.000}");
        // The first pass is the original audio up to the blend.
        Assert.Equal(Channel(audio)[..(4805 - 320)], s[..(4805 - 320)]);

        static double MaxStep(float[] x)
        {
            double max = 0;
            for (var i = 1; i < x.Length; i++) max = Math.Max(max, Math.Abs(x[i] - x[i - 1]));
            return max;
        }
    }

    [Fact]
    public void Resample_converts_a_sine_to_the_same_sine_at_the_new_rate()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var audio = Sine(1000, 0.5, 44100);
            using var resampled = AudioEditing.Resample(audio, 48000);
            Assert.Equal((48000, 24000L), (resampled.SampleRate, resampled.SampleCount));
            var x = Channel(resampled);
            // Away from the edges (where the filter sees zeros beyond the audio) it matches the ideal sine.
            for (var i = 200; i < x.Length - 200; i++)
                Assert.Equal(0.5 * Math.Sin(2 * Math.PI * 1000 * i / 48000), x[i], 2e-4);
        });
    }

    [Fact]
    public void Downsampling_removes_content_above_the_new_Nyquist_frequency_instead_of_aliasing_it()
    {
        var data = new float[48000];
        for (var i = 0; i < data.Length; i++)
            data[i] = (float)(0.4 * Math.Sin(2 * Math.PI * 1000 * i / 48000) + 0.4 * Math.Sin(2 * Math.PI * 6000 * i / 48000));
        using var audio = Audio.FromInterleaved(data, 1, 48000);
        using var low = AudioEditing.Resample(audio, 8000);
        var x = Channel(low);
        Assert.Equal(8000, x.Length);
        Assert.Equal(0.4, Amplitude(x, 1000, 8000), 2e-3);
        // 6 kHz would fold to 2 kHz.
        Assert.True(Db(Amplitude(x, 2000, 8000) / 0.4) < -80, $"alias at {Db(Amplitude(x, 2000, 8000) / 0.4):0} dB");
    }

    [Theory]
    [InlineData(44100, 48000)]
    [InlineData(48000, 22050)]
    [InlineData(8000, 11025)]
    public void The_polyphase_and_direct_resamplers_agree(int from, int to)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var audio = Sine(700, 0.2, from);
            using var scope = torch.NewDisposeScope();
            var polyphase = AudioResampler.Resample(audio.Tensor, from, to, default);
            var direct = AudioResampler.Resample(audio.Tensor, from, to, default, forceDirect: true);
            Assert.Equal(polyphase.shape, direct.shape);
            Assert.True(polyphase.sub(direct).abs().max().ToDouble() < 1e-5);
        });
    }

    [Fact]
    public void Resampling_to_an_awkward_ratio_works_and_keeps_the_pitch()
    {
        // 44100 to 44101 Hz: 44101 polyphase branches would be too many, so the direct path runs.
        using var audio = Sine(2000, 0.2, 44100);
        using var resampled = AudioEditing.Resample(audio, 44101);
        Assert.Equal(44101, resampled.SampleRate);
        Assert.Equal(8821, resampled.SampleCount);
        Assert.Equal(0.5, Amplitude(Channel(resampled), 2000, 44101), 2e-3);
    }

    [Fact]
    public void Stereo_channels_are_resampled_independently()
    {
        var data = Synthetic.SineInterleaved(2, 4410, 44100, 500);
        using var audio = Audio.FromInterleaved(data, 2, 44100);
        using var resampled = AudioEditing.Resample(audio, 16000);
        Assert.Equal(0.5, Amplitude(Channel(resampled, 0), 500, 16000), 5e-3);
        Assert.Equal(0.5, Amplitude(Channel(resampled, 1), 1000, 16000), 5e-3);
        Assert.True(Amplitude(Channel(resampled, 0), 1000, 16000) < 1e-3);
    }
}
