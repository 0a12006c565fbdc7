using SymbolicGen.Language.Catalog;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Execution.Tests;

public class ErrorTests
{
    private const string Broken = """
        # A flow whose third step fails.
        flow Broken() -> (out: Audio) {
            a = Source(value: 1)
            bad = Fail(a)
            out = Neg(bad)
        }
        """;

    [Fact]
    public async Task A_failing_node_is_named_with_its_function_and_line()
    {
        var world = new TestWorld();
        var observer = new RecordingObserver();
        using var executor = new FlowExecutor(world.Registry);

        var error = await Assert.ThrowsAsync<FlowExecutionException>(() =>
            executor.RunAsync(world.Compile(Broken, "workflows/Broken.sym"), "Broken", null, new RunOptions { Observer = observer }));

        Assert.Equal("workflows/Broken.sym(4): node 'bad' (Fail) failed: boom", error.Message);
        Assert.Equal("bad", error.NodeName);
        Assert.Equal("Fail", error.FunctionName);
        Assert.Equal(4, error.Line);
        Assert.Equal("Broken", error.FlowName);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal("bad", Assert.Single(observer.Failed).Node);
        Assert.Equal(0, world.Calls("Neg"));
    }

    [Fact]
    public async Task Generated_code_can_supply_node_lines_without_source_text()
    {
        var world = new TestWorld();
        var flow = world.Compile(Broken).Flows[0];
        var lines = new Dictionary<(string, string), int> { [("Broken", "bad")] = 42 };
        var flows = new FlowSet([flow], "Gen.sym", (f, n) => lines.TryGetValue((f.Name, n.Name), out var line) ? line : null);
        using var executor = new FlowExecutor(world.Registry);

        var error = await Assert.ThrowsAsync<FlowExecutionException>(() => executor.RunAsync(flows, "Broken"));

        Assert.Equal(42, error.Line);
        Assert.StartsWith("Gen.sym(42): node 'bad' (Fail)", error.Message);
    }

    [Fact]
    public async Task A_function_missing_from_the_registry_fails_before_anything_runs()
    {
        var world = new TestWorld();
        var flows = world.Compile(Broken, "b.sym");
        var partial = new FunctionRegistry();
        foreach (var f in world.Registry.Functions)
            if (f.Name != "Fail") partial.Add(f.Info, f.Invoker);
        using var executor = new FlowExecutor(partial);

        var error = await Assert.ThrowsAsync<FlowExecutionException>(() => executor.RunAsync(flows, "Broken"));

        Assert.Equal("b.sym(4): node 'bad' (Fail) calls 'Fail', which is neither a registered function nor a flow of the file", error.Message);
        Assert.Equal(0, world.TotalCalls);
    }

    [Fact]
    public async Task A_node_that_fails_in_a_called_flow_is_named_through_the_call()
    {
        var world = new TestWorld();
        var flows = world.Compile("""
            flow Inner(x: Audio) -> (y: Audio) {
                y = Fail(x)
            }

            flow Outer() -> (z: Audio) {
                s = Source(value: 1)
                z = Inner(s)
            }
            """, "calls.sym");
        using var executor = new FlowExecutor(world.Registry);

        var error = await Assert.ThrowsAsync<FlowExecutionException>(() => executor.RunAsync(flows, "Outer"));

        Assert.Equal("calls.sym(2): node 'z/y' (Fail) in flow 'Inner' failed: boom", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public async Task Bad_arguments_are_reported_before_running()
    {
        var world = new TestWorld();
        var flows = world.Compile(Flagship.Text);
        using var executor = new FlowExecutor(world.Registry);
        var jungle = world.New(1);

        var missing = await Assert.ThrowsAsync<ArgumentException>(() => executor.RunAsync(flows, "JungleRuins", new FlowArguments().Input("jungle", jungle)));
        Assert.Contains("needs input ruins", missing.Message);
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() =>
            executor.RunAsync(flows, "JungleRuins", Flagship.Arguments(world, out _, out _).Parameter("secs", 3.0)));
        Assert.Contains("has no parameter 'secs'", unknown.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => executor.RunAsync(flows, "Nope"));
        Assert.Equal(0, world.TotalCalls);
    }

    [Fact]
    public async Task An_override_out_of_range_names_the_node_that_uses_it()
    {
        var world = new TestWorld();
        var flows = world.Compile(Flagship.Text, "JungleRuins.sym");
        using var executor = new FlowExecutor(world.Registry);

        var error = await Assert.ThrowsAsync<FlowExecutionException>(() =>
            executor.RunAsync(flows, "JungleRuins", Flagship.Arguments(world, out _, out _).Parameter("seconds", 120.0)));

        Assert.Equal(4, Flagship.LineOf(Flagship.Text, "clip   = ImageToVideo"));
        Assert.Equal("JungleRuins.sym(4): node 'clip' (ImageToVideo) cannot run: 'duration' is 120 s; ImageToVideo accepts 0.5 s to 60 s (from parameter 'seconds')", error.Message);
        Assert.Equal(0, world.TotalCalls);
    }

    [Fact]
    public async Task An_override_of_the_wrong_type_is_reported()
    {
        var world = new TestWorld();
        var flows = world.Compile(Flagship.Text, "JungleRuins.sym");
        using var executor = new FlowExecutor(world.Registry);

        var error = await Assert.ThrowsAsync<FlowExecutionException>(() =>
            executor.RunAsync(flows, "JungleRuins", Flagship.Arguments(world, out _, out _).Parameter("seconds", "long")));

        Assert.Contains("was given \"long\" for parameter 'seconds'", error.Message);
    }

    [Fact]
    public void A_registry_refuses_duplicate_functions_and_serializers()
    {
        var world = new TestWorld();
        var info = world.Registry.Find("Neg")!.Info;
        Assert.Throws<ArgumentException>(() => world.Registry.Add(info, _ => default));
        Assert.Equal(world.Registry.Functions.Count, world.Catalog.Functions.Count);
        Assert.IsType<FunctionInfo>(world.Catalog.Find("ImageBlend"));
    }
}
