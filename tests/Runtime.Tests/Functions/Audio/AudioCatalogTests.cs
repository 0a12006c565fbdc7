using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using Xunit;

namespace SymbolicGen.Runtime.Tests.Functions;

/// <summary>The audio functions as the checker sees them: read from the runtime assembly like a user's dll.</summary>
public sealed class AudioCatalogTests
{
    private static readonly string[] AudioFunctions =
    {
        "Tone", "Noise", "Birdsong", "WaterAmbience", "Wind", "AudioMix", "Gain", "Fade", "Trim", "FitDuration",
        "Resample", "LowPass", "HighPass", "Reverb", "Speech",
    };

    private static readonly Lazy<CatalogReadResult> Runtime = new(() =>
        SymbolCatalogReader.ReadReferences(FrameworkReferences().Concat(new[]
        {
            MetadataReference.CreateFromFile(typeof(Audio).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(FunctionCatalog).Assembly.Location),
        })));

    [Fact]
    public void The_flagship_audio_functions_read_exactly_as_the_contract_declares_them()
    {
        var contract = ContractFunctions();
        foreach (var name in new[] { "Birdsong", "WaterAmbience", "AudioMix" })
        {
            var declared = contract.Single(f => f.Name == name);
            var implemented = Runtime.Value.Catalog.Find(name);
            Assert.NotNull(implemented);
            Assert.Equal(Signature(declared), Signature(implemented!));
            Assert.Equal("audio", implemented!.Outputs.Single().Name);
        }
    }

    [Fact]
    public void Every_audio_function_reads_without_problems_and_is_described()
    {
        Assert.DoesNotContain(Runtime.Value.Problems, p => AudioFunctions.Any(f => p.Message.Contains(f, StringComparison.Ordinal)));
        foreach (var name in AudioFunctions)
        {
            var function = Runtime.Value.Catalog.Find(name);
            Assert.True(function is not null, $"{name} is not in the runtime's catalog");
            Assert.Equal("audio", function!.Category);
            Assert.False(string.IsNullOrWhiteSpace(function.Summary), name);
            Assert.All(function.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Summary), $"{name}.{p.Name}"));
            Assert.Equal(PortType.Audio, function.Outputs.Single().Type);
        }
        var speech = Runtime.Value.Catalog.Find("Speech")!;
        Assert.Equal(new PortInfo("text", PortType.Text), speech.Inputs.Single());
        var tone = Runtime.Value.Catalog.Find("Tone")!;
        Assert.Equal(new[] { "sine", "square", "saw", "triangle" }, tone.FindParameter("waveform")!.EnumValues);
    }

    /// <summary>A function without its descriptions: the part the checker compares.</summary>
    private static FunctionInfo Signature(FunctionInfo f) => f with
    {
        Summary = null,
        Category = null,
        Inputs = f.Inputs.Select(p => p with { Summary = null }).ToEquatableArray(),
        Outputs = f.Outputs.Select(p => p with { Summary = null }).ToEquatableArray(),
        Parameters = f.Parameters.Select(p => p with { Summary = null }).ToEquatableArray(),
    };

    /// <summary>The functions of tests/Contracts/Flagship.cs, read method by method from its compiled source.</summary>
    private static List<FunctionInfo> ContractFunctions()
    {
        var path = SymbolicGen.Language.Tests.Repository.PathOf("tests/Contracts/Flagship.cs");
        var compilation = CSharpCompilation.Create("Contracts",
            new[] { CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path) },
            FrameworkReferences().Append(MetadataReference.CreateFromFile(typeof(Audio).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var contract = compilation.GetTypeByMetadataName("SymbolicGen.Contracts.IFlagshipFunctions");
        Assert.NotNull(contract);
        var functions = new List<FunctionInfo>();
        foreach (var method in contract!.GetMembers().OfType<IMethodSymbol>())
        {
            var read = SymbolCatalogReader.ReadFunction(method);
            Assert.Empty(read.Problems);
            if (read.Function is { } function) functions.Add(function);
        }
        return functions;
    }

    /// <summary>The shared framework's assemblies, which the runtime's signatures (Task, CancellationToken, …) need.</summary>
    private static IEnumerable<MetadataReference> FrameworkReferences()
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkFolder, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
    }
}
