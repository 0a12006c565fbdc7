using System.Reflection;
using SymbolicGen.Runtime;

namespace SymbolicGen.Generator.Tests;

/// <summary>
/// Functions declared with <c>[SymFunction(Namespace = …)]</c>: flows call them by qualified name or through
/// <c>using</c>, and the generated registry, node classes and pipelines run them like any other.
/// </summary>
public sealed class QualifiedFunctionTests
{
    private const string Functions = """
        using System.Linq;
        using SymbolicGen.Runtime;

        namespace TestApp
        {
            public static class Acme
            {
                [SymFunction(Namespace = "acme", Summary = "Shout a text")]
                public static Text Shout(Text text, [SymParam(Min = 1, Max = 5)] int times = 1) =>
                    string.Concat(Enumerable.Repeat(text.Value.ToUpperInvariant() + "!", times));

                [SymFunction(Namespace = "acme.quiet")]
                public static Text Whisper(Text text, string suffix = "...") => text.Value.ToLowerInvariant() + suffix;
            }

            public static class Plain
            {
                [SymFunction(Summary = "The unqualified function of the same simple name")]
                public static Text Shout(Text text, string mark = "?") => text.Value + mark;
            }
        }
        """;

    private const string Flow = """
        using acme.quiet

        flow Voices(text: Text) -> (loud: Text, soft: Text, plain: Text) {
            loud  = acme.Shout(text, times: 2)
            soft  = Whisper(loud)
            plain = Shout(text)
        }
        """;

    [Fact]
    public async Task A_flow_calling_qualified_functions_compiles_and_runs_through_the_generated_pipeline()
    {
        var run = GeneratorHarness.Generate([("/proj/workflows/Voices.sym", Flow)], Functions);
        Assert.Empty(run.GeneratorDiagnostics);
        var assembly = GeneratorHarness.Load(run.Output);
        var pipeline = Activator.CreateInstance(assembly.GetType("TestApp.Workflows.VoicesPipeline", throwOnError: true)!)!;

        Assert.Equal(("HEY!HEY!", "hey!hey!...", "hey?"), await Run(pipeline, "hey"));

        // Node objects of qualified functions have classes of their own, apart from the unqualified Shout's.
        var nodes = Get(pipeline, "Nodes");
        Assert.Equal("Acme_ShoutNode", Get(nodes, "Loud").GetType().Name);
        Assert.Equal("Acme_Quiet_WhisperNode", Get(nodes, "Soft").GetType().Name);
        Assert.Equal("ShoutNode", Get(nodes, "Plain").GetType().Name);
        Set(Get(nodes, "Loud"), "Times", 3);
        Set(Get(nodes, "Soft"), "Suffix", "~");
        Set(Get(nodes, "Plain"), "Mark", "!?");
        Assert.Equal(("HEY!HEY!HEY!", "hey!hey!hey!~", "hey!?"), await Run(pipeline, "hey"));
    }

    [Fact]
    public void Qualified_names_reach_generated_code_only_in_strings_and_doc_comments()
    {
        var run = GeneratorHarness.Generate([("/proj/workflows/Voices.sym", Flow)], Functions);
        var registry = run.Source(Emit.RegistryEmitter.HintName);
        var pipeline = run.Source(Emit.PipelineEmitter.HintName("workflows/Voices.sym"));
        var nodes = run.Source(Emit.NodesEmitter.HintName);

        Assert.Contains("\"acme.Shout\"", registry);
        Assert.Contains("\"acme.quiet.Whisper\"", registry);
        Assert.Contains("<c>acme.Shout</c>", pipeline);
        Assert.Contains("<c>acme.quiet.Whisper</c>", nodes);
        foreach (var source in new[] { registry, pipeline, nodes })
        {
            var code = System.Text.RegularExpressions.Regex.Replace(source, "\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
            var lines = code.Split('\n').Where(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("acme.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_function_whose_namespace_cannot_be_written_is_left_out_of_the_registry()
    {
        // The analyzer reports the declaration (SYM0504); the generator leaves the function out.
        const string bad = """
            namespace TestApp
            {
                public static class Bad
                {
                    [SymFunction(Namespace = "acme video")] public static Text Hum(Text text) => text;
                }
            }
            """;
        var run = GeneratorHarness.Generate([("/proj/workflows/Voices.sym", Flow)], Functions + "\n" + bad);

        Assert.DoesNotContain("Hum", run.Source(Emit.RegistryEmitter.HintName));
        Assert.Contains("\"acme.Shout\"", run.Source(Emit.RegistryEmitter.HintName));
    }

    private static async Task<(string Loud, string Soft, string Plain)> Run(object pipeline, string text)
    {
        var run = (Task)pipeline.GetType().GetMethod("RunAsync", [typeof(Text), typeof(CancellationToken)])!.Invoke(pipeline, [new Text(text), CancellationToken.None])!;
        await run;
        await using var result = (IAsyncDisposable)run.GetType().GetProperty("Result")!.GetValue(run)!;
        return (((Text)Get(result, "Loud")).Value, ((Text)Get(result, "Soft")).Value, ((Text)Get(result, "Plain")).Value);
    }

    private static object Get(object target, string member) =>
        (target.GetType().GetProperty(member)?.GetValue(target) ?? target.GetType().GetField(member)!.GetValue(target))!;

    private static void Set(object target, string property, object value) => target.GetType().GetProperty(property)!.SetValue(target, value);
}
