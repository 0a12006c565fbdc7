using SymbolicGen.Runtime.Functions;
using Xunit;

namespace SymbolicGen.Runtime.Tests.Functions;

public sealed class TextOverlayTests
{
    private const int Width = 320;
    private const int Height = 160;

    /// <summary>The rows and columns whose pixels differ from <paramref name="before"/>, and how many pixels differ.</summary>
    private static (int Top, int Bottom, int Left, int Right, int Count) Changed(Planes before, Planes after)
    {
        var (top, bottom, left, right, count) = (int.MaxValue, -1, int.MaxValue, -1, 0);
        for (var y = 0; y < after.Height; y++)
        for (var x = 0; x < after.Width; x++)
        {
            var changed = false;
            for (var c = 0; c < after.Channels; c++) changed |= Math.Abs(after[c, y, x] - before[c, y, x]) > 1e-6;
            if (!changed) continue;
            count++;
            (top, bottom, left, right) = (Math.Min(top, y), Math.Max(bottom, y), Math.Min(left, x), Math.Max(right, x));
        }
        return (top, bottom, left, right, count);
    }

    /// <summary>How many pixels have exactly (within one 8-bit step) the colour <paramref name="rgb"/>.</summary>
    private static int Ink(Planes p, params double[] rgb)
    {
        var count = 0;
        for (var y = 0; y < p.Height; y++)
        for (var x = 0; x < p.Width; x++)
            if (Enumerable.Range(0, 3).All(c => Math.Abs(p[c, y, x] - rgb[c]) <= 1 / 255.0)) count++;
        return count;
    }

    [Theory]
    [InlineData(TextPosition.Bottom)]
    [InlineData(TextPosition.Top)]
    [InlineData(TextPosition.Center)]
    public void The_caption_changes_only_its_band_and_has_ink_of_the_chosen_colour(TextPosition position)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(Width, Height, 0.3, 0.3, 0.3);
            using var captioned = ImageFunctions.TextOverlay(image, new Text("Jungle Ruins"), size: 32,
                color: Color.Parse("#ff3000"), position: position, margin: 10);
            var (before, after) = (Planes.Of(image), Planes.Of(captioned));
            var (top, bottom, left, right, count) = Changed(before, after);

            // The band: one line (about 1.2 em) at the margin from its edge, or around the middle.
            var (bandTop, bandBottom) = position switch
            {
                TextPosition.Top => (10, 10 + 40),
                TextPosition.Bottom => (Height - 10 - 40, Height - 10),
                _ => (Height / 2 - 20, Height / 2 + 20),
            };
            Assert.True(count > 300, $"{count} pixels changed");
            Assert.InRange(top, bandTop, bandBottom);
            Assert.InRange(bottom, bandTop, bandBottom);
            Assert.True(bottom - top >= 18, $"glyphs {top}..{bottom} are shorter than capitals of a 32 px font");
            // Centred across.
            Assert.InRange((left + right) / 2.0, Width / 2 - 8, Width / 2 + 8);
            // Solid ink of the chosen colour inside the glyphs (antialiased edges mix with the grey).
            Assert.True(Ink(after, 1, 0x30 / 255.0, 0) > 150, $"{Ink(after, 1, 0x30 / 255.0, 0)} pixels of #ff3000");
        });
    }

    [Fact]
    public void A_long_caption_wraps_into_several_centred_lines_above_the_bottom_margin()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(Width, Height, 0, 0, 0);
            using var one = ImageFunctions.TextOverlay(image, new Text("Ruins"), size: 24, margin: 8);
            using var three = ImageFunctions.TextOverlay(image, new Text("The jungle slowly reclaims the stones of a forgotten city"), size: 24, margin: 8);
            var before = Planes.Of(image);
            var single = Changed(before, Planes.Of(one));
            var wrapped = Changed(before, Planes.Of(three));
            Assert.True(wrapped.Bottom - wrapped.Top > 2 * (single.Bottom - single.Top), $"{wrapped.Top}..{wrapped.Bottom} vs {single.Top}..{single.Bottom}");
            Assert.True(wrapped.Bottom < Height - 8 + 1);
            Assert.True(wrapped.Left >= 8 && wrapped.Right < Width - 8);
            // White by default.
            Assert.True(Ink(Planes.Of(three), 1, 1, 1) > 200);
        });
    }

    [Fact]
    public void A_shadow_darkens_pixels_next_to_the_glyphs()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(Width, Height, 0.8, 0.8, 0.8);
            using var plain = ImageFunctions.TextOverlay(image, new Text("Shade"), size: 40);
            using var shadowed = ImageFunctions.TextOverlay(image, new Text("Shade"), size: 40, shadow: true);
            var before = Planes.Of(image);
            var (p, s) = (Planes.Of(plain), Planes.Of(shadowed));
            Assert.True(Changed(before, s).Count > Changed(before, p).Count);
            var darker = 0;
            for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
                if (s[0, y, x] < 0.7) darker++;
            Assert.True(darker > 100, $"{darker} shadow pixels");
        });
    }

    [Fact]
    public void Text_on_a_transparent_image_is_opaque_where_it_is_drawn()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(Width, Height, 0, 0, 0, 0);
            using var captioned = ImageFunctions.TextOverlay(image, new Text("Alpha"), size: 40, color: Color.Parse("#00ff00"));
            var p = Planes.Of(captioned);
            Assert.Equal(4, captioned.Channels);
            var opaqueGreen = 0;
            for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
                if (p[3, y, x] > 0.99 && p[1, y, x] > 0.99 && p[0, y, x] < 0.01) opaqueGreen++;
            Assert.True(opaqueGreen > 150);
            Assert.Equal(0, p[3, 5, 5]);
        });
    }

    [Fact]
    public void Empty_text_leaves_the_image_as_it_was()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Noise(40, 20, seed: 15);
            using var same = ImageFunctions.TextOverlay(image, new Text("   "));
            Assert.Equal(0, Planes.Of(same).MaxDifference(Planes.Of(image)));
        });
    }

    [Fact]
    public void An_unknown_font_is_a_clear_error()
    {
        using var image = TestImages.Solid(40, 20, 0, 0, 0);
        var e = Assert.Throws<InvalidOperationException>(() => ImageFunctions.TextOverlay(image, new Text("x"), font: "/no/such/font.ttf"));
        Assert.Contains("TextOverlay", e.Message);
        Assert.Contains("/no/such/font.ttf", e.Message);
    }

    [Fact]
    public void A_font_file_can_be_named()
    {
        const string mono = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
        if (!File.Exists(mono)) return;   // fonts-dejavu-core brings it; the default-font tests above cover the rest
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = TestImages.Solid(Width, Height, 0, 0, 0);
            using var sans = ImageFunctions.TextOverlay(image, new Text("iiiii"), size: 30);
            using var monospaced = ImageFunctions.TextOverlay(image, new Text("iiiii"), size: 30, font: mono);
            var before = Planes.Of(image);
            var (s, m) = (Changed(before, Planes.Of(sans)), Changed(before, Planes.Of(monospaced)));
            // In a monospaced font the narrow i is as wide as any letter.
            Assert.True(m.Right - m.Left > s.Right - s.Left + 20, $"mono {m.Right - m.Left} px, sans {s.Right - s.Left} px");
        });
    }
}
