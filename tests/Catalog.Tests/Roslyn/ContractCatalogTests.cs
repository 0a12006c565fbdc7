using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Tests;
using Xunit;
using static SymbolicGen.Catalog.Tests.Roslyn.CatalogCompilation;

namespace SymbolicGen.Catalog.Tests.Roslyn;

/// <summary>The C# declarations of the test catalogs read into exactly those catalogs, from source and from a dll.</summary>
public class ContractCatalogTests
{
    // TestCatalog's extra functions as the runtime or a user would declare them.
    private const string ExtraFunctions = Usings + """
        public enum ResizeMethod { Bilinear, Bicubic, Lanczos, Area }

        public abstract class ExtraFunctions
        {
            [SymFunction]
            public abstract Task<(Image fg, Mask mask)> SegmentAsync(Image image, CancellationToken cancellationToken = default);

            [SymFunction]
            public abstract Image TextOverlay(
                Image image,
                Text text,
                [SymParam(SymKind.Length, Min = 4, Max = 512)] int size = 48,
                [SymParam(Default = "#ffffff")] Color color = default);

            [SymFunction]
            public abstract Image Resize(Image image, [SymParam(Default = "1024x576")] Size size, ResizeMethod method);

            [SymFunction]
            public abstract ValueTask<Image> TextToImageAsync(
                Text prompt,
                Image? reference = null,
                [SymParam(SymKind.Seed)] long seed = 0,
                IProgress<double>? progress = null,
                CancellationToken cancellationToken = default);

            [SymFunction]
            public abstract Image Upscale(
                Image image,
                [SymParam(Min = 1, Max = 8)] int factor = 2,
                [SymParam(Min = 0, Max = 1)] float sharpness = 0.5f,
                bool tiled = false,
                string model = "esrgan");
        }
        """;

    [Fact]
    public void The_flagship_contract_file_reads_into_the_flagship_catalog()
    {
        var result = SymbolCatalogReader.Read(CompileFiles(new[] { FlagshipSource() }), SourceOnly);

        Assert.Empty(result.Problems);
        Assert.Equal(TestCatalog.Flagship, WithoutDescriptions(result.Catalog));
    }

    [Fact]
    public void The_flagship_contract_describes_every_function_and_parameter()
    {
        var catalog = SymbolCatalogReader.Read(CompileFiles(new[] { FlagshipSource() }), SourceOnly).Catalog;

        Assert.All(catalog.Functions, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Summary), f.Name);
            Assert.False(string.IsNullOrWhiteSpace(f.Category), f.Name);
            Assert.All(f.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Summary), f.Name + "." + p.Name));
        });
    }

    [Fact]
    public void The_extra_test_functions_read_into_the_rest_of_the_extended_catalog()
    {
        var result = SymbolCatalogReader.Read(CompileFiles(new[] { FlagshipSource(), ExtraFunctions }), SourceOnly);

        Assert.Empty(result.Problems);
        // Types read in full-name order: global::ExtraFunctions before global::SymbolicGen.Contracts.IFlagshipFunctions.
        var expected = TestCatalog.Extended.Functions.Skip(TestCatalog.Flagship.Functions.Count)
            .Concat(TestCatalog.Flagship.Functions);
        Assert.Equal(new FunctionCatalog(expected), WithoutDescriptions(result.Catalog));
    }

    [Fact]
    public void A_compiled_assembly_reads_into_the_same_catalog_as_its_source()
    {
        var source = CompileFiles(new[] { FlagshipSource(), ExtraFunctions + """
            public static class Various
            {
                [SymFunction("Glow", Summary = "Make it glow", Category = "image", Version = 2)]
                [return: SymPort("glowing", Summary = "The glowing image")]
                public static Image Bloom(
                    [SymPort("source", Summary = "What glows")] Image image,
                    [SymPort(Optional = true)] Mask? where,
                    [SymParam(SymKind.Gain, Min = -12, Max = 12, Summary = "How strong")] double strength = -6,
                    [SymParam(SymKind.FrameRate, Name = "rate")] int framesPerSecond = 30,
                    [SymParam(SymKind.Ratio, Max = 1)] double mix = 1) => image;
            }
            """ });
        var fromSource = SymbolCatalogReader.Read(source, SourceOnly);

        var fromDll = SymbolCatalogReader.ReadReferences(Framework.Add(RuntimeReference).Add(Emit(source)), a => a.Name == source.AssemblyName);

        Assert.Empty(fromSource.Problems);
        Assert.Empty(fromDll.Problems);
        Assert.Equal(12, fromSource.Catalog.Functions.Count);
        Assert.Equal(fromSource.Catalog, fromDll.Catalog);
    }

    [Fact]
    public void The_compiled_flagship_methods_bind_their_arguments_as_the_executor_passes_them()
    {
        var dll = Emit(CompileFiles(new[] { FlagshipSource() }));
        var compilation = CSharpCompilation.Create("Reader", references: Framework.Add(RuntimeReference).Add(dll));
        var type = compilation.GetTypeByMetadataName("SymbolicGen.Contracts.IFlagshipFunctions")!;
        var toVideo = type.GetMembers("ImageToVideoAsync").OfType<IMethodSymbol>().Single();

        var result = SymbolCatalogReader.ReadFunction(toVideo, compilation);

        Assert.Equal(
            new[]
            {
                new MethodArgument(ArgumentRole.Input, "image"),
                new MethodArgument(ArgumentRole.Parameter, "duration"),
                new MethodArgument(ArgumentRole.Parameter, "fps"),
                new MethodArgument(ArgumentRole.Parameter, "motion"),
                new MethodArgument(ArgumentRole.Parameter, "zoom"),
                new MethodArgument(ArgumentRole.Progress, null),
                new MethodArgument(ArgumentRole.Cancellation, null),
            },
            result.Arguments);
    }

    // TestCatalog describes signatures only; the contract's summaries and categories are checked above.
    private static FunctionCatalog WithoutDescriptions(FunctionCatalog catalog) => new(catalog.Functions.Select(f => f with
    {
        Summary = null,
        Category = null,
        Inputs = f.Inputs.Select(p => p with { Summary = null }).ToEquatableArray(),
        Outputs = f.Outputs.Select(p => p with { Summary = null }).ToEquatableArray(),
        Parameters = f.Parameters.Select(p => p with { Summary = null }).ToEquatableArray(),
    }));

    private static string FlagshipSource() => Repository.ReadText("tests/Contracts/Flagship.cs");
}
