using System.CommandLine;
using SymbolicGen.Cli.Run;
using SymbolicGen.Language;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Semantics;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Cli.Commands;

/// <summary><c>symgen run &lt;file&gt; [--flow Name] [--in name=path…] [--set node.param=value…] [--out dir] [--cache dir]</c></summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<FunctionRegistry> registry)
    {
        var file = new Argument<string>("file") { Description = "The .sym file to run" };
        var flow = new Option<string?>("--flow") { Description = "The flow to run (needed when the file has several)" };
        var inputs = new Option<string[]>("--in") { Description = "A flow input: name=path (png/jpg, wav/mp3/flac/ogg/opus/m4a/aac/aiff, mp4/mov/mkv/webm, txt); repeatable. An input not given is taken from assets/<name>.<ext> beside the .sym file when there is one" };
        var sets = new Option<string[]>("--set") { Description = "Override a parameter for this run: node.param=value or flowparam=value; repeatable" };
        var outDir = new Option<string>("--out") { Description = "Folder for the outputs", DefaultValueFactory = _ => "out" };
        var cache = new Option<string?>("--cache") { Description = "Cache folder: a re-run recomputes only what changed, an interrupted run resumes" };
        var parallel = new Option<int>("--parallel") { Description = "Nodes run at once (default: the number of cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("run", "Run a flow on real media and write its outputs") { file, flow, inputs, sets, outDir, cache, parallel };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(file), parse.GetValue(flow), parse.GetValue(inputs) ?? [], parse.GetValue(sets) ?? [],
            parse.GetValue(outDir)!, parse.GetValue(cache), parse.GetValue(parallel), registry(), output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string path, string? flowName, string[] inputArgs, string[] setArgs, string outDir, string? cacheDir, int parallel,
        FunctionRegistry registry, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (parallel < 1) throw new CliException("--parallel must be at least 1");
        var catalog = registry.ToCatalog();
        var original = SymCompiler.Compile(SymFiles.Read(path), catalog);
        var errors = original.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (errors.Count > 0)
        {
            foreach (var d in errors) error.WriteLine(FileDiagnostic.Locate(path, d, original.Lines).ToCanonicalLine());
            error.WriteLine($"symgen: error: '{path}' has errors; fix them before running it");
            return SymgenApp.HasErrors;
        }

        var flows = original.File.Flows;
        if (flowName is null && flows.Count > 1)
            throw new CliException($"'{path}' has {flows.Count} flows ({string.Join(", ", flows.Select(f => $"'{f.Name}'"))}); choose one with --flow");
        var flow = (flowName is null ? flows.FirstOrDefault() : flows.FirstOrDefault(f => f.Name == flowName))
            ?? throw new CliException(flowName is null ? $"'{path}' has no flow" : $"'{path}' has no flow '{flowName}'");

        SymCompilation compilation;
        try
        {
            compilation = ParameterOverrides.Apply(original, flow, catalog, setArgs.Select(ParameterOverride.Parse).ToList(), error);
        }
        catch (OverrideRejectedException)
        {
            return SymgenApp.HasErrors;
        }
        // Errors name lines of the user's file, also when overrides made the executor run a reprinted copy.
        var lines = original.File.Flows.SelectMany(f => f.Nodes.Select(n => (f.Name, n.Name, Line: original.Lines.GetPosition(n.Span.Start).Line)))
            .ToDictionary(x => (x.Item1, x.Item2), x => x.Line);
        var flowSet = new FlowSet(compilation.File.Flows, path, (f, n) => lines.TryGetValue((f.Name, n.Name), out var line) ? line : null);

        var given = inputArgs.Select(ParseInput).ToList();
        foreach (var (name, _) in given.Where(g => flow.Inputs.All(i => i.Name != g.Name)))
        {
            var suggestion = Suggestions.Closest(name, flow.Inputs.Select(i => i.Name)) is [var best] ? $"; did you mean '{best}'?" : "";
            throw new CliException($"flow '{flow.Name}' has no input '{name}'{suggestion}");
        }
        foreach (var input in flow.Inputs.Where(i => given.All(g => g.Name != i.Name)))
        {
            // An input not given is looked for beside the flow, as assets/<name>.<ext> (the samples' convention).
            var asset = MediaFiles.FindAsset(Path.GetDirectoryName(Path.GetFullPath(path))!, input.Name, input.Type);
            if (asset is null) continue;
            error.WriteLine($"using {Path.GetRelativePath(Environment.CurrentDirectory, asset)} for '{input.Name}'");
            given.Add((input.Name, asset));
        }
        var missing = flow.Inputs.Where(i => given.All(g => g.Name != i.Name)).ToList();
        if (missing.Count > 0)
            throw new CliException($"flow '{flow.Name}' needs {string.Join(", ", missing.Select(i => $"--in {i.Name}=<{i.Type.ToString().ToLowerInvariant()} file>"))}");

        var values = new List<object>();
        try
        {
            var arguments = new FlowArguments();
            foreach (var input in flow.Inputs)
            {
                var file = given.First(g => g.Name == input.Name).Path;
                var value = await MediaFiles.ReadAsync(file, input.Type, cancellationToken);
                values.Add(value);
                arguments.Input(input.Name, value, MediaFiles.Hash(file));
            }

            var options = new RunOptions
            {
                MaxDegreeOfParallelism = parallel,
                CancellationToken = cancellationToken,
                CacheDirectory = cacheDir,
                Observer = new ProgressDisplay(error, flow.Nodes.Count, live: !Console.IsErrorRedirected && ReferenceEquals(error, Console.Error)),
            };
            using var executor = new FlowExecutor(registry);
            await using var result = await executor.RunAsync(flowSet, flow.Name, arguments, options);
            foreach (var name in result.Names)
            {
                var (written, description) = await MediaFiles.WriteAsync(outDir, name, result[name], cancellationToken);
                output.WriteLine($"wrote {written} ({description})");
            }
            var stats = result.Statistics;
            output.WriteLine($"{flow.Name}: {stats.Computed} computed, {stats.Cached} from cache, {stats.Skipped} not needed");
            return SymgenApp.Success;
        }
        catch (FlowExecutionException e)
        {
            error.WriteLine($"symgen: error: {e.Message}");
            return SymgenApp.HasErrors;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("symgen: cancelled");
            return SymgenApp.HasErrors;
        }
        finally
        {
            foreach (var value in values) (value as IDisposable)?.Dispose();
        }
    }

    private static (string Name, string Path) ParseInput(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0 || equals == text.Length - 1) throw new CliException($"--in {text}: expected name=path");
        return (text[..equals].Trim(), text[(equals + 1)..].Trim());
    }
}
