using System.Numerics;
using Xunit;

namespace SymbolicGen.Runtime.Tests.Functions;

/// <summary>
/// Independent measurements for the audio tests, in plain C# (no TorchSharp): FFT power spectra, band
/// powers, single-frequency amplitudes and levels.
/// </summary>
internal static class AudioAnalysis
{
    /// <summary>Channel <paramref name="channel"/> of <paramref name="audio"/> as an array.</summary>
    public static float[] Channel(Audio audio, int channel = 0)
    {
        var interleaved = audio.ToInterleaved();
        var result = new float[audio.SampleCount];
        for (var i = 0; i < result.Length; i++) result[i] = interleaved[i * audio.Channels + channel];
        return result;
    }

    /// <summary>The mono sum of all channels.</summary>
    public static float[] Mono(Audio audio)
    {
        var interleaved = audio.ToInterleaved();
        var result = new float[audio.SampleCount];
        for (var i = 0; i < result.Length; i++)
            for (var c = 0; c < audio.Channels; c++) result[i] += interleaved[i * audio.Channels + c];
        return result;
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x) sum += (double)v * v;
        return x.Length == 0 ? 0 : Math.Sqrt(sum / x.Length);
    }

    public static double Peak(ReadOnlySpan<float> x)
    {
        double peak = 0;
        foreach (var v in x) peak = Math.Max(peak, Math.Abs(v));
        return peak;
    }

    public static double Db(double ratio) => 20 * Math.Log10(ratio);

    /// <summary>
    /// The amplitude of the component at <paramref name="frequency"/> (a sine of amplitude A gives A), by
    /// correlation with a Hann-windowed complex exponential over the whole signal.
    /// </summary>
    public static double Amplitude(ReadOnlySpan<float> x, double frequency, int sampleRate)
    {
        double re = 0, im = 0, windowSum = 0;
        var n = x.Length;
        for (var i = 0; i < n; i++)
        {
            var w = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (n - 1));
            var angle = 2 * Math.PI * frequency * i / sampleRate;
            re += w * x[i] * Math.Cos(angle);
            im -= w * x[i] * Math.Sin(angle);
            windowSum += w;
        }
        return 2 * Math.Sqrt(re * re + im * im) / windowSum;
    }

    /// <summary>
    /// Welch's average power spectrum: Hann-windowed segments of <paramref name="size"/> samples (a power of
    /// two), half overlapping; bin k is frequency k·sampleRate/size. Values are relative power per bin.
    /// </summary>
    public static double[] PowerSpectrum(ReadOnlySpan<float> x, int size = 4096)
    {
        var power = new double[size / 2 + 1];
        var window = new double[size];
        for (var i = 0; i < size; i++) window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / size);
        var segments = 0;
        var buffer = new Complex[size];
        for (var start = 0; start + size <= x.Length; start += size / 2)
        {
            for (var i = 0; i < size; i++) buffer[i] = x[start + i] * window[i];
            Fft(buffer);
            for (var k = 0; k <= size / 2; k++) power[k] += buffer[k].Magnitude * buffer[k].Magnitude;
            segments++;
        }
        Assert.True(segments > 0, "the signal is shorter than one FFT segment");
        for (var k = 0; k < power.Length; k++) power[k] /= segments;
        return power;
    }

    /// <summary>The sum of <paramref name="spectrum"/>'s bins from <paramref name="low"/> up to (not including) <paramref name="high"/> Hz.</summary>
    public static double BandPower(double[] spectrum, double low, double high, int sampleRate)
    {
        var size = (spectrum.Length - 1) * 2;
        double sum = 0;
        for (var k = 1; k < spectrum.Length; k++)
        {
            var f = (double)k * sampleRate / size;
            if (f >= low && f < high) sum += spectrum[k];
        }
        return sum;
    }

    /// <summary>The frequency of the strongest bin (skipping DC).</summary>
    public static double PeakFrequency(double[] spectrum, int sampleRate)
    {
        var best = 1;
        for (var k = 2; k < spectrum.Length; k++)
            if (spectrum[k] > spectrum[best]) best = k;
        return (double)best * sampleRate / ((spectrum.Length - 1) * 2);
    }

    /// <summary>The power-weighted mean frequency.</summary>
    public static double Centroid(double[] spectrum, int sampleRate)
    {
        var size = (spectrum.Length - 1) * 2;
        double weighted = 0, total = 0;
        for (var k = 1; k < spectrum.Length; k++)
        {
            weighted += spectrum[k] * k * sampleRate / size;
            total += spectrum[k];
        }
        return weighted / total;
    }

    /// <summary>RMS of consecutive frames of <paramref name="frame"/> samples.</summary>
    public static double[] FrameRms(ReadOnlySpan<float> x, int frame)
    {
        var result = new double[x.Length / frame];
        for (var i = 0; i < result.Length; i++) result[i] = Rms(x.Slice(i * frame, frame));
        return result;
    }

    /// <summary>The slope in dB per octave of the power density, by least squares over octave bands from <paramref name="low"/> Hz.</summary>
    public static double SlopePerOctave(double[] spectrum, double low, int octaves, int sampleRate)
    {
        var xs = new double[octaves];
        var ys = new double[octaves];
        for (var o = 0; o < octaves; o++)
        {
            var f = low * Math.Pow(2, o);
            // Density: band power divided by the band's width.
            xs[o] = o;
            ys[o] = 10 * Math.Log10(BandPower(spectrum, f, 2 * f, sampleRate) / f);
        }
        double mx = xs.Average(), my = ys.Average(), sxy = 0, sxx = 0;
        for (var i = 0; i < octaves; i++)
        {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
        }
        return sxy / sxx;
    }

    /// <summary>Pearson correlation of two equally long signals.</summary>
    public static double Correlation(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double ma = 0, mb = 0;
        for (var i = 0; i < a.Length; i++) { ma += a[i]; mb += b[i]; }
        ma /= a.Length;
        mb /= b.Length;
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }

    /// <summary>In-place radix-2 FFT.</summary>
    private static void Fft(Complex[] a)
    {
        var n = a.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) (a[i], a[j]) = (a[j], a[i]);
        }
        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = -2 * Math.PI / length;
            var wl = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (var i = 0; i < n; i += length)
            {
                var w = Complex.One;
                for (var k = 0; k < length / 2; k++)
                {
                    var u = a[i + k];
                    var v = a[i + k + length / 2] * w;
                    a[i + k] = u + v;
                    a[i + k + length / 2] = u - v;
                    w *= wl;
                }
            }
        }
    }
}
