using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Semantics;
using Xunit;

namespace SymbolicGen.Language.Tests;

public class UnitsTests
{
    [Theory]
    [InlineData("s", 6, 6)]
    [InlineData("ms", 500, 0.5)]
    [InlineData("min", 2, 120)]
    [InlineData("kHz", 44.1, 44100)]
    [InlineData("dB", -6, -6)]
    [InlineData("%", 50, 0.5)]
    [InlineData("px", 512, 512)]
    public void Converts_to_the_canonical_unit(string symbol, double number, double expected)
    {
        var unit = Units.FromSymbol(symbol)!;
        Assert.Equal(expected, Units.ToCanonical(number, unit)!.Value, 9);
    }

    [Fact]
    public void Frames_need_a_frame_rate()
    {
        var frames = Units.FromSymbol("f")!;
        Assert.Null(Units.ToCanonical(120, frames));
        Assert.Equal(5, Units.ToCanonical(120, frames, 24)!.Value, 9);
    }

    [Fact]
    public void Linear_gain_is_logarithmic()
    {
        var x = Units.FromSymbol("x")!;
        Assert.Equal(6.0206, Units.ToCanonical(2, x)!.Value, 3);
        Assert.Equal(double.NegativeInfinity, Units.ToCanonical(0, x));
    }

    [Fact]
    public void Natural_words_and_case_insensitive_symbols_resolve()
    {
        Assert.Equal("s", Units.FromWord("seconds")!.Symbol);
        Assert.Equal("dB", Units.FromWord("dB")!.Symbol);
        Assert.Equal("kHz", Units.FromSymbol("khz")!.Symbol);
        Assert.Null(Units.FromSymbol("parsec"));
        Assert.Equal("120 Hz", Units.FormatCanonical(120, ParamType.Frequency));
    }
}
