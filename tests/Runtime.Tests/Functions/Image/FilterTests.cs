using SymbolicGen.Runtime.Functions;
using Xunit;

namespace SymbolicGen.Runtime.Tests.Functions;

/// <summary>GaussianBlur, Sharpen, Vignette, EdgeMask, ThresholdMask and Composite.</summary>
public sealed class FilterTests
{
    /// <summary>0.5 + 0.25·sin(2π x / period) across, the same on every row and channel.</summary>
    private static Image Wave(int width, int height, double period) =>
        TestImages.Make(width, height, (_, _, x) => 0.5 + 0.25 * Math.Sin(2 * Math.PI * x / period));

    /// <summary>The amplitude and mean of the wave of <paramref name="period"/> along row <paramref name="y"/>, over whole periods from x0.</summary>
    private static (double Amplitude, double Mean) Measure(Planes p, double period, int x0, int periods, int y = 0)
    {
        double s = 0, c = 0, sum = 0;
        var n = (int)(period * periods);
        for (var x = x0; x < x0 + n; x++)
        {
            var v = p[0, y, x];
            s += v * Math.Sin(2 * Math.PI * x / period);
            c += v * Math.Cos(2 * Math.PI * x / period);
            sum += v;
        }
        return (2 * Math.Sqrt(s * s + c * c) / n, sum / n);
    }

    [Theory]
    [InlineData(1.5, 16)]   // direct separable filter
    [InlineData(3, 32)]     // direct, longest kernel
    [InlineData(10, 64)]    // blurred on a 4x reduced copy
    [InlineData(40, 256)]   // 16x reduced
    public void GaussianBlur_damps_a_wave_by_the_Gaussian_s_response_and_keeps_the_mean(double sigma, double period)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var width = (int)(4 * period);
            using var image = Wave(width, 32, period);
            using var blurred = ImageFunctions.GaussianBlur(image, sigma);
            var (amplitude, mean) = Measure(Planes.Of(blurred), period, (int)period, 2, y: 16);
            var expected = 0.25 * Math.Exp(-2 * Math.PI * Math.PI * sigma * sigma / (period * period));
            Assert.True(Math.Abs(amplitude - expected) < 0.02 * 0.25, $"amplitude {amplitude:F4}, expected {expected:F4}");
            Assert.Equal(0.5, mean, 2);
        });
    }

    [Fact]
    public void GaussianBlur_0_copies_and_rgba_does_not_bleed_the_colour_of_transparent_pixels()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            // Opaque red on the left, fully transparent green on the right.
            using var image = TestImages.Make(32, 8, (c, _, x) => x < 16 ? (c is 0 or 3 ? 1 : 0) : (c == 1 ? 1 : 0), channels: 4);
            using var copy = ImageFunctions.GaussianBlur(image, 0);
            Assert.Equal(0, Planes.Of(copy).MaxDifference(Planes.Of(image)));
            using var blurred = ImageFunctions.GaussianBlur(image, 2);
            var p = Planes.Of(blurred);
            // Just right of the boundary the alpha is partial, and the colour is still red.
            Assert.InRange(p[3, 4, 17], 0.1, 0.5);
            Assert.Equal(1, p[0, 4, 17], 4);
            Assert.Equal(0, p[1, 4, 17], 4);
        });
    }

    [Fact]
    public void Sharpen_raises_fine_detail_by_the_unsharp_mask_gain_and_a_threshold_spares_faint_detail()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            const double period = 8;
            using var image = TestImages.Make(64, 8, (_, _, x) => 0.5 + 0.1 * Math.Sin(2 * Math.PI * x / period));
            using var sharpened = ImageFunctions.Sharpen(image, amount: 1, radius: 1);
            var (amplitude, mean) = Measure(Planes.Of(sharpened), period, 16, 4, y: 4);
            var gain = 1 + (1 - Math.Exp(-2 * Math.PI * Math.PI / (period * period)));
            Assert.InRange(amplitude - 0.1 * gain, -1e-3, 1e-3);
            Assert.Equal(0.5, mean, 3);
            using var spared = ImageFunctions.Sharpen(image, amount: 1, radius: 1, threshold: 0.2);
            Assert.True(Planes.Of(spared).MaxDifference(Planes.Of(image)) < 1e-6);
        });
    }

    [Fact]
    public void Vignette_leaves_the_centre_and_darkens_the_corners_by_the_strength()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(80, 60, 0.8, 0.8, 0.8);
            using var vignette = ImageFunctions.Vignette(image, strength: 0.75, radius: 0.3, softness: 0.5);
            var p = Planes.Of(vignette);
            Assert.Equal(0.8, p[0, 30, 40], 5);
            Assert.Equal(0.8 * 0.25, p[1, 0, 0], 2);
            Assert.Equal(0.8 * 0.25, p[2, 59, 79], 2);
            // Darker and darker along the diagonal.
            for (var i = 1; i < 30; i++) Assert.True(p[0, 30 - i, 40 - i] <= p[0, 31 - i, 41 - i] + 1e-6);
        });
    }

    [Fact]
    public void EdgeMask_is_high_on_an_edge_low_on_flat_areas_and_binary_with_a_threshold()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            // A vertical step from 0.2 to 0.8 between x = 19 and 20, plus a faint ramp down the image.
            using var image = TestImages.Make(40, 30, (_, y, x) => (x < 20 ? 0.2 : 0.8) + 0.002 * y);
            using var edges = ImageFunctions.EdgeMask(image);
            var p = Planes.Of(edges);
            Assert.Equal((1, 30, 40), (p.Channels, p.Height, p.Width));
            Assert.Equal(1, p[0, 15, 19], 3);
            Assert.Equal(1, p[0, 15, 20], 3);
            Assert.True(p.Mean(0, 0, 30, 0, 17) < 0.02);
            Assert.True(p.Mean(0, 0, 30, 23, 40) < 0.02);
            using var binary = ImageFunctions.EdgeMask(image, threshold: 0.5);
            var b = Planes.Of(binary);
            Assert.Equal(new float[] { 0, 0, 1, 1, 0, 0 }, Enumerable.Range(17, 6).Select(x => b[0, 10, x]));
            using var flat = TestImages.Solid(10, 10, 0.5, 0.5, 0.5);
            using var none = ImageFunctions.EdgeMask(flat);
            Assert.Equal(0, Planes.Of(none).Mean(0, 0, 10, 0, 10));
        });
    }

    [Fact]
    public void ThresholdMask_steps_or_ramps_at_the_luma_threshold_and_inverts()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            // Grey ramp: luma = (x + 0.5) / 100.
            using var ramp = TestImages.Make(100, 2, (_, _, x) => (x + 0.5) / 100);
            using var hard = ImageFunctions.ThresholdMask(ramp, threshold: 0.3);
            using var soft = ImageFunctions.ThresholdMask(ramp, threshold: 0.5, softness: 0.2);
            using var inverted = ImageFunctions.ThresholdMask(ramp, threshold: 0.3, invert: true);
            var (h, s, i) = (Planes.Of(hard), Planes.Of(soft), Planes.Of(inverted));
            Assert.Equal((0f, 1f), (h[0, 0, 29], h[0, 0, 30]));
            Assert.Equal((1f, 0f), (i[0, 1, 29], i[0, 1, 30]));
            Assert.Equal(0f, s[0, 0, 39]);
            Assert.Equal(1f, s[0, 0, 60]);
            Assert.Equal(0.5, (s[0, 0, 49] + s[0, 0, 50]) / 2, 2);
            for (var x = 40; x < 60; x++) Assert.True(s[0, 0, x] > s[0, 0, x - 1]);
        });
    }

    [Fact]
    public void Composite_shows_the_image_where_the_mask_is_1_and_feather_softens_the_edge()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(40, 20, 1, 0, 0);
            using var background = TestImages.Solid(40, 20, 0, 0, 1);
            using var mask = TestImages.MakeMask(40, 20, (_, x) => x < 20 ? 1 : 0);
            using var hard = ImageFunctions.Composite(image, background, mask);
            using var soft = ImageFunctions.Composite(image, background, mask, feather: 3);
            var (h, s) = (Planes.Of(hard), Planes.Of(soft));
            Assert.Equal((1f, 0f), (h[0, 10, 19], h[2, 10, 19]));
            Assert.Equal((0f, 1f), (h[0, 10, 20], h[2, 10, 20]));
            Assert.Equal(0.5, (s[0, 10, 19] + s[0, 10, 20]) / 2, 2);
            Assert.InRange(s[0, 10, 17], 0.6, 0.95);
            Assert.Equal(1, s[0, 10, 2], 3);
            for (var x = 1; x < 40; x++) Assert.True(s[0, 10, x] <= s[0, 10, x - 1] + 1e-6);
        });
    }

    [Fact]
    public void Composite_without_a_mask_uses_the_image_s_alpha_and_an_rgba_background_keeps_alpha()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(8, 8, 1, 1, 1, 0.25);
            using var background = TestImages.Solid(8, 8, 0, 0, 0);
            using var over = ImageFunctions.Composite(image, background);
            Assert.Equal(3, over.Channels);
            Assert.Equal(0.25, Planes.Of(over)[1, 4, 4], 5);
            // Over a half-transparent background: alpha = 0.25 + 0.5 * 0.75, colour weighted by coverage.
            using var clear = TestImages.Solid(8, 8, 0, 0, 0, 0.5);
            using var overClear = ImageFunctions.Composite(image, clear);
            var p = Planes.Of(overClear);
            Assert.Equal(0.625, p[3, 4, 4], 5);
            Assert.Equal(0.25 / 0.625, p[0, 4, 4], 5);
        });
    }

    [Fact]
    public void Composite_resizes_the_image_and_the_mask_to_the_background()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(10, 5, 1, 1, 1);
            using var background = TestImages.Solid(40, 20, 0, 0, 0);
            using var mask = TestImages.MakeMask(20, 10, (y, _) => y < 5 ? 1 : 0);
            using var result = ImageFunctions.Composite(image, background, mask);
            Assert.Equal(new Size(40, 20), result.Size);
            var p = Planes.Of(result);
            Assert.Equal(1, p[0, 2, 20], 3);
            Assert.Equal(0, p[0, 17, 20], 3);
        });
    }
}
