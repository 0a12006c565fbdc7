using SymbolicGen.Runtime.Functions;
using Xunit;
using static SymbolicGen.Runtime.Tests.Functions.AudioAnalysis;

namespace SymbolicGen.Runtime.Tests.Functions;

/// <summary>Birdsong, WaterAmbience and Wind: content, levels, parameters, determinism, progress and cancellation.</summary>
public sealed class AmbienceTests
{
    private sealed class Recorder : IProgress<double>
    {
        public List<double> Values { get; } = new();

        public void Report(double value) => Values.Add(value);
    }

    [Fact]
    public void Birdsong_is_stereo_not_silent_and_sings_in_the_2_to_8_kHz_band()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var progress = new Recorder();
            using var song = BirdsongSynthesis.Birdsong(4, 0.5, 0, 44100, progress);
            Assert.Equal((2, 4 * 44100L, 44100), (song.Channels, song.SampleCount, song.SampleRate));
            var mono = Mono(song);
            Assert.True(Db(Rms(mono)) > -40, $"RMS {Db(Rms(mono)):0.0} dBFS is too quiet");
            Assert.InRange(Peak(Channel(song, 0)), 0.05, 0.7001);
            Assert.InRange(Peak(Channel(song, 1)), 0.05, 0.7001);
            var spectrum = PowerSpectrum(mono);
            var share = BandPower(spectrum, 2000, 8000, 44100) / BandPower(spectrum, 0, 22050, 44100);
            Assert.True(share > 0.95, $"only {share:P1} of the energy lies in 2–8 kHz");
            Assert.True(BandPower(spectrum, 20, 1000, 44100) / BandPower(spectrum, 0, 22050, 44100) < 1e-4);
            Assert.Equal(1.0, progress.Values[^1]);
            Assert.Equal(progress.Values.Order(), progress.Values);
        });
    }

    [Fact]
    public void Birdsong_is_fixed_by_its_seed_and_other_seeds_pick_other_birds()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var a = BirdsongSynthesis.Birdsong(2, 0.5, 42, 22050);
            using var b = BirdsongSynthesis.Birdsong(2, 0.5, 42, 22050);
            Assert.Equal(a.ToInterleaved(), b.ToInterleaved());
            // Different seeds: different songs, and over several seeds, different pitch centres (species).
            var centroids = new List<double>();
            for (var seed = 0; seed < 5; seed++)
            {
                using var song = BirdsongSynthesis.Birdsong(2, 0.2, seed, 22050);
                var mono = Mono(song);
                Assert.NotEqual(Mono(a), mono);
                centroids.Add(Centroid(PowerSpectrum(mono), 22050));
            }
            Assert.True(centroids.Max() - centroids.Min() > 500, "seeds should change the species: centroids " + string.Join(", ", centroids.Select(c => c.ToString("0"))));
        });
    }

    [Fact]
    public void More_density_means_more_singing()
    {
        var active = new double[3];
        var densities = new[] { 0.0, 0.5, 1.0 };
        for (var i = 0; i < 3; i++)
        {
            using var song = BirdsongSynthesis.Birdsong(12, densities[i], 3, 22050);
            // The share of 50 ms frames where a bird is singing (within 30 dB of the loudest frame).
            var frames = FrameRms(Mono(song), 1102);
            var loudest = frames.Max();
            active[i] = frames.Count(f => f > loudest * 0.03) / (double)frames.Length;
        }
        Assert.True(active[0] < active[1] && active[1] < active[2], "active shares " + string.Join(", ", active.Select(a => a.ToString("P0"))));
        // At density 0 a single bird sings now and then: there are silences between its phrases.
        Assert.True(active[0] < 0.6);
    }

    [Fact]
    public void Birdsong_at_a_low_sample_rate_sings_lower_instead_of_aliasing()
    {
        using var song = BirdsongSynthesis.Birdsong(2, 0.5, 0, 8000);
        var mono = Mono(song);
        Assert.True(Db(Rms(mono)) > -45);
        Assert.All(mono, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void WaterAmbience_is_broadband_stereo_noise_that_grows_louder_and_brighter_with_flow()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var progress = new Recorder();
            using var water = WaterSynthesis.WaterAmbience(3, 0.5, 0, 44100, progress);
            Assert.Equal((2, 3 * 44100L), (water.Channels, water.SampleCount));
            Assert.Equal(1.0, progress.Values[^1]);
            var mono = Mono(water);
            var spectrum = PowerSpectrum(mono);
            // Broadband: every octave from 250 Hz to 8 kHz within 20 dB of the strongest.
            var octaves = new[] { 250, 500, 1000, 2000, 4000 }.Select(f => 10 * Math.Log10(BandPower(spectrum, f, 2 * f, 44100))).ToArray();
            Assert.True(octaves.Max() - octaves.Min() < 20, "octave levels " + string.Join(", ", octaves.Select(o => o.ToString("0.0"))));
            // Spread across the stereo field rather than one mono source.
            Assert.InRange(Correlation(Channel(water, 0), Channel(water, 1)), -0.3, 0.5);
            Assert.InRange(Peak(mono), 0.05, 1.5);

            using var trickle = WaterSynthesis.WaterAmbience(3, 0, 0, 44100);
            using var torrent = WaterSynthesis.WaterAmbience(3, 1, 0, 44100);
            var quiet = Mono(trickle);
            var loud = Mono(torrent);
            Assert.True(Db(Rms(loud) / Rms(quiet)) > 6, $"a torrent is only {Db(Rms(loud) / Rms(quiet)):0.0} dB louder than a trickle");
            Assert.True(Centroid(PowerSpectrum(loud), 44100) > Centroid(PowerSpectrum(quiet), 44100) + 1000);
        });
    }

    [Fact]
    public void A_trickle_has_droplets_that_stand_out_from_the_rush()
    {
        using var trickle = WaterSynthesis.WaterAmbience(4, 0, 5, 22050);
        using var torrent = WaterSynthesis.WaterAmbience(4, 1, 5, 22050);
        // Crest factor (peak over RMS): distinct droplets make a trickle spikier than a steady torrent.
        var t = Channel(trickle);
        var r = Channel(torrent);
        Assert.True(Peak(t) / Rms(t) > Peak(r) / Rms(r), $"crest factors {Peak(t) / Rms(t):0.0} and {Peak(r) / Rms(r):0.0}");
    }

    [Fact]
    public void WaterAmbience_is_fixed_by_its_seed()
    {
        using var a = WaterSynthesis.WaterAmbience(1, 0.5, 9, 16000);
        using var b = WaterSynthesis.WaterAmbience(1, 0.5, 9, 16000);
        using var c = WaterSynthesis.WaterAmbience(1, 0.5, 10, 16000);
        Assert.Equal(a.ToInterleaved(), b.ToInterleaved());
        Assert.NotEqual(a.ToInterleaved(), c.ToInterleaved());
    }

    [Fact]
    public void Wind_is_low_and_gusts_more_with_gustiness()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var steady = WindSynthesis.Wind(20, 0.5, 0, 1, 16000);
            using var gusty = WindSynthesis.Wind(20, 0.5, 1, 1, 16000);
            Assert.Equal((2, 20 * 16000L), (gusty.Channels, gusty.SampleCount));
            var s = Mono(steady);
            var g = Mono(gusty);
            Assert.True(Db(Rms(s)) > -40 && Db(Rms(g)) > -40);
            // Most of the energy below 2 kHz.
            var spectrum = PowerSpectrum(s);
            Assert.True(BandPower(spectrum, 0, 2000, 16000) / BandPower(spectrum, 0, 8000, 16000) > 0.8);
            // Gusts: the level of 100 ms frames varies more.
            Assert.True(Variation(g) > 1.5 * Variation(s), $"variation {Variation(g):0.00} vs {Variation(s):0.00}");
        });

        static double Variation(float[] x)
        {
            var frames = FrameRms(x, 1600);
            var mean = frames.Average();
            return Math.Sqrt(frames.Select(f => (f - mean) * (f - mean)).Average()) / mean;
        }
    }

    [Fact]
    public void Wind_grows_louder_and_brighter_with_strength_and_is_fixed_by_its_seed()
    {
        using var breeze = WindSynthesis.Wind(4, 0, 0.5, 2, 16000);
        using var gale = WindSynthesis.Wind(4, 1, 0.5, 2, 16000);
        using var again = WindSynthesis.Wind(4, 1, 0.5, 2, 16000);
        var b = Mono(breeze);
        var g = Mono(gale);
        Assert.Equal(g, Mono(again));
        Assert.True(Rms(g) > Rms(b));
        Assert.True(Centroid(PowerSpectrum(g), 16000) > Centroid(PowerSpectrum(b), 16000));
    }

    [Fact]
    public void The_generators_stop_when_cancelled_and_leave_nothing_behind()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        LiveTensors.AssertNoLeak(() =>
        {
            Assert.ThrowsAny<OperationCanceledException>(() => BirdsongSynthesis.Birdsong(30, 1, 0, 44100, null, cancelled.Token));
            Assert.ThrowsAny<OperationCanceledException>(() => WaterSynthesis.WaterAmbience(30, 1, 0, 44100, null, cancelled.Token));
            Assert.ThrowsAny<OperationCanceledException>(() => WindSynthesis.Wind(30, 1, 1, 0, 44100, null, cancelled.Token));
        });
    }

    /// <summary>Cancels its token at the first progress report after the start.</summary>
    private sealed class CancelOnProgress(CancellationTokenSource source) : IProgress<double>
    {
        public void Report(double value)
        {
            if (value > 0) source.Cancel();
        }
    }

    [Fact]
    public void The_generators_stop_part_way_through_and_leave_nothing_behind()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using (var source = new CancellationTokenSource())
                Assert.ThrowsAny<OperationCanceledException>(() => BirdsongSynthesis.Birdsong(60, 1, 0, 22050, new CancelOnProgress(source), source.Token));
            using (var source = new CancellationTokenSource())
                Assert.ThrowsAny<OperationCanceledException>(() => WaterSynthesis.WaterAmbience(20, 1, 0, 22050, new CancelOnProgress(source), source.Token));
            using (var source = new CancellationTokenSource())
                Assert.ThrowsAny<OperationCanceledException>(() => WindSynthesis.Wind(20, 1, 1, 0, 22050, new CancelOnProgress(source), source.Token));
        });
    }

    [Fact]
    public void Out_of_range_arguments_name_the_function_and_the_parameter()
    {
        Assert.StartsWith("'duration' is 0.01 s; Birdsong accepts 0.1 s to 600 s", Assert.Throws<ArgumentOutOfRangeException>(() => BirdsongSynthesis.Birdsong(0.01)).Message);
        Assert.StartsWith("'flow' is 2; WaterAmbience accepts 0 to 1", Assert.Throws<ArgumentOutOfRangeException>(() => WaterSynthesis.WaterAmbience(flow: 2)).Message);
        Assert.Contains("Wind: sample_rate", Assert.Throws<ArgumentOutOfRangeException>(() => WindSynthesis.Wind(sampleRate: 4000)).Message);
    }
}
