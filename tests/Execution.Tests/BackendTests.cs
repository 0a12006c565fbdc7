using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Runtime;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Execution.Tests;

/// <summary>Functions without a C# body: registered as served by a backend, run by it, checked before any node runs.</summary>
public class BackendTests
{
    private static readonly PortType Latent = PortType.Define("LATENT");

    private static FunctionInfo Served(string name, PortInfo[] inputs, PortInfo[] outputs) =>
        new(name, inputs.ToEquatableArray(), outputs.ToEquatableArray(), default) { Backend = "fake" };

    private static FunctionRegistry Registry(out List<string> calls)
    {
        var list = calls = new List<string>();
        return new FunctionRegistry()
            .Add(new FunctionInfo("Upper", EquatableArray.Of(new PortInfo("text", PortType.Text)), EquatableArray.Of(new PortInfo("text", PortType.Text)), default), call =>
            {
                lock (list) list.Add("Upper");
                return new(NodeOutputs.Single(new Text(call.Input<Text>("text").Value.ToUpperInvariant())));
            })
            .AddPortType(Latent)
            .AddServed(Served("Encode", [new PortInfo("text", PortType.Text)], [new PortInfo("latent", Latent)]))
            .AddServed(Served("Decode", [new PortInfo("latent", Latent)], [new PortInfo("text", PortType.Text)]));
    }

    private const string Flow = """
        flow RoundTrip(text: Text) -> (out: Text) {
            loud   = Upper(text)
            latent = Encode(loud)
            out    = Decode(latent)
        }
        """;

    private static FlowSet Compile(FunctionRegistry registry)
    {
        var compilation = SymCompiler.Compile(Flow, registry.ToCatalog());
        Assert.Empty(compilation.Diagnostics);
        return FlowSet.FromCompilation(compilation, "trip.sym");
    }

    [Fact]
    public async Task Without_its_backend_a_served_function_stops_the_run_before_any_node_runs()
    {
        var registry = Registry(out var calls);
        using var executor = new FlowExecutor(registry);

        var error = await Assert.ThrowsAsync<FlowExecutionException>(() => executor.RunAsync(Compile(registry), "RoundTrip", new FlowArguments().Input("text", new Text("hi"))));

        Assert.Equal(
            "trip.sym(3): node 'latent' (Encode) cannot run: Encode has no C# body and runs on the 'fake' backend, which is not registered; add it with FunctionRegistry.AddBackend" +
            Environment.NewLine +
            "trip.sym(4): node 'out' (Decode) cannot run: Decode has no C# body and runs on the 'fake' backend, which is not registered; add it with FunctionRegistry.AddBackend",
            error.Message);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task A_registered_backend_runs_its_functions_between_CSharp_ones()
    {
        var registry = Registry(out var calls).AddBackend(new FakeBackend());
        using var executor = new FlowExecutor(registry);

        await using var result = await executor.RunAsync(Compile(registry), "RoundTrip", new FlowArguments().Input("text", new Text("hi")));

        Assert.Equal("decoded(encoded(HI))", result.Get<Text>("out").Value);
        Assert.Equal(["Upper"], calls);
        Assert.True(registry.Find("Encode")!.IsServedByBackend);
        Assert.Same(registry.FindBackend("fake"), Assert.Single(registry.Backends));
    }

    [Fact]
    public void The_registry_s_catalog_has_the_types_it_was_given_and_a_served_function_needs_a_backend_name()
    {
        var registry = Registry(out _);

        Assert.Equal(Latent, registry.ToCatalog().FindType("LATENT"));
        var error = Assert.Throws<ArgumentException>(() => registry.AddServed(new FunctionInfo("Orphan", default, default, default)));
        Assert.StartsWith("function 'Orphan' names no backend to serve it", error.Message);
        Assert.Throws<ArgumentException>(() => registry.AddBackend(new FakeBackend()).AddBackend(new FakeBackend()));
    }

    private sealed class FakeBackend : IFunctionBackend
    {
        public string Name => "fake";

        public ValueTask<NodeOutputs> InvokeAsync(NodeCall call) => new(call.Function.Name switch
        {
            "Encode" => NodeOutputs.Single("encoded(" + call.Input<Text>("text").Value + ")"),
            _ => NodeOutputs.Single(new Text("decoded(" + call.Input("latent") + ")")),
        });
    }
}
