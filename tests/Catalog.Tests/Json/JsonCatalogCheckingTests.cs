using SymbolicGen.Catalog.Json;
using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Tests.Catalogs;
using Xunit;
using static SymbolicGen.Catalog.Tests.Roslyn.CatalogCompilation;

namespace SymbolicGen.Catalog.Tests.Json;

/// <summary>Flows against a catalog file loaded beside the runtime's built-in functions: the diagnostics of built-ins, for its functions and types.</summary>
public class JsonCatalogCheckingTests
{
    private const string TextToImage = SampleCatalog.TextToImageFlow;

    private static readonly FunctionCatalog BuiltIns =
        SymbolCatalogReader.ReadReferences(Framework.Add(RuntimeReference), a => a.Name == "SymbolicGen.Runtime").Catalog;

    /// <summary>The built-ins, then the sample (functions in namespace <c>comfy</c>).</summary>
    public static FunctionCatalog Catalog { get; } = Combined(SampleCatalogs.ReadSample());

    private static FunctionCatalog Combined(params JsonCatalogFile[] files)
    {
        var result = JsonCatalogFile.Combine(BuiltIns, files);
        Assert.Empty(result.Problems);
        return result.Catalog;
    }

    [Fact]
    public void A_flow_over_the_catalog_and_the_built_ins_checks_clean()
    {
        var compilation = SymCompiler.Compile(TextToImage, Catalog);

        Assert.Empty(compilation.Diagnostics);
        Assert.Contains(Catalog.Functions, f => f.Name == "Grayscale");
        Assert.Equal("comfyui", Catalog.Find("comfy.KSampler")!.Backend);
    }

    [Fact]
    public void An_output_of_the_wrong_catalog_type_is_SYM0201_naming_both_port_types()
    {
        var d = Single(TextToImage.Replace("comfy.KSampler(checkpoint.model,", "comfy.KSampler(checkpoint.clip,"));

        Assert.Equal("SYM0201", d.Id);
        Assert.Contains("CLIP", d.Message);
        Assert.Contains("MODEL", d.Message);
    }

    [Fact]
    public void A_media_type_where_a_catalog_type_is_expected_is_SYM0201_too()
    {
        var d = Single(TextToImage.Replace("comfy.VAEDecode(latent,", "comfy.VAEDecode(grey,").Replace("grey       = Grayscale(image)", "grey       = Grayscale(checkpoint_image)")
            .Replace("image      = comfy.VAEDecode", "checkpoint_image = comfy.VAEDecode").Replace("(image: IMAGE, grey: Image)", "(grey: Image)"), "SYM0201");

        Assert.Contains("LATENT", d.Message);
        Assert.Contains("Image", d.Message);
    }

    [Theory]
    [InlineData("steps: 25", "steps: 0", "0", "'steps' is 0; comfy.KSampler accepts 1 to 10000")]
    [InlineData("cfg: 7.5", "cfg: 7.55", "7.55", "'cfg' is 7.55; comfy.KSampler accepts 0 to 100 in steps of 0.1")]
    [InlineData("width: 768", "width: 770", "770", "'width' is 770; comfy.EmptyLatentImage accepts 16 to 16384 in steps of 8")]
    [InlineData("seed: seed", "seed: 18446744073709551616", "18446744073709551616", "'seed' is 18446744073709551616; comfy.KSampler accepts 0 to 18446744073709551615")]
    public void An_out_of_range_value_is_SYM0203_at_the_value_with_the_exact_range(string from, string to, string at, string message)
    {
        var text = TextToImage.Replace(from, to);

        var d = Single(text, "SYM0203");

        Assert.Equal(message, d.Message);
        Assert.Equal(at, text.Substring(d.Start, d.Span.Length));
    }

    [Fact]
    public void The_largest_seed_checks_clean()
    {
        Assert.Empty(SymCompiler.Compile(TextToImage.Replace("seed: seed", "seed: 18446744073709551615"), Catalog).Diagnostics);
    }

    [Fact]
    public void A_misspelt_function_or_enum_value_is_reported_with_a_suggestion()
    {
        var function = Single(TextToImage.Replace("latent     = comfy.KSampler(", "latent     = comfy.KSamplr("), "SYM0101");
        Assert.Contains("did you mean 'comfy.KSampler'?", function.Message);

        var unqualified = Single(TextToImage.Replace("latent     = comfy.KSampler(", "latent     = KSampler("), "SYM0101");
        Assert.Contains("'comfy.KSampler'", unqualified.Message);

        var value = Single(TextToImage.Replace("dpmpp_2m", "dpmpp_2n"), "SYM0205");
        Assert.Contains("did you mean 'dpmpp_2m'?", value.Message);
    }

    [Fact]
    public void A_port_type_no_catalog_defines_is_an_error()
    {
        var compilation = SymCompiler.Compile("flow Noise(noise: NOISE) -> (image: IMAGE) {\n    image = comfy.VAEDecode(noise, vae)\n}\n", Catalog);

        Assert.Contains(compilation.Diagnostics, d => d.Severity == Severity.Error && d.Message.Contains("'NOISE'"));
    }

    [Fact]
    public void A_catalog_function_that_takes_a_built_in_name_is_left_out_with_SYM0505_at_its_name()
    {
        var text = SampleCatalogs.Minimal("""{ "name": "Grayscale", "inputs": [ { "name": "image", "type": "IMAGE" } ], "outputs": [ { "name": "image", "type": "IMAGE" } ] }""", ns: null);
        var file = JsonCatalogReader.Read("dup.symcatalog.json", text);
        Assert.Empty(file.Problems);

        var result = JsonCatalogFile.Combine(BuiltIns, [file]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("SYM0505", "function 'Grayscale' is already declared by a C# [SymFunction] method or the language"), (problem.Id, problem.Message));
        Assert.Equal("\"Grayscale\"", text.Substring(problem.Location.Start, problem.Location.Length));
        Assert.Null(result.Catalog.Find("Grayscale")!.Backend);
    }

    [Fact]
    public void Two_catalogs_share_a_type_they_define_alike_and_a_different_definition_is_SYM0505()
    {
        var first = JsonCatalogReader.Read("a.symcatalog.json", SampleCatalogs.Minimal("""{ "name": "A" }""", ns: "a"));
        var alike = JsonCatalogReader.Read("b.symcatalog.json", SampleCatalogs.Minimal("""{ "name": "B" }""", ns: "b"));
        var other = JsonCatalogReader.Read("c.symcatalog.json", SampleCatalogs.Minimal("""{ "name": "C" }""", ns: "c").Replace("\"media\": \"Image\"", "\"summary\": \"pixels\""));

        Assert.Empty(JsonCatalogFile.Combine(BuiltIns, [first, alike]).Problems);
        var problem = Assert.Single(JsonCatalogFile.Combine(BuiltIns, [other, first]).Problems);
        Assert.Equal(("SYM0505", "c.symcatalog.json"), (problem.Id, problem.Location.Path));
        Assert.Equal("port type 'IMAGE' is already defined in 'a.symcatalog.json' as Image", problem.Message);
    }

    private static Diagnostic Single(string text, string? id = null)
    {
        var diagnostics = SymCompiler.Compile(text, Catalog).Diagnostics.Where(d => id is null || d.Id == id).ToList();
        Assert.True(diagnostics.Count == 1, "expected one diagnostic, got: " + string.Join("; ", SymCompiler.Compile(text, Catalog).Diagnostics.Select(d => d.Id + " " + d.Message)));
        return diagnostics[0];
    }
}
