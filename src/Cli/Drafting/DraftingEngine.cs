using Microsoft.Extensions.AI;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Printing;

namespace SymbolicGen.Cli.Drafting;

/// <summary>What a draft request is: the words, the inputs, the outputs read from the words, the relevant cards.</summary>
internal sealed record DraftRequest(string Text, IReadOnlyList<DraftInput> Inputs, IReadOnlyList<RequestedOutput> Outputs, IReadOnlyList<RankedFunction> Relevant)
{
    public static DraftRequest Create(string text, IReadOnlyList<DraftInput> inputs, FunctionCatalog catalog)
    {
        var outputs = RequestWords.InferOutputs(text, inputs);
        return new DraftRequest(text, inputs, outputs, CardRetriever.Retrieve(catalog, text, inputs, outputs));
    }

    public FlowSpec Spec(string name) => new(name, Inputs, Outputs);
}

/// <summary>How a draft ended.</summary>
/// <param name="Draft">The best draft reached (fewest errors), or null when none was built.</param>
/// <param name="Failure">Why the draft is not valid, in one line; null when it is.</param>
/// <param name="ModelCalls">Model round trips, all stages.</param>
/// <param name="Rounds">Refinement rounds used (corrective answers to malformed output included).</param>
/// <param name="Fixes">Machine fixes applied, in order.</param>
/// <param name="Notes">What the planner or engine decided that the user should know.</param>
internal sealed record DraftOutcome(CheckedDraft? Draft, string? Failure, int ModelCalls, int Rounds, IReadOnlyList<string> Fixes, IReadOnlyList<string> Notes)
{
    public bool Valid => Failure is null && Draft is { Errors: 0 };

    /// <summary>The draft in <paramref name="style"/>; a draft with errors stays in the dataflow text the loop checked.</summary>
    public string Render(FunctionCatalog catalog, SyntaxStyle style) =>
        Draft is null ? "" : Draft.Errors > 0 ? Draft.Text : SymPrinter.Print(Draft.Compilation.File, catalog, style);
}

/// <summary>
/// The drafting engine of DESIGN §7, with the compiler as the judge. Stage 1 asks the model for
/// components (functions and parameter values) given the relevant function cards; stage 2 wires what
/// the port types decide and asks the model only for the rest; stage 3 checks with the real checker,
/// applies the machine fixes, and sends what remains — the diagnostics of the current draft, built
/// afresh every round — back to the model, for at most the given number of rounds. An answer that is
/// not the requested JSON costs a round and gets a corrective message.
/// </summary>
internal sealed class DraftingEngine(FunctionCatalog catalog, Transcript transcript)
{
    public async Task<DraftOutcome> DraftAsync(DraftRequest request, ModelSession model, int rounds, CancellationToken cancellationToken)
    {
        var fixes = new List<string>();
        var notes = new List<string>();
        var used = 0;
        var cards = request.Relevant.Select(r => FunctionCard.From(r.Function)).ToList();
        transcript.Write("retrieval", new { request = request.Text, inputs = request.Inputs.Select(i => $"{i.Name}: {i.Type}"), outputs = request.Outputs.Select(o => $"{o.Name}: {o.Type}"), cards = cards.Select(c => c.Name) });

        // Stage 1: components.
        var spec = request.Spec("Draft");
        IReadOnlyList<ChatMessage> messages = Prompts.Components(request.Text, spec, cards);
        (string Name, IReadOnlyList<PlanNode> Nodes) components;
        while (true)
        {
            var answer = "";
            try
            {
                answer = await model.AskAsync("components", used, messages, "components", PlanJson.ComponentsSchema, cancellationToken).ConfigureAwait(false);
                components = PlanJson.ReadComponents(answer);
                if (components.Nodes.Count == 0) throw new PlanFormatException("'nodes' is empty; the flow needs at least one function");
                break;
            }
            catch (PlanFormatException e)
            {
                if (used >= rounds) return Failed($"the model's answers never had the requested form ({e.Message}) after {Plural(rounds, "corrective round")}", null, model, used, fixes, notes);
                used++;
                messages = [.. messages, new ChatMessage(ChatRole.Assistant, answer), Prompts.Corrective(e.Message)];
            }
        }
        spec = request.Spec(PlanBuilder.Identifier(PlanBuilder.Pascal(components.Name), "Draft"));

        // Stage 2: topology — by type where only one source fits, by the model for the rest.
        var built = PlanBuilder.Build(new DraftPlan(spec.Name, components.Nodes, []), spec, catalog);
        if (built.Open.Count > 0)
        {
            messages = Prompts.Topology(request.Text, spec, components.Nodes, catalog, built.Links, built.Open);
            IReadOnlyList<PlanLink> links;
            while (true)
            {
                var answer = "";
                try
                {
                    answer = await model.AskAsync("topology", used, messages, "topology", PlanJson.TopologySchema, cancellationToken).ConfigureAwait(false);
                    links = PlanJson.ReadTopology(answer);
                    break;
                }
                catch (PlanFormatException e)
                {
                    if (used >= rounds) return Failed($"the model's answers never had the requested form ({e.Message}) after {Plural(rounds, "corrective round")}", null, model, used, fixes, notes);
                    used++;
                    messages = [.. messages, new ChatMessage(ChatRole.Assistant, answer), Prompts.Corrective(e.Message)];
                }
            }
            // The links fixed by type come first, so an answer cannot displace them.
            built = PlanBuilder.Build(new DraftPlan(spec.Name, components.Nodes, [.. built.Links, .. links]), spec, catalog);
        }

        // Stage 3: refinement.
        var draft = Check(built.Print(catalog), fixes, used);
        var best = draft;
        string? problem = null;
        while (draft.Errors > 0)
        {
            if (used >= rounds)
                return Failed($"the draft still has {Plural(best.Errors, "error")} after {Plural(rounds, "refinement round")}", best, model, used, fixes, notes);
            used++;
            var (nodes, links) = PlanBuilder.ToPlan(draft.Compilation.File.Flows[0]);
            var relevant = cards.Concat(UsedCards(draft, cards)).ToList();
            var revisionMessages = Prompts.Revision(request.Text, spec, relevant, draft, nodes, links, problem);
            var answer = "";
            try
            {
                answer = await model.AskAsync("refinement", used, revisionMessages, "revision", PlanJson.RevisionSchema, cancellationToken).ConfigureAwait(false);
                var revision = PlanJson.ReadRevision(answer);
                problem = null;
                built = PlanBuilder.Build(new DraftPlan(spec.Name, revision.Nodes, revision.Links), spec, catalog);
                draft = Check(built.Print(catalog), fixes, used);
                if (draft.Errors <= best.Errors) best = draft;
            }
            catch (PlanFormatException e)
            {
                problem = e.Message;
                transcript.Write("unusable-answer", new { round = used, problem });
            }
        }
        return new DraftOutcome(draft, null, model.Calls, used, fixes, notes);
    }

    /// <summary>Drafts without a model: the offline planner's plan, checked and machine-fixed.</summary>
    public DraftOutcome DraftOffline(DraftRequest request)
    {
        var fixes = new List<string>();
        var planned = OfflinePlanner.Plan(request, catalog);
        transcript.Write("planner", new { request = request.Text, outputs = request.Outputs.Select(o => $"{o.Name}: {o.Type}"), failure = planned.Failure, notes = planned.Notes });
        if (planned.Plan is null) return new DraftOutcome(null, planned.Failure, 0, 0, fixes, planned.Notes);
        var built = PlanBuilder.Build(planned.Plan, request.Spec(planned.Plan.Name), catalog);
        var draft = Check(built.Print(catalog), fixes, 0);
        var failure = draft.Errors > 0 ? $"the offline planner's draft has {Plural(draft.Errors, "error")}; a model can refine it (configure a provider)" : null;
        return new DraftOutcome(draft, failure, 0, 0, fixes, planned.Notes);
    }

    private CheckedDraft Check(string text, List<string> fixes, int round)
    {
        var draft = MachineFixer.Apply(text, catalog);
        fixes.AddRange(draft.Fixes);
        transcript.Write("check", new
        {
            round,
            machineFixes = draft.Fixes,
            errors = draft.Errors,
            diagnostics = Prompts.Diagnostics(draft.Compilation),
            text = draft.Text,
        });
        return draft;
    }

    // Cards for the functions the draft calls that retrieval did not bring, and the ones its diagnostics suggest.
    private IEnumerable<FunctionCard> UsedCards(CheckedDraft draft, IReadOnlyList<FunctionCard> have)
    {
        var names = draft.Compilation.File.Flows.SelectMany(f => f.Nodes).Select(n => n.Function)
            .Concat(draft.Compilation.Diagnostics.SelectMany(d => catalog.Functions.Where(f => d.Message.Contains($"'{f.Name}'", StringComparison.Ordinal)).Select(f => f.Name)))
            .Distinct(StringComparer.Ordinal);
        foreach (var name in names)
            if (have.All(c => c.Name != name) && catalog.Find(name) is { } f) yield return FunctionCard.From(f);
    }

    private static DraftOutcome Failed(string failure, CheckedDraft? draft, ModelSession model, int used, List<string> fixes, List<string> notes) =>
        new(draft, failure, model.Calls, used, fixes, notes);

    public static string Plural(int n, string one) => $"{n} {(n == 1 ? one : one.EndsWith("fix", StringComparison.Ordinal) ? one + "es" : one + "s")}";
}
