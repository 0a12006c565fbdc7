using SymbolicGen.Language.Text;
using Xunit;

namespace SymbolicGen.Language.Tests.Query;

/// <summary>Spans stay equal for IR equality, and tools compare their positions explicitly.</summary>
public class SpanPositionTests
{
    [Fact]
    public void Spans_are_equal_as_values_but_differ_by_position()
    {
        var a = new SourceSpan(3, 4);
        var b = new SourceSpan(10, 4);

        Assert.Equal(a, b);
        Assert.False(a.SamePosition(b));
        Assert.True(a.SamePosition(new SourceSpan(3, 4)));
        Assert.False(SourceSpan.PositionComparer.Equals(a, b));
        Assert.NotEqual(SourceSpan.PositionComparer.GetHashCode(a), SourceSpan.PositionComparer.GetHashCode(b));
    }

    [Fact]
    public void Spans_order_by_start_then_shorter_first()
    {
        var spans = new[] { new SourceSpan(5, 1), new SourceSpan(2, 9), new SourceSpan(2, 3), new SourceSpan(0, 0) };

        Array.Sort(spans, SourceSpan.PositionComparer);

        Assert.Equal(["[0..0)", "[2..5)", "[2..11)", "[5..6)"], spans.Select(s => s.ToString()));
    }

    [Fact]
    public void A_dictionary_keyed_by_position_keeps_one_entry_per_position()
    {
        var byPosition = new Dictionary<SourceSpan, string>(SourceSpan.PositionComparer)
        {
            [new SourceSpan(1, 2)] = "a",
            [new SourceSpan(1, 3)] = "b",
            [new SourceSpan(1, 2)] = "c",
        };

        Assert.Equal(2, byPosition.Count);
        Assert.Equal("c", byPosition[new SourceSpan(1, 2)]);
        Assert.True(new SourceSpan(1, 2).Contains(2));
        Assert.False(new SourceSpan(1, 2).Contains(3));
    }
}
