using System.Text.RegularExpressions;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Cli.Drafting;

/// <summary>
/// The words of a request and what they say about media: which words name a modality (photo, clip,
/// birdsong…), which outputs the request asks for,.
/// </summary>
internal static partial class RequestWords
{
    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex PascalBoundary();

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "into", "on", "onto", "with", "without", "for", "from", "by", "at",
        "as", "it", "its", "this", "that", "these", "those", "them", "then", "me", "my", "i", "we", "our", "you", "your",
        "is", "are", "be", "please", "some", "one", "two", "three", "so", "up", "over", "under", "out", "each", "per",
        "make", "create", "generate", "produce", "give", "get", "use", "using", "want", "need", "let", "have", "has",
    };

    /// <summary>Words that name a modality, for retrieval and for reading the request's outputs.</summary>
    public static readonly IReadOnlyDictionary<string, PortType> ModalityWords = new Dictionary<string, PortType>(StringComparer.Ordinal)
    {
        ["image"] = PortType.Image, ["photo"] = PortType.Image, ["photograph"] = PortType.Image, ["picture"] = PortType.Image,
        ["pic"] = PortType.Image, ["poster"] = PortType.Image, ["still"] = PortType.Image, ["thumbnail"] = PortType.Image,
        ["wallpaper"] = PortType.Image, ["painting"] = PortType.Image, ["drawing"] = PortType.Image, ["illustration"] = PortType.Image,
        ["collage"] = PortType.Image, ["composite"] = PortType.Image, ["frame"] = PortType.Image, ["png"] = PortType.Image, ["jpg"] = PortType.Image,
        ["video"] = PortType.Video, ["film"] = PortType.Video, ["movie"] = PortType.Video, ["clip"] = PortType.Video,
        ["animation"] = PortType.Video, ["animate"] = PortType.Video, ["animated"] = PortType.Video, ["slideshow"] = PortType.Video,
        ["reel"] = PortType.Video, ["footage"] = PortType.Video, ["mp4"] = PortType.Video,
        ["audio"] = PortType.Audio, ["sound"] = PortType.Audio, ["sounds"] = PortType.Audio, ["soundscape"] = PortType.Audio,
        ["soundtrack"] = PortType.Audio, ["music"] = PortType.Audio, ["song"] = PortType.Audio, ["birdsong"] = PortType.Audio,
        ["ambience"] = PortType.Audio, ["ambient"] = PortType.Audio, ["noise"] = PortType.Audio, ["recording"] = PortType.Audio,
        ["track"] = PortType.Audio, ["voice"] = PortType.Audio, ["speech"] = PortType.Audio, ["narration"] = PortType.Audio,
        ["podcast"] = PortType.Audio, ["tone"] = PortType.Audio, ["wav"] = PortType.Audio, ["mp3"] = PortType.Audio,
        ["text"] = PortType.Text, ["caption"] = PortType.Text, ["prompt"] = PortType.Text, ["transcript"] = PortType.Text,
        ["description"] = PortType.Text, ["subtitle"] = PortType.Text, ["title"] = PortType.Text,
        ["transcribe"] = PortType.Text, ["describe"] = PortType.Text, ["narrate"] = PortType.Audio,
        ["mask"] = PortType.Mask, ["matte"] = PortType.Mask, ["cutout"] = PortType.Mask,
    };

    // Nouns that name what is to be produced (not what is given): "into a poster", "a film".
    private static readonly Dictionary<string, PortType> OutputNouns = new(StringComparer.Ordinal)
    {
        ["poster"] = PortType.Image, ["thumbnail"] = PortType.Image, ["wallpaper"] = PortType.Image, ["collage"] = PortType.Image,
        ["composite"] = PortType.Image,
        ["video"] = PortType.Video, ["film"] = PortType.Video, ["movie"] = PortType.Video, ["clip"] = PortType.Video,
        ["animation"] = PortType.Video, ["animate"] = PortType.Video, ["animated"] = PortType.Video, ["slideshow"] = PortType.Video,
        ["reel"] = PortType.Video,
        ["soundscape"] = PortType.Audio, ["soundtrack"] = PortType.Audio,
        ["transcript"] = PortType.Text, ["caption"] = PortType.Text, ["description"] = PortType.Text,
        ["transcribe"] = PortType.Text, ["describe"] = PortType.Text, ["narrate"] = PortType.Audio,
        ["mask"] = PortType.Mask, ["matte"] = PortType.Mask,
    };

    private static readonly Dictionary<PortType, string[]> OutputNames = new()
    {
        [PortType.Image] = ["poster", "thumbnail", "wallpaper", "collage", "composite"],
        [PortType.Video] = ["film", "movie", "clip", "animation", "slideshow", "reel"],
        [PortType.Audio] = ["soundscape", "soundtrack"],
        [PortType.Text] = ["transcript", "caption", "description"],
        [PortType.Mask] = ["mask", "matte"],
    };

    /// <summary>The request's words, lower case, in order (stop words kept: callers that rank drop them).</summary>
    public static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    /// <summary>The words that carry meaning for ranking.</summary>
    public static IReadOnlyList<string> Keywords(string text) => Words(text).Where(w => !StopWords.Contains(w)).ToList();

    /// <summary><c>ImageToVideo</c> → image, to, video; <c>sample_rate</c> → sample, rate; <c>comfy.KSampler</c> → comfy, k, sampler.</summary>
    public static IEnumerable<string> SplitName(string name) =>
        PascalBoundary().Replace(name, " ").Split([' ', '_', '-', '.'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant());

    /// <summary>
    /// True when two words are the same or one is a prefix of the other of at least four letters
    /// (blend/blended, animate/animated, bird/birdsong) — a stemmer without a dictionary.
    /// </summary>
    public static bool Matches(string a, string b)
    {
        if (a == b) return true;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (shorter.Length < 4) return false;
        if (longer.StartsWith(shorter, StringComparison.Ordinal)) return true;
        // animate/animating/animation: a common stem of five letters or more.
        var common = 0;
        while (common < shorter.Length && shorter[common] == longer[common]) common++;
        return common >= 5 && common >= shorter.Length - 2;
    }

    /// <summary>
    /// The outputs the request asks for, each with a name taken from the request where it says one
    /// ("a poster" → poster: Image). A production word (poster, film, animate, soundscape) names an
    /// output; a plain modality word (photo, audio, birdsong) does when no input already has that
    /// modality and nothing else was asked for — audio named alongside a video is for that video.
    /// With nothing said, a request over inputs of one modality produces that modality.
    /// </summary>
    public static IReadOnlyList<RequestedOutput> InferOutputs(string request, IReadOnlyList<DraftInput> inputs)
    {
        var words = Words(request).Select(Singular).ToList();
        var given = inputs.Select(i => i.Type).ToHashSet();
        var found = new List<(PortType Type, string Word, int Position)>();
        void Add(PortType m, string word, int position)
        {
            if (found.All(f => f.Type != m)) found.Add((m, word, position));
        }
        var plain = new List<(PortType Type, string Word, int Position)>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!ModalityWords.TryGetValue(word, out var m)) continue;
            if (IsInputMention(words, i, m, inputs))
            {
                // "add birdsong to this video": the given video, changed, is what comes out.
                if (Enumerable.Range(Math.Max(0, i - 3), i - Math.Max(0, i - 3)).Any(j => TransformPrepositions.Contains(words[j])))
                    Add(m, "", i);
                continue;
            }
            if (OutputNouns.ContainsKey(word)) Add(m, word, i);
            else plain.Add((m, word, i));
        }
        if (!found.Any(f => f.Type == PortType.Video))
        {
            // No video asked for: a plain mention of a modality no input has is the output (a picture, some audio).
            foreach (var (m, word, i) in plain)
            {
                if (given.Contains(m) || m == PortType.Text && !IsTextOutputWord(word)) continue;
                Add(m, word, i);
            }
        }
        if (found.Count == 0 && given.Count == 1) found.Add((given.First(), "", 0));
        // Audio asked for alongside a video goes into the video, unless an audio product is named ("and a soundtrack").
        if (found.Any(f => f.Type == PortType.Video))
            found.RemoveAll(f => f.Type == PortType.Audio && (!OutputNouns.ContainsKey(f.Word) ||
                                                                  Enumerable.Range(Math.Max(0, f.Position - 2), f.Position - Math.Max(0, f.Position - 2)).Any(j => words[j] == "with")));
        var taken = new HashSet<string>(inputs.Select(i => i.Name), StringComparer.Ordinal);
        var outputs = new List<RequestedOutput>();
        foreach (var (modality, word, _) in found.OrderBy(f => f.Position))
        {
            // Named by the first word that names a product of its kind ("animate it into a film" → film).
            var named = OutputNames[modality].Contains(word) ? word
                : words.Select((w, i) => (w, i)).FirstOrDefault(x => OutputNames[modality].Contains(x.w) && !IsInputMention(words, x.i, modality, inputs)).w;
            var name = named ?? DefaultName(modality);
            while (!taken.Add(name)) name += "_out";
            outputs.Add(new RequestedOutput(name, modality, named ?? (word.Length > 0 ? word : null)));
        }
        return outputs;
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "this", "these", "my", "our", "the", "given", "both", "two", "those", "that", "each" };

    private static readonly HashSet<string> TransformPrepositions = new(StringComparer.Ordinal) { "to", "under", "over", "onto", "into", "on", "behind", "beneath" };

    // "this photo", "my two photos", or the name of an input: the word refers to something given.
    private static bool IsInputMention(IReadOnlyList<string> words, int i, PortType m, IReadOnlyList<DraftInput> inputs)
    {
        if (inputs.Any(input => input.Name.Equals(words[i], StringComparison.OrdinalIgnoreCase))) return true;
        if (inputs.All(input => input.Type != m)) return false;
        return i >= 1 && Determiners.Contains(words[i - 1]) || i >= 2 && Determiners.Contains(words[i - 2]);
    }

    /// <summary>photos → photo, clips → clip (only for the modality words this class knows).</summary>
    private static string Singular(string word) =>
        word.Length > 3 && word.EndsWith('s') && ModalityWords.ContainsKey(word[..^1]) ? word[..^1] : word;

    private static bool IsTextOutputWord(string word) => word is "transcript" or "caption" or "description" or "text" or "subtitle";

    /// <summary>The output name used for a modality when the request gives none.</summary>
    public static string DefaultName(PortType modality) => modality.Name.ToLowerInvariant();
}

/// <summary>An input of the flow to draft, given with <c>--in name=path</c>.</summary>
internal sealed record DraftInput(string Name, PortType Type, string? Path);

/// <summary>An output the request asks for; <see cref="Cue"/> is the word it was read from.</summary>
internal sealed record RequestedOutput(string Name, PortType Type, string? Cue);
