using SymbolicGen.Language.Text;
using Xunit;

namespace SymbolicGen.Language.Tests.Query;

/// <summary><see cref="LineMap"/> from lines and columns back to offsets, with the same line breaks as Roslyn.</summary>
public class LineMapOffsetTests
{
    [Fact]
    public void Every_offset_maps_to_a_position_and_back_whatever_ends_the_lines()
    {
        var map = new LineMap("a\nbc\r\nd\re\u0085f\u2028g\u2029h\r\n\r\nlast");

        for (var offset = 0; offset <= map.Text.Length; offset++)
        {
            // Inside a CRLF the position is the CR's; both characters belong to the line they end.
            var expected = offset > 0 && map.Text[offset - 1] == '\r' && offset < map.Text.Length && map.Text[offset] == '\n' ? offset - 1 : offset;
            Assert.Equal(expected, map.GetOffset(map.GetPosition(offset)));
            var (line, character) = map.GetZeroBasedPosition(offset);
            Assert.Equal(expected, map.GetOffsetFromZeroBased(line, character));
        }
        Assert.Equal(map.Text.IndexOf('h'), map.GetOffset(7, 1));
        Assert.Equal(map.Text.IndexOf("last", StringComparison.Ordinal), map.GetOffset(9, 1));
    }

    [Fact]
    public void A_column_past_the_end_of_its_line_is_the_end_of_the_lines_text_before_its_break()
    {
        var map = new LineMap("ab\r\ncd\nef\rgh");

        Assert.Equal(2, map.GetOffset(1, 99));
        Assert.Equal(6, map.GetOffset(2, 3));
        Assert.Equal(9, map.GetOffset(3, 40));
        Assert.Equal(12, map.GetOffset(4, 40));
        Assert.Equal(2, map.GetOffsetFromZeroBased(0, int.MaxValue));
    }

    [Fact]
    public void Positions_outside_the_text_are_clamped()
    {
        var map = new LineMap("ab\ncd");

        Assert.Equal(0, map.GetOffset(0, 5));
        Assert.Equal(0, map.GetOffset(-3, -3));
        Assert.Equal(3, map.GetOffset(2, 0));
        Assert.Equal(5, map.GetOffset(3, 1));
        Assert.Equal(5, map.GetOffset(int.MaxValue, int.MaxValue));
        Assert.Equal(5, map.GetOffsetFromZeroBased(int.MaxValue, 0));
        Assert.Equal(0, map.GetOffsetFromZeroBased(-1, 0));
    }

    [Fact]
    public void An_empty_text_has_one_line_and_every_position_is_offset_zero()
    {
        var map = new LineMap("");

        Assert.Equal(1, map.LineCount);
        Assert.Equal(0, map.GetOffset(1, 1));
        Assert.Equal(0, map.GetOffset(1, 10));
        Assert.Equal(0, map.GetOffset(2, 1));
        Assert.Equal((0, 0), map.GetZeroBasedPosition(0));
    }

    [Fact]
    public void A_text_ending_with_a_line_break_has_an_empty_last_line()
    {
        var map = new LineMap("ab\r\n");

        Assert.Equal(2, map.LineCount);
        Assert.Equal(4, map.GetOffset(2, 1));
        Assert.Equal(4, map.GetOffset(2, 7));
        Assert.Equal(new LinePosition(2, 1), map.GetPosition(4));
    }
}
