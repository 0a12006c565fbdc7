using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Cli.Drafting;

/// <summary>The offline planner's plan, or why there is none, and what it decided on the way.</summary>
internal sealed record PlannerResult(DraftPlan? Plan, string? Failure, IReadOnlyList<string> Notes);

/// <summary>
/// Drafts without a model, from the catalog alone. The values at hand are the flow's inputs, quoted text
/// in the request, and the outputs of the generators the request names (Birdsong for "birdsong"). Values
/// of one modality are combined by a merging function (two Images → ImageBlend, two Audio → AudioMix);
/// the functions the request names that keep a modality (filters) are applied; each requested output is
/// taken from a value of its modality or reached by the shortest chain of conversions (breadth-first
/// over functions by modality, preferring named functions); what is left over is attached to an output
/// by a joining function (Video + Audio → AddAudio). Numbers with units in the request ("6 seconds",
/// "24 fps", "-6 dB") go to the parameters of their unit's kind that accept them, chosen by the words
/// around them when several could; enum values named in the request ("zoom in") are set. A request that
/// needs something the catalog has no function for ends with that capability named.
/// </summary>
internal static class OfflinePlanner
{
    private static readonly HashSet<string> NonIntent = new(StringComparer.Ordinal)
    {
        "to", "from", "and", "image", "images", "video", "videos", "audio", "text", "mask", "still", "track", "tracks", "photo", "picture", "with", "into",
    };

    // Words of summaries that describe rather than name what a function does ("Add reverb", "Play a video backwards",
    // "Fade audio in at the start"): a request using them ("add birdsong", "at the end") names no function by them.
    private static readonly HashSet<string> SummaryNoise = new(StringComparer.Ordinal)
    {
        "add", "put", "play", "take", "change", "convert", "cut", "start", "end", "after", "another", "level", "number", "times",
        "length", "duration", "rate", "frame", "frames", "sample", "filter", "synthesise", "render", "double", "through", "towards",
        "area", "areas", "stretch", "edge", "aware", "fill", "canvas", "size", "factor", "rectangle", "border", "around", "reference",
    };

    public static PlannerResult Plan(DraftRequest request, FunctionCatalog catalog)
    {
        var notes = new List<string>();
        if (request.Outputs.Count == 0)
            return Fail("cannot tell what the request should produce: say what comes out (a video, a poster, a picture, audio…) or give an input with --in");

        var words = RequestWords.Words(request.Text);
        var nameWords = catalog.Functions.ToDictionary(f => f.Name, f => RequestWords.SplitName(f.Name).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var mentions = catalog.Functions.ToDictionary(f => f.Name, f => MentionPosition(f, words, nameWords), StringComparer.Ordinal);
        bool Mentioned(FunctionInfo f) => mentions[f.Name] >= 0;
        IEnumerable<FunctionInfo> ByMention(IEnumerable<FunctionInfo> fs) => fs.Where(Mentioned).OrderBy(f => mentions[f.Name]);
        var preferred = catalog.Functions.Where(Mentioned).OrderBy(f => mentions[f.Name]).Select(f => f.Name).ToList();
        var wanted = request.Outputs.Select(o => o.Type).ToHashSet();

        var state = new State(catalog, request);
        foreach (var input in request.Inputs) state.Values.Add(new PoolValue(input.Name, input.Type, null));
        foreach (var quoted in RequestQuantities.QuotedText(request.Text))
            state.Values.Add(new PoolValue(ValueText.Format(new StringValue(quoted)), PortType.Text, null) { Constant = true });

        // 1. Generators the request names, when what they make can reach an output.
        foreach (var generator in ByMention(catalog.Functions.Where(IsGenerator)))
        {
            var made = generator.Outputs[0].Type;
            if (wanted.Contains(made) || wanted.Any(m => FindJoin(catalog, m, made, preferred) is not null) ||
                wanted.Any(m => ModalitySearch.ShortestChain(catalog, [made], m) is not null))
                state.Apply(generator, []);
        }

        // 2. Merges: values of one modality combined pairwise, oldest first. Values whose merge the request does not
        // name, headed for an output of another modality whose merge it does name or that is a sequence ("a slideshow
        // of these two photos", "crossfade"), are converted first and merged there (ImageToVideo each, then Concat).
        for (var merged = new HashSet<PortType>(); state.Values.Where(v => !v.Constant).Select(v => v.Type).FirstOrDefault(m => !merged.Contains(m) && state.Unused(m).Count >= 2) is { } modality && state.Unused(modality).Count >= 2;)
        {
            merged.Add(modality);
            if (FindMerge(catalog, modality, preferred) is { } own && !preferred.Contains(own.Name))
            {
                var onward = wanted.Where(w => w != modality && FindMerge(catalog, w, preferred) is { } m && (preferred.Contains(m.Name) || request.Outputs.Any(o => o.Type == w && o.Cue is "slideshow")))
                    .Select(w => ModalitySearch.ShortestChain(catalog, [modality], w, preferred)).FirstOrDefault(c => c is { Count: 1 });
                if (onward is not null)
                {
                    foreach (var value in state.Unused(modality))
                        state.Apply(onward[0], [(onward[0].Inputs.First(i => !i.Optional).Name, value)]);
                    continue;
                }
            }
            while (state.Unused(modality).Count >= 2 && FindMerge(catalog, modality, preferred) is { } merge)
            {
                var pair = state.Unused(modality).Take(2).ToList();
                var ports = merge.Inputs.Where(i => !i.Optional).ToList();
                state.Apply(merge, [(ports[0].Name, pair[0]), (ports[1].Name, pair[1])]);
            }
        }

        // 3. Filters the request names (one input, same modality out), in the order named.
        foreach (var filter in ByMention(catalog.Functions.Where(f => ModalitySearch.IsConverter(f) && f.Outputs.Count == 1 &&
                                                                      f.Inputs.First(i => !i.Optional).Type == f.Outputs[0].Type)))
        {
            var modality = filter.Outputs[0].Type;
            // "loop this music under the video": what the word acts on is Audio, so it is not the video filter Loop.
            if (ObjectModality(words, mentions[filter.Name], request.Inputs) is { } acted && acted != modality) continue;
            var value = state.Unused(modality).LastOrDefault() ?? state.Values.LastOrDefault(v => v.Type == modality && !v.Constant);
            if (value is null) continue;
            state.Apply(filter, [(filter.Inputs.First(i => !i.Optional).Name, value)]);
        }

        // 4. Each output from a value of its modality, or by the shortest chain of conversions.
        var targets = new Dictionary<string, PoolValue>(StringComparer.Ordinal);
        foreach (var output in request.Outputs)
        {
            var value = state.Unused(output.Type).LastOrDefault();
            if (value is null)
            {
                foreach (var sources in new[] { state.Values.Where(v => !v.Used && !v.Constant).ToList(), state.Values.Where(v => !v.Constant).ToList(), state.Values.ToList() })
                {
                    var chain = sources.Count == 0 ? null : ModalitySearch.ShortestChain(catalog, sources.Select(v => v.Type), output.Type, preferred);
                    if (chain is null) continue;
                    var from = chain.Count == 0
                        ? sources.Last(v => v.Type == output.Type)
                        : sources.Last(v => v.Type == chain[0].Inputs.First(i => !i.Optional).Type);
                    value = from;
                    foreach (var step in chain) value = state.Apply(step, [(step.Inputs.First(i => !i.Optional).Name, value)]);
                    break;
                }
            }
            if (value is null)
            {
                var generators = catalog.Functions.Where(f => IsGenerator(f) && f.Outputs[0].Type == output.Type).ToList();
                if (generators.Count == 1)
                {
                    value = state.Apply(generators[0], []);
                    notes.Add($"used {generators[0].Name}, the only function that makes {output.Type} from nothing");
                }
                else if (generators.Count > 1 && state.Values.Count == 0)
                    return Fail($"the request does not say which of {string.Join(", ", generators.Select(g => g.Name))} should make the {output.Type} for '{output.Name}'");
            }
            if (value is null)
            {
                var have = state.Values.Where(v => !v.Constant).Select(v => v.Type).Distinct().ToList();
                return Fail(have.Count == 0
                    ? $"beyond the offline planner: no function in the catalog makes {output.Type} (for output '{output.Name}') from nothing the request names; give an input with --in or configure a model"
                    : $"beyond the offline planner: no function in the catalog makes {output.Type} (for output '{output.Name}') from {string.Join(" or ", have)}");
            }
            value.Used = true;
            targets[output.Name] = value;
        }

        // 5. Joins: what is left over goes into an output of another modality (Audio under a Video, quoted text onto
        // an Image), directly or through a conversion the request names ("speak \"…\" over the slideshow": Speech, then AddAudio).
        foreach (var left in state.Values.Where(v => !v.Used).ToList())
        {
            foreach (var output in request.Outputs)
            {
                var leftover = left;
                var target = targets[output.Name];
                var join = FindJoin(catalog, target.Type, leftover.Type, preferred);
                if (join is null)
                {
                    var step = ByMention(catalog.Functions.Where(f => ModalitySearch.IsConverter(f) && f.Outputs.Count == 1 &&
                                                                      f.Inputs.First(i => !i.Optional).Type == leftover.Type &&
                                                                      FindJoin(catalog, target.Type, f.Outputs[0].Type, preferred) is not null)).FirstOrDefault();
                    if (step is null) continue;
                    leftover = state.Apply(step, [(step.Inputs.First(i => !i.Optional).Name, leftover)]);
                    join = FindJoin(catalog, target.Type, leftover.Type, preferred)!;
                }
                var ports = join.Inputs.Where(i => !i.Optional).ToList();
                var main = ports.First(p => p.Type == target.Type);
                var other = ports.First(p => p != main);
                var joined = state.Apply(join, [(main.Name, target), (other.Name, leftover)]);
                joined.Used = true;
                targets[output.Name] = joined;
                break;
            }
        }
        foreach (var leftover in state.Values.Where(v => !v.Used && !v.Constant).ToList())
        {
            if (leftover.Node is { } node && request.Inputs.All(i => i.Name != leftover.Ref))
            {
                state.Remove(node);
                notes.Add($"left out {node.Function.Name}: nothing in the catalog brings its {leftover.Type} into the outputs");
            }
            else notes.Add($"input '{leftover.Ref}' is not used: nothing in the catalog brings {leftover.Type} into the requested outputs");
        }
        foreach (var f in ByMention(catalog.Functions).Where(f => state.Nodes.All(n => n.Function != f)))
            if (mentions[f.Name] >= 0 && RequestWords.SplitName(f.Name).Any(w => words.Contains(w) && !NonIntent.Contains(w)))
                notes.Add($"the request names {f.Name}, but the plan has no place for it");

        // 6. Parameters from the request, outputs named after the nodes that feed them.
        AssignQuantities(state, RequestQuantities.Extract(request.Text), notes);
        AssignEnums(state, words);
        foreach (var output in request.Outputs)
            if (targets[output.Name].Node is { } node && !request.Outputs.Any(o => o.Name == node.Name))
                state.Rename(node, output.Name);
        var missing = state.Nodes.SelectMany(n => n.Function.Parameters.Where(p => p.Required && !n.Arguments.ContainsKey(p.Name)).Select(p => $"'{p.Name}' of {n.Function.Name}")).ToList();
        if (missing.Count > 0) return Fail($"the request does not give {string.Join(", ", missing)}, which have no default");

        var plan = new DraftPlan(FlowName(request.Text), state.Nodes.Select(n => new PlanNode(n.Name, n.Function.Name,
            n.Arguments.Select(a => new PlanArgument(a.Key, a.Value.Literal)).ToList())).ToList(),
            state.AllLinks().Concat(request.Outputs.Select(o => new PlanLink(State.LinkSource(targets[o.Name]), o.Name))).ToList());
        return new PlannerResult(plan, null, notes);

        PlannerResult Fail(string failure) => new(null, failure, notes);
    }

    /// <summary>No required input, one output, no required parameter.</summary>
    private static bool IsGenerator(FunctionInfo f) => f.Inputs.All(i => i.Optional) && f.Outputs.Count >= 1 && f.Parameters.All(p => !p.Required);

    // Two required inputs of one modality, and that modality out (ImageBlend, AudioMix).
    private static FunctionInfo? FindMerge(FunctionCatalog catalog, PortType m, IReadOnlyList<string> preferred) =>
        Prefer(catalog.Functions.Where(f => f.Inputs.Count(i => !i.Optional) == 2 && f.Inputs.Where(i => !i.Optional).All(i => i.Type == m) &&
                                            f.Outputs.Count == 1 && f.Outputs[0].Type == m && f.Parameters.All(p => !p.Required)), preferred);

    // Two required inputs, one of the target's modality and one of the other's, the target's modality out (AddAudio).
    private static FunctionInfo? FindJoin(FunctionCatalog catalog, PortType target, PortType other, IReadOnlyList<string> preferred) =>
        target == other ? null : Prefer(catalog.Functions.Where(f =>
            f.Inputs.Count(i => !i.Optional) == 2 && f.Outputs.Count == 1 && f.Outputs[0].Type == target && f.Parameters.All(p => !p.Required) &&
            f.Inputs.Where(i => !i.Optional).Select(i => i.Type).OrderBy(x => x).SequenceEqual(new[] { target, other }.OrderBy(x => x))), preferred);

    private static FunctionInfo? Prefer(IEnumerable<FunctionInfo> candidates, IReadOnlyList<string> preferred) =>
        candidates.OrderBy(f => preferred.Contains(f.Name) ? preferred.ToList().IndexOf(f.Name) : int.MaxValue).FirstOrDefault();

    // Where the request first names the function (by a word of its name or summary), or -1. A summary word
    // that is another function's name word names that function only ("loop" is Loop, not FitDuration's "Loop, pad or trim").
    private static int MentionPosition(FunctionInfo f, IReadOnlyList<string> words, IReadOnlyDictionary<string, HashSet<string>> nameWords)
    {
        var summary = RequestWords.Keywords(f.Summary ?? "")
            .Where(t => !SummaryNoise.Contains(t) && !nameWords.Any(n => n.Key != f.Name && n.Value.Contains(t)));
        // In a longer name a modality word is a noun, not the name: "ambience" does not name WaterAmbience, nor "frame" ExtractFrame.
        var name = nameWords[f.Name].Where(t => nameWords[f.Name].Count == 1 || !RequestWords.ModalityWords.ContainsKey(t));
        var tokens = name.Concat(summary)
            .Where(t => !NonIntent.Contains(t) && t.Length > 2).ToList();
        for (var i = 0; i < words.Count; i++)
            if (!NonIntent.Contains(words[i]) && tokens.Any(t => RequestWords.Matches(words[i], t))) return i;
        return -1;
    }

    // The modality of what the word at the position acts on: the next word, past determiners, when it names an input or a modality.
    private static PortType? ObjectModality(IReadOnlyList<string> words, int position, IReadOnlyList<DraftInput> inputs)
    {
        var next = position + 1;
        while (next < words.Count && words[next] is "this" or "these" or "the" or "my" or "our" or "that" or "those" or "both" or "two") next++;
        if (next >= words.Count) return null;
        if (inputs.FirstOrDefault(i => i.Name.Equals(words[next], StringComparison.OrdinalIgnoreCase)) is { } input) return input.Type;
        var word = words[next].Length > 3 && words[next].EndsWith('s') && RequestWords.ModalityWords.ContainsKey(words[next][..^1]) ? words[next][..^1] : words[next];
        return RequestWords.ModalityWords.TryGetValue(word, out var m) ? m : null;
    }

    private static void AssignQuantities(State state, IReadOnlyList<RequestQuantity> quantities, List<string> notes)
    {
        var scores = new Dictionary<(PlanNodeState, string), int>();
        foreach (var q in quantities)
        {
            // A count has no unit: its number is its value.
            var unit = q.Unit.Length == 0 ? null : Units.FromSymbol(q.Unit)!;
            var candidates = new List<(PlanNodeState Node, ParameterInfo Parameter, int Score)>();
            var outOfRange = new List<string>();
            foreach (var node in state.Nodes)
            {
                foreach (var p in node.Function.Parameters.Where(p => p.Type == q.Kind))
                {
                    var fps = node.Arguments.TryGetValue("fps", out var f) && f.Canonical is { } given ? given
                        : node.Function.FindParameter("fps")?.Default is NumberValue n ? n.Number : (double?)null;
                    if ((unit is null ? q.Number : Units.ToCanonical(q.Number, unit, fps)) is not { } canonical) continue;
                    // The parameter's domain decides, with the checker's words for why not.
                    if (ParameterValues.CheckRange(new NumberValue(canonical), p, node.Function.Name) is { } rejected)
                    {
                        outOfRange.Add(rejected.Message);
                        continue;
                    }
                    candidates.Add((node, p, ContextScore(q.Context, node, p)));
                }
            }
            if (candidates.Count == 0)
            {
                notes.Add(outOfRange.Count > 0
                    ? $"ignored '{q.Written}': {outOfRange[0]}"
                    : $"ignored '{q.Written}': no function in the plan has a {q.Kind} parameter");
                continue;
            }
            var best = candidates.Max(c => c.Score);
            var chosen = candidates.Where(c => c.Score == best).ToList();
            // Without words to go by, a duration, frame rate or sample rate applies everywhere; a gain or a fraction only where it is the only one.
            if (best == 0 && chosen.Count > 1 && q.Kind is not (ParamType.Duration or ParamType.FrameRate or ParamType.Frequency or ParamType.Length or ParamType.Size))
            {
                notes.Add($"ignored '{q.Written}': it could be {string.Join(" or ", chosen.Select(c => $"'{c.Parameter.Name}' of {c.Node.Function.Name}"))}");
                continue;
            }
            foreach (var (node, p, score) in chosen)
            {
                if (scores.TryGetValue((node, p.Name), out var had) && had >= score) continue;
                scores[(node, p.Name)] = score;
                node.Arguments[p.Name] = new ArgumentText(q.Literal, unit is null ? q.Number : Units.ToCanonical(q.Number, unit, null));
            }
        }
        // One length for the piece ("a 12 second clip … with birdsong") is also the length of the sounds and
        // pictures made for it, unless the request gives them their own.
        var durations = state.Nodes.SelectMany(n => n.Function.Parameters.Where(p => p.Type == ParamType.Duration && n.Arguments.ContainsKey(p.Name))
            .Select(p => n.Arguments[p.Name])).Distinct().ToList();
        if (durations.Count != 1) return;
        foreach (var node in state.Nodes.Where(n => IsGenerator(n.Function)))
            foreach (var p in node.Function.Parameters.Where(p => p.Type == ParamType.Duration && !node.Arguments.ContainsKey(p.Name)))
                if (durations[0].Canonical is { } c && p.Domain.Contains(Numeric.Of(c)))
                    node.Arguments[p.Name] = durations[0];
    }

    // How many of the words around a quantity point at this parameter: its own name and summary, its
    // function's name, the modality its node makes ("clip" for a Video), and what feeds the input the
    // parameter names ("gain_b"/"Gain applied to b" and a water sound on input b, for "water at -6 dB").
    private static int ContextScore(IReadOnlyList<string> context, PlanNodeState node, ParameterInfo p)
    {
        var own = RequestWords.SplitName(p.Name).Concat(RequestWords.Keywords(p.Summary ?? "")).ToList();
        var names = own
            .Concat(RequestWords.SplitName(node.Function.Name))
            .Concat(node.Sources.Where(s => own.Contains(s.Port)).SelectMany(s => RequestWords.SplitName(s.Value.Node?.Function.Name ?? s.Value.Ref)))
            .Where(w => w.Length > 2 && !NonIntent.Contains(w)).ToList();
        var makes = node.Function.Outputs.Select(o => o.Type).ToHashSet();
        return context.Count(c => names.Any(n => RequestWords.Matches(c, n)) ||
                                  RequestWords.ModalityWords.TryGetValue(c, out var m) && makes.Contains(m) && !NonIntent.Contains(c));
    }

    private static void AssignEnums(State state, IReadOnlyList<string> words)
    {
        foreach (var node in state.Nodes)
        {
            foreach (var p in node.Function.Parameters.Where(p => p.Type == ParamType.Enum))
            {
                foreach (var value in p.EnumValues)
                {
                    var tokens = value.Split('_');
                    if (tokens.Length == 1 && (RequestWords.ModalityWords.ContainsKey(value) || value.Length < 3)) continue;
                    for (var i = 0; i + tokens.Length <= words.Count; i++)
                    {
                        // zoom_in: "zoom in", "zooming in"; one-word values must be written as they are.
                        if (!tokens.Select((t, k) => words[i + k] == t || tokens.Length > 1 && t.Length >= 4 && RequestWords.Matches(words[i + k], t)).All(x => x)) continue;
                        if (p.Default is SymbolValue s && s.Name == value) break;
                        node.Arguments[p.Name] = new ArgumentText(value, null);
                        break;
                    }
                }
            }
        }
    }

    private static string FlowName(string request)
    {
        var words = RequestWords.Keywords(request).Where(w => w.All(char.IsAsciiLetter) && Units.FromWord(w) is null).Take(3).ToList();
        return words.Count == 0 ? "Draft" : string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    private sealed record ArgumentText(string Literal, double? Canonical);

    private sealed class PoolValue(string reference, PortType modality, PlanNodeState? node, string port = "")
    {
        public string Ref { get; } = reference;
        public PortType Type { get; } = modality;
        public PlanNodeState? Node { get; } = node;
        public string Port { get; } = port;
        public bool Used { get; set; }
        public bool Constant { get; init; }
    }

    private sealed class PlanNodeState(string name, FunctionInfo function)
    {
        public string Name { get; set; } = name;
        public FunctionInfo Function { get; } = function;
        public Dictionary<string, ArgumentText> Arguments { get; } = new(StringComparer.Ordinal);
        public List<(string Port, PoolValue Value)> Sources { get; } = [];
    }

    private sealed class State(FunctionCatalog catalog, DraftRequest request)
    {
        private readonly HashSet<string> _names = new(request.Inputs.Select(i => i.Name).Concat(request.Outputs.Select(o => o.Name)), StringComparer.Ordinal);

        public List<PoolValue> Values { get; } = [];
        public List<PlanNodeState> Nodes { get; } = [];

        public FunctionCatalog Catalog => catalog;

        public List<PoolValue> Unused(PortType m) => Values.Where(v => v.Type == m && !v.Used && !v.Constant).ToList();

        /// <summary>Adds a node fed by <paramref name="inputs"/>; returns its first output as a new value.</summary>
        public PoolValue Apply(FunctionInfo function, IReadOnlyList<(string Port, PoolValue Value)> inputs)
        {
            var stem = ValueText.ToSnake(function.Name);
            var name = stem;
            for (var i = 2; !_names.Add(name); i++) name = stem + "_" + i;
            var node = new PlanNodeState(name, function);
            Nodes.Add(node);
            foreach (var (port, value) in inputs)
            {
                value.Used = true;
                node.Sources.Add((port, value));
            }
            PoolValue? first = null;
            foreach (var output in function.Outputs)
            {
                var made = new PoolValue(name, output.Type, node, output.Name);
                Values.Add(made);
                first ??= made;
            }
            return first!;
        }

        public void Remove(PlanNodeState node)
        {
            Nodes.Remove(node);
            Values.RemoveAll(v => v.Node == node);
        }

        public void Rename(PlanNodeState node, string name)
        {
            _names.Remove(node.Name);
            _names.Add(name);
            node.Name = name;
        }

        /// <summary>How a value is named in a link (after renames).</summary>
        public static string LinkSource(PoolValue v) => v.Node is { } n ? n.Name + "." + v.Port : v.Ref;

        public IEnumerable<PlanLink> AllLinks() =>
            Nodes.SelectMany(n => n.Sources.Select(s => new PlanLink(LinkSource(s.Value), n.Name + "." + s.Port)));
    }
}
