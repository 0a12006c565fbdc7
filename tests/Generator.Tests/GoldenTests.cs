namespace SymbolicGen.Generator.Tests;

/// <summary>
/// The generated code of representative flows, compared with the files in Golden/. Set
/// <c>SYMGEN_UPDATE_GOLDEN=1</c> to rewrite them after an intended change (and review the diff).
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Cases => new() { "Shout", "Registry", "Nodes", "Parameters", "JungleRuins" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_matches_the_golden_file(string name)
    {
        var (run, hint) = Generate(name);
        var actual = Normalize(run.Source(hint));
        var path = Language.Tests.Repository.PathOf(Path.Combine("tests", "Generator.Tests", "Golden", name + ".g.cs"));
        if (Environment.GetEnvironmentVariable("SYMGEN_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} does not exist; run the tests with SYMGEN_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual) return;
        var received = Path.ChangeExtension(path, ".received.cs");
        File.WriteAllText(received, actual);
        Assert.Fail($"{name}: generated code differs from {path} (written to {received}); first difference:\n{FirstDifference(expected, actual)}");
    }

    [Fact]
    public void Output_is_deterministic_across_runs_and_file_order()
    {
        var files = new[] { ("/proj/a/Shout.sym", Samples.Shout), ("/proj/b/Params.sym", Samples.Parameters) };
        var first = GeneratorHarness.Generate(files);
        var second = GeneratorHarness.Generate(files.Reverse());
        foreach (var hint in first.Hints) Assert.Equal(first.Source(hint), second.Source(hint));
        Assert.Equal(first.Hints.OrderBy(h => h, StringComparer.Ordinal), second.Hints.OrderBy(h => h, StringComparer.Ordinal));
    }

    private static (GeneratorHarness.Run Run, string Hint) Generate(string name) => name switch
    {
        "Shout" => One("/proj/workflows/Shout.sym", Samples.Shout),
        "Parameters" => One("/proj/workflows/Parameters.sym", Samples.Parameters),
        "JungleRuins" => (GeneratorHarness.Generate([("/proj/workflows/JungleRuins.sym", Language.Tests.Repository.ReadText("workflows/JungleRuins.sym"))], Samples.FlagshipFunctions),
            Emit.PipelineEmitter.HintName("workflows/JungleRuins.sym")),
        "Nodes" => (GeneratorHarness.Generate([("/proj/workflows/Shout.sym", Samples.Shout)]), Emit.NodesEmitter.HintName),
        _ => (GeneratorHarness.Generate([("/proj/workflows/Shout.sym", Samples.Shout)]), Emit.RegistryEmitter.HintName),
    };

    private static (GeneratorHarness.Run, string) One(string path, string text) =>
        (GeneratorHarness.Generate([(path, text)]), Emit.PipelineEmitter.HintName(path.Substring("/proj/".Length)));

    // The generator's version changes with every release; the golden files do not.
    private static string Normalize(string source) =>
        source.Replace("\r\n", "\n").Replace("\"SymbolicGen.Generator\", \"" + Emit.Header.Version + "\"", "\"SymbolicGen.Generator\", \"VERSION\"");

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right) return $"line {i + 1}:\n- {left}\n+ {right}";
        }
        return "(none)";
    }
}
