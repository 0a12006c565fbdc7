using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Runtime;
using Xunit;

namespace SymbolicGen.Analyzers.Tests;

/// <summary>Runs <see cref="SymAnalyzer"/> over in-memory compilations, as the compiler does during a build.</summary>
internal static class AnalyzerHarness
{
    /// <summary>Two functions for the tests' flows: a tone (a Frequency and a Duration in range) and a mixer.</summary>
    public const string SoundFunctions = """
        using SymbolicGen.Runtime;

        namespace Consumer
        {
            public static class Sounds
            {
                [SymFunction(Summary = "A steady tone")]
                public static Audio Chirp(
                    [SymParam(SymKind.Frequency, Min = 20, Max = 20000)] double pitch = 440,
                    [SymParam(SymKind.Duration, Min = 0.1, Max = 60)] double duration = 1) => Audio.Silence(System.TimeSpan.FromSeconds(duration), 44100, 1);

                [SymFunction(Summary = "Mix two tracks")]
                public static Audio Mix(Audio a, Audio b, [SymParam(SymKind.Gain, Min = -60, Max = 12)] double gain = 0) => a;
            }
        }
        """;

    /// <summary>The framework this test runs on: what the compilations are built against.</summary>
    public static ImmutableArray<MetadataReference> Framework { get; } = FrameworkReferences();

    /// <summary>The real SymbolicGen.Runtime assembly, which declares the attributes.</summary>
    public static MetadataReference RuntimeReference { get; } =
        MetadataReference.CreateFromFile(typeof(SymFunctionAttribute).Assembly.Location);

    /// <summary>A library compilation of <paramref name="sources"/> (named Source0.cs, …) that must compile without errors.</summary>
    public static CSharpCompilation Compile(IEnumerable<string> sources, string assemblyName = "Consumer", params MetadataReference[] references)
    {
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"/src/Source{i}.cs", encoding: Encoding.UTF8));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            Framework.Add(RuntimeReference).AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the test's C# does not compile: " + string.Join("; ", errors));
        return compilation;
    }

    /// <summary>The compiled assembly as a metadata reference, as a project sees a referenced library.</summary>
    public static MetadataReference Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>
    /// Runs the analyzer over <paramref name="compilation"/> with <paramref name="additionalFiles"/> and the
    /// <c>.editorconfig</c> files given as (path, text), which reach it as in a build with the package: as
    /// the compiler's options and as additional files. Fails the test when the analyzer throws.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        Compilation compilation,
        IEnumerable<(string Path, string Text)> additionalFiles,
        IEnumerable<(string Path, string Text)>? editorConfigs = null,
        SymAnalyzer? analyzer = null)
    {
        editorConfigs = editorConfigs?.ToList() ?? [];
        var texts = additionalFiles.Concat(editorConfigs).Select(f => (AdditionalText)new MemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var configs = AnalyzerConfigSet.Create(editorConfigs.Select(c => AnalyzerConfig.Parse(c.Text, c.Path)).ToList());
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(texts, new ConfigOptionsProvider(configs)),
            onAnalyzerException: (e, _, _) => { lock (exceptions) exceptions.Add(e); },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer ?? new SymAnalyzer()), options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.Count == 0, "the analyzer threw: " + string.Join("; ", exceptions));
        return diagnostics.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    private static ImmutableArray<MetadataReference> FrameworkReferences()
    {
        // The host's trusted platform assemblies, restricted to the shared framework's folder.
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

    /// <summary>Options per file from real <c>.editorconfig</c> files, computed as the compiler computes them.</summary>
    private sealed class ConfigOptionsProvider(AnalyzerConfigSet configs) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => new DictionaryOptions(configs.GlobalConfigOptions.AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => For(tree.FilePath);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => For(textFile.Path);

        private DictionaryOptions For(string path) => new(configs.GetOptionsForSourcePath(path).AnalyzerOptions);
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
