using SymbolicGen.Runtime.Functions;
using Xunit;

namespace SymbolicGen.Runtime.Tests.Functions;

/// <summary>Crop, Pad and Outpaint.</summary>
public sealed class CanvasTests
{
    [Fact]
    public void Crop_cuts_out_exactly_the_rectangle()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Noise(40, 30, seed: 7, channels: 4);
            using var crop = ImageFunctions.Crop(image, new Size(10, 5), x: 12, y: 20);
            Assert.Equal((10, 5, 4), (crop.Width, crop.Height, crop.Channels));
            var (source, result) = (Planes.Of(image), Planes.Of(crop));
            for (var c = 0; c < 4; c++)
            for (var y = 0; y < 5; y++)
            for (var x = 0; x < 10; x++)
                Assert.Equal(source[c, 20 + y, 12 + x], result[c, y, x]);
        });
    }

    [Fact]
    public void Crop_refuses_a_rectangle_outside_the_image()
    {
        using var image = TestImages.Solid(40, 30, 0, 0, 0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImageFunctions.Crop(image, new Size(10, 10), x: 35, y: 0));
        Assert.Contains("Crop", e.Message);
        Assert.Contains("40x30", e.Message);
    }

    [Fact]
    public void Pad_with_a_colour_surrounds_the_unchanged_image()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Noise(8, 6, seed: 8);
            using var padded = ImageFunctions.Pad(image, left: 3, top: 1, right: 2, bottom: 4, color: Color.Parse("#ff8000"));
            Assert.Equal((13, 11, 3), (padded.Width, padded.Height, padded.Channels));
            var (source, result) = (Planes.Of(image), Planes.Of(padded));
            Assert.Equal(source[2, 0, 0], result[2, 1, 3]);
            Assert.Equal(source[1, 5, 7], result[1, 6, 10]);
            Assert.Equal((1f, 128 / 255f, 0f), (result[0, 0, 0], result[1, 10, 12], result[2, 5, 1]));
            Assert.Equal(128 / 255f, result[1, 5, 11], 6);
        });
    }

    [Fact]
    public void Pad_with_a_transparent_colour_makes_an_rgba_image()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(4, 4, 0.5, 0.5, 0.5);
            using var padded = ImageFunctions.Pad(image, left: 2, color: Color.Parse("#00000000"));
            var p = Planes.Of(padded);
            Assert.Equal(4, padded.Channels);
            Assert.Equal((0f, 1f), (p[3, 0, 0], p[3, 0, 2]));
        });
    }

    [Fact]
    public void Pad_reflect_mirrors_without_repeating_the_edge_even_past_the_far_side_and_edge_repeats_it()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            // One row 0, 1, 2, 3 (scaled to 0..0.3).
            using var row = TestImages.Make(4, 1, (_, _, x) => x / 10.0);
            using var reflected = ImageFunctions.Pad(row, left: 7, right: 5, mode: PadMode.Reflect);
            using var edge = ImageFunctions.Pad(row, left: 2, right: 2, top: 1, mode: PadMode.Edge);
            double[] Row(Image image, int y) => Enumerable.Range(0, image.Width).Select(x => Math.Round(Planes.Of(image)[0, y, x] * 10.0)).ToArray();
            // ... 1 2 3 2 1 | 0 1 2 3 | 2 1 0 1 2
            Assert.Equal(new double[] { 1, 0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2, 1, 0, 1, 2 }, Row(reflected, 0));
            Assert.Equal(new double[] { 0, 0, 0, 1, 2, 3, 3, 3 }, Row(edge, 0));
            Assert.Equal(Row(edge, 0), Row(edge, 1));
        });
    }

    [Fact]
    public void Outpaint_keeps_the_original_exactly_and_returns_a_feathered_mask_of_the_new_area()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Noise(64, 48, seed: 9);
            var (canvas, mask) = ImageFunctions.Outpaint(image, new Size(160, 80), alignX: 0.25, feather: 8);
            using var _c = canvas;
            using var _m = mask;
            Assert.Equal(new Size(160, 80), canvas.Size);
            Assert.Equal(new Size(160, 80), mask.Size);
            // The image sits at x = round(96 * 0.25) = 24, y = 16.
            var (source, result, m) = (Planes.Of(image), Planes.Of(canvas), Planes.Of(mask));
            for (var y = 0; y < 48; y++)
            for (var x = 0; x < 64; x++)
            {
                Assert.Equal(source[0, y, x], result[0, 16 + y, 24 + x]);
                Assert.Equal(0f, m[0, 16 + y, 24 + x]);
            }
            // The mask rises from 0 at the edge to 1 at 8 pixels out, smoothly.
            Assert.Equal(1f, m[0, 40, 0]);
            Assert.Equal(1f, m[0, 40, 24 + 64 + 8]);
            Assert.InRange(m[0, 40, 24 + 64 + 3], 0.2, 0.6);
            Assert.True(m[0, 40, 24 + 64] < m[0, 40, 24 + 64 + 2]);
        });
    }

    [Fact]
    public void Outpaint_continues_the_edge_without_a_seam_and_softens_with_distance()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            // A smooth left-to-right ramp with a texture of 4-pixel blocks: the fill must continue the ramp
            // at the seam, keep the texture near it and blur it away far from the image.
            using var image = TestImages.Make(64, 64, (_, y, x) => 0.3 + 0.4 * x / 63.0 + ((x / 4 + y / 4) % 2 == 0 ? 0.05 : -0.05));
            var (canvas, mask) = ImageFunctions.Outpaint(image, new Size(256, 64), alignX: 0);
            using var _c = canvas;
            using var _m = mask;
            var p = Planes.Of(canvas);
            // Across the seam (x = 63 | 64) the column means change no more than inside the image.
            var means = p.ColumnMeans(0);
            var insideStep = Math.Abs(means[62] - means[61]);
            Assert.True(Math.Abs(means[64] - means[63]) <= insideStep + 0.01, $"seam step {Math.Abs(means[64] - means[63]):F4}, inside {insideStep:F4}");
            // The fill mirrors the bright right edge, so it stays bright next to it (no black or grey band).
            Assert.InRange(means[70], 0.6, 0.75);
            // Texture, as the mean difference between vertical neighbours (the ramp runs across).
            double Texture(int x0, int x1)
            {
                double sum = 0;
                var n = 0;
                for (var y = 8; y < 56; y++)
                for (var x = x0; x < x1; x++, n++)
                    sum += Math.Abs(p[0, y + 1, x] - p[0, y, x]);
                return sum / n;
            }
            var inside = Texture(40, 60);
            Assert.True(Texture(64, 67) > 0.5 * inside, $"near {Texture(64, 67):F4}, inside {inside:F4}");
            Assert.True(Texture(200, 250) < 0.1 * inside, $"far {Texture(200, 250):F4}, inside {inside:F4}");
        });
    }

    [Fact]
    public void Outpaint_to_an_aspect_extends_only_the_short_axis()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Smooth(90, 60);
            var (wide, wideMask) = ImageFunctions.Outpaint(image, aspect: 16.0 / 9);
            var (tall, tallMask) = ImageFunctions.Outpaint(image, aspect: 1);
            using var _1 = wide;
            using var _2 = wideMask;
            using var _3 = tall;
            using var _4 = tallMask;
            Assert.Equal(new Size(107, 60), wide.Size);
            Assert.Equal(new Size(90, 90), tall.Size);
        });
    }

    [Fact]
    public void Outpaint_refuses_a_canvas_smaller_than_the_image()
    {
        using var image = TestImages.Solid(100, 50, 0, 0, 0);
        var e = Assert.Throws<ArgumentException>(() => ImageFunctions.Outpaint(image, new Size(80, 80)));
        Assert.Contains("Outpaint", e.Message);
        Assert.Contains("100x50", e.Message);
    }
}
