using System.Reflection;
using SymbolicGen.Runtime;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Generator.Tests;

/// <summary>
/// Compiles generated pipelines with the test's own functions, loads the assembly and runs them: the
/// typed API does what the flow says, through the executor and the generated registry.
/// </summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task A_generated_pipeline_runs_the_flow_with_typed_inputs_parameters_and_outputs()
    {
        var assembly = Compile(("/proj/workflows/Shout.sym", Samples.Shout));
        var pipeline = Create(assembly, "TestApp.Workflows.ShoutPipeline");

        Assert.Equal("HEY!HEY", await Run(pipeline, "hey"));

        Set(pipeline, "Times", 3);
        Assert.Equal("HEY!HEY!HEY", await Run(pipeline, "hey"));

        var nodes = Get(pipeline, "Nodes");
        Set(Get(nodes, "Up"), "Casing", "lower");
        Set(Get(nodes, "Loud"), "Separator", "-");
        Assert.Equal("hey-hey-hey", await Run(pipeline, "HeY"));
    }

    [Fact]
    public async Task A_node_parameter_fed_by_a_flow_parameter_is_null_until_set_and_null_goes_back_to_the_file()
    {
        var assembly = Compile(("/proj/workflows/Shout.sym", Samples.Shout));
        var pipeline = Create(assembly, "TestApp.Workflows.ShoutPipeline");
        var loud = Get(Get(pipeline, "Nodes"), "Loud");
        Assert.Null(loud.GetType().GetProperty("Times")!.GetValue(loud));
        Assert.Equal("!", Get(loud, "Separator"));

        Set(loud, "Times", 1);
        Assert.Equal("HEY", await Run(pipeline, "hey"));
        loud.GetType().GetProperty("Times")!.SetValue(loud, null);
        loud.GetType().GetProperty("Separator")!.SetValue(loud, null);
        Assert.Equal("!", Get(loud, "Separator"));
        Assert.Equal("HEY!HEY", await Run(pipeline, "hey"));
    }

    [Fact]
    public async Task A_flow_that_calls_a_flow_runs_both_and_destructured_outputs_are_typed()
    {
        var assembly = Compile(("/proj/workflows/Shout.sym", Samples.Shout));
        var pipeline = Create(assembly, "TestApp.Workflows.TwicePipeline");
        var run = (Task)pipeline.GetType().GetMethod("RunAsync", [typeof(Text), typeof(CancellationToken)])!.Invoke(pipeline, [new Text("ab"), CancellationToken.None])!;
        await run;
        await using var result = (IAsyncDisposable)run.GetType().GetProperty("Result")!.GetValue(run)!;
        Assert.Equal("ABAB", ((Text)Get(result, "Both")).Value);
        Assert.Equal("A", ((Text)Get(result, "Head")).Value);
        Assert.Equal(4, ((RunStatistics)Get(result, "Statistics")).Computed);
    }

    [Fact]
    public async Task A_parameter_of_a_node_that_calls_a_flow_overrides_the_call_s_argument()
    {
        var assembly = Compile(("/proj/workflows/Shout.sym", Samples.Shout));
        var pipeline = Create(assembly, "TestApp.Workflows.TwicePipeline");
        Set(Get(Get(pipeline, "Nodes"), "First"), "Times", 2);
        var run = (Task)pipeline.GetType().GetMethod("RunAsync", [typeof(Text), typeof(CancellationToken)])!.Invoke(pipeline, [new Text("ab"), CancellationToken.None])!;
        await run;
        await using var result = (IAsyncDisposable)run.GetType().GetProperty("Result")!.GetValue(run)!;
        Assert.Equal("AB!ABAB!AB", ((Text)Get(result, "Both")).Value);
    }

    [Fact]
    public async Task A_required_flow_parameter_must_be_set_and_the_declarative_flow_runs_with_its_values()
    {
        var assembly = Compile(("/proj/workflows/Parameters.sym", Samples.Parameters));
        var pipeline = Create(assembly, "TestApp.Workflows.ParametersPipeline");
        var method = pipeline.GetType().GetMethod("RunAsync", [typeof(Text), typeof(CancellationToken)])!;
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => (Task)method.Invoke(pipeline, [new Text("t"), CancellationToken.None])!);
        Assert.Equal("set flow parameter 'seed' (it has no default) before running the flow", missing.Message);

        Set(pipeline, "Seed", 5L);
        Set(pipeline, "Seconds", 0.25);
        var run = (Task)method.Invoke(pipeline, [new Text("t"), CancellationToken.None])!;
        await run;
        await using var result = (IAsyncDisposable)run.GetType().GetProperty("Result")!.GetValue(run)!;
        var once = $"t|0.25|5|0.5|True|{new Size(64, 32)}|{Color.Parse("#1e90ff80")}|-";
        Assert.Equal(string.Join("a \"quoted\" <label> & more", Enumerable.Repeat(once, 3)), ((Text)Get(result, "Out")).Value);
    }

    [Fact]
    public async Task A_failing_node_is_named_with_its_file_and_line_also_inside_a_called_flow()
    {
        const string fail = """
            using SymbolicGen.Runtime;
            namespace TestApp
            {
                public static class Failing
                {
                    [SymFunction] public static Text Fail(Text text) => throw new System.InvalidOperationException("no luck");
                }
            }
            """;
        const string text = "flow Inner(text: Text) -> (out: Text) {\n    up = Case(text)\n    out = Fail(up)\n}\n\nflow Outer(text: Text) -> (out: Text) {\n    out = Inner(text)\n}\n";
        var assembly = GeneratorHarness.Load(GeneratorHarness.Generate([("/proj/workflows/Fail.sym", text)], fail).Output);
        var pipeline = Create(assembly, "TestApp.Workflows.OuterPipeline");
        var run = (Task)pipeline.GetType().GetMethod("RunAsync", [typeof(Text), typeof(CancellationToken)])!.Invoke(pipeline, [new Text("x"), CancellationToken.None])!;
        var error = await Assert.ThrowsAsync<FlowExecutionException>(() => run);
        Assert.StartsWith("workflows/Fail.sym(3): node 'out/out' (Fail)", error.Message);
        Assert.Contains("no luck", error.Message);
    }

    [Fact]
    public async Task Without_node_objects_a_pipeline_has_no_Nodes_and_runs_the_same()
    {
        var properties = GeneratorHarness.Properties();
        properties["build_property.SymbolicGenNodeObjects"] = "false";
        var run = GeneratorHarness.Generate([("/proj/workflows/Shout.sym", Samples.Shout)], properties: properties);
        var assembly = GeneratorHarness.Load(run.Output);
        var type = assembly.GetType("TestApp.Workflows.ShoutPipeline", true)!;
        Assert.Null(type.GetProperty("Nodes"));
        Assert.Empty(type.GetNestedTypes());
        var pipeline = Activator.CreateInstance(type)!;
        Set(pipeline, "Times", 3);
        Assert.Equal("HEY!HEY!HEY", await Run(pipeline, "hey"));
        Assert.DoesNotContain("NodeSet", run.Source(Emit.PipelineEmitter.HintName("workflows/Shout.sym")));
    }

    [Fact]
    public void Setters_check_the_ranges_and_values_of_the_catalog()
    {
        var assembly = Compile(("/proj/workflows/Shout.sym", Samples.Shout));
        var pipeline = Create(assembly, "TestApp.Workflows.ShoutPipeline");
        // 'times' feeds Repeat's 'times', which accepts 1 to 10.
        var error = Assert.IsType<ArgumentOutOfRangeException>(Assert.Throws<TargetInvocationException>(() => Set(pipeline, "Times", 11)).InnerException);
        Assert.StartsWith("'times' is 11; Shout accepts 1 to 10", error.Message);
        var up = Get(Get(pipeline, "Nodes"), "Up");
        var wrong = Assert.IsType<ArgumentException>(Assert.Throws<TargetInvocationException>(() => Set(up, "Casing", "shouty")).InnerException);
        Assert.StartsWith("'casing' is 'shouty'; Case accepts upper, lower or as_is", wrong.Message);
        Assert.Equal(2, Get(pipeline, "Times"));
        Assert.Equal("upper", Get(up, "Casing"));
    }

    [Fact]
    public async Task Every_parameter_kind_reaches_the_method_converted_and_typed()
    {
        var assembly = Compile(("/proj/Describe.sym", """
            flow Described(text: Text, note: Text) -> (out: Text) {
                out = Describe(text, seconds: 1500ms, seed: 42, scale: 2.5, loud: true, size: 640x480, color: #ff8000, note: note)
            }
            """));
        var pipeline = Create(assembly, "TestApp.Workflows.DescribedPipeline");
        var run = (Task)pipeline.GetType().GetMethod("RunAsync", [typeof(Text), typeof(Text), typeof(CancellationToken)])!
            .Invoke(pipeline, [new Text("t"), new Text("n"), CancellationToken.None])!;
        await run;
        await using var result = (IAsyncDisposable)run.GetType().GetProperty("Result")!.GetValue(run)!;
        Assert.Equal($"t|1.5|42|2.5|True|{new Size(640, 480)}|{Color.Parse("#ff8000")}|n", ((Text)Get(result, "Out")).Value);

        var node = Get(Get(pipeline, "Nodes"), "Out");
        Assert.Equal(1.5, Get(node, "Seconds"));
        Assert.Equal(42L, Get(node, "Seed"));
        Assert.Equal(new Size(640, 480), Get(node, "Size"));
    }

    private static Assembly Compile(params (string Path, string Text)[] files) =>
        GeneratorHarness.Load(GeneratorHarness.Generate(files).Output);

    private static object Create(Assembly assembly, string type) =>
        Activator.CreateInstance(assembly.GetType(type, throwOnError: true)!)!;

    private static async Task<string> Run(object pipeline, string text)
    {
        var run = (Task)pipeline.GetType().GetMethod("RunAsync", [typeof(Text), typeof(CancellationToken)])!.Invoke(pipeline, [new Text(text), CancellationToken.None])!;
        await run;
        await using var result = (IAsyncDisposable)run.GetType().GetProperty("Result")!.GetValue(run)!;
        return ((Text)Get(result, "Loud")).Value;
    }

    // A property, or a field (node objects are read-only fields of the node set).
    private static object Get(object target, string member) =>
        (target.GetType().GetProperty(member)?.GetValue(target) ?? target.GetType().GetField(member)!.GetValue(target))!;

    private static void Set(object target, string property, object value) => target.GetType().GetProperty(property)!.SetValue(target, value);
}
