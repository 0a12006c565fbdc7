using Microsoft.CodeAnalysis;
using SymbolicGen.Runtime;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Generator.Tests;

/// <summary>
/// The generated registry: the project's functions, those of referenced libraries (invoked directly), and the
/// runtime's built-ins through <c>SymbolicGen.Runtime.BuiltInFunctions</c> when the runtime provides it.
/// </summary>
public sealed class RegistryTests
{
    private const string Library = """
        using SymbolicGen.Runtime;
        namespace Library
        {
            public static class LibraryFunctions
            {
                [SymFunction(Summary = "Mirror a text")]
                public static Text MirrorText(Text text)
                {
                    var chars = text.Value.ToCharArray();
                    System.Array.Reverse(chars);
                    return new string(chars);
                }
            }
        }
        """;

    [Fact]
    public async Task Functions_of_a_referenced_library_are_registered_and_run()
    {
        var library = GeneratorHarness.Reference(GeneratorHarness.Compilation([Library], assemblyName: "Library"));
        var app = GeneratorHarness.Compilation([GeneratorHarness.TextFunctions]).AddReferences(library);
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Driver([("/proj/r.sym", "flow Rev(text: Text) -> (out: Text) {\n    out = MirrorText(text)\n}\n")]), app);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("global::Library.LibraryFunctions.MirrorText(", run.Source(Emit.RegistryEmitter.HintName));

        var assembly = GeneratorHarness.Load(run.Output, library);
        var registry = (FunctionRegistry)assembly.GetType("TestApp.Workflows.SymbolicGenRegistry", true)!.GetMethod("Create")!.Invoke(null, null)!;
        Assert.Equal(["MirrorText", "Repeat", "Case", "Join", "Split", "Describe"], registry.Functions.Select(f => f.Name).TakeLast(6));
        Assert.Equal("Mirror a text", registry.Find("MirrorText")!.Info.Summary);

        var pipeline = Activator.CreateInstance(assembly.GetType("TestApp.Workflows.RevPipeline", true)!)!;
        var task = (Task)pipeline.GetType().GetMethod("RunAsync", [typeof(Text), typeof(CancellationToken)])!.Invoke(pipeline, [new Text("abc"), CancellationToken.None])!;
        await task;
        await using var result = (IAsyncDisposable)task.GetType().GetProperty("Result")!.GetValue(task)!;
        Assert.Equal("cba", ((Text)result.GetType().GetProperty("Out")!.GetValue(result)!).Value);
    }

    [Fact]
    public void The_registry_carries_the_catalog_the_flows_were_checked_against()
    {
        var expected = Catalog.Roslyn.SymbolCatalogReader.Read(GeneratorHarness.Compilation([GeneratorHarness.TextFunctions])).Catalog;
        var run = GeneratorHarness.Generate([]);
        var registry = (FunctionRegistry)GeneratorHarness.Load(run.Output).GetType("TestApp.Workflows.SymbolicGenRegistry", true)!.GetMethod("Create")!.Invoke(null, null)!;
        Assert.Equal(expected, registry.ToCatalog());
    }

    [Fact]
    public void The_runtime_s_built_ins_are_registered_through_its_generated_BuiltInFunctions()
    {
        // The runtime runs the generator on itself (SymbolicGenPublicFunctionsClass), which makes this class.
        var builtIns = typeof(FunctionRegistry).Assembly.GetType("SymbolicGen.Runtime.BuiltInFunctions", throwOnError: true)!;
        Assert.True(builtIns.IsPublic);
        var expected = new FunctionRegistry();
        builtIns.GetMethod("Register")!.Invoke(null, [expected]);

        var run = GeneratorHarness.Generate([]);
        Assert.Contains("global::SymbolicGen.Runtime.BuiltInFunctions.Register(registry);", run.Source(Emit.RegistryEmitter.HintName));
        var registry = (FunctionRegistry)GeneratorHarness.Load(run.Output).GetType("TestApp.Workflows.SymbolicGenRegistry", true)!.GetMethod("Create")!.Invoke(null, null)!;
        // The built-ins come first, as in the catalog (references before the project's source).
        Assert.Equal(expected.Functions.Select(f => f.Name), registry.Functions.Take(expected.Functions.Count).Select(f => f.Name));
    }

    [Fact]
    public void A_project_can_expose_its_functions_through_a_public_class()
    {
        var properties = GeneratorHarness.Properties();
        properties["build_property.SymbolicGenPublicFunctionsClass"] = "TestApp.Api.AllFunctions";
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Driver([], properties), GeneratorHarness.Compilation([GeneratorHarness.TextFunctions]));
        Assert.Empty(run.CompileErrors);
        var type = GeneratorHarness.Load(run.Output).GetType("TestApp.Api.AllFunctions", true)!;
        Assert.True(type.IsPublic && type.IsAbstract && type.IsSealed);
        var registry = new FunctionRegistry();
        type.GetMethod("Register")!.Invoke(null, [registry]);
        Assert.Equal(5, registry.Functions.Count);
    }
}
