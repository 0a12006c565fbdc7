using SymbolicGen.Language;
using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Generator.Tests;

/// <summary>Each pipeline's static definition is the flow the compiler made of the file, with the node lines of the file.</summary>
public sealed class DefinitionTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "Shout", Samples.Shout },
        { "Parameters", Samples.Parameters },
        { "Values", """
            # Every kind of value, in the declarative syntax.
            flow Values
              input  text: Text
              param  s: String = "line\nbreak \u00e9 \"q\""
              output out: Text
              node d = Describe { seconds: 1500ms, seed: -3, scale: 1e-3, loud: false, size: 16x9, color: #ABCDEF }
              node r = Repeat { times: 2, separator: s }
              link "a constant" -> d.note
              link text -> d.text
              link d.text -> r.text
              link r.text -> out
            end
            """ },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void The_definition_equals_the_compiled_flow_and_knows_its_node_lines(string name, string text)
    {
        var path = "/proj/workflows/" + name + ".sym";
        var run = GeneratorHarness.Generate([(path, text)]);
        var compiled = SymCompiler.Compile(text, SymbolCatalogReader.Read(GeneratorHarness.Compilation([GeneratorHarness.TextFunctions])).Catalog);
        var assembly = GeneratorHarness.Load(run.Output);
        var generated = compiled.File.Flows.Where(f => !compiled.Diagnostics.Any(d => d.Severity == Language.Diagnostics.Severity.Error)).ToList();
        Assert.True(generated.Count > 0, string.Join("; ", compiled.Diagnostics));
        foreach (var flow in generated)
        {
            var type = assembly.GetType("TestApp.Workflows." + flow.Name + "Pipeline", throwOnError: true)!;
            var definition = (Flow)type.GetProperty("Definition")!.GetValue(null)!;
            Assert.Equal(flow, definition);
            // Spans always compare equal, so positions are compared on their own: errors name the file's lines.
            Assert.Equal(flow.Nodes.Select(n => (n.Span.Start, n.Span.Length)), definition.Nodes.Select(n => (n.Span.Start, n.Span.Length)));
        }
    }
}
