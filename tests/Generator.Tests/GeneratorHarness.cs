using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SymbolicGen.Runtime;

namespace SymbolicGen.Generator.Tests;

/// <summary>Runs <see cref="SymGenerator"/> over in-memory compilations with GeneratorDriver, as the compiler does in a build.</summary>
internal static class GeneratorHarness
{
    /// <summary>Functions over <see cref="Text"/> (no tensors): one of each shape the registry must call.</summary>
    public const string TextFunctions = """
        using System;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using SymbolicGen.Runtime;

        namespace TestApp
        {
            public enum Casing { Upper, Lower, AsIs }

            public static class TextFunctions
            {
                [SymFunction(Summary = "Repeat a text", Category = "text")]
                public static Text Repeat(Text text, [SymParam(Min = 1, Max = 10, Summary = "How many copies")] int times = 2, string separator = " ") =>
                    string.Join(separator, Enumerable.Repeat(text.Value, times));

                [SymFunction(Summary = "Change the case")]
                public static Text Case(Text text, Casing casing = Casing.Upper) =>
                    casing == Casing.Upper ? text.Value.ToUpperInvariant() : casing == Casing.Lower ? text.Value.ToLowerInvariant() : text.Value;

                [SymFunction(Summary = "Join two texts")]
                public static async Task<Text> JoinAsync(Text a, Text b, CancellationToken cancellationToken = default)
                {
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                    return a.Value + b.Value;
                }

                [SymFunction(Summary = "Split a text at a fraction of its length")]
                public static ValueTask<(Text head, Text tail)> Split(Text text, [SymParam(SymKind.Ratio, Min = 0, Max = 1)] double at = 0.5)
                {
                    var cut = (int)Math.Round(text.Value.Length * at);
                    return new ValueTask<(Text, Text)>((text.Value.Substring(0, cut), text.Value.Substring(cut)));
                }

                [SymFunction(Summary = "Describe every kind of parameter")]
                public static Text Describe(
                    Text text,
                    [SymParam(SymKind.Duration, Min = 0, Max = 10)] double seconds = 1,
                    [SymParam(SymKind.Seed)] long seed = 7,
                    float scale = 1.5f,
                    bool loud = false,
                    [SymParam(Default = "2x3")] Size size = default,
                    Color color = default,
                    Text? note = null,
                    IProgress<double>? progress = null)
                {
                    progress?.Report(1);
                    return FormattableString.Invariant($"{text.Value}|{seconds}|{seed}|{scale}|{loud}|{size}|{color}|{note?.Value ?? "-"}");
                }
            }
        }
        """;

    /// <summary>The framework this test runs on.</summary>
    public static ImmutableArray<MetadataReference> Framework { get; } = FrameworkReferences();

    /// <summary>SymbolicGen.Runtime and SymbolicGen.Language, which generated code compiles against.</summary>
    public static ImmutableArray<MetadataReference> SymbolicGen { get; } = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(SymFunctionAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Language.Ir.Flow).Assembly.Location));

    /// <summary>A library compilation of <paramref name="sources"/> against the framework and SymbolicGen.</summary>
    public static CSharpCompilation Compilation(IEnumerable<string> sources, bool withRuntime = true, LanguageVersion version = LanguageVersion.Latest, string assemblyName = "TestApp")
    {
        var parse = new CSharpParseOptions(version);
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, parse, path: $"/src/Source{i}.cs", encoding: Encoding.UTF8));
        return CSharpCompilation.Create(
            assemblyName,
            trees,
            withRuntime ? Framework.AddRange(SymbolicGen) : Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>A driver over the generator that tracks steps, with <paramref name="files"/> and MSBuild properties.</summary>
    public static GeneratorDriver Driver(IEnumerable<(string Path, string Text)> files, IReadOnlyDictionary<string, string>? properties = null, LanguageVersion version = LanguageVersion.Latest) =>
        CSharpGeneratorDriver.Create(
            new[] { new SymGenerator().AsSourceGenerator() },
            files.Select(f => (AdditionalText)new MemoryAdditionalText(f.Path, f.Text)),
            new CSharpParseOptions(version),
            new OptionsProvider(properties ?? Properties()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>The properties a project with the package passes: root namespace TestApp, project directory /proj/.</summary>
    public static Dictionary<string, string> Properties(string? ns = null) => new()
    {
        ["build_property.RootNamespace"] = "TestApp",
        ["build_property.ProjectDir"] = "/proj/",
        ["build_property.SymbolicGenNamespace"] = ns ?? "",
    };

    /// <summary>An additional file.</summary>
    public static AdditionalText Text(string path, string text) => new MemoryAdditionalText(path, text);

    /// <summary>The outcome of one generator run over a compilation.</summary>
    public sealed record Run(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult Result)
    {
        /// <summary>The generated source of hint name <paramref name="hint"/>.</summary>
        public string Source(string hint) =>
            Result.Results.Single().GeneratedSources.Single(s => s.HintName == hint).SourceText.ToString();

        /// <summary>The hint names generated.</summary>
        public IEnumerable<string> Hints => Result.Results.Single().GeneratedSources.Select(s => s.HintName);

        /// <summary>The ids of the generator's diagnostics.</summary>
        public IEnumerable<string> Ids => GeneratorDiagnostics.Select(d => d.Id);

        /// <summary>The errors of the compilation with the generated code.</summary>
        /// <remarks>
        /// CS1701/CS1702 (a reference built against an older framework, such as the net8.0 runtime's use of
        /// System.ComponentModel for IServiceProvider) are off in every SDK build (its default NoWarn), so here too.
        /// </remarks>
        public IEnumerable<Diagnostic> CompileErrors => Output.GetDiagnostics().Where(d =>
            d.Severity == DiagnosticSeverity.Error || d.Severity == DiagnosticSeverity.Warning && !d.IsSuppressed && d.Id is not ("CS1591" or "CS1701" or "CS1702"));
    }

    /// <summary>Runs the generator once over <paramref name="compilation"/> and fails when it threw.</summary>
    public static Run RunGenerator(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        Assert.True(result.Results.All(r => r.Exception is null), "the generator threw: " + string.Join("; ", result.Results.Select(r => r.Exception)));
        return new Run(driver, output, diagnostics, result);
    }

    /// <summary>Generates for <paramref name="files"/> with the text functions, and asserts that the output compiles without warnings.</summary>
    public static Run Generate(IEnumerable<(string Path, string Text)> files, string? moreSource = null, IReadOnlyDictionary<string, string>? properties = null, LanguageVersion version = LanguageVersion.Latest)
    {
        var sources = moreSource is null ? new[] { TextFunctions } : new[] { TextFunctions, moreSource };
        var run = RunGenerator(Driver(files, properties, version), Compilation(sources, version: version));
        Assert.True(!run.CompileErrors.Any(), "the generated code does not compile cleanly:\n" + string.Join("\n", run.CompileErrors) + "\n" +
            string.Join("\n\n", run.Result.Results.Single().GeneratedSources.Select(s => s.HintName + ":\n" + s.SourceText)));
        return run;
    }

    /// <summary>
    /// Emits the compilation and loads it, as a program that uses the generated code, with the in-memory
    /// libraries it references (<paramref name="libraries"/>, made with <see cref="MetadataReference.CreateFromImage"/>).
    /// </summary>
    public static Assembly Load(Compilation compilation, params MetadataReference[] libraries)
    {
        // A context of its own: every test's TestApp is a different assembly with the same name.
        var context = new AssemblyLoadContext("TestApp-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        foreach (var library in libraries)
        {
            using var image = new MemoryStream(Images.TryGetValue(library, out var bytes) ? bytes : throw new ArgumentException("only references made by Reference can be loaded"));
            context.LoadFromStream(image);
        }
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        return context.LoadFromStream(stream);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MetadataReference, byte[]> Images = new();

    /// <summary>The compiled <paramref name="compilation"/> as a reference that <see cref="Load"/> can also load.</summary>
    public static MetadataReference Reference(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var bytes = stream.ToArray();
        var reference = MetadataReference.CreateFromImage(bytes);
        Images.Add(reference, bytes);
        return reference;
    }

    private static ImmutableArray<MetadataReference> FrameworkReferences()
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkFolder, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private sealed class MemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(properties);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
    }

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
