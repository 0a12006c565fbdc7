using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SymbolicGen.Analyzers;
using SymbolicGen.Generator;
using SymbolicGen.Generator.Benchmarks;

// Generator + analyzer cost on a project of N .sym files of ~20 nodes (issue 3's figures), measured in one
// process: a full run (a fresh GeneratorDriver, then the analyzer over every file, as a clean build runs them),
// and an incremental edit of one file (the same driver after ReplaceAdditionalText, then the analyzer over that
// file, as the IDE re-analyzes it).
// Each figure is the median of the rounds, after warm-up rounds.
//   dotnet run -c Release --project benchmarks/Generator.Benchmarks [-- files rounds blocks]
// The build-time overhead of the same project through the real SDK and the packed package (BuildOverhead):
//   dotnet run -c Release --project benchmarks/Generator.Benchmarks -- build [files rounds]
if (args.Length > 0 && args[0] == "build")
{
    await BuildOverhead.RunAsync(Argument(1, 100), Argument(2, 5));
    return;
}
var files = Argument(0, 100);
var rounds = Argument(1, 15);
var blocks = Argument(2, 5);

var compilation = Project.Compilation();
// One analyzer instance for every run, as the compiler and the IDE load it once.
var analyzer = new SymAnalyzer();
var texts = Enumerable.Range(0, files).Select(i => (AdditionalText)new Project.File(Project.PathOf(i), Project.Flow(i, blocks))).ToImmutableArray();
var nodes = SymbolicGen.Language.SymCompiler.Compile(Project.Flow(0, blocks), SymbolicGen.Catalog.Roslyn.SymbolCatalogReader.Read(compilation).Catalog).File.Flows[0].Nodes.Count;

GeneratorDriver NewDriver(ImmutableArray<AdditionalText> additionalTexts) => CSharpGeneratorDriver.Create(
    [new SymGenerator().AsSourceGenerator()], additionalTexts, (CSharpParseOptions)compilation.SyntaxTrees[0].Options, Project.Options);

// Verify the project once: every file generates a pipeline (plus the registry and the node classes), and neither the
// generator nor the analyzer reports anything.
var check = NewDriver(texts).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
var generated = check.GetRunResult().GeneratedTrees.Length;
var generatedChars = check.GetRunResult().GeneratedTrees.Sum(t => t.Length);
var analyzerDiagnostics = await Analyze(texts, null);
var errors = output.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
if (generated != files + 2 || generatorDiagnostics.Length > 0 || analyzerDiagnostics > 0 || errors > 0)
    throw new InvalidOperationException($"the benchmark project is not clean: {generated} files generated, {generatorDiagnostics.Length} generator and {analyzerDiagnostics} analyzer diagnostics, {errors} compile errors");

// What compiling the generated code costs in the build: processor time of emitting the project with it (all
// threads; a machine shared with other work inflates wall-clock time far more than processor time).
var emitWith = ProcessorTime(7, () => output.Emit(Stream.Null));
var emitWithout = ProcessorTime(7, () => compilation.Emit(Stream.Null));

// A full run is what a clean build does: the generator compiles every file, then the analyzer checks them,
// reusing the generator's compilations (SharedCompilations). Each round has texts of its own (a comment
// differs), so that no round takes a compilation from an earlier one.
var round = 0;
ImmutableArray<AdditionalText> FreshTexts()
{
    var comment = "# round " + (round++).ToString(CultureInfo.InvariantCulture) + "\n";
    return Enumerable.Range(0, files).Select(i => (AdditionalText)new Project.File(Project.PathOf(i), Project.Flow(i, blocks) + comment)).ToImmutableArray();
}
var (fullGenerator, fullAnalyzer) = MeasurePair(rounds, FreshTexts, fresh => NewDriver(fresh).RunGenerators(compilation), fresh => Analyze(fresh, null).GetAwaiter().GetResult());

// An incremental run is an edit of one file in the IDE: the generator regenerates that file, and the analyzer
// checks it again. Every edit makes a text not seen before.
var edited = 0;
var current = texts.ToArray();
GeneratorDriver warm = NewDriver(texts).RunGenerators(compilation);
var (incrementalGenerator, oneFileAnalyzer) = MeasurePair(rounds,
    () =>
    {
        var index = edited++ % files;
        var replacement = new Project.File(current[index].Path, Project.Flow(index, blocks, "v" + edited.ToString(CultureInfo.InvariantCulture)));
        var previous = current[index];
        current[index] = replacement;
        return (previous, replacement);
    },
    edit => warm = warm.ReplaceAdditionalText(edit.previous, edit.replacement).RunGenerators(compilation),
    edit => Analyze([.. current], edit.replacement).GetAwaiter().GetResult());
// The incremental runs did regenerate: the last edited file's pipeline embeds its last separator (escaped in a C# literal).
var last = (edited - 1) % files;
var lastSource = warm.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains("Bench" + last.ToString(CultureInfo.InvariantCulture) + ".sym.")).ToString();
if (!lastSource.Contains("separator: \\\"v" + edited.ToString(CultureInfo.InvariantCulture) + "\\\""))
    throw new InvalidOperationException("the incremental run did not regenerate the edited file");
// An edit of C# that declares no function: the catalog is read again, found equal, and nothing is re-emitted.
var csharpEdits = 0;
var csharpEdit = Measure(rounds, () =>
{
    var tree = CSharpSyntaxTree.ParseText("namespace Bench { internal static class Edited { public const int Value = " + (csharpEdits++).ToString(CultureInfo.InvariantCulture) + "; } }", path: "/bench/Edited.cs");
    warm = warm.RunGenerators(compilation.AddSyntaxTrees(tree));
});

var full = fullGenerator + fullAnalyzer;
var incremental = incrementalGenerator + oneFileAnalyzer;
Console.WriteLine($"project: {files} .sym files of {nodes} nodes, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine($"medians of {rounds} rounds (ms):");
Console.WriteLine($"| step | full | incremental (one file edited) | ratio |");
Console.WriteLine($"|---|---:|---:|---:|");
Console.WriteLine($"| generator | {Ms(fullGenerator)} | {Ms(incrementalGenerator)} | {Percent(incrementalGenerator, fullGenerator)} |");
Console.WriteLine($"| analyzer | {Ms(fullAnalyzer)} | {Ms(oneFileAnalyzer)} | {Percent(oneFileAnalyzer, fullAnalyzer)} |");
Console.WriteLine($"| generator + analyzer | {Ms(full)} | {Ms(incremental)} | {Percent(incremental, full)} |");
Console.WriteLine($"generator after an unrelated C# edit: {Ms(csharpEdit)} ms ({Percent(csharpEdit, fullGenerator)} of a full run)");
Console.WriteLine($"generated C#: {generatedChars / 1024} KiB ({generatedChars / 1024 / files} KiB per flow); compiling the project (processor time): {Ms(emitWith)} ms with it, {Ms(emitWithout)} ms without, {Ms((emitWith - emitWithout) / files)} ms per flow");
Console.WriteLine($"per file (full / files): generator {Ms(fullGenerator / files)} ms, analyzer {Ms(fullAnalyzer / files)} ms, both {Ms(full / files)} ms");
return;

async Task<int> Analyze(ImmutableArray<AdditionalText> all, AdditionalText? one)
{
    var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(analyzer);
    var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(all, Project.Options), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
    var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
    if (one is null) return (await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Length;
    return (await withAnalyzers.GetAnalysisResultAsync(one, CancellationToken.None)).GetAllDiagnostics().Length;
}

// Medians of two steps that run one after the other on the same prepared input, after warm-up rounds.
static (TimeSpan First, TimeSpan Second) MeasurePair<T>(int rounds, Func<T> prepare, Action<T> first, Action<T> second)
{
    var firsts = new List<TimeSpan>();
    var seconds = new List<TimeSpan>();
    for (var i = 0; i < rounds + 3; i++)
    {
        var input = prepare();
        var watch = Stopwatch.StartNew();
        first(input);
        var afterFirst = watch.Elapsed;
        second(input);
        if (i < 3) continue;
        firsts.Add(afterFirst);
        seconds.Add(watch.Elapsed - afterFirst);
    }
    firsts.Sort();
    seconds.Sort();
    return (firsts[firsts.Count / 2], seconds[seconds.Count / 2]);
}

static TimeSpan Measure(int rounds, Action action)
{
    for (var i = 0; i < 3; i++) action();
    var times = new List<TimeSpan>();
    for (var i = 0; i < rounds; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed);
    }
    times.Sort();
    return times[times.Count / 2];
}

static TimeSpan ProcessorTime(int rounds, Action action)
{
    // Warm-up rounds: the first emits also compile the compiler's own code, at every tier (a build's compiler
    // server is warm after a few builds); fewer than about 15 leave the first figure measured twice too high.
    for (var i = 0; i < 20; i++) action();
    var times = new List<TimeSpan>();
    for (var i = 0; i < rounds; i++)
    {
        var start = Process.GetCurrentProcess().TotalProcessorTime;
        action();
        times.Add(Process.GetCurrentProcess().TotalProcessorTime - start);
    }
    times.Sort();
    return times[times.Count / 2];
}

static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture);

static string Percent(TimeSpan part, TimeSpan whole) => (100 * part.TotalMilliseconds / whole.TotalMilliseconds).ToString("0.0", CultureInfo.InvariantCulture) + " %";

int Argument(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
