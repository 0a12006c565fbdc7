using System;
using System.Numerics;

namespace SymbolicGen.Runtime.Functions;

/// <summary>
/// A second-order IIR section with coefficients normalised by a0 (RBJ "Audio EQ Cookbook" designs), run in
/// transposed direct form II with double-precision state over float samples.
/// </summary>
internal sealed class Biquad : IChannelFilter
{
    private readonly double _b0, _b1, _b2, _a1, _a2;
    private double _z1, _z2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2)
    {
        _b0 = b0 / a0;
        _b1 = b1 / a0;
        _b2 = b2 / a0;
        _a1 = a1 / a0;
        _a2 = a2 / a0;
    }

    /// <summary>RBJ low-pass: -3 dB at <paramref name="cutoff"/> when <paramref name="q"/> is 1/√2 (Butterworth), 12 dB per octave above.</summary>
    public static Biquad LowPass(double cutoff, double q, int sampleRate)
    {
        var (cos, alpha) = Prewarp(cutoff, q, sampleRate);
        return new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>RBJ high-pass: -3 dB at <paramref name="cutoff"/> when <paramref name="q"/> is 1/√2, 12 dB per octave below.</summary>
    public static Biquad HighPass(double cutoff, double q, int sampleRate)
    {
        var (cos, alpha) = Prewarp(cutoff, q, sampleRate);
        return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>RBJ band-pass with 0 dB gain at <paramref name="centre"/>; bandwidth centre / q.</summary>
    public static Biquad BandPass(double centre, double q, int sampleRate)
    {
        var (cos, alpha) = Prewarp(centre, q, sampleRate);
        return new Biquad(alpha, 0, -alpha, 1 + alpha, -2 * cos, 1 - alpha);
    }

    private static (double Cos, double Alpha) Prewarp(double frequency, double q, int sampleRate)
    {
        var w0 = 2 * Math.PI * frequency / sampleRate;
        return (Math.Cos(w0), Math.Sin(w0) / (2 * q));
    }

    /// <summary>The magnitude response at <paramref name="frequency"/>, in dB.</summary>
    public double ResponseDb(double frequency, int sampleRate)
    {
        var w = 2 * Math.PI * frequency / sampleRate;
        var z1 = Complex.FromPolarCoordinates(1, -w);
        var z2 = z1 * z1;
        var h = (_b0 + _b1 * z1 + _b2 * z2) / (1 + _a1 * z1 + _a2 * z2);
        return 20 * Math.Log10(h.Magnitude);
    }

    /// <inheritdoc/>
    public void Process(Span<float> samples)
    {
        double b0 = _b0, b1 = _b1, b2 = _b2, a1 = _a1, a2 = _a2, z1 = _z1, z2 = _z2;
        for (var i = 0; i < samples.Length; i++)
        {
            double x = samples[i];
            var y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            samples[i] = (float)y;
        }
        // Denormals would slow the loop to a crawl on long silences.
        _z1 = Math.Abs(z1) < 1e-30 ? 0 : z1;
        _z2 = Math.Abs(z2) < 1e-30 ? 0 : z2;
    }
}

/// <summary>
/// A cascade of first-order pole-zero sections whose poles and zeros alternate on a logarithmic frequency
/// grid, so that the magnitude falls by 3 dB per octave (pink, 1/f power) between about 10 Hz and the
/// Nyquist frequency (within 0.5 dB up to a fifth of the sample rate); 0 dB at 1 kHz.
/// </summary>
internal sealed class PinkingFilter : IChannelFilter
{
    private readonly double[] _pole, _zero, _x1, _y1;
    private readonly double _gain;

    public PinkingFilter(int sampleRate)
    {
        // A pole every 1.5 octaves from 10 Hz, each followed half a spacing later by a zero: the staircase
        // of -6 dB/octave and flat stretches averages -3 dB/octave with a ripple of about ±0.15 dB.
        const double lowest = 10, spacing = 2.8284271247461903; // 2^1.5
        var nyquist = sampleRate / 2.0;
        var count = 0;
        for (var f = lowest; f < nyquist; f *= spacing) count++;
        _pole = new double[count];
        _zero = new double[count];
        _x1 = new double[count];
        _y1 = new double[count];
        for (var k = 0; k < count; k++)
        {
            var fp = lowest * Math.Pow(spacing, k);
            var fz = fp * Math.Sqrt(spacing);
            // Matched z-transform (z = e^(-2πf/fs)): within 0.5 dB of the ideal slope up to fs/5 and 2 dB
            // near Nyquist, where the bilinear transform would bend the top octave down by 10 dB.
            _pole[k] = Math.Exp(-2 * Math.PI * fp / sampleRate);
            _zero[k] = Math.Exp(-2 * Math.PI * fz / sampleRate);
        }
        _gain = 1 / Magnitude(1000, sampleRate);
    }

    private double Magnitude(double frequency, int sampleRate)
    {
        var z1 = Complex.FromPolarCoordinates(1, -2 * Math.PI * frequency / sampleRate);
        var h = Complex.One;
        for (var k = 0; k < _pole.Length; k++) h *= (1 - _zero[k] * z1) / (1 - _pole[k] * z1);
        return h.Magnitude;
    }

    /// <inheritdoc/>
    public void Process(Span<float> samples)
    {
        var sections = _pole.Length;
        for (var i = 0; i < samples.Length; i++)
        {
            var v = samples[i] * _gain;
            for (var k = 0; k < sections; k++)
            {
                var y = v - _zero[k] * _x1[k] + _pole[k] * _y1[k];
                _x1[k] = v;
                _y1[k] = y;
                v = y;
            }
            samples[i] = (float)v;
        }
    }
}

/// <summary>
/// A leaky integrator: -6 dB per octave (brown, 1/f² power) above <c>corner</c> Hz, flat below, so that it
/// never drifts off; 0 dB at 1 kHz.
/// </summary>
internal sealed class BrowningFilter : IChannelFilter
{
    private readonly double _pole, _gain;
    private double _y1;

    public BrowningFilter(int sampleRate, double corner = 10)
    {
        _pole = Math.Exp(-2 * Math.PI * corner / sampleRate);
        var z1 = Complex.FromPolarCoordinates(1, -2 * Math.PI * 1000 / sampleRate);
        _gain = (1 - _pole * z1).Magnitude;
    }

    /// <inheritdoc/>
    public void Process(Span<float> samples)
    {
        double pole = _pole, gain = _gain, y = _y1;
        for (var i = 0; i < samples.Length; i++)
        {
            y = gain * samples[i] + pole * y;
            samples[i] = (float)y;
        }
        _y1 = y;
    }
}

/// <summary>
/// A state-variable filter (Simper's trapezoidal SVF) whose centre frequency changes every sample; its
/// band-pass output is scaled to 0 dB at the centre. <c>g[n] = tan(π f[n] / fs)</c> comes precomputed.
/// </summary>
internal sealed class SweptBandPass : IChannelFilter
{
    private readonly float[] _g;
    private readonly double _k;
    private double _ic1, _ic2;
    private int _position;

    public SweptBandPass(float[] g, double q)
    {
        _g = g;
        _k = 1 / q;
    }

    /// <inheritdoc/>
    public void Process(Span<float> samples)
    {
        double k = _k, ic1 = _ic1, ic2 = _ic2;
        var g = _g;
        var p = _position;
        for (var i = 0; i < samples.Length; i++, p++)
        {
            double gn = g[p];
            var a1 = 1 / (1 + gn * (gn + k));
            var a2 = gn * a1;
            var a3 = gn * a2;
            var v3 = samples[i] - ic2;
            var v1 = a1 * ic1 + a2 * v3;
            var v2 = ic2 + a2 * ic1 + a3 * v3;
            ic1 = 2 * v1 - ic1;
            ic2 = 2 * v2 - ic2;
            samples[i] = (float)(k * v1);
        }
        _ic1 = ic1;
        _ic2 = ic2;
        _position = p;
    }
}
