using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SymbolicGen.Catalog.Json;
using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Analyzers;

/// <summary>
/// Reports the diagnostics of every <c>.sym</c> additional file, checked by the shared compiler against
/// the functions declared with <c>[SymFunction]</c> in the compilation and its references and those of the
/// catalog files (<c>*.symcatalog.json</c> additional files), and the problems of both catalog sources
/// (SYM0501–SYM0505): on the C# code, and in the catalog file at the offending token.
/// </summary>
/// <remarks>
/// The catalog is read once per compilation, when it starts (a catalog file once per text); every <c>.sym</c>
/// file of that compilation is checked against it. Nothing is thrown into the compiler: a failure of SymbolicGen
/// itself is reported as SYM0901 on the file being analysed.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SymAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The extension of the files the analyzer checks (compared ignoring case).</summary>
    public const string FileExtension = ".sym";

    private readonly CatalogReader _readCatalog;

    /// <summary>Creates the analyzer the compiler loads.</summary>
    public SymAnalyzer()
        : this(SymbolCatalogReader.Read)
    {
    }

    /// <summary>Creates an analyzer that reads the catalog with <paramref name="readCatalog"/> (tests count the reads).</summary>
    internal SymAnalyzer(CatalogReader readCatalog) => _readCatalog = readCatalog;

    /// <summary>Reads the functions of a compilation (a function, not per-compilation data).</summary>
    internal delegate CatalogReadResult CatalogReader(Compilation compilation, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => SymDescriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        // [SymFunction] methods in generated code are functions too, so their problems must be visible.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    private void Start(CompilationStartAnalysisContext context)
    {
        var state = Prepare(context.Compilation, context.Options, context.CancellationToken);
        context.RegisterAdditionalFileAction(c => AnalyzeSymFile(c, state));
        context.RegisterAdditionalFileAction(c => ReportCatalogFileProblems(c, state));
        context.RegisterSyntaxTreeAction(c => ReportCatalogProblems(c, state));
    }

    private CompilationState Prepare(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var result = _readCatalog(compilation, cancellationToken);
            // Problems in referenced assemblies have no source to point at; the assembly's own build reported them.
            var inSource = result.Problems
                .Select(p => (Problem: p, Location: RoslynLocations.ToRoslyn(p.Location, compilation)))
                .Where(p => p.Location.IsInSource && p.Location.SourceTree is not null)
                .ToLookup(p => p.Location.SourceTree!, p => (p.Problem, p.Location));
            var files = CatalogFiles.Read(options.AdditionalFiles, cancellationToken);
            var combined = JsonCatalogFile.Combine(result.Catalog, files);
            var inFiles = files.SelectMany(f => f.Problems).Concat(combined.Problems).ToLookup(p => p.Location.Path, StringComparer.Ordinal);
            return new CompilationState(combined.Catalog, inSource, inFiles, SeverityConfiguration.From(options.AdditionalFiles, cancellationToken), failure: null);
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            return new CompilationState(FunctionCatalog.Empty, Array.Empty<(CatalogProblem, Location)>().ToLookup(p => p.Item2.SourceTree!),
                Array.Empty<CatalogProblem>().ToLookup(p => p.Location.Path), SeverityConfiguration.None, Describe(e));
        }
    }

    private static void AnalyzeSymFile(AdditionalFileAnalysisContext context, CompilationState state)
    {
        var path = context.AdditionalFile.Path;
        if (!path.EndsWith(FileExtension, StringComparison.OrdinalIgnoreCase)) return;
        try
        {
            if (state.Failure is { } failure)
            {
                context.ReportDiagnostic(InternalError(FileStart(path), "reading the compilation's functions and settings: " + failure));
                return;
            }
            // Null when the file cannot be read; the compiler reports that itself.
            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text is null) return;
            var compilation = SharedCompilations.Compile(text.ToString(), state.Catalog);
            var severities = state.Severities.For(path, context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile));
            foreach (var diagnostic in compilation.Diagnostics)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (severities.Effective(diagnostic.Id, SymDescriptors.ToRoslyn(diagnostic.Severity)) is not { } severity) continue;
                var start = Math.Max(0, Math.Min(diagnostic.Start, text.Length));
                var span = TextSpan.FromBounds(start, Math.Max(start, Math.Min(diagnostic.Span.End, text.Length)));
                context.ReportDiagnostic(Create(diagnostic.Id, Location.Create(path, span, text.Lines.GetLinePositionSpan(span)), diagnostic.Message, severity, diagnostic.Properties));
            }
        }
        catch (Exception e) when (!IsCancellation(e, context.CancellationToken))
        {
            context.ReportDiagnostic(InternalError(FileStart(path), "checking the file: " + Describe(e)));
        }
    }

    // A catalog file's problems, at their tokens in the file (an external location: the file is no C# tree).
    private static void ReportCatalogFileProblems(AdditionalFileAnalysisContext context, CompilationState state)
    {
        var path = context.AdditionalFile.Path;
        if (!JsonCatalogReader.IsCatalogFile(path)) return;
        try
        {
            if (state.Failure is { } failure)
            {
                context.ReportDiagnostic(InternalError(FileStart(path), "reading the compilation's functions and settings: " + failure));
                return;
            }
            foreach (var problem in state.ProblemsByFile[path])
                context.ReportDiagnostic(Create(problem.Id, RoslynLocations.ToRoslyn(problem.Location, context.Compilation), problem.Message));
        }
        catch (Exception e) when (!IsCancellation(e, context.CancellationToken))
        {
            context.ReportDiagnostic(InternalError(FileStart(path), "reporting the catalog file's problems: " + Describe(e)));
        }
    }

    private static void ReportCatalogProblems(SyntaxTreeAnalysisContext context, CompilationState state)
    {
        try
        {
            foreach (var (problem, location) in state.ProblemsByTree[context.Tree])
                context.ReportDiagnostic(Create(problem.Id, location, problem.Message));
        }
        catch (Exception e) when (!IsCancellation(e, context.CancellationToken))
        {
            context.ReportDiagnostic(InternalError(Location.Create(context.Tree, default), "reporting [SymFunction] problems: " + Describe(e)));
        }
    }

    /// <summary>A diagnostic of one of the language's ids; SYM0901 for an id it has no descriptor for (a bug in SymbolicGen).</summary>
    private static Diagnostic Create(string id, Location location, string message, DiagnosticSeverity? severity = null, ImmutableDictionary<string, string?>? properties = null) =>
        SymDescriptors.Find(id) is { } descriptor
            ? Diagnostic.Create(descriptor, location, severity ?? descriptor.DefaultSeverity, additionalLocations: null, properties, message)
            : InternalError(location, $"reporting '{id}', an id without a descriptor: {message}");

    private static Diagnostic InternalError(Location location, string what) =>
        Diagnostic.Create(SymDescriptors.InternalError, location, "internal error while " + what);

    private static Location FileStart(string path) =>
        Location.Create(path, default, new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));

    // One line, as every diagnostic message.
    private static string Describe(Exception e) =>
        (e.GetType().Name + ": " + e.Message).Replace("\r", " ").Replace("\n", " ");

    private static bool IsCancellation(Exception e, CancellationToken cancellationToken) =>
        e is OperationCanceledException && cancellationToken.IsCancellationRequested;

    /// <summary>What a compilation's files are checked with, prepared once when it starts.</summary>
    private sealed class CompilationState
    {
        public CompilationState(FunctionCatalog catalog, ILookup<SyntaxTree, (CatalogProblem Problem, Location Location)> problemsByTree,
            ILookup<string, CatalogProblem> problemsByFile, SeverityConfiguration severities, string? failure)
        {
            Catalog = catalog;
            ProblemsByTree = problemsByTree;
            ProblemsByFile = problemsByFile;
            Severities = severities;
            Failure = failure;
        }

        public FunctionCatalog Catalog { get; }

        /// <summary>The [SymFunction] problems of each syntax tree, at their Roslyn locations.</summary>
        public ILookup<SyntaxTree, (CatalogProblem Problem, Location Location)> ProblemsByTree { get; }

        /// <summary>The problems of each catalog file (by path), its own and those of combining it with the others.</summary>
        public ILookup<string, CatalogProblem> ProblemsByFile { get; }

        /// <summary>The .editorconfig severities.</summary>
        public SeverityConfiguration Severities { get; }

        /// <summary>Why preparing failed, or null.</summary>
        public string? Failure { get; }
    }
}
