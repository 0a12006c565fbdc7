using System.Reflection;
using SymbolicGen.Runtime;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Generator.Tests;

/// <summary>Service parameters through the generated registry: passed by type from RunOptions.Services, without reflection.</summary>
public sealed class ServiceTests
{
    private const string Functions = """
        using SymbolicGen.Runtime;

        namespace TestApp
        {
            public interface IGreeter { string Greet(string name); }

            public sealed class Greeter : IGreeter
            {
                public string Greet(string name) => "Hello, " + name;
            }

            public sealed class Signature
            {
                public string Text { get; set; } = "";
            }

            public static class Greetings
            {
                public static int Calls;

                [SymFunction(Summary = "Greet by name")]
                public static Text Greet(Text name, IGreeter greeter, [SymService] Signature? signature = null)
                {
                    System.Threading.Interlocked.Increment(ref Calls);
                    return greeter.Greet(name.Value) + (signature is null ? "" : " -- " + signature.Text);
                }
            }
        }
        """;

    private const string Flow = """
        flow Hello(name: Text) -> (out: Text) {
            loud = Case(name)
            out  = Greet(loud)
        }
        """;

    [Fact]
    public void The_registry_asks_for_services_by_type_and_passes_them_without_reflection()
    {
        var run = GeneratorHarness.Generate([("/proj/Hello.sym", Flow)], Functions);

        var registry = run.Source(Emit.RegistryEmitter.HintName);
        Assert.Contains("(global::TestApp.IGreeter)call.GetRequiredService(typeof(global::TestApp.IGreeter))", registry);
        Assert.Contains("(global::TestApp.Signature?)call.GetService(typeof(global::TestApp.Signature))", registry);
        Assert.Contains("new global::SymbolicGen.Runtime.Execution.ServiceRequirement(typeof(global::TestApp.IGreeter), false), " +
                        "new global::SymbolicGen.Runtime.Execution.ServiceRequirement(typeof(global::TestApp.Signature), true));", registry);
        Assert.DoesNotContain("MethodInfo", registry);
        Assert.DoesNotContain("System.Reflection", registry);
    }

    [Fact]
    public async Task A_generated_pipeline_runs_with_the_services_of_its_run_options()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Generate([("/proj/Hello.sym", Flow)], Functions).Output);
        var greeter = Activator.CreateInstance(assembly.GetType("TestApp.Greeter", true)!)!;
        var signature = Activator.CreateInstance(assembly.GetType("TestApp.Signature", true)!)!;
        signature.GetType().GetProperty("Text")!.SetValue(signature, "us");

        Assert.Equal("Hello, ADA", await Run(assembly, new ServiceMap { [assembly.GetType("TestApp.IGreeter", true)!] = greeter }));
        Assert.Equal("Hello, ADA -- us", await Run(assembly, new ServiceMap
        {
            [assembly.GetType("TestApp.IGreeter", true)!] = greeter,
            [signature.GetType()] = signature,
        }));
    }

    [Fact]
    public async Task A_generated_pipeline_without_a_required_service_computes_nothing()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Generate([("/proj/Hello.sym", Flow)], Functions).Output);

        var error = await Assert.ThrowsAsync<FlowExecutionException>(() => Run(assembly, new ServiceMap()));

        Assert.Equal("Hello.sym(3): node 'out' (Greet) cannot run: Greet needs the service TestApp.IGreeter; register one in RunOptions.Services", error.Message);
        Assert.Equal(0, (int)assembly.GetType("TestApp.Greetings", true)!.GetField("Calls")!.GetValue(null)!);
    }

    private static async Task<string> Run(Assembly assembly, IServiceProvider services)
    {
        var pipeline = Activator.CreateInstance(assembly.GetType("TestApp.Workflows.HelloPipeline", true)!)!;
        var run = (Task)pipeline.GetType().GetMethod("RunAsync", [typeof(Text), typeof(RunOptions)])!
            .Invoke(pipeline, [new Text("ada"), new RunOptions { Services = services }])!;
        await run;
        await using var result = (IAsyncDisposable)run.GetType().GetProperty("Result")!.GetValue(run)!;
        return ((Text)result.GetType().GetProperty("Out")!.GetValue(result)!).Value;
    }

    private sealed class ServiceMap : Dictionary<Type, object>, IServiceProvider
    {
        public object? GetService(Type serviceType) => TryGetValue(serviceType, out var service) ? service : null;
    }
}
