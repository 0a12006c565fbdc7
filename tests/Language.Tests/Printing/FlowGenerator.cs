using CsCheck;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Printing;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Language.Tests.Printing;

/// <summary>
/// Random valid files over <see cref="TestCatalog.Extended"/>. CsCheck draws raw choices (small ints,
/// fractions, strings, comments) and a deterministic builder turns them into IR that follows every rule
/// of DESIGN §3.4: values in range after unit conversion (with random units), links that respect
/// modalities and run from earlier nodes to later ones, every required input and parameter given,
/// every node feeding a flow output, no unused flow input, unique names. The IR is canonical (links
/// ordered as <see cref="Flow"/> documents), so compiling a printed file must give it back unchanged.
/// </summary>
internal static class FlowGenerator
{
    /// <summary>
    /// The extended test catalog plus a function whose first input is optional, so that an input after
    /// an unconnected one is written by name, and functions in namespaces: two of the same simple name in
    /// two namespaces, one without inputs (a bare pseudo-natural call, <c>x is comfy.EmptyImage.</c>), one
    /// in a dotted namespace, and one with a built-in's simple name (which a <c>using</c> cannot make writable).
    /// </summary>
    public static FunctionCatalog Catalog { get; } = TestCatalog.Extended.With(new[]
    {
        new FunctionInfo("Composite",
            EquatableArray.Of(new PortInfo("base", PortType.Image, Optional: true), new PortInfo("over", PortType.Image), new PortInfo("mask", PortType.Mask)),
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new ParameterInfo("opacity", ParamType.Ratio, new NumberValue(1), 0, 1))),
        new FunctionInfo("comfy.KSampler",
            EquatableArray.Of(new PortInfo("model", PortType.Image)),
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new ParameterInfo("seed", ParamType.Seed, new NumberValue(0)), new ParameterInfo("steps", ParamType.Int, new NumberValue(20), 1, 150))),
        new FunctionInfo("other.KSampler",
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new ParameterInfo("cfg", ParamType.Float, new NumberValue(7), 0, 30))),
        new FunctionInfo("comfy.EmptyImage",
            default,
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new ParameterInfo("size", ParamType.Size, new SizeValue(512, 512)))),
        new FunctionInfo("acme.video.Fade",
            EquatableArray.Of(new PortInfo("video", PortType.Video)),
            EquatableArray.Of(new PortInfo("video", PortType.Video)),
            EquatableArray.Of(new ParameterInfo("duration", ParamType.Duration, new QuantityValue(1, "s"), 0.1, 60))),
        new FunctionInfo("other.Upscale",
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new ParameterInfo("factor", ParamType.Int, new NumberValue(2), 1, 8))),
    });

    private static readonly string[] Namespaces = { "comfy", "other", "acme.video" };

    private static readonly string[] Keywords =
        { "flow", "input", "param", "output", "node", "link", "end", "is", "a", "an", "that", "takes", "with", "gives", "as", "of", "and", "true", "false" };

    // Ordinary names, names that are unit words or port names elsewhere, and odd but legal identifiers.
    private static readonly string[] Names =
    {
        "poster", "clip", "birds", "water", "sound", "mix", "blend", "still", "cut", "layer", "title", "bed", "shot",
        "glow", "photo", "ruins", "jungle", "prompt", "image", "video", "audio", "mask", "fg", "text", "seconds",
        "x", "s", "fps", "_tmp", "a1", "v2", "long_snake_name", "Big",
    };

    private static readonly string[] FlowNames = { "JungleRuins", "Soundscape", "Storyboard", "Remix", "Title" };

    private static readonly ParamType[] FlowParamTypes =
    {
        ParamType.Duration, ParamType.Ratio, ParamType.Gain, ParamType.FrameRate, ParamType.Frequency, ParamType.Length,
        ParamType.Int, ParamType.Float, ParamType.Bool, ParamType.String, ParamType.Seed, ParamType.Size, ParamType.Color,
    };

    private static readonly string[] StringPieces =
        { "a", "cat", " ", "Jungle", "\"", "\\", "\n", "\t", "é", "✓", "😀", "#", ".", "\"\"\"", "\u0001", "\r", "{", "\\n", "x = F(a)", " and " };

    private static readonly string[] CommentPieces =
        { "note", " ", "#", "\"", "é", "✓", "😀", ".", "x = F(a)", "->", "end", "is a flow", " and ", "\t", "\"\"\"" };

    private static readonly Gen<int> Pick = Gen.Int[0, 999];

    private static readonly Gen<string> Text = Gen.OneOf(StringPieces).Array[0, 6].Select(string.Concat);

    // Comment text as the parser stores it: no line breaks, no trailing blanks (leading ones are kept).
    private static readonly Gen<string> CommentText = Gen.OneOf(CommentPieces).Array[0, 5].Select(p => string.Concat(p).TrimEnd());

    private static readonly Gen<string[]> Comments =
        Gen.Frequency((3, Gen.Const(Array.Empty<string>())), (2, CommentText.Array[1, 2]));

    private static readonly Gen<string?> Trailing =
        Gen.Frequency((3, Gen.Const((string?)null)), (1, CommentText.Select(c => (string?)c)));

    private static readonly Gen<RawValue> Raw =
        from pick in Pick
        from fraction in Gen.Double[0.05, 0.95]
        from text in Text
        from block in Gen.Bool
        select new RawValue(pick, fraction, text, block);

    private static readonly Gen<NodeRecipe> NodeRecipes =
        from picks in Pick.Array[16]
        from values in Raw.Array[7]
        from comments in Comments
        from trailing in Trailing
        select new NodeRecipe(picks, values, comments, trailing);

    private static readonly Gen<ParamRecipe> ParamRecipes =
        from pick in Pick
        from hasDefault in Gen.Int[0, 3]
        from value in Raw
        select new ParamRecipe(pick, hasDefault > 0, value);

    private static readonly Gen<FlowRecipe> FlowRecipes =
        from picks in Pick.Array[16]
        from parameters in ParamRecipes.Array[0, 3]
        from nodes in NodeRecipes.Array[1, 6]
        from comments in Comments
        from notes in Comments
        select new FlowRecipe(picks, parameters, nodes, comments, notes);

    // Which namespaces a file uses (a bit each), with the comments of each using line.
    private static readonly Gen<UsingRecipe> UsingRecipes =
        from used in Gen.Int[0, (1 << Namespaces.Length) - 1]
        from comments in Comments.Array[Namespaces.Length]
        from trailing in Trailing.Array[Namespaces.Length]
        select new UsingRecipe(used, comments, trailing);

    /// <summary>
    /// Files of one to three flows, which may call each other (in any order in the file, without cycles),
    /// after <c>using</c> lines for some namespaces; a function of a used namespace is written by its
    /// simple name now and then, where that name means it.
    /// </summary>
    public static readonly Gen<SymFile> Files =
        from flows in FlowRecipes.Array[1, 3]
        from rotation in Gen.Int[0, 2]
        from trailing in Comments
        from usings in UsingRecipes
        select Build(flows, rotation, trailing, usings);

    private static SymFile Build(FlowRecipe[] recipes, int rotation, string[] trailing, UsingRecipe usingRecipe)
    {
        var usings = Namespaces.Select((ns, i) => (ns, i)).Where(n => (usingRecipe.Used & (1 << n.i)) != 0)
            .Select(n => new UsingDirective(n.ns, usingRecipe.Comments[n.i].ToEquatableArray(), usingRecipe.Trailing[n.i]))
            .ToList();
        var flows = new List<Flow>();
        foreach (var recipe in recipes) flows.Add(new FlowBuilder(recipe, flows, usings.Select(u => u.Namespace).ToList()).Build());
        rotation %= flows.Count;
        return new SymFile(flows.Skip(rotation).Concat(flows.Take(rotation)).ToEquatableArray(), trailing.ToEquatableArray(), usings.ToEquatableArray());
    }

    private sealed record UsingRecipe(int Used, string[][] Comments, string?[] Trailing);

    private sealed record RawValue(int Pick, double Fraction, string Text, bool Block);

    private sealed record NodeRecipe(int[] Picks, RawValue[] Values, string[] Comments, string? Trailing);

    private sealed record ParamRecipe(int Pick, bool HasDefault, RawValue Default);

    private sealed record FlowRecipe(int[] Picks, ParamRecipe[] Parameters, NodeRecipe[] Nodes, string[] Comments, string[] Notes);

    /// <summary>Choices read in turn from drawn ints in [0, 1000); smaller draws give earlier choices, so shrinking simplifies.</summary>
    private sealed class Choices(int[] picks)
    {
        private int _next;

        public int Next(int count) => count <= 1 ? 0 : picks[_next++ % picks.Length] * count / 1000;

        public bool Chance(int percent) => picks[_next++ % picks.Length] < percent * 10;
    }

    private sealed class FlowBuilder(FlowRecipe recipe, IReadOnlyList<Flow> earlier, IReadOnlyList<string> usings)
    {
        private readonly HashSet<string> _taken = new(Keywords.Concat(Catalog.Functions.SelectMany(f => f.Parameters.SelectMany(p => p.EnumValues))));
        private readonly List<FlowPort> _inputs = new();
        private readonly List<FlowParameter> _parameters = new();
        private readonly List<Node> _nodes = new();
        private readonly List<Link> _links = new();
        private readonly List<(LinkSource Source, PortType Type)> _available = new();
        private readonly HashSet<string> _consumed = new();

        public Flow Build()
        {
            var choices = new Choices(recipe.Picks);
            var name = FlowNames[choices.Next(FlowNames.Length)];
            if (earlier.Any(f => f.Name == name)) name += earlier.Count;
            var syntax = (SyntaxStyle)choices.Next(3);

            foreach (var parameter in recipe.Parameters)
            {
                var type = FlowParamTypes[parameter.Pick % FlowParamTypes.Length];
                var value = parameter.HasDefault ? Literal(type, null, null, default, parameter.Default, null, framesOk: false) : null;
                _parameters.Add(new FlowParameter(Fresh(parameter.Pick), type, value));
            }

            var functions = Catalog.Functions.Concat(earlier.Select(Signature)).ToList();
            foreach (var node in recipe.Nodes) AddNode(node, functions);

            var outputs = new List<(FlowPort Port, LinkSource Source)>();
            foreach (var node in _nodes.Where(n => !_consumed.Contains(n.Name)))
            {
                var function = functions.First(f => f.Name == node.Function);
                var index = choices.Next(function.Outputs.Count);
                var port = function.Outputs[index];
                // A step named after an output feeds it: a node with its one output of that media type,
                // or a part of a destructuring (outputs have a namespace of their own).
                var output = !choices.Chance(60) ? Fresh(choices.Next(1000))
                    : node.OutputAliases.Count > 0 ? node.OutputAliases[index]
                    : function.Outputs.Count(o => o.Type == port.Type) == 1 ? node.Name
                    : Fresh(choices.Next(1000));
                outputs.Add((new FlowPort(output, port.Type), new PortSource(node.Name, port.Name)));
            }
            if (choices.Chance(25))
            {
                var sources = _inputs.Select(i => ((LinkSource)new PortSource(null, i.Name), i.Type)).Concat(_available).ToList();
                var (source, modality) = sources[choices.Next(sources.Count)];
                outputs.Add((new FlowPort(Fresh(choices.Next(1000)), modality), source));
            }
            // Nodes may come in any order (names resolve wherever they are defined); links follow
            // the canonical order: by target node, then by the function's input order.
            var order = _nodes.ToList();
            if (choices.Chance(30))
                for (var i = order.Count - 1; i > 0; i--)
                {
                    var j = choices.Next(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }
            var position = order.Select((n, i) => (n.Name, i)).ToDictionary(p => p.Name, p => p.i);
            var links = _links.OrderBy(l => position[l.Target.Node!]).ToList();

            var rotation = choices.Next(outputs.Count);
            outputs = outputs.Skip(rotation).Concat(outputs.Take(rotation)).ToList();
            foreach (var (port, source) in outputs) links.Add(new Link(source, new PortTarget(null, port.Name)));

            return new Flow(name, syntax, _inputs.ToEquatableArray(), _parameters.ToEquatableArray(),
                outputs.Select(o => o.Port).ToEquatableArray(), order.ToEquatableArray(), links.ToEquatableArray(),
                recipe.Comments.ToEquatableArray(), recipe.Notes.ToEquatableArray());
        }

        private void AddNode(NodeRecipe recipe, List<FunctionInfo> functions)
        {
            var choices = new Choices(recipe.Picks);
            var function = functions[choices.Next(functions.Count)];

            EquatableArray<string> aliases = default;
            string name;
            if (function.Outputs.Count > 1 && choices.Chance(50))
            {
                var parts = function.Outputs.Select(_ => Fresh(choices.Next(1000))).ToList();
                while (_taken.Contains(string.Join("_", parts))) parts[parts.Count - 1] = Fresh(choices.Next(1000));
                name = string.Join("_", parts);
                _taken.Add(name);
                aliases = parts.ToEquatableArray();
            }
            else
            {
                name = Fresh(choices.Next(1000));
            }

            foreach (var port in function.Inputs)
            {
                if (port.Optional && choices.Chance(50)) continue;
                var candidates = _inputs.Where(i => i.Type == port.Type).Select(i => (LinkSource)new PortSource(null, i.Name))
                    .Concat(_available.Where(a => a.Type == port.Type).Select(a => a.Source))
                    .ToList();
                LinkSource source;
                if (candidates.Count > 0 && choices.Chance(70))
                {
                    source = candidates[choices.Next(candidates.Count)];
                }
                else if (port.Type == PortType.Text && choices.Chance(60))
                {
                    var raw = recipe.Values[recipe.Values.Length - 1];
                    source = new ConstantSource(new StringValue(raw.Text, raw.Block && SymText.CanBeBlock(raw.Text)));
                }
                else
                {
                    var input = new FlowPort(Fresh(choices.Next(1000)), port.Type);
                    _inputs.Add(input);
                    source = new PortSource(null, input.Name);
                }
                if (source is PortSource { Node: { } producer }) _consumed.Add(producer);
                _links.Add(new Link(source, new PortTarget(name, port.Name)));
            }

            var arguments = Arguments(function, recipe.Values, choices);
            var written = ShortName(function, functions) is { } simple && choices.Chance(60) ? simple : null;
            _nodes.Add(new Node(name, function.Name, arguments, aliases, recipe.Comments.ToEquatableArray(), recipe.Trailing) { FunctionAsWritten = written });
            foreach (var port in function.Outputs) _available.Add((new PortSource(name, port.Name), port.Type));
        }

        // Required parameters always, others half the time; a reference to a flow parameter of the same
        // type now and then; durations last, because frames convert through the node's own fps.
        private EquatableArray<Argument> Arguments(FunctionInfo function, RawValue[] values, Choices choices)
        {
            var given = new List<(ParameterInfo Parameter, RawValue Raw)>();
            for (var i = 0; i < function.Parameters.Count; i++)
            {
                var parameter = function.Parameters[i];
                if (parameter.Required || choices.Chance(50)) given.Add((parameter, values[i % values.Length]));
            }

            var arguments = new Dictionary<string, Value>();
            foreach (var (parameter, raw) in given.OrderBy(g => g.Parameter.Type == ParamType.Duration))
            {
                var references = _parameters.Where(p => p.Type == parameter.Type).ToList();
                if (references.Count > 0 && choices.Chance(35))
                {
                    arguments[parameter.Name] = new ParameterRefValue(references[choices.Next(references.Count)].Name);
                    continue;
                }
                double? fps = function.FindParameter("fps") is { Type: ParamType.FrameRate } rate
                    ? (arguments.TryGetValue("fps", out var written) ? written : rate.Default) switch
                    {
                        QuantityValue q => q.Number,
                        NumberValue n => n.Number,
                        _ => null,
                    }
                    : null;
                arguments[parameter.Name] = Literal(parameter.Type, parameter.Min, parameter.Max, parameter.EnumValues, raw, fps, framesOk: fps is not null);
            }

            var order = given.Select(g => g.Parameter.Name).ToList();
            for (var i = order.Count - 1; i > 0; i--)
            {
                var j = choices.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            return order.Select(n => new Argument(n, arguments[n])).ToEquatableArray();
        }

        // The simple name that means `function` in this file: its namespace is used, no function or flow
        // has that unqualified name, and no other used namespace has it (docs/language.md).
        private string? ShortName(FunctionInfo function, List<FunctionInfo> functions)
        {
            if (function.Namespace is not { } ns || !usings.Contains(ns)) return null;
            var simple = function.SimpleName;
            var meanings = functions.Count(f => f.Name == simple || f.SimpleName == simple && f.Namespace is { } other && usings.Contains(other));
            return meanings == 1 ? simple : null;
        }

        private string Fresh(int pick)
        {
            var name = Names[pick % Names.Length];
            for (var i = 2; _taken.Contains(name); i++) name = Names[pick % Names.Length] + "_" + i;
            _taken.Add(name);
            return name;
        }
    }

    private static FunctionInfo Signature(Flow flow) => new(
        flow.Name,
        flow.Inputs.Select(p => new PortInfo(p.Name, p.Type)).ToEquatableArray(),
        flow.Outputs.Select(p => new PortInfo(p.Name, p.Type)).ToEquatableArray(),
        flow.Parameters.Select(p => new ParameterInfo(p.Name, p.Type, p.Default)).ToEquatableArray());

    // Ranges that suit every use of a type in the catalog, for flow parameters and callee flows (which have none).
    private static (double Low, double High) SafeRange(ParamType type) => type switch
    {
        ParamType.Duration => (0.5, 60),
        ParamType.Ratio => (0, 0.5),
        ParamType.Gain => (-60, 12),
        ParamType.FrameRate => (1, 120),
        ParamType.Frequency => (8000, 192000),
        ParamType.Length => (4, 512),
        ParamType.Int => (1, 8),
        _ => (0, 1),
    };

    private static Value Literal(ParamType type, double? min, double? max, EquatableArray<string> enumValues, RawValue raw, double? fps, bool framesOk)
    {
        var (low, high) = SafeRange(type);
        if (min is { } a) low = Math.Max(low, a);
        if (max is { } b) high = Math.Min(high, b);
        var canonical = low + (high - low) * raw.Fraction;
        var variant = raw.Pick % 10;
        return type switch
        {
            ParamType.Bool => new BoolValue(raw.Pick % 2 == 0),
            ParamType.String => new StringValue(raw.Text, raw.Block && SymText.CanBeBlock(raw.Text)),
            // Seeds past 2^53 (exact integers, which a double would round) as well as small ones.
            ParamType.Seed => new NumberValue(raw.Pick % 3 == 0 ? Numeric.Of(long.MaxValue - raw.Pick * 1_000_003L) : Numeric.Of(raw.Pick * 2_147_483L % int.MaxValue)),
            ParamType.Int => new NumberValue(Math.Round(canonical)),
            ParamType.Size => new SizeValue(16 + raw.Pick * 4, 16 + (int)(raw.Fraction * 4000)),
            // Every spelling of a colour: #rgb, #rrggbb and #rrggbbaa.
            ParamType.Color => new ColorValue("#" + (raw.Pick % 3) switch
            {
                0 => ((raw.Pick * 16_777 + (int)(raw.Fraction * 0xfff)) & 0xfff).ToString("x3"),
                1 => ((raw.Pick * 16_777 + (int)(raw.Fraction * 0xffffff)) & 0xffffff).ToString("x6"),
                _ => ((uint)(raw.Pick * 16_777_259 + (int)(raw.Fraction * 0xffff))).ToString("x8"),
            }),
            ParamType.Enum => new SymbolValue(enumValues[raw.Pick % enumValues.Count]),
            ParamType.Float => new NumberValue(variant == 9 ? canonical * 1e-7 : Round(canonical, raw)),
            ParamType.Ratio => variant < 4 ? Quantity(canonical, "%", raw, low, high, null) : new NumberValue(Round(canonical, raw)),
            ParamType.Duration => variant switch
            {
                0 => new NumberValue(Round(canonical, raw)),
                1 or 2 => Quantity(canonical, "ms", raw, low, high, null),
                3 => Quantity(canonical, "min", raw, low, high, null),
                4 when framesOk => Quantity(canonical, "f", raw, low, high, fps),
                _ => Quantity(canonical, "s", raw, low, high, null),
            },
            ParamType.FrameRate => variant == 0 ? new NumberValue(Round(canonical, raw)) : Quantity(canonical, "fps", raw, low, high, null),
            ParamType.Frequency => variant < 4 ? Quantity(canonical, "kHz", raw, low, high, null) : Quantity(canonical, "Hz", raw, low, high, null),
            ParamType.Gain => variant < 3 ? Quantity(canonical, "x", raw, low, high, null) : Quantity(canonical, "dB", raw, low, high, null),
            ParamType.Length => Quantity(canonical, "px", raw, low, high, null),
            _ => new NumberValue(Round(canonical, raw)),
        };
    }

    // Up to three decimals, or the full double now and then (shortest round-trip printing must keep it).
    private static double Round(double number, RawValue raw) => raw.Pick % 5 == 4 ? number : Math.Round(number, raw.Pick % 4);

    // The canonical value written in another unit, rounded when the rounded value stays in range.
    private static QuantityValue Quantity(double canonical, string symbol, RawValue raw, double low, double high, double? fps)
    {
        var unit = Units.FromSymbol(symbol)!;
        var number = unit.IsFrames ? canonical * fps!.Value
            : unit.IsLinearGain ? Math.Pow(10, canonical / 20)
            : canonical / unit.Factor;
        var rounded = unit.IsFrames ? Math.Round(number) : Round(number, raw);
        var back = Units.ToCanonical(rounded, unit, fps);
        return new QuantityValue(back is { } v && v >= low && v <= high ? rounded : number, symbol);
    }
}
