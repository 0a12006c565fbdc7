using Xunit;
using Xunit.Abstractions;

namespace SymbolicGen.Language.Tests.Checking;

public class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Print()
    {
        var text = File.ReadAllText("/tmp/scratch.sym");
        foreach (var part in text.Split("=====\n"))
        {
            foreach (var d in Checks.Diagnostics(part)) output.WriteLine(d.ToString());
            output.WriteLine("----");
        }
    }
}
