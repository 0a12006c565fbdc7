using System.CommandLine;
using System.Text.RegularExpressions;
using SymbolicGen.Cli.Drafting;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Cli.Commands;

/// <summary>
/// <c>symgen draft "&lt;request&gt;" [--in name=path …] [-o file.sym] [--syntax …] [--rounds N] [--trace file]
/// [--offline] [--provider …] [--endpoint URL] [--model M] [--api-key K] [--timeout S] [--force] [--functions …]</c>.
/// Exit codes: 0 a valid draft; 1 the draft still has errors or the request is beyond the planner;
/// 2 usage, I/O or provider failure (HTTP error, timeout, credentials).
/// </summary>
internal static partial class DraftCommand
{
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex InputName();

    /// <summary>Test seam: how the command reads environment variables.</summary>
    internal static Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var request = new Argument<string>("request") { Description = "What the flow should do, in words" };
        var inputs = new Option<string[]>("--in") { HelpName = "name=path", Description = "A flow input as name=path (its modality from the extension: png/jpg Image, wav/mp3 Audio, mp4/mov Video, txt Text) or name=PortType; repeatable" };
        var outputPath = new Option<string?>("--output", "-o") { HelpName = "file.sym", Description = "Write the draft to this .sym file (default: print it)" };
        var syntax = new Option<string>("--syntax") { Description = "Syntax of the draft", DefaultValueFactory = _ => "dataflow" };
        syntax.AcceptOnlyFromAmong("dataflow", "declarative", "natural");
        var rounds = new Option<int>("--rounds") { HelpName = "N", Description = "Most refinement rounds with the model", DefaultValueFactory = _ => 4 };
        var trace = new Option<string?>("--trace") { HelpName = "transcript.jsonl", Description = "Log every model request and answer to this JSON-lines file (API keys never appear)" };
        var offline = new Option<bool>("--offline") { Description = "Draft with the built-in planner, without a model" };
        var provider = new Option<string?>("--provider") { HelpName = "azure|openai|compatible", Description =
            "azure, openai or compatible (default: read off the endpoint). Each provider setting comes from its option, else SYMGEN_PROVIDER/SYMGEN_ENDPOINT/" +
            "SYMGEN_MODEL/SYMGEN_API_KEY, else AZURE_OPENAI_ENDPOINT/AZURE_OPENAI_API_KEY/AZURE_OPENAI_DEPLOYMENT or OPENAI_BASE_URL/OPENAI_API_KEY, " +
            "else ~/.config/symgen/config.json ($SYMGEN_CONFIG); with none, the offline planner drafts" };
        var endpoint = new Option<string?>("--endpoint") { HelpName = "URL", Description = "Azure OpenAI resource URL, or an OpenAI-compatible base URL such as http://localhost:11434/v1" };
        var model = new Option<string?>("--model") { HelpName = "name", Description = "Model name (the deployment name on Azure OpenAI)" };
        var apiKey = new Option<string?>("--api-key") { HelpName = "key", Description = "API key (prefer SYMGEN_API_KEY, AZURE_OPENAI_API_KEY or OPENAI_API_KEY)" };
        var timeout = new Option<int>("--timeout") { HelpName = "seconds", Description = "Seconds to wait for each model answer", DefaultValueFactory = _ => 120 };
        var force = new Option<bool>("--force") { Description = "Write the draft even when it still has errors" };
        var functions = CommonOptions.Functions();
        var command = new Command("draft",
            "Draft a .sym flow from a request in words with a model (Azure OpenAI, OpenAI, Ollama…) or offline; " +
            "exit 0 valid, 1 errors left or beyond the planner, 2 usage, I/O or provider failure")
        {
            request, inputs, outputPath, syntax, rounds, trace, offline, provider, endpoint, model, apiKey, timeout, force, functions,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(new Settings(
            parse.GetRequiredValue(request),
            parse.GetValue(inputs) ?? [],
            parse.GetValue(outputPath),
            parse.GetValue(syntax) ?? "dataflow",
            parse.GetValue(rounds),
            parse.GetValue(trace),
            parse.GetValue(offline),
            new ProviderOptions(parse.GetValue(provider), parse.GetValue(endpoint), parse.GetValue(model), parse.GetValue(apiKey)),
            parse.GetValue(timeout),
            parse.GetValue(force),
            parse.GetValue(functions) ?? []), output, error, cancellationToken));
        return command;
    }

    private sealed record Settings(
        string Request, string[] Inputs, string? Output, string Syntax, int Rounds, string? Trace, bool Offline,
        ProviderOptions Provider, int Timeout, bool Force, string[] Functions);

    private static async Task<int> RunAsync(Settings s, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(s.Request)) throw new CliException("the request is empty: say what the flow should do");
        if (s.Rounds is < 0 or > 20) throw new CliException("--rounds must be between 0 and 20");
        if (s.Timeout is < 1 or > 3600) throw new CliException("--timeout must be between 1 and 3600 seconds");
        var inputs = ParseInputs(s.Inputs);
        var provider = s.Offline ? null : ProviderConfig.Resolve(s.Provider, Environment);
        var catalog = CommonOptions.LoadCatalog(s.Functions, out var problems);
        foreach (var p in problems) error.WriteLine(p.ToCanonicalLine());
        var style = s.Syntax switch { "declarative" => SyntaxStyle.Declarative, "natural" => SyntaxStyle.Natural, _ => SyntaxStyle.Dataflow };

        using var transcript = s.Trace is null ? Transcript.None : Transcript.Open(s.Trace);
        transcript.AddSecret(provider?.ApiKey);
        transcript.AddSecret(s.Provider.ApiKey);
        var request = DraftRequest.Create(s.Request.Trim(), inputs, catalog);
        error.WriteLine($"symgen: inputs: {(inputs.Count == 0 ? "none" : string.Join(", ", inputs.Select(i => $"{i.Name}: {i.Type}")))}; " +
                        $"outputs: {(request.Outputs.Count == 0 ? "none recognised" : string.Join(", ", request.Outputs.Select(o => $"{o.Name}: {o.Type}{(o.Cue is null ? "" : $" (\"{o.Cue}\")")}")))}");
        if (request.Outputs.Count == 0)
        {
            error.WriteLine("symgen: error: cannot tell what the request should produce: say what comes out (a video, a poster, a picture, audio…)");
            return SymgenApp.HasErrors;
        }

        var engine = new DraftingEngine(catalog, transcript);
        DraftOutcome outcome;
        if (provider is null)
        {
            error.WriteLine(s.Offline ? "symgen: drafting offline" : "symgen: no model provider configured (see symgen draft --help): drafting offline");
            try
            {
                outcome = engine.DraftOffline(request);
            }
            catch (Exception e) when (e is not CliException)
            {
                return InternalError(e, transcript, error);
            }
        }
        else
        {
            error.WriteLine($"symgen: drafting with {provider.Describe()}");
            var retry = RetrySettings.Default with { Timeout = TimeSpan.FromSeconds(s.Timeout) };
            var session = new ModelSession(ChatClientFactory.Create(provider, retry, transcript, line => error.WriteLine("symgen: " + line)), provider.Describe(), transcript);
            try
            {
                outcome = await engine.DraftAsync(request, session, s.Rounds, cancellationToken).ConfigureAwait(false);
            }
            catch (ProviderException e)
            {
                transcript.Write("result", new { valid = false, failure = e.Message, modelCalls = session.Calls });
                error.WriteLine($"symgen: error: {e.Message}");
                return SymgenApp.UsageOrIoError;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                transcript.Write("result", new { valid = false, failure = "cancelled", modelCalls = session.Calls });
                error.WriteLine("symgen: error: cancelled; nothing written");
                return SymgenApp.UsageOrIoError;
            }
            catch (Exception e) when (e is not CliException)
            {
                return InternalError(e, transcript, error);
            }
        }

        foreach (var note in outcome.Notes) error.WriteLine($"symgen: note: {note}");
        var fileName = s.Output ?? "draft.sym";
        if (outcome.Draft is { } draft)
            foreach (var d in draft.Compilation.Diagnostics)
                error.WriteLine(FileDiagnostic.Locate(fileName, d, draft.Compilation.Lines).ToCanonicalLine());
        var summary = $"{DraftingEngine.Plural(outcome.ModelCalls, "model call")}, {DraftingEngine.Plural(outcome.Rounds, "refinement round")}, " +
                      $"{DraftingEngine.Plural(outcome.Fixes.Count, "machine fix")}{(outcome.Fixes.Count == 0 ? "" : " (" + string.Join("; ", outcome.Fixes) + ")")}";
        transcript.Write("result", new { valid = outcome.Valid, failure = outcome.Failure, modelCalls = outcome.ModelCalls, rounds = outcome.Rounds, machineFixes = outcome.Fixes });

        if (!outcome.Valid)
        {
            var text = outcome.Render(catalog, style);
            if (s.Force && outcome.Draft is not null)
            {
                Emit(text, s.Output, output, error);
                error.WriteLine($"symgen: error: {outcome.Failure ?? "the draft has errors"}; written anyway (--force) — {summary}");
            }
            else
            {
                var written = outcome.Draft is null ? "" : "; nothing written (--force writes it anyway)";
                error.WriteLine($"symgen: error: {outcome.Failure ?? "the draft has errors"}{written}");
            }
            return SymgenApp.HasErrors;
        }

        var file = outcome.Draft!.Compilation.File;
        var flow = file.Flows[0] with { Comments = EquatableArray.Of("Drafted by symgen from: " + request.Text) };
        var final = SymbolicGen.Language.Printing.SymPrinter.Print(file with { Flows = EquatableArray.Of(flow) }, catalog, style);
        Emit(final, s.Output, output, error);
        error.WriteLine($"symgen: drafted {flow.Name}: {summary}");
        return SymgenApp.Success;
    }

    // A bug in symgen, not in the request: one line, logged in full to the transcript.
    private static int InternalError(Exception e, Transcript transcript, TextWriter error)
    {
        transcript.Write("internal-error", new { type = e.GetType().FullName, message = e.Message, stack = e.StackTrace });
        error.WriteLine($"symgen: error: internal error while drafting ({e.GetType().Name}: {transcript.Scrub(e.Message)}); please report it with the --trace transcript");
        return SymgenApp.UsageOrIoError;
    }

    private static void Emit(string text, string? path, TextWriter output, TextWriter error)
    {
        if (path is null)
        {
            output.Write(text);
            return;
        }
        SymFiles.Write(path, text);
        error.WriteLine($"symgen: wrote {path}");
    }

    private static IReadOnlyList<DraftInput> ParseInputs(IEnumerable<string> specs)
    {
        var result = new List<DraftInput>();
        foreach (var spec in specs)
        {
            var eq = spec.IndexOf('=');
            if (eq <= 0 || eq == spec.Length - 1) throw new CliException($"--in '{spec}' is not name=path");
            var name = spec[..eq].Trim();
            var value = spec[(eq + 1)..].Trim();
            if (!InputName().IsMatch(name)) throw new CliException($"--in '{spec}': '{name}' is not a valid input name (letters, digits, _)");
            if (result.Any(i => i.Name == name)) throw new CliException($"--in '{name}' is given twice");
            var modality = PortType.MediaTypes.FirstOrDefault(t => t.Name.Equals(value, StringComparison.OrdinalIgnoreCase)) ?? SymbolicGen.Cli.Run.MediaFiles.ModalityOf(value);
            if (modality is null)
                throw new CliException($"--in '{spec}': cannot tell the modality of '{value}' from its extension (png/jpg: Image, wav/mp3: Audio, mp4/mov: Video, txt: Text); write {name}=Image to say it");
            result.Add(new DraftInput(name, modality, modality.Name.Equals(value, StringComparison.OrdinalIgnoreCase) ? null : value));
        }
        return result;
    }
}
