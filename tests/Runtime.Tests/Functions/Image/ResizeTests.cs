using SymbolicGen.Runtime.Functions;
using Xunit;

namespace SymbolicGen.Runtime.Tests.Functions;

public sealed class ResizeTests
{
    public static TheoryData<ResizeMethod> Methods => new() { ResizeMethod.Bilinear, ResizeMethod.Bicubic, ResizeMethod.Lanczos, ResizeMethod.Area };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_method_gives_the_size_asked_for_and_keeps_a_flat_colour_exact(ResizeMethod method)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(37, 23, 0.2, 0.5, 0.9);
            foreach (var size in new[] { new Size(64, 48), new Size(12, 7), new Size(37, 50) })
            {
                using var resized = ImageFunctions.Resize(image, size, method: method);
                Assert.Equal(size, resized.Size);
                var p = Planes.Of(resized);
                Assert.Equal(0.5, p[1, size.Height / 2, size.Width / 2], 5);
                Assert.Equal(0.9, p[2, size.Height - 1, 0], 5);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Shrinking_a_one_pixel_checker_averages_it_instead_of_aliasing(ResizeMethod method)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            // 1-pixel black and white checker: any 2x reduction that samples rather than filters gives 0 or 1.
            using var checker = TestImages.Make(64, 64, (_, y, x) => (x + y) % 2);
            using var half = ImageFunctions.Resize(checker, new Size(32, 32), method: method);
            using var third = ImageFunctions.Resize(checker, new Size(21, 21), method: method);
            Assert.InRange(Planes.Of(half).Mean(0, 4, 28, 4, 28), 0.49, 0.51);
            var p = Planes.Of(third);
            for (var y = 4; y < 17; y++)
            for (var x = 4; x < 17; x++)
                Assert.InRange(p[0, y, x], 0.35, 0.65);
        });
    }

    [Fact]
    public void Lanczos_enlarges_a_smooth_wave_more_faithfully_than_bilinear()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            // A wave of period 8 input pixels, sampled at pixel centres.
            static double Wave(double x) => 0.5 + 0.4 * Math.Sin(2 * Math.PI * x / 8);
            using var image = TestImages.Make(32, 4, (_, _, x) => Wave(x + 0.5));
            using var lanczos = ImageFunctions.Resize(image, new Size(128, 4), method: ResizeMethod.Lanczos);
            using var bilinear = ImageFunctions.Resize(image, new Size(128, 4), method: ResizeMethod.Bilinear);
            double Error(Image resized)
            {
                var p = Planes.Of(resized);
                double max = 0;
                for (var x = 16; x < 112; x++) max = Math.Max(max, Math.Abs(p[0, 2, x] - Wave((x + 0.5) / 4)));
                return max;
            }
            Assert.True(Error(lanczos) < 0.01, $"lanczos error {Error(lanczos):F4}");
            Assert.True(Error(bilinear) > 2 * Error(lanczos), $"bilinear {Error(bilinear):F4}, lanczos {Error(lanczos):F4}");
        });
    }

    [Fact]
    public void Lanczos_gives_the_same_result_with_and_without_a_repeating_phase_pattern()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            // 48 -> 32 repeats every 2 outputs (strided views); 48 -> 31 has no short period (gathering).
            // Both sample the same smooth ramp, which Lanczos reproduces.
            using var ramp = TestImages.Make(48, 48, (_, y, x) => (x + 0.5) / 48 * 0.5 + (y + 0.5) / 48 * 0.3);
            foreach (var size in new[] { new Size(32, 32), new Size(31, 31), new Size(96, 96), new Size(100, 100) })
            {
                using var resized = ImageFunctions.Resize(ramp, size, method: ResizeMethod.Lanczos);
                var p = Planes.Of(resized);
                for (var y = 4; y < size.Height - 4; y += 3)
                for (var x = 4; x < size.Width - 4; x += 3)
                    Assert.InRange(p[0, y, x] - ((x + 0.5) / size.Width * 0.5 + (y + 0.5) / size.Height * 0.3), -2e-3, 2e-3);
            }
        });
    }

    [Fact]
    public void Scale_overrides_size_and_the_default_size_is_1024x576()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Smooth(40, 30);
            using var scaled = ImageFunctions.Resize(image, new Size(999, 999), scale: 0.5);
            Assert.Equal(new Size(20, 15), scaled.Size);
            using var byDefault = ImageFunctions.Resize(image);
            Assert.Equal(new Size(1024, 576), byDefault.Size);
        });
    }

    [Theory]
    [InlineData(2, UpscaleMethod.Lanczos)]
    [InlineData(4, UpscaleMethod.Lanczos)]
    [InlineData(2, UpscaleMethod.Bicubic)]
    [InlineData(4, UpscaleMethod.Bicubic)]
    public void Upscale_enlarges_by_the_factor_and_agrees_with_resize(int factor, UpscaleMethod method)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Smooth(24, 16);
            using var upscaled = ImageFunctions.Upscale(image, factor, method);
            Assert.Equal(new Size(24 * factor, 16 * factor), upscaled.Size);
            var resizeMethod = method == UpscaleMethod.Lanczos ? ResizeMethod.Lanczos : ResizeMethod.Bicubic;
            using var resized = ImageFunctions.Resize(image, new Size(24 * factor, 16 * factor), method: resizeMethod);
            Assert.True(Planes.Of(upscaled).MaxDifference(Planes.Of(resized)) < 1e-6);
            // Each block of factor x factor pixels averages close to the source pixel it came from.
            var (source, result) = (Planes.Of(image), Planes.Of(upscaled));
            Assert.Equal(source[1, 8, 12], result.Mean(1, 8 * factor, 9 * factor, 12 * factor, 13 * factor), 1);
        });
    }

    [Fact]
    public void Upscale_refuses_factors_other_than_2_to_4()
    {
        using var image = TestImages.Solid(4, 4, 0, 0, 0);
        Assert.Contains("factor", Assert.Throws<ArgumentOutOfRangeException>(() => ImageFunctions.Upscale(image, 8)).Message);
    }
}
