using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;

namespace SymbolicGen.Cli.Drafting;

/// <summary>The messages of the three stages. Every refinement message is built afresh from the current draft.</summary>
internal static class Prompts
{
    private const string Basics = """
        You draft SymbolicGen flows. A flow is a typed dataflow graph: nodes apply functions from a catalog;
        links carry media (Text, Image, Mask, Audio, Video) from a node output or a flow input to a node input
        or a flow output, and a link must connect ports of the same media type (an Image never feeds a Video
        input directly: a function that makes Video from Image has to be in between). Parameters are not
        linked; they take values.

        Rules:
        - Use only the functions on the function cards, spelled exactly as there, and only their parameters.
        - Write each value as in a .sym file: a number with its unit glued (6s, 500ms, 2min, 24fps, 440Hz,
          -6dB, 512px, 50%), a plain number for a fraction or count (0.45, 3), an enum value as a bare word from
          the card's values (zoom_in), text in double quotes ("a caption").
        - Keep every value inside the card's range; min and max are in the card's unit.
        - Leave out parameters whose default suits the request.
        - Every flow input must be used, every required node input connected exactly once, and every flow
          output fed by exactly one link.
        - Answer with one JSON object that matches the requested schema, and nothing else.
        """;

    public static IReadOnlyList<ChatMessage> Components(string request, FlowSpec spec, IReadOnlyList<FunctionCard> cards) =>
    [
        new(ChatRole.System, Basics),
        new(ChatRole.User, $"""
            Request: {request}

            {Frame(spec)}

            Stage 1 of 2, components: choose the nodes (function applications) the flow needs and their parameter
            values. Do not write links yet; they come in stage 2. Include the functions that convert between media
            types where the inputs' types differ from the outputs'.

            Answer as {Shape("""{"name": "PascalCaseFlowName", "nodes": [{"name": "snake_case_node", "function": "FunctionName", "arguments": [{"name": "param", "value": "6s"}]}]}""")}

            Function cards:
            {FunctionCards.ToPromptJson(cards)}
            """),
    ];

    public static IReadOnlyList<ChatMessage> Topology(string request, FlowSpec spec, IReadOnlyList<PlanNode> nodes, FunctionCatalog catalog,
        IReadOnlyList<PlanLink> fixedLinks, IReadOnlyList<OpenTarget> open)
    {
        var sb = new StringBuilder();
        foreach (var node in nodes)
        {
            var f = catalog.Find(node.Function);
            var ports = f is null ? "" : $"  inputs: {string.Join(", ", f.Inputs.Select(i => $"{i.Name}: {i.Type}{(i.Optional ? " (optional)" : "")}"))}; outputs: {string.Join(", ", f.Outputs.Select(o => $"{o.Name}: {o.Type}"))}";
            sb.Append("- ").Append(node.Name).Append(" = ").Append(node.Function).Append(ports).Append('\n');
        }
        var fixedText = fixedLinks.Count == 0 ? "(none)" : string.Join("\n", fixedLinks.Select(l => $"- {l.From} -> {l.To}"));
        var openText = string.Join("\n", open.Select(o => $"- {o.Target} ({o.Type}): {(o.Candidates.Count == 0 ? "no source of this type in the draft" : "one of " + string.Join(", ", o.Candidates))}"));
        return
        [
            new(ChatRole.System, Basics),
            new(ChatRole.User, $"""
                Request: {request}

                {Frame(spec)}

                Nodes (from stage 1):
                {sb.ToString().TrimEnd()}

                Links already made because only one source fits (do not repeat them):
                {fixedText}

                Stage 2 of 2, topology: connect each of these, choosing the source that does what the request says:
                {openText}

                Answer as {Shape("""{"links": [{"from": "flow_input or node or node.port", "to": "node.port or flow_output"}]}""")}
                """),
        ];
    }

    public static IReadOnlyList<ChatMessage> Revision(string request, FlowSpec spec, IReadOnlyList<FunctionCard> cards, CheckedDraft draft,
        IReadOnlyList<PlanNode> nodes, IReadOnlyList<PlanLink> links, string? previousProblem)
    {
        var numbered = new StringBuilder();
        var lines = draft.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (i < lines.Length - 1 || lines[i].Length > 0) numbered.Append($"{i + 1,3} | {lines[i]}\n");
        var diagnostics = JsonSerializer.Serialize(Diagnostics(draft.Compilation), FunctionCards.Json);
        var problem = previousProblem is null ? "" : $"""

            Your previous answer could not be used: {previousProblem}. This time answer with JSON that matches the schema.

            """;
        return
        [
            new(ChatRole.System, Basics),
            new(ChatRole.User, $"""
                Request: {request}

                {Frame(spec)}

                The current draft, as the checker read it:
                {numbered.ToString().TrimEnd()}

                The same draft as JSON:
                {PlanJson.Write(nodes, links)}

                The checker's diagnostics for this draft:
                {diagnostics}
                {problem}
                Correct the draft so that it has no errors and still does what the request says. Answer with the
                whole corrected draft (all nodes and all links, including the links into the flow outputs) as
                {Shape("""{"nodes": [{"name": "...", "function": "...", "arguments": [{"name": "...", "value": "..."}]}], "links": [{"from": "...", "to": "..."}]}""")}

                Function cards:
                {FunctionCards.ToPromptJson(cards)}
                """),
        ];
    }

    public static ChatMessage Corrective(string problem) =>
        new(ChatRole.User, $"Your answer could not be used: {problem}. Answer again with only a JSON object that matches the schema.");

    /// <summary>The diagnostics as sent to the model: id, severity, message, line, column and the checker's suggestion.</summary>
    public static IReadOnlyList<object> Diagnostics(SymCompilation compilation) => compilation.Diagnostics.Select(d =>
    {
        var at = compilation.Lines.GetPosition(d.Start);
        return (object)new
        {
            id = d.Id,
            severity = d.Severity == Severity.Error ? "error" : "warning",
            message = d.Message,
            line = at.Line,
            column = at.Column,
            suggestion = d.Fixes.FirstOrDefault()?.Title,
        };
    }).ToList();

    private static string Frame(FlowSpec spec)
    {
        var inputs = spec.Inputs.Count == 0
            ? "none (the flow makes its output from nothing but parameters)"
            : string.Join(", ", spec.Inputs.Select(i => $"{i.Name}: {i.Type}{(i.Path is null ? "" : $" (from {Path.GetFileName(i.Path)})")}"));
        var outputs = string.Join(", ", spec.Outputs.Select(o => $"{o.Name}: {o.Type}{(o.Cue is null ? "" : $" (the request says \"{o.Cue}\")")}"));
        return $"""
            Flow inputs (fixed): {inputs}
            Flow outputs (fixed, inferred from the request): {outputs}
            """;
    }

    private static string Shape(string example) => "JSON of this shape: " + example;
}
