using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Cli.Drafting;

/// <summary>A function and how well it fits a request.</summary>
internal sealed record RankedFunction(FunctionInfo Function, double Score, bool Bridge);

/// <summary>
/// Ranks the catalog's functions against a request by its words alone (no embedding service): a
/// word that matches a word of the function's name counts most, then its summary, category, enum
/// values and parameter names; modality words (photo, clip, birdsong…) also match the functions whose
/// ports carry that modality. Functions needed to get from the inputs' modalities to the requested
/// outputs' are always included, even when no word names them.
/// </summary>
internal static class CardRetriever
{
    private const double NameWeight = 3;
    private const double SummaryWeight = 2;
    private const double CategoryWeight = 1;
    private const double DetailWeight = 0.5;
    private const double PortWeight = 1;

    /// <summary>The relevant functions, best first: up to <paramref name="limit"/> by score, then the bridges.</summary>
    public static IReadOnlyList<RankedFunction> Retrieve(
        FunctionCatalog catalog, string request, IReadOnlyList<DraftInput> inputs, IReadOnlyList<RequestedOutput> outputs, int limit = 12)
    {
        var keywords = RequestWords.Keywords(request);
        var scored = catalog.Functions
            .Select((f, index) => (Function: f, Score: Score(f, keywords), Index: index))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .Take(limit)
            .Select(x => new RankedFunction(x.Function, x.Score, false))
            .ToList();
        var chosen = scored.Select(r => r.Function.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var bridge in Bridges(catalog, inputs.Select(i => i.Type), outputs.Select(o => o.Type), scored.Select(r => r.Function)))
            if (chosen.Add(bridge.Name)) scored.Add(new RankedFunction(bridge, 0, true));
        return scored;
    }

    /// <summary>How well <paramref name="function"/> matches the request's keywords (0 = not at all).</summary>
    public static double Score(FunctionInfo function, IReadOnlyList<string> keywords)
    {
        var name = RequestWords.SplitName(function.Name).Where(w => w.Length > 2).ToList();
        var summary = RequestWords.Keywords(function.Summary ?? "");
        var category = function.Category is { } c ? RequestWords.Keywords(c) : [];
        var details = function.Parameters.SelectMany(p => RequestWords.SplitName(p.Name).Concat(p.EnumValues.SelectMany(RequestWords.SplitName)))
            .Concat(function.Inputs.Concat(function.Outputs).SelectMany(p => RequestWords.SplitName(p.Name)))
            .Where(w => w.Length > 2).ToList();
        var portModalities = function.Inputs.Concat(function.Outputs).Select(p => p.Type).ToHashSet();
        double score = 0;
        foreach (var word in keywords.Distinct())
        {
            var best = 0.0;
            if (name.Any(n => RequestWords.Matches(word, n))) best = NameWeight;
            else if (summary.Any(s => RequestWords.Matches(word, s))) best = SummaryWeight;
            else if (category.Any(s => RequestWords.Matches(word, s))) best = CategoryWeight;
            else if (details.Any(s => RequestWords.Matches(word, s))) best = DetailWeight;
            // A modality word (photo, clip) that the name does not spell still points at the ports that carry it.
            if (best < NameWeight && RequestWords.ModalityWords.TryGetValue(word, out var m) && portModalities.Contains(m))
                best = Math.Max(best, PortWeight);
            score += best;
        }
        return score;
    }

    /// <summary>
    /// The functions on the shortest chains (breadth-first over one-input conversions) from the
    /// modalities at hand — the inputs' and those the relevant functions produce — to each requested
    /// output modality not already at hand.
    /// </summary>
    public static IReadOnlyList<FunctionInfo> Bridges(
        FunctionCatalog catalog, IEnumerable<PortType> inputs, IEnumerable<PortType> wanted, IEnumerable<FunctionInfo> relevant)
    {
        var have = inputs.Concat(relevant.SelectMany(f => f.Outputs.Select(o => o.Type))).ToHashSet();
        var result = new List<FunctionInfo>();
        foreach (var target in wanted.Distinct())
        {
            if (have.Contains(target)) continue;
            var path = ModalitySearch.ShortestChain(catalog, have, target);
            if (path is null) continue;
            foreach (var f in path) if (!result.Contains(f)) result.Add(f);
        }
        return result;
    }
}

/// <summary>Breadth-first search over functions by modality.</summary>
internal static class ModalitySearch
{
    /// <summary>
    /// A one-input conversion: exactly one required input, and an output; optional inputs are ignored.
    /// Functions with more required inputs combine values and are placed by the planner, not searched.
    /// </summary>
    public static bool IsConverter(FunctionInfo f) => f.Inputs.Count(i => !i.Optional) == 1 && f.Outputs.Count >= 1 && f.Parameters.All(p => !p.Required);

    /// <summary>
    /// The shortest chain of conversions from any of <paramref name="from"/> to <paramref name="to"/>,
    /// preferring (on equal length) functions earlier in <paramref name="preferred"/>; null when none exists.
    /// </summary>
    public static IReadOnlyList<FunctionInfo>? ShortestChain(FunctionCatalog catalog, IEnumerable<PortType> from, PortType to, IReadOnlyList<string>? preferred = null)
    {
        var converters = catalog.Functions.Where(IsConverter)
            .OrderBy(f => preferred is null || !preferred.Contains(f.Name) ? int.MaxValue : IndexOf(preferred, f.Name))
            .ToList();
        var previous = new Dictionary<PortType, (PortType From, FunctionInfo Via)?>();
        var queue = new Queue<PortType>();
        foreach (var m in from.Distinct())
        {
            previous[m] = null;
            queue.Enqueue(m);
        }
        if (previous.ContainsKey(to)) return [];
        while (queue.Count > 0)
        {
            var m = queue.Dequeue();
            foreach (var f in converters.Where(f => f.Inputs.First(i => !i.Optional).Type == m))
            {
                foreach (var output in f.Outputs.Select(o => o.Type).Distinct())
                {
                    if (previous.ContainsKey(output)) continue;
                    previous[output] = (m, f);
                    if (output == to)
                    {
                        var chain = new List<FunctionInfo>();
                        for (var at = to; previous[at] is { } step; at = step.From) chain.Insert(0, step.Via);
                        return chain;
                    }
                    queue.Enqueue(output);
                }
            }
        }
        return null;
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return int.MaxValue;
    }
}
