using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Runtime;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Execution.Tests;

public interface IGreeter
{
    string Greet(string name);
}

public sealed class Greeter(string greeting) : IGreeter
{
    public string Greet(string name) => greeting + ", " + name;
}

/// <summary>A signature an optional service adds.</summary>
public sealed class Signature(string text)
{
    public string Text { get; } = text;
}

/// <summary>The smallest real <see cref="IServiceProvider"/>: services by their exact type.</summary>
public sealed class ServiceMap : IServiceProvider
{
    private readonly Dictionary<Type, object> _services = new();

    public ServiceMap Add<T>(T service) where T : class
    {
        _services[typeof(T)] = service;
        return this;
    }

    public object? GetService(Type serviceType) => _services.TryGetValue(serviceType, out var service) ? service : null;
}

/// <summary>Services from RunOptions.Services: supplied to the functions that ask, checked for every node before any runs.</summary>
public class ServiceTests
{
    private const string Hello = """
        flow Hello(name: Text) -> (out: Text) {
            loud = Upper(name)
            hi   = Greet(loud)
            out  = Sign(hi)
        }
        """;

    private int _calls;

    private FunctionRegistry Registry()
    {
        var text = new[] { new PortInfo("text", PortType.Text) };
        var name = new[] { new PortInfo("name", PortType.Text) };
        return new FunctionRegistry()
            .Add(new FunctionInfo("Upper", text.ToEquatableArray(), text.ToEquatableArray(), default), call =>
            {
                Interlocked.Increment(ref _calls);
                return new(NodeOutputs.Single(new Text(call.Input<Text>("text").Value.ToUpperInvariant())));
            })
            .Add(new FunctionInfo("Greet", name.ToEquatableArray(), text.ToEquatableArray(), default), call =>
            {
                Interlocked.Increment(ref _calls);
                var greeter = (IGreeter)call.GetRequiredService(typeof(IGreeter));
                return new(NodeOutputs.Single(new Text(greeter.Greet(call.Input<Text>("name").Value))));
            }, new ServiceRequirement(typeof(IGreeter)))
            .Add(new FunctionInfo("Sign", text.ToEquatableArray(), text.ToEquatableArray(), default), call =>
            {
                Interlocked.Increment(ref _calls);
                var signature = (Signature?)call.GetService(typeof(Signature));
                return new(NodeOutputs.Single(new Text(call.Input<Text>("text").Value + (signature is null ? "" : " -- " + signature.Text))));
            }, new ServiceRequirement(typeof(Signature), IsOptional: true));
    }

    private static FlowSet Compile(FunctionRegistry registry, string text = Hello)
    {
        var compilation = SymCompiler.Compile(text, registry.ToCatalog());
        Assert.Empty(compilation.Diagnostics);
        return FlowSet.FromCompilation(compilation, "hello.sym");
    }

    [Fact]
    public async Task A_registered_service_reaches_the_function_and_a_missing_optional_one_is_null()
    {
        var registry = Registry();
        using var executor = new FlowExecutor(registry);

        await using var result = await executor.RunAsync(Compile(registry), "Hello", new FlowArguments().Input("name", new Text("ada")),
            new RunOptions { Services = new ServiceMap().Add<IGreeter>(new Greeter("Hello")) });

        Assert.Equal("Hello, ADA", result.Get<Text>("out").Value);
    }

    [Fact]
    public async Task A_registered_optional_service_reaches_the_function()
    {
        var registry = Registry();
        using var executor = new FlowExecutor(registry);
        var services = new ServiceMap().Add<IGreeter>(new Greeter("Hi")).Add(new Signature("the team"));

        await using var result = await executor.RunAsync(Compile(registry), "Hello", new FlowArguments().Input("name", new Text("bo")), new RunOptions { Services = services });

        Assert.Equal("Hi, BO -- the team", result.Get<Text>("out").Value);
    }

    [Fact]
    public async Task A_missing_service_stops_the_run_before_any_node_runs_and_names_node_function_and_type()
    {
        var registry = Registry();
        using var executor = new FlowExecutor(registry);

        var error = await Assert.ThrowsAsync<FlowExecutionException>(() =>
            executor.RunAsync(Compile(registry), "Hello", new FlowArguments().Input("name", new Text("ada"))));

        Assert.Equal("hello.sym(3): node 'hi' (Greet) cannot run: Greet needs the service SymbolicGen.Execution.Tests.IGreeter; register one in RunOptions.Services (none is set)", error.Message);
        Assert.Equal("hi", error.NodeName);
        Assert.Equal(0, _calls);

        // A provider without it is the same mistake.
        error = await Assert.ThrowsAsync<FlowExecutionException>(() => executor.RunAsync(Compile(registry), "Hello",
            new FlowArguments().Input("name", new Text("ada")), new RunOptions { Services = new ServiceMap().Add(new Signature("x")) }));
        Assert.EndsWith("Greet needs the service SymbolicGen.Execution.Tests.IGreeter; register one in RunOptions.Services", error.Message);
        Assert.Equal(0, _calls);
    }

    [Fact]
    public async Task Every_node_that_misses_a_service_is_named_in_one_error()
    {
        var registry = Registry();
        using var executor = new FlowExecutor(registry);
        const string twice = """
            flow Twice(name: Text) -> (out: Text) {
                first = Greet(name)
                out   = Greet(first)
            }
            """;

        var error = await Assert.ThrowsAsync<FlowExecutionException>(() =>
            executor.RunAsync(Compile(registry, twice), "Twice", new FlowArguments().Input("name", new Text("ada"))));

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("hello.sym(2): node 'first' (Greet) cannot run: Greet needs the service", lines[0]);
        Assert.StartsWith("hello.sym(3): node 'out' (Greet) cannot run: Greet needs the service", lines[1]);
        Assert.Equal(0, _calls);
    }

    [Fact]
    public async Task Services_are_not_part_of_cache_keys()
    {
        var registry = Registry();
        using var executor = new FlowExecutor(registry);
        var flows = Compile(registry);
        var arguments = new FlowArguments().Input("name", new Text("ada"), contentHash: "ada");

        await using (await executor.RunAsync(flows, "Hello", arguments, new RunOptions { Services = new ServiceMap().Add<IGreeter>(new Greeter("Hello")) })) { }
        await using var again = await executor.RunAsync(flows, "Hello", arguments, new RunOptions { Services = new ServiceMap().Add<IGreeter>(new Greeter("Bye")) });

        // Another provider (even another greeter) is the same run: the results come from the cache.
        Assert.Equal("Hello, ADA", again.Get<Text>("out").Value);
        Assert.Equal(0, again.Statistics.Computed);
        Assert.Equal(3, _calls);
    }
}
