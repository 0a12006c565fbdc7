using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Text;
using Xunit;

namespace SymbolicGen.Language.Tests.Checking;

public class SuggestionsTests
{
    [Theory]
    [InlineData("weight", "weight", 0)]
    [InlineData("wieght", "weight", 1)]
    [InlineData("ImageBlnd", "ImageBlend", 1)]
    [InlineData("imageblend", "ImageBlend", 0)]
    [InlineData("laplacain", "laplacian", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)]
    public void Distance_counts_edits_and_adjacent_transpositions_ignoring_case(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
        Assert.Equal(expected, Suggestions.Distance(b, a));
    }

    [Fact]
    public void Closest_keeps_only_near_candidates_and_returns_ties()
    {
        Assert.Equal(new[] { "weight" }, Suggestions.Closest("wieght", new[] { "mode", "weight", "height" }.Take(2)));
        Assert.Equal(new[] { "weight", "height" }, Suggestions.Closest("zeight", new[] { "weight", "height", "mode" }));
        Assert.Empty(Suggestions.Closest("duration", new[] { "fps", "zoom" }));
        // A one-letter name only matches another case of itself.
        Assert.Empty(Suggestions.Closest("c", new[] { "a", "b" }));
        Assert.Equal(new[] { "A" }, Suggestions.Closest("a", new[] { "A", "b" }));
        // The exact name is not a suggestion for itself.
        Assert.Empty(Suggestions.Closest("mode", new[] { "mode" }));
    }

    [Fact]
    public void DidYouMean_offers_a_safe_fix_only_for_a_single_closest_candidate()
    {
        var span = new SourceSpan(10, 6);

        var (suffix, fixes) = Suggestions.DidYouMean("wieght", span, new[] { "weight", "mode" });
        Assert.Equal("; did you mean 'weight'?", suffix);
        var fix = Assert.Single(fixes);
        Assert.True(fix.IsSafe);
        Assert.Equal((10, 6, "weight"), (fix.Edits[0].Start, fix.Edits[0].Length, fix.Edits[0].NewText));

        var (tied, offered) = Suggestions.DidYouMean("zeight", span, new[] { "weight", "height" });
        Assert.Equal("; did you mean 'weight' or 'height'?", tied);
        Assert.All(offered, f => Assert.False(f.IsSafe));

        Assert.Equal(("", 0), Suggestions.DidYouMean("xyz", span, new[] { "weight" }) is var (none, empty) ? (none, empty.Length) : default);
    }
}
