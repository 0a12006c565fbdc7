using System.Text.Json;

namespace SymbolicGen.Cli.Drafting;

/// <summary>A parameter value as the model wrote it (<c>6s</c>, <c>-6 dB</c>, <c>zoom_in</c>).</summary>
internal sealed record PlanArgument(string Name, string Value);

/// <summary>One function application: a node name, the function, its parameter values.</summary>
internal sealed record PlanNode(string Name, string Function, IReadOnlyList<PlanArgument> Arguments);

/// <summary>
/// An edge: <see cref="From"/> is a flow input, <c>node</c>, <c>node.port</c> or a quoted string;
/// <see cref="To"/> is <c>node.port</c> (or <c>node</c> when one input fits) or a flow output.
/// </summary>
internal sealed record PlanLink(string From, string To);

/// <summary>A draft in the form the model writes it: components (stage 1) and links (stage 2).</summary>
internal sealed record DraftPlan(string Name, IReadOnlyList<PlanNode> Nodes, IReadOnlyList<PlanLink> Links);

/// <summary>The model's answer did not have the shape the stage asked for.</summary>
internal sealed class PlanFormatException(string message) : Exception(message);

/// <summary>
/// The JSON schemas of the three stages' answers, and their reading. The schemas are sent as the
/// response format where the provider supports structured output; the reader checks the same rules
/// itself (required members, types), because not every server enforces them, and tolerates what is
/// harmless (a code fence around the JSON, a number where a string was asked, an object map of arguments).
/// </summary>
internal static class PlanJson
{
    private const string NodesSchema = """
        {
          "type": "array",
          "description": "The function applications of the flow",
          "items": {
            "type": "object",
            "properties": {
              "name": { "type": "string", "description": "snake_case name of the node, unique in the flow" },
              "function": { "type": "string", "description": "A function name from the cards, exactly as written there" },
              "arguments": {
                "type": "array",
                "description": "Parameter values; leave out parameters whose default is fine",
                "items": {
                  "type": "object",
                  "properties": {
                    "name": { "type": "string", "description": "A parameter name from the function's card" },
                    "value": { "type": "string", "description": "The value as written in a .sym file, with its unit: 6s, 24fps, -6dB, 0.45, zoom_in, \"text\"" }
                  },
                  "required": ["name", "value"],
                  "additionalProperties": false
                }
              }
            },
            "required": ["name", "function", "arguments"],
            "additionalProperties": false
          }
        }
        """;

    private const string LinksSchema = """
        {
          "type": "array",
          "description": "Data flows from an output to an input",
          "items": {
            "type": "object",
            "properties": {
              "from": { "type": "string", "description": "A flow input name, a node name (its only output) or node.port" },
              "to": { "type": "string", "description": "node.port of an input, or a flow output name" }
            },
            "required": ["from", "to"],
            "additionalProperties": false
          }
        }
        """;

    /// <summary>Stage 1: components.</summary>
    public static readonly JsonElement ComponentsSchema = Parse($$"""
        {
          "type": "object",
          "properties": {
            "name": { "type": "string", "description": "PascalCase name of the flow" },
            "nodes": {{NodesSchema}}
          },
          "required": ["name", "nodes"],
          "additionalProperties": false
        }
        """);

    /// <summary>Stage 2: links for the inputs and outputs left open.</summary>
    public static readonly JsonElement TopologySchema = Parse($$"""
        {
          "type": "object",
          "properties": { "links": {{LinksSchema}} },
          "required": ["links"],
          "additionalProperties": false
        }
        """);

    /// <summary>Stage 3: the whole corrected draft.</summary>
    public static readonly JsonElement RevisionSchema = Parse($$"""
        {
          "type": "object",
          "properties": { "nodes": {{NodesSchema}}, "links": {{LinksSchema}} },
          "required": ["nodes", "links"],
          "additionalProperties": false
        }
        """);

    public static (string Name, IReadOnlyList<PlanNode> Nodes) ReadComponents(string text)
    {
        var root = Root(text);
        return (RequiredString(root, "name", "the answer"), ReadNodes(Required(root, "nodes", "the answer")));
    }

    public static IReadOnlyList<PlanLink> ReadTopology(string text) => ReadLinks(Required(Root(text), "links", "the answer"));

    public static (IReadOnlyList<PlanNode> Nodes, IReadOnlyList<PlanLink> Links) ReadRevision(string text)
    {
        var root = Root(text);
        return (ReadNodes(Required(root, "nodes", "the answer")), ReadLinks(Required(root, "links", "the answer")));
    }

    /// <summary>The answer's JSON object; code fences and prose around it are dropped.</summary>
    public static JsonElement Root(string text)
    {
        var body = text.Trim();
        var start = body.IndexOf('{');
        var end = body.LastIndexOf('}');
        if (start < 0) throw new PlanFormatException(body.Length == 0 ? "the answer is empty" : "the answer holds no JSON object");
        body = end > start ? body[start..(end + 1)] : body[start..];
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new PlanFormatException("the answer is not a JSON object");
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            var truncated = end <= start || e.Message.Contains("end of", StringComparison.OrdinalIgnoreCase) ? "; it looks cut off" : "";
            throw new PlanFormatException($"the answer is not valid JSON{where}{truncated}");
        }
    }

    private static IReadOnlyList<PlanNode> ReadNodes(JsonElement nodes)
    {
        if (nodes.ValueKind != JsonValueKind.Array) throw new PlanFormatException("'nodes' must be an array");
        var result = new List<PlanNode>();
        var i = 0;
        foreach (var node in nodes.EnumerateArray())
        {
            var where = $"nodes[{i++}]";
            if (node.ValueKind != JsonValueKind.Object) throw new PlanFormatException($"{where} must be an object");
            var arguments = new List<PlanArgument>();
            if (node.TryGetProperty("arguments", out var args) || node.TryGetProperty("parameters", out args))
            {
                if (args.ValueKind == JsonValueKind.Array)
                {
                    var j = 0;
                    foreach (var a in args.EnumerateArray())
                    {
                        var at = $"{where}.arguments[{j++}]";
                        if (a.ValueKind != JsonValueKind.Object) throw new PlanFormatException($"{at} must be an object with 'name' and 'value'");
                        arguments.Add(new PlanArgument(RequiredString(a, "name", at), Scalar(Required(a, "value", at), at + ".value")));
                    }
                }
                else if (args.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in args.EnumerateObject()) arguments.Add(new PlanArgument(p.Name, Scalar(p.Value, $"{where}.arguments.{p.Name}")));
                }
                else if (args.ValueKind != JsonValueKind.Null) throw new PlanFormatException($"{where}.arguments must be an array");
            }
            else throw new PlanFormatException($"{where} has no 'arguments' (write [] for none)");
            result.Add(new PlanNode(RequiredString(node, "name", where), RequiredString(node, "function", where), arguments));
        }
        return result;
    }

    private static IReadOnlyList<PlanLink> ReadLinks(JsonElement links)
    {
        if (links.ValueKind != JsonValueKind.Array) throw new PlanFormatException("'links' must be an array");
        var result = new List<PlanLink>();
        var i = 0;
        foreach (var link in links.EnumerateArray())
        {
            var where = $"links[{i++}]";
            if (link.ValueKind != JsonValueKind.Object) throw new PlanFormatException($"{where} must be an object with 'from' and 'to'");
            result.Add(new PlanLink(RequiredString(link, "from", where), RequiredString(link, "to", where)));
        }
        return result;
    }

    private static JsonElement Required(JsonElement obj, string name, string where) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new PlanFormatException($"{where} has no '{name}'");

    private static string RequiredString(JsonElement obj, string name, string where)
    {
        var value = Required(obj, name, where);
        if (value.ValueKind != JsonValueKind.String) throw new PlanFormatException($"'{name}' of {where} must be a string");
        var text = value.GetString()!.Trim();
        return text.Length > 0 ? text : throw new PlanFormatException($"'{name}' of {where} is empty");
    }

    private static string Scalar(JsonElement value, string where) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())) + "]",
        _ => throw new PlanFormatException($"{where} must be a string"),
    };

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The plan as the revision schema writes it, to show the model its current draft.</summary>
    public static string Write(IReadOnlyList<PlanNode> nodes, IReadOnlyList<PlanLink> links)
    {
        var obj = new
        {
            nodes = nodes.Select(n => new { name = n.Name, function = n.Function, arguments = n.Arguments.Select(a => new { name = a.Name, value = a.Value }) }),
            links = links.Select(l => new { from = l.From, to = l.To }),
        };
        return JsonSerializer.Serialize(obj, FunctionCards.Json);
    }
}
