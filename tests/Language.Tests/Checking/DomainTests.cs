using System.Numerics;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;
using Xunit;

namespace SymbolicGen.Language.Tests.Checking;

/// <summary>
/// <see cref="ParameterDomain"/>: exact integer ranges (a ComfyUI seed is 0 to 2^64 − 1), steps, storage bounds and the
/// one wording of an out-of-range value, through the checker.
/// </summary>
public sealed class DomainTests
{
    private static readonly Numeric Max64 = Numeric.Of(ulong.MaxValue);

    // A function with an unsigned 64-bit seed and a width in steps of 8, as node catalogs declare them.
    private static readonly FunctionCatalog Catalog = new(new[]
    {
        new FunctionInfo("Sample",
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(
                new ParameterInfo("seed", new ParameterDomain(ParamType.Seed, new NumberValue(0), Numeric.Of(0), Max64)),
                new ParameterInfo("width", new ParameterDomain(ParamType.Int, new NumberValue(512), Numeric.Of(64), Numeric.Of(2048), step: 8)),
                new ParameterInfo("count", ParamType.Int, new NumberValue(1)))),
    });

    private static List<Seen> Check(string argument) =>
        Checks.Diagnostics($"flow F(photo: Image) -> (out: Image) {{\n    out = Sample(photo, {argument})\n}}\n", Catalog);

    [Theory]
    [InlineData("seed: 0")]
    [InlineData("seed: 18446744073709551615")]
    [InlineData("seed: 9223372036854775808")]
    [InlineData("width: 64")]
    [InlineData("width: 2048")]
    [InlineData("width: 1000")]
    [InlineData("count: 2147483647")]
    public void Values_in_the_domain_check_clean(string argument) => Assert.Empty(Check(argument));

    [Theory]
    [InlineData("seed: 18446744073709551616", "'seed' is 18446744073709551616; Sample accepts 0 to 18446744073709551615")]
    [InlineData("seed: -1", "'seed' is -1; Sample accepts 0 to 18446744073709551615")]
    [InlineData("width: 1001", "'width' is 1001; Sample accepts 64 to 2048 in steps of 8")]
    [InlineData("width: 4096", "'width' is 4096; Sample accepts 64 to 2048 in steps of 8")]
    [InlineData("count: 2147483648", "'count' is 2147483648; Sample accepts -2147483648 to 2147483647")]
    public void Values_outside_the_domain_are_SYM0203_with_the_exact_bound(string argument, string message)
    {
        var seen = Assert.Single(Check(argument));
        Assert.Equal(("SYM0203", message), (seen.Id, seen.Message));
    }

    [Fact]
    public void A_seed_is_unsigned_only_when_its_maximum_says_so()
    {
        Assert.True(new ParameterDomain(ParamType.Seed, max: Max64).IsUnsigned);
        Assert.False(new ParameterDomain(ParamType.Seed, min: Numeric.Of(0)).IsUnsigned); // a C# long with Min = 0
        Assert.Equal(Numeric.Of(long.MaxValue), new ParameterDomain(ParamType.Seed, min: Numeric.Of(0)).EffectiveRange.Max);
    }

    [Fact]
    public void Numbers_read_exactly_and_compare_exactly()
    {
        Assert.Equal(Numeric.Of(new BigInteger(ulong.MaxValue) + 1), Numeric.Parse("18446744073709551616"));
        Assert.Equal(Numeric.Of(1500), Numeric.Parse("1.5e3"));
        Assert.Equal(Numeric.Of(5), Numeric.Parse("5.0"));
        Assert.False(Numeric.Parse("0.1").IsInteger);
        Assert.True(Numeric.Parse("9007199254740993") > Numeric.Of(9007199254740992.0));
        Assert.Equal("9007199254740993", Numeric.Parse("9007199254740993").ToString());
        Assert.Equal("1e+300", Numeric.Of(1e300).ToString());
    }

    [Fact]
    public void The_runtime_message_of_an_out_of_range_value_is_the_checkers()
    {
        var width = Catalog.Find("Sample")!.FindParameter("width")!;
        var problem = ParameterValues.CheckRange(new NumberValue(1001), width, "Sample");
        Assert.Equal(Check("width: 1001").Single().Message, problem!.Message);
    }
}
