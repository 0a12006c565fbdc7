using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymbolicGen.Catalog.Json;
using SymbolicGen.Generator.Emit;
using SymbolicGen.Generator.Model;
using SymbolicGen.Generator.Reading;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Generator;

/// <summary>
/// Generates a typed pipeline class for every flow without errors in the project's <c>.sym</c> files, and
/// a function registry that invokes the project's <c>[SymFunction]</c> methods without reflection.
/// </summary>
/// <remarks>
/// <para>Pipeline (each step is named in <see cref="TrackingNames"/>):</para>
/// <list type="bullet">
/// <item>Options: the MSBuild properties, as a record.</item>
/// <item>Facts and ReferencedFunctions: the compilation reduced, once per compilation, to small equatable records
/// (is the runtime there, which type names are taken; the referenced assemblies' functions). An edit of C#
/// that changes neither leaves them equal, so nothing after them runs again.</item>
/// <item>SourceFunctions: each <c>[SymFunction]</c> method of the source, found by its attribute, so that only
/// an edit of such a method reads it again; CatalogFiles: each <c>*.symcatalog.json</c> additional file, read per
/// text; Functions combines them into the catalog and the registry's functions (those of catalog files are
/// registered as served by their backend).</item>
/// <item>Input and Parse: one item per <c>.sym</c> file, its text compiled against the catalog into a
/// value-equatable model; editing one file parses and emits that file alone.</item>
/// <item>Index: the generated type names of all files (changes only when a flow is renamed), for collisions.</item>
/// <item>UsedFunctions: the functions the generated flows call (changes only when that set changes).</item>
/// <item>Emit, Nodes and Registry: the source and the generator's own diagnostics (SYM04xx); the analyzer
/// reports every diagnostic of the files themselves.</item>
/// </list>
/// <para>No step keeps a Compilation, symbol, syntax tree or SourceText, and no step throws: a failure becomes
/// SYM0403 on the file concerned.</para>
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class SymGenerator : IIncrementalGenerator
{
    /// <summary>The extension of the files the generator reads (compared ignoring case).</summary>
    public const string FileExtension = ".sym";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => GeneratorOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var facts = context.CompilationProvider
            .Combine(options)
            .Select((pair, ct) => Facts(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.Facts);

        // Referenced assemblies' functions come from the compilation (cheap: read once per set of symbols); the
        // source's are found by their attribute, so a C# edit that touches no [SymFunction] method re-reads nothing.
        var referenced = context.CompilationProvider
            .Select((compilation, ct) => Guard(() => FunctionReader.ReadReferenced(compilation, ct),
                e => new ReferencedFunctions(default, default, false, InternalError("reading the referenced assemblies' [SymFunction] methods", e, null)), ct))
            .WithTrackingName(TrackingNames.ReferencedFunctions);

        var sourceFunctions = context.SyntaxProvider
            .ForAttributeWithMetadataName(FunctionReader.SymFunctionAttribute,
                (node, _) => node is MethodDeclarationSyntax,
                (attributed, ct) => Guard(() => FunctionReader.ReadSource((IMethodSymbol)attributed.TargetSymbol, attributed.SemanticModel.Compilation, ct),
                    e => new SourceFunction("", 0, null, null, InternalError("reading the [SymFunction] method '" + attributed.TargetSymbol.Name + "'", e, null)), ct))
            .Where(function => function is not null)
            .WithTrackingName(TrackingNames.SourceFunctions);

        // Catalog files are read per file text: editing one reads that one again, and an equal result stops there.
        var catalogFiles = context.AdditionalTextsProvider
            .Where(text => JsonCatalogReader.IsCatalogFile(text.Path))
            .Select((text, ct) => Guard(() => FunctionReader.ReadCatalogFile(text.Path, text.GetText(ct)?.ToString() ?? "", ct),
                e => new JsonCatalogFile(text.Path, FunctionCatalog.Empty, default, default), ct))
            .WithTrackingName(TrackingNames.CatalogFiles);

        var functions = referenced
            .Combine(sourceFunctions.Collect())
            .Combine(catalogFiles.Collect())
            .Select((input, ct) => Guard(() => FunctionReader.Combine(input.Left.Left, input.Left.Right!, input.Right), e => Failed(e), ct))
            .WithTrackingName(TrackingNames.Functions);

        var catalog = functions
            .Select((model, _) => model.Catalog)
            .WithTrackingName(TrackingNames.Catalog);

        var inputs = context.AdditionalTextsProvider
            .Where(text => text.Path.EndsWith(FileExtension, StringComparison.OrdinalIgnoreCase))
            .Select((text, ct) => Guard(() => new SymFileInput(text.Path, text.GetText(ct)?.ToString() ?? ""),
                e => new SymFileInput(text.Path, "", InternalError("reading the file", e, FileStart(text.Path))), ct))
            .WithTrackingName(TrackingNames.Input);

        var parsed = inputs
            .Combine(catalog)
            .Select((pair, ct) => Guard(() => SymFileReader.Read(pair.Left, pair.Right, ct), e => Failed(pair.Left.Path, "compiling the file", e), ct))
            .WithTrackingName(TrackingNames.Parse);

        var index = parsed
            .SelectMany((file, _) => PipelineEmitter.TypeNames(file))
            .Collect()
            .Select((names, _) => new NameIndex(names.OrderBy(n => n.Path, StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(TrackingNames.Index);

        var emitted = parsed
            .Combine(options)
            .Combine(facts)
            .Combine(index)
            .Select((input, ct) =>
            {
                var (((file, opts), fact), names) = input;
                return Guard(() => PipelineEmitter.Emit(file, opts, fact, names),
                    e => new EmittedFile(PipelineEmitter.HintName(file.Path), null, EquatableArray.Of(Failed(file.Path, "generating its pipelines", e).Diagnostics[0])), ct);
            })
            .WithTrackingName(TrackingNames.Emit);

        var registry = functions
            .Combine(options)
            .Combine(facts)
            .Select((input, ct) => Guard(() => RegistryEmitter.Emit(input.Left.Left, input.Left.Right, input.Right),
                e => new EmittedFile(RegistryEmitter.HintName, null, EquatableArray.Of(InternalError("generating the function registry", e, null))), ct))
            .WithTrackingName(TrackingNames.Registry);

        var used = parsed
            .SelectMany((file, _) => file.Flows.SelectMany(f => f.Nodes).Where(n => !n.CallsFlow && n.Arguments.Count > 0).Select(n => n.Function))
            .Collect()
            .Select((names, _) => new UsedFunctions(names.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(TrackingNames.UsedFunctions);

        var nodes = functions
            .Combine(used)
            .Combine(options)
            .Combine(facts)
            .Select((input, ct) =>
            {
                var (((model, names), opts), fact) = input;
                return Guard(() => NodesEmitter.Emit(model, names, opts, fact),
                    e => new EmittedFile(NodesEmitter.HintName, null, EquatableArray.Of(InternalError("generating the node classes", e, null))), ct);
            })
            .WithTrackingName(TrackingNames.Nodes);

        context.RegisterSourceOutput(emitted, Output);
        context.RegisterSourceOutput(nodes, Output);
        context.RegisterSourceOutput(registry, Output);
    }

    private static void Output(SourceProductionContext context, EmittedFile file)
    {
        foreach (var diagnostic in file.Diagnostics) context.ReportDiagnostic(diagnostic.ToDiagnostic());
        if (file.Source is null) return;
        try
        {
            context.AddSource(file.HintName, file.Source);
        }
        catch (ArgumentException e)
        {
            // A duplicate or invalid hint name: reported rather than failing the whole generator.
            context.ReportDiagnostic(InternalError("adding '" + file.HintName + "'", e, null).ToDiagnostic());
        }
    }

    private static CompilationFacts Facts(Compilation compilation, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var hasRuntime = FunctionReader.HasRuntime(compilation);
        INamespaceSymbol? ns = compilation.Assembly.GlobalNamespace;
        foreach (var segment in options.Namespace.Split('.'))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ns = ns?.GetNamespaceMembers().FirstOrDefault(n => n.Name == segment);
        }
        var taken = ns is null
            ? default
            : ns.GetTypeMembers().Select(t => t.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();
        return new CompilationFacts(hasRuntime, taken);
    }

    // Every step's work goes through here: an exception (other than cancellation) becomes the step's
    // failure value, which carries SYM0403, instead of reaching the compiler (CS8785, no output at all).
    private static T Guard<T>(Func<T> work, Func<Exception, T> failed, CancellationToken cancellationToken)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return failed(e);
        }
    }

    private static FunctionsModel Failed(Exception e) => new(
        FunctionCatalog.Empty, default, default, false,
        EquatableArray.Of(InternalError("reading the project's [SymFunction] methods", e, null)));

    private static FileModel Failed(string path, string task, Exception e) =>
        new(path, "", default, EquatableArray.Of(InternalError(task, e, FileStart(path))));

    private static LocationInfo FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);

    private static DiagnosticInfo InternalError(string task, Exception e, LocationInfo? location) =>
        new(GeneratorDescriptors.InternalError.Id,
            $"internal error in the SymbolicGen generator while {task}: {(e.GetType().Name + ": " + e.Message).Replace("\r", " ").Replace("\n", " ")}; please report it",
            location);
}
