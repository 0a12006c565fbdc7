using CsCheck;
using SymbolicGen.Runtime;
using Xunit;
using Size = SymbolicGen.Runtime.Size;

namespace SymbolicGen.Language.Tests.Runtime;

public class SizeTests
{
    [Fact]
    public void Parses_and_formats_width_x_height()
    {
        var size = Size.Parse("1024x576");

        Assert.Equal((1024, 576), (size.Width, size.Height));
        Assert.Equal("1024x576", size.ToString());
        Assert.Equal(new Size(1024, 576), size);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1024")]
    [InlineData("1024x")]
    [InlineData("x576")]
    [InlineData("1024X576")]
    [InlineData("1024 x 576")]
    [InlineData("-1024x576")]
    [InlineData("+1024x576")]
    [InlineData("0x576")]
    [InlineData("1024x0")]
    [InlineData("1024x576x2")]
    [InlineData("99999999999x1")]
    [InlineData("1.5x2")]
    public void Rejects_what_is_not_a_size(string text)
    {
        Assert.False(Size.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Size.Parse(text));
    }

    [Fact]
    public void Null_is_not_a_size() => Assert.False(Size.TryParse(null, out _));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-5, 5)]
    public void Sides_are_at_least_one_pixel(int width, int height) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Size(width, height));

    [Fact]
    public void Formatting_round_trips_through_parsing() =>
        Gen.Int[1, int.MaxValue].Select(Gen.Int[1, int.MaxValue]).Sample((width, height) =>
        {
            var size = new Size(width, height);
            return Size.Parse(size.ToString()) == size;
        });

    [Fact]
    public void Is_parsable_generically() => Assert.Equal(new Size(3, 4), ParseAs<Size>("3x4"));

    [Fact]
    public void Equality_follows_both_sides()
    {
        Assert.NotEqual(new Size(3, 4), new Size(4, 3));
        Assert.True(new Size(3, 4) != new Size(3, 5));
        Assert.Equal(new Size(3, 4).GetHashCode(), Size.Parse("3x4").GetHashCode());
    }

    internal static T ParseAs<T>(string text) where T : IParsable<T> => T.Parse(text, null);
}

public class ColorTests
{
    [Fact]
    public void Parses_and_formats_an_opaque_colour()
    {
        var color = Color.Parse("#1E90ff");

        Assert.Equal((0x1e, 0x90, 0xff, 255), (color.R, color.G, color.B, color.A));
        Assert.Equal("#1e90ff", color.ToString());
    }

    [Fact]
    public void Parses_and_formats_alpha()
    {
        var color = Color.Parse("#1e90ff80");

        Assert.Equal(0x80, color.A);
        Assert.Equal("#1e90ff80", color.ToString());
        Assert.Equal(new Color(0x1e, 0x90, 0xff, 0x80), color);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1e90ff")]
    [InlineData("#1e90f")]
    [InlineData("#1e90fff")]
    [InlineData("#1e90ffa")]
    [InlineData("#1e90gg")]
    [InlineData("#1e 0ff")]
    [InlineData("#+e90ff")]
    [InlineData("##1e90f")]
    public void Rejects_what_is_not_a_colour(string text)
    {
        Assert.False(Color.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Color.Parse(text));
    }

    [Fact]
    public void Formatting_round_trips_through_parsing() =>
        Gen.Byte.Select(Gen.Byte, Gen.Byte, Gen.Byte).Sample((r, g, b, a) =>
        {
            var color = new Color(r, g, b, a);
            return Color.Parse(color.ToString()) == color;
        });

    [Fact]
    public void Is_parsable_generically() => Assert.Equal(new Color(255, 255, 255), SizeTests.ParseAs<Color>("#ffffff"));
}
