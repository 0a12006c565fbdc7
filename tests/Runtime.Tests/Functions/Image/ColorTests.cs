using SymbolicGen.Runtime.Functions;
using TorchSharp;
using Xunit;

namespace SymbolicGen.Runtime.Tests.Functions;

/// <summary>ColorAdjust, ColorTransfer, Grayscale, Invert and the colour-space kernels.</summary>
public sealed class ColorTests
{
    [Fact]
    public void ColorAdjust_with_its_defaults_changes_nothing()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Noise(20, 10, seed: 11, channels: 4);
            using var adjusted = ImageFunctions.ColorAdjust(image);
            Assert.True(Planes.Of(adjusted).MaxDifference(Planes.Of(image)) < 1e-6);
        });
    }

    [Fact]
    public void Brightness_adds_and_contrast_scales_the_spread_about_the_mean_luma()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Make(32, 16, (c, y, x) => 0.4 + 0.1 * Math.Sin(x * 0.7 + c) * Math.Cos(y * 0.3));
            using var brighter = ImageFunctions.ColorAdjust(image, brightness: 0.1);
            using var contrasty = ImageFunctions.ColorAdjust(image, contrast: 2);
            var (source, bright, contrast) = (Planes.Of(image), Planes.Of(brighter), Planes.Of(contrasty));
            Assert.Equal(source.Mean(1, 0, 16, 0, 32) + 0.1, bright.Mean(1, 0, 16, 0, 32), 5);
            // Contrast 2 doubles every pixel's distance from the mean luma (nothing clips: values stay 0.1..0.7).
            var mean = 0.2126 * source.Mean(0, 0, 16, 0, 32) + 0.7152 * source.Mean(1, 0, 16, 0, 32) + 0.0722 * source.Mean(2, 0, 16, 0, 32);
            Assert.Equal(2 * (source[0, 5, 7] - mean), contrast[0, 5, 7] - mean, 5);
            Assert.Equal(2 * (source[2, 11, 30] - mean), contrast[2, 11, 30] - mean, 5);
        });
    }

    [Fact]
    public void Saturation_0_gives_the_luma_and_2_doubles_the_distance_from_it()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(4, 4, 0.6, 0.4, 0.3);
            using var grey = ImageFunctions.ColorAdjust(image, saturation: 0);
            using var vivid = ImageFunctions.ColorAdjust(image, saturation: 2);
            var luma = 0.2126 * 0.6 + 0.7152 * 0.4 + 0.0722 * 0.3;
            var (g, v) = (Planes.Of(grey), Planes.Of(vivid));
            for (var c = 0; c < 3; c++) Assert.Equal(luma, g[c, 1, 1], 5);
            Assert.Equal(luma + 2 * (0.6 - luma), v[0, 1, 1], 5);
            Assert.Equal(luma + 2 * (0.3 - luma), v[2, 1, 1], 5);
        });
    }

    [Fact]
    public void Hue_rotates_about_the_grey_axis_so_120_degrees_turns_red_into_green()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(2, 2, 0.6, 0.2, 0.1);
            using var plus120 = ImageFunctions.ColorAdjust(image, hue: 120);
            using var minus120 = ImageFunctions.ColorAdjust(image, hue: -120);
            using var pastel = TestImages.Solid(2, 2, 0.5, 0.3, 0.25);
            using var plus45 = ImageFunctions.ColorAdjust(pastel, hue: 45);
            var (p, m, q) = (Planes.Of(plus120), Planes.Of(minus120), Planes.Of(plus45));
            Assert.Equal(new[] { 0.1, 0.6, 0.2 }, new[] { p[0, 0, 0], p[1, 0, 0], p[2, 0, 0] }.Select(v => Math.Round(v, 5)));
            Assert.Equal(new[] { 0.2, 0.1, 0.6 }, new[] { m[0, 0, 0], m[1, 0, 0], m[2, 0, 0] }.Select(v => Math.Round(v, 5)));
            // Any angle keeps the grey component (the channel mean) and the distance from grey.
            Assert.Equal(0.35, (q[0, 0, 0] + q[1, 0, 0] + q[2, 0, 0]) / 3, 5);
            double Distance(double r, double g, double b) => Math.Sqrt((r - 0.35) * (r - 0.35) + (g - 0.35) * (g - 0.35) + (b - 0.35) * (b - 0.35));
            Assert.Equal(Distance(0.5, 0.3, 0.25), Distance(q[0, 0, 0], q[1, 0, 0], q[2, 0, 0]), 5);
        });
    }

    [Fact]
    public void Gamma_above_1_brightens_the_midtones_as_value_to_the_power_1_over_gamma()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(2, 2, 0.25, 0.0, 1.0);
            using var adjusted = ImageFunctions.ColorAdjust(image, gamma: 2);
            var p = Planes.Of(adjusted);
            Assert.Equal((0.5, 0.0, 1.0), (Math.Round(p[0, 0, 0], 5), Math.Round(p[1, 0, 0], 5), Math.Round(p[2, 0, 0], 5)));
        });
    }

    [Fact]
    public void Lab_conversion_gives_the_reference_values_and_round_trips()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var scope = torch.NewDisposeScope();
            // White, sRGB red, mid grey (reference values for D65).
            var rgb = torch.tensor(new[] { 1f, 1f, 0.5f, 1f, 0f, 0.5f, 1f, 0f, 0.5f }, new long[] { 3, 1, 3 });
            var lab = Planes.Of(ImageKernels.SrgbToLab(rgb));
            Assert.Equal((100.0, 0.0, 0.0), (Math.Round(lab[0, 0, 0], 2), Math.Round(lab[1, 0, 0], 2), Math.Round(lab[2, 0, 0], 2)));
            Assert.Equal((53.24, 80.09, 67.20), (Math.Round(lab[0, 0, 1], 2), Math.Round(lab[1, 0, 1], 2), Math.Round(lab[2, 0, 1], 2)));
            Assert.Equal(53.39, lab[0, 0, 2], 2);
            var noise = torch.rand(3, 8, 8);
            Assert.True(Planes.Of(ImageKernels.LabToSrgb(ImageKernels.SrgbToLab(noise))).MaxDifference(Planes.Of(noise)) < 1e-4);
        });
    }

    /// <summary>Per-channel mean and standard deviation of an image in Lab.</summary>
    private static (double[] Mean, double[] Std) LabStatistics(Image image)
    {
        using var scope = torch.NewDisposeScope();
        var lab = ImageKernels.SrgbToLab(image.Tensor.narrow(0, 0, 3));
        var mean = lab.mean(new long[] { 1, 2 }).data<float>().Select(v => (double)v).ToArray();
        var std = lab.std(new long[] { 1, 2 }).data<float>().Select(v => (double)v).ToArray();
        return (mean, std);
    }

    [Fact]
    public void ColorTransfer_gives_the_image_the_reference_s_Lab_means_and_spreads()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            // A cool, contrasty source and a warm, gentler reference of another size.
            using var source = TestImages.Make(64, 48, (c, y, x) => new[] { 0.25, 0.45, 0.6 }[c] + 0.2 * Math.Sin(x * 0.2 + c) * Math.Cos(y * 0.15));
            using var reference = TestImages.Make(40, 40, (c, y, x) => new[] { 0.65, 0.45, 0.3 }[c] + 0.08 * Math.Sin(x * 0.3 - y * 0.2 + 2 * c));
            using var result = ImageFunctions.ColorTransfer(source, reference);
            Assert.Equal(source.Size, result.Size);
            var (want, got, before) = (LabStatistics(reference), LabStatistics(result), LabStatistics(source));
            for (var c = 0; c < 3; c++)
            {
                Assert.True(Math.Abs(got.Mean[c] - want.Mean[c]) < 1, $"channel {c}: mean {got.Mean[c]:F2}, reference {want.Mean[c]:F2}, source {before.Mean[c]:F2}");
                Assert.True(Math.Abs(got.Std[c] / want.Std[c] - 1) < 0.1, $"channel {c}: std {got.Std[c]:F2}, reference {want.Std[c]:F2}, source {before.Std[c]:F2}");
            }
        });
    }

    [Fact]
    public void ColorTransfer_at_strength_0_changes_nothing_and_keeps_alpha()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var source = TestImages.Noise(16, 16, seed: 12, channels: 4);
            using var reference = TestImages.Noise(8, 8, seed: 13);
            using var result = ImageFunctions.ColorTransfer(source, reference, strength: 0);
            Assert.Equal(4, result.Channels);
            Assert.True(Planes.Of(result).MaxDifference(Planes.Of(source)) < 1e-4);
        });
    }

    [Fact]
    public void Grayscale_is_the_Rec_709_luma_in_three_equal_channels_and_keeps_alpha()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Make(3, 1, (c, _, x) => c == 3 ? 0.5 : c == x ? 1 : 0, channels: 4);   // red, green, blue
            using var grey = ImageFunctions.Grayscale(image);
            var p = Planes.Of(grey);
            Assert.Equal(4, grey.Channels);
            var expected = new[] { 0.2126, 0.7152, 0.0722 };
            for (var x = 0; x < 3; x++)
            {
                for (var c = 0; c < 3; c++) Assert.Equal(expected[x], p[c, 0, x], 5);
                Assert.Equal(0.5f, p[3, 0, x]);
            }
        });
    }

    [Fact]
    public void Invert_maps_v_to_1_minus_v_keeps_alpha_and_undoes_itself()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Noise(9, 7, seed: 14, channels: 4);
            using var inverted = ImageFunctions.Invert(image);
            using var twice = ImageFunctions.Invert(inverted);
            var (source, result) = (Planes.Of(image), Planes.Of(inverted));
            Assert.Equal(1 - source[1, 3, 4], result[1, 3, 4], 6);
            Assert.Equal(source[3, 3, 4], result[3, 3, 4]);
            Assert.True(Planes.Of(twice).MaxDifference(source) < 1e-6);
        });
    }
}
