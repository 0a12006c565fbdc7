using System.Numerics;
using SymbolicGen.Catalog.Json;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using Xunit;

namespace SymbolicGen.Catalog.Tests.Json;

/// <summary>The sample ComfyUI catalog reads into the catalog model: qualified names, the backend, port types, exact domains.</summary>
public class JsonCatalogReaderTests
{
    [Fact]
    public void The_sample_catalog_reads_clean_with_qualified_names_its_backend_and_its_types()
    {
        var file = SampleCatalogs.ReadSample();

        Assert.Empty(file.Problems);
        Assert.Equal(
            new[] { "comfy.CheckpointLoaderSimple", "comfy.CLIPTextEncode", "comfy.EmptyLatentImage", "comfy.KSampler", "comfy.VAEDecode", "comfy.SaveImage" },
            file.Catalog.Functions.Select(f => f.Name));
        Assert.All(file.Catalog.Functions, f => Assert.Equal("comfyui", f.Backend));
        Assert.Equal(new[] { "Text", "Image", "Mask", "Audio", "Video", "MODEL", "CLIP", "VAE", "CONDITIONING", "LATENT", "IMAGE" },
            file.Catalog.PortTypes.Select(t => t.Name));
        var image = file.Catalog.FindType("IMAGE")!;
        Assert.Equal(PortType.Image, image.Media);
        Assert.Null(file.Catalog.FindType("LATENT")!.Media);
        Assert.Equal("comfy.KSampler", file.Declarations.Single(d => d.Name == "comfy.KSampler").Name);
    }

    [Fact]
    public void Ports_and_parameters_keep_the_dump_s_domains_exactly()
    {
        var sampler = SampleCatalogs.ReadSample().Catalog.Find("comfy.KSampler")!;

        Assert.Equal(new[] { "model", "positive", "negative", "latent_image" }, sampler.Inputs.Select(i => i.Name));
        Assert.Equal(new[] { "MODEL", "CONDITIONING", "CONDITIONING", "LATENT" }, sampler.Inputs.Select(i => i.Type.Name));
        Assert.Equal("LATENT", Assert.Single(sampler.Outputs).Type.Name);

        var seed = sampler.FindParameter("seed")!;
        Assert.Equal(ParamType.Seed, seed.Type);
        Assert.Equal(Numeric.Of(ulong.MaxValue), seed.Domain.Max);
        Assert.Equal(BigInteger.Parse("18446744073709551615"), seed.Domain.Max!.Value.Integer);
        Assert.Equal(new NumberValue(0), seed.Default);

        var cfg = sampler.FindParameter("cfg")!;
        Assert.Equal((ParamType.Float, 0.1, 0d, 100d), (cfg.Type, cfg.Domain.Step!.Value, cfg.Min!.Value, cfg.Max!.Value));
        Assert.Equal(new NumberValue(8), cfg.Default);

        var samplerName = sampler.FindParameter("sampler_name")!;
        Assert.Equal(ParamType.Enum, samplerName.Type);
        Assert.Equal(29, samplerName.EnumValues.Count);
        Assert.Equal(new SymbolValue("euler"), samplerName.Default);

        var loader = SampleCatalogs.ReadSample().Catalog.Find("comfy.CheckpointLoaderSimple")!;
        Assert.Empty(loader.Inputs);
        Assert.Equal(new[] { "model", "clip", "vae" }, loader.Outputs.Select(o => o.Name));
        Assert.Equal(new StringValue("sd_xl_base_1.0.safetensors"), loader.FindParameter("ckpt_name")!.Default);
        Assert.True(SampleCatalogs.ReadSample().Catalog.Find("comfy.CLIPTextEncode")!.FindParameter("text")!.Required);
        Assert.Empty(SampleCatalogs.ReadSample().Catalog.Find("comfy.SaveImage")!.Outputs);
    }

    [Fact]
    public void Without_a_namespace_names_are_the_function_names()
    {
        var file = JsonCatalogReader.Read("plain.symcatalog.json", SampleCatalogs.Minimal("""{ "name": "Blur", "inputs": [ { "name": "image", "type": "Image" } ], "outputs": [ { "name": "image", "type": "Image" } ] }""", ns: null));

        Assert.Empty(file.Problems);
        Assert.Equal(new[] { "Valid", "Blur" }, file.Catalog.Functions.Select(f => f.Name));
    }

    [Fact]
    public void Every_kind_reads_with_its_default()
    {
        var file = JsonCatalogReader.Read("kinds.symcatalog.json", SampleCatalogs.Minimal("""
            {
              "name": "Everything",
              "outputs": [ { "name": "image", "type": "Image" } ],
              "parameters": [
                { "name": "i", "kind": "Int", "default": -3 },
                { "name": "f", "kind": "Float", "default": 0.25 },
                { "name": "b", "kind": "Bool", "default": true },
                { "name": "s", "kind": "String", "default": "hi \"there\"" },
                { "name": "seed", "kind": "Seed", "default": 9007199254740993 },
                { "name": "size", "kind": "Size", "default": "1024x576" },
                { "name": "color", "kind": "Color", "default": "#ABC" },
                { "name": "mode", "kind": "Enum", "values": ["fast", "slow"], "default": "slow" },
                { "name": "duration", "kind": "Duration", "min": 0.5, "max": 60, "default": 6 },
                { "name": "fps", "kind": "FrameRate", "default": 24 },
                { "name": "pitch", "kind": "Frequency", "default": 440 },
                { "name": "gain", "kind": "Gain", "default": -6 },
                { "name": "radius", "kind": "Length", "default": 12 },
                { "name": "mix", "kind": "Ratio", "min": 0, "max": 1, "default": 0.5 }
              ]
            }
            """));

        Assert.Empty(file.Problems);
        var function = file.Catalog.Find("t.Everything")!;
        Assert.Equal(
            new Value?[]
            {
                new NumberValue(-3), new NumberValue(0.25), new BoolValue(true), new StringValue("hi \"there\""),
                new NumberValue(Numeric.Parse("9007199254740993")), new SizeValue(1024, 576), new ColorValue("#aabbcc"),
                new SymbolValue("slow"), new QuantityValue(6, "s"), new QuantityValue(24, "fps"), new QuantityValue(440, "Hz"),
                new QuantityValue(-6, "dB"), new QuantityValue(12, "px"), new NumberValue(0.5),
            },
            function.Parameters.Select(p => p.Default));
        Assert.Equal(new[] { "Int", "Float", "Bool", "String", "Seed", "Size", "Color", "Enum", "Duration", "FrameRate", "Frequency", "Gain", "Length", "Ratio" },
            function.Parameters.Select(p => p.Type.ToString()));
    }

    [Fact]
    public void Problems_are_located_by_path_line_and_column_in_the_file_also_after_a_byte_order_mark_and_CRLF()
    {
        var text = "\uFEFF" + SampleCatalogs.Minimal("""{ "name": "Blur", "outputs": [ { "name": "image", "type": "PICTURE" } ] }""").Replace("\n", "\r\n");

        var problem = Assert.Single(JsonCatalogReader.Read("/cat/bad.symcatalog.json", text).Problems);

        var expectedStart = text.IndexOf("\"PICTURE\"", StringComparison.Ordinal);
        Assert.Equal(("/cat/bad.symcatalog.json", expectedStart, 9), (problem.Location.Path, problem.Location.Start, problem.Location.Length));
        var lines = text.Substring(0, expectedStart).Split("\r\n");
        Assert.Equal(new Language.Text.LinePosition(lines.Length, lines[^1].Length + 1), problem.Location.StartPosition);
        Assert.True(problem.Location.HasSpan);
    }
}
