using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SymbolicGen.Generator.Benchmarks;

/// <summary>A synthetic project: C# functions over text and N .sym files of about 20 nodes each.</summary>
internal static class Project
{
    public const string Functions = """
        using System;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using SymbolicGen.Runtime;

        namespace Bench
        {
            public enum Casing { Upper, Lower, AsIs }

            public static class TextFunctions
            {
                [SymFunction(Summary = "Repeat a text")]
                public static Text Repeat(Text text, [SymParam(Min = 1, Max = 10)] int times = 2, string separator = " ") =>
                    string.Join(separator, Enumerable.Repeat(text.Value, times));

                [SymFunction(Summary = "Change the case")]
                public static Text Case(Text text, Casing casing = Casing.Upper) => text.Value.ToUpperInvariant();

                [SymFunction(Summary = "Join two texts")]
                public static Task<Text> JoinAsync(Text a, Text b, CancellationToken cancellationToken = default) => Task.FromResult<Text>(a.Value + b.Value);

                [SymFunction(Summary = "Split a text")]
                public static (Text head, Text tail) Split(Text text, [SymParam(SymKind.Ratio, Min = 0, Max = 1)] double at = 0.5) =>
                    (text.Value.Substring(0, text.Value.Length / 2), text.Value.Substring(text.Value.Length / 2));
            }
        }
        """;

    /// <summary>
    /// One flow of <paramref name="blocks"/> × 4 nodes plus 2: Case → Repeat → Split → Join chains, each node
    /// with parameters, every node feeding an output. <paramref name="separator"/> is the edit the incremental
    /// run makes.
    /// </summary>
    public static string Flow(int index, int blocks, string separator = "-")
    {
        var text = new StringBuilder();
        var i = index.ToString(CultureInfo.InvariantCulture);
        text.Append("# Benchmark flow ").Append(i).Append(": chains of case, repeat, split and join.\n");
        text.Append("flow Bench").Append(i).Append("(a: Text, b: Text, times: Int = 2, cut: Ratio = 50%) -> (out: Text, first: Text) {\n");
        var previous = "a";
        for (var k = 0; k < blocks; k++)
        {
            var n = k.ToString(CultureInfo.InvariantCulture);
            text.Append("    # block ").Append(n).Append('\n');
            text.Append("    c").Append(n).Append(" = Case(").Append(previous).Append(", casing: ").Append(k % 2 == 0 ? "upper" : "lower").Append(")\n");
            text.Append("    r").Append(n).Append(" = Repeat(c").Append(n).Append(", times: times, separator: \"").Append(k == 0 ? separator : "-").Append("\")\n");
            text.Append("    (h").Append(n).Append(", t").Append(n).Append(") = Split(r").Append(n).Append(", at: cut)\n");
            text.Append("    j").Append(n).Append(" = Join(t").Append(n).Append(", h").Append(n).Append(")\n");
            previous = "j" + n;
        }
        text.Append("    out = Join(").Append(previous).Append(", b)\n");
        text.Append("    first = Case(b, casing: as_is)\n");
        text.Append("}\n");
        return text.ToString();
    }

    public static string PathOf(int index) => "/bench/workflows/Bench" + index.ToString(CultureInfo.InvariantCulture) + ".sym";

    public static CSharpCompilation Compilation() =>
        CSharpCompilation.Create(
            "Bench",
            // Doc comments as trivia, as `dotnet build` parses them unless the project generates a documentation file.
            [CSharpSyntaxTree.ParseText(Functions, CSharpParseOptions.Default.WithDocumentationMode(DocumentationMode.None), "/bench/Functions.cs", Encoding.UTF8)],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static ImmutableArray<MetadataReference> References()
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkFolder, StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(SymbolicGen.Runtime.SymFunctionAttribute).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(SymbolicGen.Language.Ir.Flow).Assembly.Location))
            .ToImmutableArray();
    }

    public static AnalyzerConfigOptionsProvider Options { get; } = new OptionsProvider(new Dictionary<string, string>
    {
        ["build_property.RootNamespace"] = "Bench",
        ["build_property.ProjectDir"] = "/bench/",
    });

    public sealed class File(string path, string text) : AdditionalText
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
