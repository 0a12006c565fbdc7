using System.Text;

namespace SymbolicGen.Benchmarks;

/// <summary>Synthetic but realistic .sym sources of a chosen size, valid against the flagship catalog.</summary>
public static class Sources
{
    /// <summary>One dataflow flow of <paramref name="nodes"/> nodes: birdsong layers folded through AudioMix.</summary>
    public static string Flow(int nodes, string name = "Big")
    {
        var text = new StringBuilder();
        text.Append("# A long mix chain: every node feeds the output.\n");
        text.Append($"flow {name}(seconds: Duration = 6s) -> (out: Audio) {{\n");
        text.Append("    m0 = Birdsong(duration: seconds, density: 0.5, seed: 0)\n");
        var last = "m0";
        for (var i = 1; 2 * i < nodes; i++)
        {
            text.Append($"    b{i} = Birdsong(duration: 3s, density: 0.{i % 10}, seed: {i})\n");
            text.Append($"    m{i} = AudioMix({last}, b{i}, gain_a: -1dB, gain_b: -6dB)  # layer {i}\n");
            last = $"m{i}";
        }
        text.Append($"    out = {last}\n}}\n");
        return text.ToString();
    }

    /// <summary>A file of at least <paramref name="lines"/> lines made of many small flows.</summary>
    public static string File(int lines)
    {
        var text = new StringBuilder();
        for (var i = 0; CountLines(text) < lines; i++)
            text.Append(Flow(20, $"Flow{i}")).Append('\n');
        return text.ToString();
    }

    /// <summary>Refuses to measure an invalid source: the numbers would describe error recovery, not checking.</summary>
    public static void EnsureClean(string text, SymbolicGen.Language.Catalog.FunctionCatalog catalog)
    {
        var diagnostics = SymbolicGen.Language.SymCompiler.Compile(text, catalog).Diagnostics;
        if (diagnostics.Count > 0) throw new InvalidOperationException("benchmark source has diagnostics: " + diagnostics[0]);
    }

    private static int CountLines(StringBuilder text)
    {
        var lines = 0;
        for (var i = 0; i < text.Length; i++) if (text[i] == '\n') lines++;
        return lines;
    }
}
