using System.Reflection;
using SymbolicGen.Tests.Catalogs;
using SymbolicGen.Runtime;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Generator.Tests;

/// <summary>
/// Flows over a catalog file's functions (the sample ComfyUI catalog, an AdditionalFile) generate typed pipelines:
/// opaque port types are <c>object</c>, a type that is a media type is that media type, and the registry registers
/// the functions as served by their backend.
/// </summary>
public sealed class CatalogFileTests
{
    private const string Flows = SampleCatalog.SampleFlow + """

        flow TextToImage(prompt: String = "a castle on a hill at dawn", seed: Seed = 42) -> (image: IMAGE) {
            latent     = Sample(prompt: prompt, seed: seed)
            checkpoint = comfy.CheckpointLoaderSimple(ckpt_name: "sd15.safetensors")
            image      = VAEDecode(latent, checkpoint.vae)
        }
        """;

    private static GeneratorHarness.Run Generate() =>
        GeneratorHarness.Generate([("/proj/catalogs/comfyui.symcatalog.json", SampleCatalog.Text), ("/proj/workflows/Comfy.sym", Flows)]);

    [Fact]
    public void A_flow_over_a_catalog_file_generates_a_typed_pipeline_that_compiles()
    {
        var run = Generate();

        var source = run.Source(Emit.PipelineEmitter.HintName("workflows/Comfy.sym"));
        Assert.Contains("public global::SymbolicGen.Runtime.Image Image", source);
        Assert.Contains("public object Latent", source);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void The_registry_registers_the_catalog_s_types_and_functions_as_served_by_their_backend()
    {
        var registry = Generate().Source(Emit.RegistryEmitter.HintName);

        Assert.Contains("registry.AddPortType(global::SymbolicGen.Language.Catalog.PortType.Define(\"IMAGE\", global::SymbolicGen.Language.Catalog.PortType.Image, \"A batch of images\"));", registry);
        Assert.Contains("registry.AddServed(ServedInfo3());", registry);
        Assert.Contains("{ Backend = \"comfyui\" };", registry);
        Assert.Contains("global::TestApp.Workflows.SymbolicGenFunctions.RegisterServed(registry);", registry);
    }

    [Fact]
    public async Task Running_a_catalog_function_without_its_backend_computes_nothing_and_names_the_backend()
    {
        var assembly = GeneratorHarness.Load(Generate().Output);
        var pipeline = Activator.CreateInstance(assembly.GetType("TestApp.Workflows.SamplePipeline", true)!)!;
        pipeline.GetType().GetProperty("Prompt")!.SetValue(pipeline, "a lighthouse");

        var error = await Assert.ThrowsAsync<FlowExecutionException>(() => Run(pipeline));

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal(5, lines.Length);
        Assert.Equal("workflows/Comfy.sym(4): node 'checkpoint' (comfy.CheckpointLoaderSimple) cannot run: comfy.CheckpointLoaderSimple has no C# body and runs on the 'comfyui' backend, which is not registered; add it with FunctionRegistry.AddBackend", lines[0]);
    }

    [Fact]
    public async Task A_registered_backend_runs_the_catalog_s_functions_with_their_inputs_and_parameters()
    {
        var assembly = GeneratorHarness.Load(Generate().Output);
        var create = assembly.GetType("TestApp.Workflows.SymbolicGenRegistry", true)!.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!;
        var registry = ((FunctionRegistry)create.Invoke(null, null)!).AddBackend(new RecordingBackend());
        using var executor = new FlowExecutor(registry);
        var pipeline = Activator.CreateInstance(assembly.GetType("TestApp.Workflows.SamplePipeline", true)!, executor)!;
        pipeline.GetType().GetProperty("Prompt")!.SetValue(pipeline, "a lighthouse");

        Assert.Equal("KSampler(seed=7, steps=25, cfg=7.5, sampler=dpmpp_2m, model=model of sd15.safetensors, positive=a lighthouse, latent=768x512)", await Run(pipeline));
    }

    private static async Task<object> Run(object pipeline)
    {
        var run = (Task)pipeline.GetType().GetMethod("RunAsync", [typeof(CancellationToken)])!.Invoke(pipeline, [CancellationToken.None])!;
        await run;
        await using var result = (IAsyncDisposable)run.GetType().GetProperty("Result")!.GetValue(run)!;
        return result.GetType().GetProperty("Latent")!.GetValue(result)!;
    }

    // Stands in for the ComfyUI backend: answers each node with text that shows what reached it.
    private sealed class RecordingBackend : IFunctionBackend
    {
        public string Name => "comfyui";

        public ValueTask<NodeOutputs> InvokeAsync(NodeCall call) => new(call.Function.SimpleName switch
        {
            "CheckpointLoaderSimple" => NodeOutputs.InOrder("model of " + call.GetString("ckpt_name"), "clip", "vae"),
            "CLIPTextEncode" => NodeOutputs.Single(call.GetString("text")),
            "EmptyLatentImage" => NodeOutputs.Single($"{call.GetInt32("width")}x{call.GetInt32("height")}"),
            "KSampler" => NodeOutputs.Single(FormattableString.Invariant(
                $"KSampler(seed={call.Parameter("seed")}, steps={call.GetInt32("steps")}, cfg={call.GetDouble("cfg")}, sampler={call.GetEnum("sampler_name")}, model={call.Input("model")}, positive={call.Input("positive")}, latent={call.Input("latent_image")})")),
            var other => throw new InvalidOperationException("unexpected " + other),
        });
    }
}
