using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace SymbolicGen.Generator.Tests;

/// <summary>
/// The generator's caching, asserted on its named steps (<see cref="TrackingNames"/>): one item per .sym
/// file, compilation facts and the catalog reduced to equatable records, so that an edit redoes only what
/// it affects.
/// </summary>
public sealed class IncrementalTests
{
    private const string A = """
        flow Loud(text: Text) -> (loud: Text) {
            loud = Case(text, casing: upper)
        }
        """;

    private const string B = """
        flow Many(text: Text) -> (many: Text) {
            many = Repeat(text, times: 3)
        }
        """;

    private const string CatalogFile = """
        {
          "format": "symbolicgen-catalog/1",
          "backend": "test",
          "types": [ { "name": "PICTURE", "media": "Image" } ],
          "functions": [ { "name": "Develop", "inputs": [ { "name": "text", "type": "Text" } ], "outputs": [ { "name": "picture", "type": "PICTURE" } ] } ]
        }
        """;

    private static readonly string[] Steps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Every_named_step_runs_and_a_second_run_on_a_clone_is_entirely_cached()
    {
        var compilation = GeneratorHarness.Compilation([GeneratorHarness.TextFunctions]);
        var first = GeneratorHarness.RunGenerator(Driver(GeneratorHarness.Text("/proj/a.sym", A), GeneratorHarness.Text("/proj/c.symcatalog.json", CatalogFile)), compilation);
        foreach (var step in Steps) Assert.True(first.Result.Results[0].TrackedSteps.ContainsKey(step), $"step {step} did not run");

        var second = GeneratorHarness.RunGenerator(first.Driver, compilation.Clone());
        foreach (var step in Steps)
            Assert.All(Reasons(second, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        Assert.All(OutputReasons(second), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Editing_one_file_parses_and_emits_that_file_alone()
    {
        var compilation = GeneratorHarness.Compilation([GeneratorHarness.TextFunctions]);
        var (a, b) = (GeneratorHarness.Text("/proj/a.sym", A), GeneratorHarness.Text("/proj/b.sym", B));
        var first = GeneratorHarness.RunGenerator(Driver(a, b), compilation);
        var before = first.Source(Emit.PipelineEmitter.HintName("b.sym"));

        var edited = GeneratorHarness.Text("/proj/a.sym", A.Replace("upper", "lower"));
        var second = GeneratorHarness.RunGenerator(first.Driver.ReplaceAdditionalText(a, edited), compilation);

        Assert.Equal([IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], Reasons(second, TrackingNames.Parse));
        Assert.Equal([IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], Reasons(second, TrackingNames.Emit));
        // The flows' names did not change, so the index of generated names is the same and b.sym is not emitted again.
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(second, TrackingNames.Index));
        Assert.Contains("casing: lower", second.Source(Emit.PipelineEmitter.HintName("a.sym")));
        Assert.Equal(before, second.Source(Emit.PipelineEmitter.HintName("b.sym")));
    }

    [Fact]
    public void A_file_replaced_by_the_same_text_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compilation([GeneratorHarness.TextFunctions]);
        var a = GeneratorHarness.Text("/proj/a.sym", A);
        var first = GeneratorHarness.RunGenerator(Driver(a), compilation);
        var second = GeneratorHarness.RunGenerator(first.Driver.ReplaceAdditionalText(a, GeneratorHarness.Text("/proj/a.sym", A)), compilation);
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(second, TrackingNames.Input));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(second, TrackingNames.Parse));
        Assert.All(OutputReasons(second), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void An_unrelated_csharp_edit_leaves_the_facts_and_the_catalog_equal_and_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compilation([GeneratorHarness.TextFunctions]);
        var first = GeneratorHarness.RunGenerator(Driver(GeneratorHarness.Text("/proj/a.sym", A), GeneratorHarness.Text("/proj/b.sym", B)), compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace TestApp { internal static class Unrelated { public static int Answer => 42; } }", path: "/src/Unrelated.cs"));
        var second = GeneratorHarness.RunGenerator(first.Driver, edited);

        // The compilation changed, so the steps that read it ran again, found the same, and stopped the change there;
        // the source's functions are found by their attribute, so no [SymFunction] method was read again.
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(second, TrackingNames.Facts));
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(second, TrackingNames.ReferencedFunctions));
        Assert.NotEmpty(Reasons(second, TrackingNames.SourceFunctions));
        Assert.All(Reasons(second, TrackingNames.SourceFunctions), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(second, TrackingNames.Functions));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(second, TrackingNames.Catalog));
        Assert.Equal([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached], Reasons(second, TrackingNames.Parse));
        Assert.All(OutputReasons(second), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Changing_a_function_recompiles_every_file_and_regenerates_only_what_changed()
    {
        var compilation = GeneratorHarness.Compilation([GeneratorHarness.TextFunctions]);
        var first = GeneratorHarness.RunGenerator(Driver(GeneratorHarness.Text("/proj/a.sym", A), GeneratorHarness.Text("/proj/b.sym", B)), compilation);

        var tree = compilation.SyntaxTrees.Single();
        var changed = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(GeneratorHarness.TextFunctions.Replace("Max = 10,", "Max = 20,"))));
        var second = GeneratorHarness.RunGenerator(first.Driver, changed);

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.Catalog));
        // Both files are compiled again, and their models are the same: ranges live in the node class of the
        // function, shared by every node that calls it, which alone is generated again.
        Assert.Equal([IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Unchanged], Reasons(second, TrackingNames.Parse));
        Assert.Equal([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached], Reasons(second, TrackingNames.Emit));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.Nodes));
        Assert.Contains("Int; accepts 1 to 20", second.Source(Emit.NodesEmitter.HintName));
    }

    [Fact]
    public void The_same_options_again_regenerate_nothing_and_a_removed_file_loses_its_source()
    {
        var compilation = GeneratorHarness.Compilation([GeneratorHarness.TextFunctions]);
        var (a, b) = (GeneratorHarness.Text("/proj/a.sym", A), GeneratorHarness.Text("/proj/b.sym", B));
        var first = GeneratorHarness.RunGenerator(Driver(a, b), compilation);

        var same = GeneratorHarness.RunGenerator(first.Driver.WithUpdatedAnalyzerConfigOptions(Options(GeneratorHarness.Properties())), compilation);
        Assert.All(OutputReasons(same), r => Assert.Equal(IncrementalStepRunReason.Cached, r));

        var removed = GeneratorHarness.RunGenerator(same.Driver.RemoveAdditionalTexts([a]), compilation);
        Assert.Contains(IncrementalStepRunReason.Removed, Reasons(removed, TrackingNames.Parse));
        Assert.DoesNotContain(Emit.PipelineEmitter.HintName("a.sym"), removed.Hints);
        Assert.Contains(Emit.PipelineEmitter.HintName("b.sym"), removed.Hints);
    }

    [Fact]
    public void A_catalog_file_is_read_once_per_text_and_a_change_of_its_types_recompiles_the_flows()
    {
        var compilation = GeneratorHarness.Compilation([GeneratorHarness.TextFunctions]);
        var (a, catalog) = (GeneratorHarness.Text("/proj/a.sym", A), GeneratorHarness.Text("/proj/c.symcatalog.json", CatalogFile));
        var first = GeneratorHarness.RunGenerator(Driver(a, catalog), compilation);

        // Editing a .sym file reads no catalog file again.
        var edited = GeneratorHarness.RunGenerator(first.Driver.ReplaceAdditionalText(a, GeneratorHarness.Text("/proj/a.sym", A.Replace("upper", "lower"))), compilation);
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(edited, TrackingNames.CatalogFiles));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(edited, TrackingNames.Catalog));

        // The same text again: read, found equal, nothing after it runs.
        var same = GeneratorHarness.RunGenerator(first.Driver.ReplaceAdditionalText(catalog, GeneratorHarness.Text("/proj/c.symcatalog.json", CatalogFile)), compilation);
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(same, TrackingNames.CatalogFiles));
        Assert.All(OutputReasons(same), r => Assert.Equal(IncrementalStepRunReason.Cached, r));

        // A type that stops being an Image is another catalog (types compare by definition), though its name is the same.
        var opaque = GeneratorHarness.RunGenerator(first.Driver.ReplaceAdditionalText(catalog,
            GeneratorHarness.Text("/proj/c.symcatalog.json", CatalogFile.Replace(", \"media\": \"Image\"", ""))), compilation);
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(opaque, TrackingNames.CatalogFiles));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(opaque, TrackingNames.Catalog));
        Assert.Contains("PortType.Define(\"PICTURE\", null, null)", opaque.Source(Emit.RegistryEmitter.HintName));
    }

    [Fact]
    public void No_step_keeps_a_compilation_a_symbol_a_syntax_node_or_a_text()
    {
        var compilation = GeneratorHarness.Compilation([GeneratorHarness.TextFunctions]);
        var run = GeneratorHarness.RunGenerator(Driver(GeneratorHarness.Text("/proj/a.sym", A), GeneratorHarness.Text("/proj/b.sym", Samples.Shout),
            GeneratorHarness.Text("/proj/c.symcatalog.json", CatalogFile)), compilation);
        foreach (var step in Steps)
            foreach (var runStep in run.Result.Results[0].TrackedSteps[step])
                foreach (var (value, _) in runStep.Outputs)
                    AssertPlainData(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    private static void AssertPlainData(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return;
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SourceText or AdditionalText or Location { IsInSource: true },
            $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) AssertPlainData(item, $"{path}[{i++}]", seen);
            return;
        }
        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                AssertPlainData(field.GetValue(value), path + "." + field.Name, seen);
    }

    private static GeneratorDriver Driver(params AdditionalText[] files) =>
        GeneratorHarness.Driver([]).AddAdditionalTexts([.. files]);

    private static Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider Options(Dictionary<string, string> properties) =>
        (Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider)typeof(GeneratorHarness).GetNestedType("OptionsProvider", BindingFlags.NonPublic)!
            .GetConstructors()[0].Invoke([properties]);

    private static List<IncrementalStepRunReason> Reasons(GeneratorHarness.Run run, string step) =>
        run.Result.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    private static List<IncrementalStepRunReason> OutputReasons(GeneratorHarness.Run run) =>
        run.Result.Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
}
