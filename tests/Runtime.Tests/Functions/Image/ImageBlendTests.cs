using SymbolicGen.Runtime.Functions;
using Xunit;

namespace SymbolicGen.Runtime.Tests.Functions;

public sealed class ImageBlendTests
{
    [Theory]
    [InlineData(BlendMode.Alpha)]
    [InlineData(BlendMode.Laplacian)]
    public void Weight_0_gives_a_and_weight_1_gives_b(BlendMode mode)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var a = TestImages.Noise(96, 64, seed: 1);
            using var b = TestImages.Smooth(96, 64);
            using var zero = ImageFunctions.ImageBlend(a, b, 0, mode);
            using var one = ImageFunctions.ImageBlend(a, b, 1, mode);
            Assert.True(Planes.Of(zero).MaxDifference(Planes.Of(a)) < 1e-5);
            Assert.True(Planes.Of(one).MaxDifference(Planes.Of(b)) < 1e-5);
        });
    }

    [Fact]
    public void Alpha_is_the_weighted_average()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var a = TestImages.Noise(16, 8, seed: 2);
            using var b = TestImages.Noise(16, 8, seed: 3);
            using var blend = ImageFunctions.ImageBlend(a, b, 0.3, BlendMode.Alpha);
            var (pa, pb, result) = (Planes.Of(a), Planes.Of(b), Planes.Of(blend));
            for (var y = 0; y < 8; y++)
            for (var x = 0; x < 16; x++)
                Assert.Equal(0.7 * pa[1, y, x] + 0.3 * pb[1, y, x], result[1, y, x], 5);
        });
    }

    /// <summary>
    /// a is dark with a fine checker on the left and flat on the right; b is bright, flat on the left and
    /// textured on the right. A hard cut between them jumps by 0.5 at the middle.
    /// </summary>
    private static (Image a, Image b) HalfTextured(int width, int height)
    {
        double Checker(int y, int x) => ((x / 2 + y / 2) % 2 == 0 ? 0.15 : -0.15);
        var a = TestImages.Make(width, height, (_, y, x) => 0.25 + (x < width / 2 ? Checker(y, x) : 0));
        var b = TestImages.Make(width, height, (_, y, x) => 0.75 + (x >= width / 2 ? Checker(y, x) : 0));
        return (a, b);
    }

    /// <summary>The mean difference between pixels two apart along rows in columns x0..x1: 0.3 for the full-strength checker.</summary>
    private static double CheckerContrast(Planes p, int x0, int x1)
    {
        double sum = 0;
        var n = 0;
        for (var y = 0; y < p.Height; y++)
        for (var x = x0; x < x1; x++, n++)
            sum += Math.Abs(p[0, y, x] - p[0, y, x + 2]);
        return sum / n;
    }

    [Fact]
    public void Laplacian_blend_is_seamless_and_keeps_the_detail_of_both_images_where_alpha_halves_it()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var (a, b) = HalfTextured(256, 128);
            using var _a = a;
            using var _b = b;
            using var laplacian = ImageFunctions.ImageBlend(a, b, 0.5, BlendMode.Laplacian);
            using var alpha = ImageFunctions.ImageBlend(a, b, 0.5, BlendMode.Alpha);
            var (pl, pa) = (Planes.Of(laplacian), Planes.Of(alpha));

            // No seam: the column means (the checker averages out down a column) change by at most a
            // small step anywhere, where a hard cut from a to b steps by 0.5 at once.
            var profile = pl.ColumnMeans(0);
            var largestStep = profile.Zip(profile.Skip(1), (p, q) => Math.Abs(q - p)).Max();
            Assert.True(largestStep < 0.05, $"largest step between columns {largestStep:F3}");
            // The transition from the dark side to the bright side happens around the middle.
            Assert.True(profile[20] < 0.45 && profile[235] > 0.55, $"{profile[20]:F3} .. {profile[235]:F3}");

            // The detail of both images survives nearly at full strength; alpha halves it.
            Assert.True(CheckerContrast(pl, 8, 96) > 0.25, $"left detail {CheckerContrast(pl, 8, 96):F3}");
            Assert.True(CheckerContrast(pl, 160, 246) > 0.25, $"right detail {CheckerContrast(pl, 160, 246):F3}");
            Assert.Equal(0.15, CheckerContrast(pa, 8, 96), 3);
            Assert.True(pl.MaxDifference(pa) > 0.1);
        });
    }

    [Fact]
    public void Laplacian_blend_of_two_flat_images_is_their_weighted_average()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var a = TestImages.Solid(40, 30, 0.2, 0.4, 0.6);
            using var b = TestImages.Solid(40, 30, 0.8, 0.6, 0.0);
            using var blend = ImageFunctions.ImageBlend(a, b, 0.25);
            var p = Planes.Of(blend);
            Assert.Equal(0.35, p.Mean(0, 0, 30, 0, 40), 4);
            Assert.Equal(0.45, p.Mean(1, 0, 30, 0, 40), 4);
            Assert.Equal(0.45, p.Mean(2, 0, 30, 0, 40), 4);
        });
    }

    [Theory]
    [InlineData(BlendMode.Multiply, 0.5, 0.4, 0.20)]
    [InlineData(BlendMode.Screen, 0.5, 0.4, 0.70)]
    [InlineData(BlendMode.Overlay, 0.25, 0.4, 0.20)]   // dark base: 2ab
    [InlineData(BlendMode.Overlay, 0.75, 0.4, 0.70)]   // light base: 1 - 2(1 - a)(1 - b)
    public void Multiply_screen_and_overlay_follow_their_formulas_mixed_in_by_weight(BlendMode mode, double a, double b, double expected)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var imageA = TestImages.Solid(8, 8, a, a, a);
            using var imageB = TestImages.Solid(8, 8, b, b, b);
            using var full = ImageFunctions.ImageBlend(imageA, imageB, 1, mode);
            using var half = ImageFunctions.ImageBlend(imageA, imageB, 0.5, mode);
            Assert.Equal(expected, Planes.Of(full)[0, 3, 3], 5);
            Assert.Equal((a + expected) / 2, Planes.Of(half)[2, 3, 3], 5);
        });
    }

    [Fact]
    public void B_of_another_size_is_scaled_to_cover_a_and_centre_cropped_and_rgba_makes_rgba()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var a = TestImages.Solid(64, 32, 0.5, 0.5, 0.5);
            // 32x32, red on the left half, blue on the right, half transparent.
            using var b = TestImages.Make(32, 32, (c, _, x) => c == 3 ? 0.5 : (c == 0) == (x < 16) ? 1 : 0, channels: 4);
            using var blend = ImageFunctions.ImageBlend(a, b, 1, BlendMode.Alpha);
            Assert.Equal((64, 32, 4), (blend.Width, blend.Height, blend.Channels));
            var p = Planes.Of(blend);
            Assert.Equal(1, p[0, 16, 2], 3);    // red on the left
            Assert.Equal(1, p[2, 16, 61], 3);   // blue on the right
            Assert.Equal(0.5, p[3, 5, 30], 3);  // b's alpha
            using var half = ImageFunctions.ImageBlend(a, b, 0.5, BlendMode.Alpha);
            Assert.Equal(0.75, Planes.Of(half)[3, 5, 30], 3);   // a is opaque
        });
    }

    [Fact]
    public void A_cancelled_blend_throws_and_leaves_nothing_alive()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var a = TestImages.Noise(64, 64, seed: 4);
            using var b = TestImages.Noise(64, 64, seed: 5);
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            Assert.Throws<OperationCanceledException>(() => ImageFunctions.ImageBlend(a, b, 0.5, BlendMode.Laplacian, cancelled.Token));
        });
    }

    [Fact]
    public void A_weight_outside_0_to_1_is_refused_by_name()
    {
        using var a = TestImages.Solid(4, 4, 0, 0, 0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImageFunctions.ImageBlend(a, a, 1.5));
        Assert.Contains("ImageBlend", e.Message);
        Assert.Contains("weight", e.Message);
    }
}
