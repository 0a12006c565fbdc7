using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Runtime.Functions;
using Xunit;

namespace SymbolicGen.Runtime.Tests.Functions;

/// <summary>The image functions as the checker sees them: read from the runtime assembly like the CLI reads it.</summary>
public sealed class ImageCatalogTests
{
    private static readonly string[] ImageFunctionNames =
    {
        "ImageBlend", "Resize", "Crop", "Pad", "Outpaint", "Composite", "ColorAdjust", "ColorTransfer", "GaussianBlur",
        "Sharpen", "Upscale", "Vignette", "Grayscale", "Invert", "EdgeMask", "ThresholdMask", "TextOverlay",
    };

    private static readonly Lazy<FunctionCatalog> Runtime = new(() =>
    {
        var result = SymbolCatalogReader.ReadReferences(Framework().Add(Reference(typeof(ImageFunctions))).Add(Reference(typeof(TorchSharp.torch))));
        return result.Catalog;
    });

    private static MetadataReference Reference(Type type) => MetadataReference.CreateFromFile(type.Assembly.Location);

    /// <summary>The shared framework's assemblies (the trusted platform assemblies in the framework's folder).</summary>
    private static ImmutableArray<MetadataReference> Framework()
    {
        var folder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), folder, StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static FunctionInfo WithoutDescriptions(FunctionInfo f) => f with
    {
        Summary = null,
        Category = null,
        Inputs = f.Inputs.Select(p => p with { Summary = null }).ToEquatableArray(),
        Outputs = f.Outputs.Select(p => p with { Summary = null }).ToEquatableArray(),
        Parameters = f.Parameters.Select(p => p with { Summary = null }).ToEquatableArray(),
    };

    [Fact]
    public void ImageBlend_reads_into_exactly_the_flagship_contract_s_function()
    {
        var contractSource = File.ReadAllText(SymbolicGen.Language.Tests.Repository.PathOf("tests/Contracts/Flagship.cs"));
        var compilation = CSharpCompilation.Create("Contract",
            new[] { CSharpSyntaxTree.ParseText(contractSource) },
            Framework().Add(Reference(typeof(ImageFunctions))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        // The runtime it references declares ImageBlend too, so read the contract's method alone.
        var method = compilation.GetTypeByMetadataName("SymbolicGen.Contracts.IFlagshipFunctions")!
            .GetMembers("ImageBlendAsync").OfType<IMethodSymbol>().Single();
        var contract = SymbolCatalogReader.ReadFunction(method);
        Assert.Empty(contract.Problems);
        var expected = contract.Function!;

        var actual = Runtime.Value.Find("ImageBlend");

        Assert.NotNull(actual);
        Assert.Equal(WithoutDescriptions(expected), WithoutDescriptions(actual));
        Assert.Equal(new[] { "alpha", "laplacian", "multiply", "screen", "overlay" }, actual.FindParameter("mode")!.EnumValues);
    }

    [Fact]
    public void Every_image_function_reads_without_problems_and_is_described()
    {
        foreach (var name in ImageFunctionNames)
        {
            var function = Runtime.Value.Find(name);
            Assert.True(function is not null, $"{name} is missing from the runtime's catalog (or has a problem)");
            Assert.Equal("image", function.Category);
            Assert.False(string.IsNullOrWhiteSpace(function.Summary), name);
            Assert.All(function.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Summary), name + "." + p.Name));
        }
    }

    [Fact]
    public void Ports_and_parameters_read_as_flows_write_them()
    {
        var outpaint = Runtime.Value.Find("Outpaint")!;
        Assert.Equal(new[] { ("image", PortType.Image), ("mask", PortType.Mask) }, outpaint.Outputs.Select(o => (o.Name, o.Type)));
        Assert.Equal(new[] { "size", "aspect", "align_x", "align_y", "blur", "feather" }, outpaint.Parameters.Select(p => p.Name));
        Assert.Equal(new SizeValue(1920, 1080), outpaint.FindParameter("size")!.Default);

        var composite = Runtime.Value.Find("Composite")!;
        Assert.Equal(new[] { ("image", false), ("background", false), ("mask", true) }, composite.Inputs.Select(i => (i.Name, i.Optional)));

        var text = Runtime.Value.Find("TextOverlay")!;
        Assert.Equal(new[] { ("image", PortType.Image), ("text", PortType.Text) }, text.Inputs.Select(i => (i.Name, i.Type)));
        Assert.Equal(new[] { "top", "center", "bottom" }, text.FindParameter("position")!.EnumValues);
        Assert.Equal(new ColorValue("#ffffff"), text.FindParameter("color")!.Default);
        Assert.Equal((ParamType.Length, 4.0, 512.0), (text.FindParameter("size")!.Type, text.FindParameter("size")!.Min!.Value, text.FindParameter("size")!.Max!.Value));

        var edges = Runtime.Value.Find("EdgeMask")!;
        Assert.Equal(PortType.Mask, Assert.Single(edges.Outputs).Type);
        Assert.Equal("mask", edges.Outputs[0].Name);

        Assert.Equal(new[] { "bilinear", "bicubic", "lanczos", "area" }, Runtime.Value.Find("Resize")!.FindParameter("method")!.EnumValues);
        Assert.Equal(ParamType.Size, Runtime.Value.Find("Crop")!.FindParameter("size")!.Type);
        Assert.True(Runtime.Value.Find("Crop")!.FindParameter("size")!.Required);
    }
}
