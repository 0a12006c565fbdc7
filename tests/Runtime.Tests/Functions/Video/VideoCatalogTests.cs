using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using Xunit;

namespace SymbolicGen.Runtime.Tests.Functions.Video;

/// <summary>The video functions as the catalog reader sees the compiled runtime, against the flagship contract.</summary>
public sealed class VideoCatalogTests
{
    private static readonly ImmutableArray<MetadataReference> References = FrameworkReferences()
        .Add(MetadataReference.CreateFromFile(typeof(Runtime.Video).Assembly.Location));

    private static readonly Lazy<CatalogReadResult> Library = new(() => SymbolCatalogReader.ReadReferences(References));

    [Theory]
    [InlineData("ImageToVideo", "ImageToVideoAsync")]
    [InlineData("AddAudio", "AddAudioAsync")]
    public void The_flagship_video_functions_read_exactly_as_the_contract_declares_them(string name, string contractMethod)
    {
        var contract = ReadContract(contractMethod);
        var actual = Library.Value.Catalog.Find(name);

        Assert.NotNull(actual);
        // The version is the implementation's (raised when its results change), not part of the contract.
        Assert.Equal(WithoutDescriptions(contract) with { Version = actual.Version }, WithoutDescriptions(actual));
        Assert.Equal(2, actual.Version); // 8-bit frames
        Assert.Equal(contract.Summary, actual.Summary);
        Assert.Equal(contract.Category, actual.Category);
    }

    [Fact]
    public void Every_video_function_reads_without_problems_and_describes_its_parameters()
    {
        Assert.DoesNotContain(Library.Value.Problems, p => p.ToString().Contains("VideoFunctions", StringComparison.Ordinal));
        var video = Library.Value.Catalog.Functions.Where(f => f.Category == "video").Select(f => f.Name).Order().ToArray();
        Assert.Equal(
            new[] { "AddAudio", "ChangeSpeed", "Concat", "Crossfade", "ExtractFrame", "FrameInterpolate", "ImageToVideo", "Loop", "Reverse" },
            video);
        Assert.All(video.Select(n => Library.Value.Catalog.Find(n)!), f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Summary), f.Name);
            Assert.All(f.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Summary), f.Name + "." + p.Name));
            Assert.All(f.Parameters, p => Assert.False(p.Required, f.Name + "." + p.Name + " has a default"));
        });
    }

    [Fact]
    public void Parameters_carry_their_units_ranges_and_enum_values()
    {
        var crossfade = Library.Value.Catalog.Find("Crossfade")!;
        Assert.Equal(new[] { "a", "b" }, crossfade.Inputs.Select(p => p.Name));
        var duration = Assert.Single(crossfade.Parameters);
        Assert.Equal(("duration", ParamType.Duration, 0.0, 60.0), (duration.Name, duration.Type, duration.Min, duration.Max));

        var speed = Library.Value.Catalog.Find("ChangeSpeed")!;
        Assert.Equal(new[] { "factor", "sampling", "keep_audio" }, speed.Parameters.Select(p => p.Name));
        Assert.Equal(new[] { "nearest", "blend" }, speed.Parameters[1].EnumValues);

        var interpolate = Library.Value.Catalog.Find("FrameInterpolate")!;
        Assert.Equal(new[] { "blend", "motion" }, Assert.Single(interpolate.Parameters).EnumValues);

        var extract = Library.Value.Catalog.Find("ExtractFrame")!;
        Assert.Equal(PortType.Image, Assert.Single(extract.Outputs).Type);
        Assert.Equal(new[] { ("time", ParamType.Duration), ("index", ParamType.Int) }, extract.Parameters.Select(p => (p.Name, p.Type)));
    }

    private static FunctionInfo ReadContract(string method)
    {
        var source = File.ReadAllText(SymbolicGen.Language.Tests.Repository.PathOf("tests/Contracts/Flagship.cs"));
        var compilation = CSharpCompilation.Create("Contract", new[] { CSharpSyntaxTree.ParseText(source) }, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var type = compilation.GetTypeByMetadataName("SymbolicGen.Contracts.IFlagshipFunctions")!;
        var result = SymbolCatalogReader.ReadFunction(type.GetMembers(method).OfType<IMethodSymbol>().Single());
        Assert.Empty(result.Problems);
        return result.Function!;
    }

    // The contract fixes names, ports, parameters, units, defaults, ranges and enum values; port and
    // parameter summaries may differ.
    private static FunctionInfo WithoutDescriptions(FunctionInfo f) => f with
    {
        Inputs = f.Inputs.Select(p => p with { Summary = null }).ToEquatableArray(),
        Outputs = f.Outputs.Select(p => p with { Summary = null }).ToEquatableArray(),
        Parameters = f.Parameters.Select(p => p with { Summary = null }).ToEquatableArray(),
    };

    private static ImmutableArray<MetadataReference> FrameworkReferences()
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkFolder, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
