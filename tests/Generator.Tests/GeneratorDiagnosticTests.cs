using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SymbolicGen.Generator.Tests;

/// <summary>
/// The generator's own diagnostics (SYM04xx): each at its place, the flow concerned left out, the rest of
/// the file and of the project still generated. Diagnostics of the .sym language are the analyzer's.
/// </summary>
public sealed class GeneratorDiagnosticTests
{
    [Theory]
    [InlineData("flow F(text: Text, gain_b: Float = 1, gainB: Float = 2) -> (out: Text) {\n    out = Case(text)\n}\n", "gainB", "flow parameter 'gainB' would be 'GainB' in class 'FPipeline', which is the name of flow parameter 'gain_b'")]
    [InlineData("flow F(text: Text, nodes: Float = 1) -> (out: Text) {\n    out = Case(text)\n}\n", "nodes", "flow parameter 'nodes' would be 'Nodes' in class 'FPipeline', which is a member SymbolicGen generates")]
    [InlineData("flow F(text: Text) -> (statistics: Text) {\n    statistics = Case(text)\n}\n", "statistics: Text", "flow output 'statistics' would be 'Statistics' in class 'FResult', which is a member SymbolicGen generates")]
    [InlineData("flow F(text: Text) -> (out: Text) {\n    to_string = Case(text)\n    out = Case(to_string)\n}\n", "to_string =", "node 'to_string' would be 'ToString' in class 'FPipeline.NodeSet', which is a member every C# object has")]
    [InlineData("flow F(options: Text) -> (out: Text) {\n    out = Case(options)\n}\n", "options: Text", "flow input 'options' would be 'options' in the parameters of 'FPipeline.RunAsync', which is a member SymbolicGen generates")]
    public void A_generated_name_collision_is_reported_where_the_name_is_written(string text, string at, string message)
    {
        var run = GeneratorHarness.Generate([("/proj/f.sym", text)]);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SYM0402", diagnostic.Id);
        Assert.StartsWith(message, diagnostic.GetMessage());
        AssertAt(diagnostic, "/proj/f.sym", text, at);
        Assert.DoesNotContain(Emit.PipelineEmitter.HintName("f.sym"), run.Hints);
    }

    [Fact]
    public void A_name_without_a_CSharp_form_is_reported_and_the_other_flows_are_generated()
    {
        const string text = "flow _1(text: Text) -> (out: Text) {\n    out = Case(text)\n}\n\nflow Fine(text: Text) -> (out: Text) {\n    out = Case(text)\n}\n";
        var run = GeneratorHarness.Generate([("/proj/f.sym", text)]);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SYM0401", diagnostic.Id);
        Assert.Equal("flow '_1' cannot name a C# class: it has no letter before its first digit; rename the flow", diagnostic.GetMessage());
        AssertAt(diagnostic, "/proj/f.sym", text, "_1");
        var source = run.Source(Emit.PipelineEmitter.HintName("f.sym"));
        Assert.Contains("class FinePipeline", source);
    }

    [Fact]
    public void A_flow_that_calls_a_flow_that_is_not_generated_is_not_generated_either()
    {
        const string text = "flow _1(text: Text) -> (out: Text) {\n    out = Case(text)\n}\n\nflow Caller(text: Text) -> (out: Text) {\n    out = _1(text)\n}\n";
        var run = GeneratorHarness.Generate([("/proj/f.sym", text)]);
        Assert.Equal(["SYM0401"], run.Ids);
        Assert.DoesNotContain(Emit.PipelineEmitter.HintName("f.sym"), run.Hints);
    }

    [Fact]
    public void The_same_flow_name_in_two_files_is_generated_once_and_reported_in_the_other()
    {
        const string text = "flow Echo(text: Text) -> (out: Text) {\n    out = Case(text)\n}\n";
        var run = GeneratorHarness.Generate([("/proj/b/echo.sym", text), ("/proj/a/echo.sym", text)]);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SYM0402", diagnostic.Id);
        Assert.Equal("flow 'Echo' would generate 'EchoPipeline', which flow 'Echo' of /proj/a/echo.sym generates; rename one of the flows", diagnostic.GetMessage());
        AssertAt(diagnostic, "/proj/b/echo.sym", text, "Echo");
        Assert.Contains(Emit.PipelineEmitter.HintName("a/echo.sym"), run.Hints);
        Assert.DoesNotContain(Emit.PipelineEmitter.HintName("b/echo.sym"), run.Hints);
    }

    [Fact]
    public void A_type_the_project_declares_is_not_generated_over()
    {
        const string text = "flow Echo(text: Text) -> (out: Text) {\n    out = Case(text)\n}\n";
        var run = GeneratorHarness.Generate([("/proj/echo.sym", text)], "namespace TestApp.Workflows { public class EchoResult { } }");
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SYM0402", diagnostic.Id);
        Assert.Equal("flow 'Echo' would generate 'TestApp.Workflows.EchoResult', which the project already declares; rename the flow or the type", diagnostic.GetMessage());
    }

    [Fact]
    public void An_unusable_namespace_is_reported_once_and_nothing_is_generated()
    {
        const string text = "flow Echo(text: Text) -> (out: Text) {\n    out = Case(text)\n}\n";
        var run = GeneratorHarness.RunGenerator(
            GeneratorHarness.Driver([("/proj/echo.sym", text)], GeneratorHarness.Properties("My.class.Flows")),
            GeneratorHarness.Compilation([GeneratorHarness.TextFunctions]));
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SYM0401", diagnostic.Id);
        Assert.Equal("namespace 'My.class.Flows' has the part 'class', which is a C# keyword; set SymbolicGenNamespace to a namespace for the generated code", diagnostic.GetMessage());
        Assert.Empty(run.Hints);
    }

    [Fact]
    public void A_function_generated_code_cannot_call_is_reported_on_its_declaration()
    {
        const string functions = """
            using SymbolicGen.Runtime;
            namespace TestApp
            {
                public sealed class Instance
                {
                    [SymFunction] public Text Shout(Text text) => text;
                }
                public static class Hidden
                {
                    [SymFunction] private static Text Whisper(Text text) => text;
                }
            }
            """;
        var run = GeneratorHarness.Generate([], functions);
        Assert.Equal(["SYM0404", "SYM0404"], run.Ids);
        var instance = Assert.Single(run.GeneratorDiagnostics, d => d.GetMessage().Contains("Instance"));
        Assert.Equal("'TestApp.Instance.Shout' is an instance method; generated code calls [SymFunction] methods directly, so make it a static method that the project can call (internal or public)", instance.GetMessage());
        Assert.Equal("/src/Source1.cs", instance.Location.GetLineSpan().Path);
        Assert.Equal((5, 34), (instance.Location.GetLineSpan().StartLinePosition.Line, instance.Location.GetLineSpan().StartLinePosition.Character));
        var hidden = Assert.Single(run.GeneratorDiagnostics, d => d.GetMessage().Contains("Hidden"));
        Assert.StartsWith("'TestApp.Hidden.Whisper' is not accessible from the rest of the project", hidden.GetMessage());
        Assert.DoesNotContain("Shout", run.Source(Emit.RegistryEmitter.HintName));
    }

    [Fact]
    public void A_function_whose_node_class_collides_is_reported_and_its_nodes_have_no_node_object()
    {
        const string functions = """
            using SymbolicGen.Runtime;
            namespace TestApp
            {
                public static class Twins
                {
                    [SymFunction("shout_text")] public static Text First(Text text, int times = 1) => text;
                    [SymFunction("ShoutText")] public static Text Second(Text text, int times = 1) => text;
                }
            }
            """;
        const string text = "flow Both(text: Text) -> (out: Text) {\n    a = shout_text(text)\n    out = ShoutText(a)\n}\n";
        var run = GeneratorHarness.Generate([("/proj/both.sym", text)], functions);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SYM0402", diagnostic.Id);
        Assert.Equal("function 'ShoutText' would have the node class 'SymbolicGenNodes.ShoutTextNode', which function 'shout_text' has; the nodes that call 'ShoutText' have no node object", diagnostic.GetMessage());
        var source = run.Source(Emit.PipelineEmitter.HintName("both.sym"));
        Assert.Contains("SymbolicGenNodes.ShoutTextNode A;", source);
        Assert.DoesNotContain("(pipeline, \"out\")", source);
    }

    [Fact]
    public void Without_the_runtime_a_file_with_flows_is_reported_and_nothing_is_generated()
    {
        const string text = "flow Pass(x: Text) -> (y: Text) {\n    y = x\n}\n";
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Driver([("/proj/pass.sym", text)]), GeneratorHarness.Compilation([], withRuntime: false));
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SYM0405", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Empty(run.Hints);
    }

    [Fact]
    public void Generated_code_compiles_with_CSharp_9()
    {
        var run = GeneratorHarness.Generate([("/proj/shout.sym", Samples.Shout), ("/proj/params.sym", Samples.Parameters)], version: LanguageVersion.CSharp9);
        Assert.Equal(4, run.Hints.Count());
    }

    private static void AssertAt(Diagnostic diagnostic, string path, string text, string at)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        var offset = text.IndexOf(at, StringComparison.Ordinal);
        var before = text.Substring(0, offset);
        var line = before.Count(c => c == '\n');
        var column = offset - (before.LastIndexOf('\n') + 1);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_SYM0403_at_that_file_and_the_other_files_still_generate()
    {
        var driver = GeneratorHarness.Driver([("/proj/workflows/Shout.sym", Samples.Shout)])
            .AddAdditionalTexts([new UnreadableText("/proj/workflows/Locked.sym")]);
        var run = GeneratorHarness.RunGenerator(driver, GeneratorHarness.Compilation([GeneratorHarness.TextFunctions]));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SYM0403", diagnostic.Id);
        Assert.Equal("/proj/workflows/Locked.sym", diagnostic.Location.GetLineSpan().Path);
        Assert.StartsWith("internal error in the SymbolicGen generator while reading the file: IOException: the disk is gone", diagnostic.GetMessage());
        Assert.Contains(Emit.PipelineEmitter.HintName("workflows/Shout.sym"), run.Hints);
    }

    // An additional file whose text cannot be read, as when it is deleted or locked while the compiler runs.
    private sealed class UnreadableText(string path) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => throw new IOException("the disk is gone");
    }
}
