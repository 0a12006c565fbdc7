using SymbolicGen.Language.Text;
using Xunit;

namespace SymbolicGen.Language.Tests;

public class LineMapTests
{
    [Fact]
    public void Lines_end_where_roslyn_ends_them()
    {
        var map = new LineMap("a\nb\r\nc\rd\u2028e\u0085f\u2029g");

        Assert.Equal(7, map.LineCount);
        Assert.Equal(new LinePosition(7, 1), map.GetPosition(map.Text.IndexOf('g')));
        Assert.Equal(new LinePosition(2, 2), map.GetPosition(3));
    }
}
