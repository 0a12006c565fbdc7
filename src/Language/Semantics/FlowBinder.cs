using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Syntax;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Semantics;

/// <summary>
/// Binds the body of one flow. References resolve against every name of the flow, wherever it is
/// defined (links in declarative flows have no order, and a cycle must be expressible to be reported).
/// A reference that cannot be resolved keeps its written form in the IR (<c>x</c> as
/// <c>PortSource(null, "x")</c>, <c>x.p</c> as <c>PortSource("x", "p")</c>) so that the checker sees
/// the input as connected and does not report the same mistake again; positional arguments of an
/// unknown function link to the port <c>""</c>.
/// </summary>
internal sealed partial class FlowBinder
{
    private readonly FlowSyntax _flow;
    private readonly FlowHeader _header;
    private readonly FunctionCatalog _catalog;
    private readonly FunctionResolver _functions;
    private readonly List<Diagnostic> _diagnostics;
    // What a reference can name: inputs, nodes, destructured outputs and local aliases (not parameters,
    // which are values, nor outputs, which cannot be read).
    private readonly Dictionary<string, Symbol> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingAliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _aliasesOnCycles = new(StringComparer.Ordinal);
    private readonly List<Node> _nodes = new();
    private readonly List<Link> _links = new();
    private readonly List<string> _notes;
    // Where the names this binder resolves are recorded for tools (see SymbolIndex); null when nobody asks.
    private readonly FlowScope? _symbols;

    private FlowBinder(FlowSyntax flow, FlowHeader header, FunctionCatalog catalog, FunctionResolver functions, List<Diagnostic> diagnostics, FlowScope? symbols = null)
    {
        _symbols = symbols;
        _flow = flow;
        _header = header;
        _catalog = catalog;
        _functions = functions;
        _diagnostics = diagnostics;
        _notes = flow.Notes.ToList();
    }

    /// <summary>
    /// Binds <paramref name="flow"/>'s steps and links, given its already bound header; <paramref name="functions"/> resolves
    /// function names, and <paramref name="symbols"/> (when given) records the names it resolves for tools.
    /// </summary>
    public static Flow Bind(FlowSyntax flow, FlowHeader header, FunctionCatalog catalog, FunctionResolver functions, List<Diagnostic> diagnostics, FlowScope? symbols = null) =>
        new FlowBinder(flow, header, catalog, functions, diagnostics, symbols).Run();

    private Flow Run()
    {
        foreach (var input in _header.InputNames.Values) _names.Add(input.Text, new InputSymbol(input.Text));
        var steps = Plan();
        foreach (var step in steps) Declare(step);
        foreach (var step in steps)
        {
            if (step.Alias is not null) BindAlias(step);
            else BindCall(step);
        }
        foreach (var link in _flow.Links) BindLink(link);

        return _header.Flow with
        {
            Nodes = _nodes.ToEquatableArray(),
            Links = CanonicalOrder(_links),
            Notes = _notes.ToEquatableArray(),
        };
    }

    // Decides what each step is. A bare pseudo-natural step ("film is mux.") is an alias when its word
    // names an input or something another step defines, else a call without arguments.
    private List<StepPlan> Plan()
    {
        var defined = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var step in _flow.Steps)
            foreach (var target in step.Targets)
                defined[target.Text] = defined.TryGetValue(target.Text, out var n) ? n + 1 : 1;

        var plans = new List<StepPlan>();
        foreach (var step in _flow.Steps)
        {
            if (step.Targets.Count == 0) continue;
            if (step.Function is { } function)
            {
                var own = step.Targets.Count(t => t.Text == function.Text);
                var isName = _header.InputNames.ContainsKey(function.Text) ||
                             (defined.TryGetValue(function.Text, out var count) && count > own);
                if (step.IsBare && isName)
                    plans.Add(new StepPlan(step, new ReferenceValue(function.Text, null) { Span = function.Span, NameSpan = function.Span }, null, null));
                else
                    plans.Add(new StepPlan(step, null, _functions.Resolve(function, out var problem), problem));
            }
            else if (step.Alias is { } alias)
            {
                if (AsQualifiedCall(step, alias, defined) is { } call)
                    plans.Add(new StepPlan(call, null, _functions.Resolve(call.Function!, out var problem), problem));
                else
                    plans.Add(new StepPlan(step, alias, null, null));
            }
        }
        return plans;
    }

    // A pseudo-natural `x is a.b.` selects port b of a when a is an input or something another step
    // defines, as a bare word does; otherwise, when a.b is a function or a is a namespace, it calls a.b
    // without arguments (`noise is comfy.EmptyLatent.`).
    private StepSyntax? AsQualifiedCall(StepSyntax step, ReferenceValue alias, Dictionary<string, int> defined)
    {
        if (_flow.Style != SyntaxStyle.Natural || alias.Port is not { } port) return null;
        var own = step.Targets.Count(t => t.Text == alias.Name);
        if (_header.InputNames.ContainsKey(alias.Name) || (defined.TryGetValue(alias.Name, out var count) && count > own)) return null;
        var function = new Identifier(alias.Name + "." + port, alias.Span);
        return _functions.IsFunction(function.Text) || _functions.IsNamespace(alias.Name)
            ? step with { Function = function, Alias = null, IsBare = true }
            : null;
    }

    private void Declare(StepPlan step)
    {
        var targets = step.Syntax.Targets;
        if (step.Alias is { } alias)
        {
            var target = targets[0];
            if (targets.Count > 1)
                Report(DiagnosticDescriptors.AmbiguousOutput, Cover(targets), "only a function call can be destructured into several names");
            else if (!_header.OutputNames.Contains(target.Text))
                Define(target, new AliasSymbol(target.Text, alias));
            return;
        }

        var nodeName = NodeName(step.Syntax);
        if (targets.Count == 1)
        {
            Define(targets[0], new NodeSymbol(nodeName, step.Function));
            return;
        }
        Define(new Identifier(nodeName, Cover(targets)), new NodeSymbol(nodeName, step.Function));
        for (var i = 0; i < targets.Count; i++) Define(targets[i], new PartSymbol(nodeName, step.Function, i));
    }

    private void Define(Identifier name, Symbol symbol)
    {
        var existing = _header.ParameterNames.ContainsKey(name.Text) ? "a parameter"
            : _names.TryGetValue(name.Text, out var other) ? other.Kind
            : null;
        Declared(name, symbol, existing is null);
        if (existing is not null)
            Report(DiagnosticDescriptors.DuplicateName, name.Span, $"'{name.Text}' is already defined as {existing}");
        else
            _names.Add(name.Text, symbol);
    }

    private void BindAlias(StepPlan step)
    {
        var alias = step.Alias!;
        var target = step.Syntax.Targets[0];
        _notes.AddRange(step.Syntax.Comments);
        if (step.Syntax.TrailingComment is { } trailing) _notes.Add(trailing);
        if (step.Syntax.Targets.Count > 1) return;

        if (_header.OutputNames.Contains(target.Text))
        {
            _symbols?.Output(target);
            var output = new PortTarget(null, target.Text);
            AddLink(Resolve(alias, OutputType(target.Text), output, null), output, alias.Span);
            return;
        }

        _symbols?.Reference(alias);
        if (FollowAliases(target.Text) is { } cycle)
        {
            // The loop is reported once, at the first of its aliases.
            var first = !cycle.Any(_aliasesOnCycles.Contains);
            _aliasesOnCycles.UnionWith(cycle);
            if (first)
                Report(DiagnosticDescriptors.Cycle, alias.Span, "cycle: " + string.Join(" -> ", cycle.Select(n => "'" + n + "'")));
            return;
        }
        // A local alias may name a node with several outputs as a whole (x.port selects later), so
        // only its port, if any, and its existence are checked here.
        if (alias.Port is not null) Resolve(alias, null, null, null);
        else if (!_names.ContainsKey(alias.Name)) ReportUndefined(alias, null, null);
    }

    // The chain of local aliases from 'start' back to itself, or null when it ends elsewhere.
    private List<string>? FollowAliases(string start)
    {
        var chain = new List<string> { start };
        var current = start;
        while (_names.TryGetValue(current, out var symbol) && symbol is AliasSymbol alias)
        {
            current = alias.Value.Name;
            chain.Add(current);
            if (current == start) return chain;
            if (chain.Count > _names.Count + 1) return null;
        }
        return null;
    }

    private void BindCall(StepPlan step)
    {
        var syntax = step.Syntax;
        var function = step.Function;
        var functionName = syntax.Function!;
        var nodeName = NodeName(syntax);
        _symbols?.Call(functionName, function);
        if (step.Problem is { } problem) _diagnostics.Add(problem);

        var arguments = new List<Argument>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        var extra = new List<ArgumentSyntax>();
        var position = 0;
        foreach (var argument in syntax.Arguments)
        {
            if (argument.Name is not { } name)
            {
                if (function is null) BindInput(nodeName, null, "", argument.Value);
                else if (position < function.Inputs.Count) BindInput(nodeName, function, function.Inputs[position].Name, argument.Value);
                else extra.Add(argument);
                position++;
                continue;
            }
            _symbols?.ArgumentName(name, function);

            if (function is null)
            {
                if (argument.Value is ReferenceValue reference && _names.ContainsKey(reference.Name))
                    BindInput(nodeName, null, name.Text, argument.Value);
                else
                    arguments.Add(new Argument(name.Text, ParameterValue(argument.Value, null)) { NameSpan = name.Span });
            }
            else if (function.FindInput(name.Text) is not null)
            {
                BindInput(nodeName, function, name.Text, argument.Value);
            }
            else if (function.FindParameter(name.Text) is { } parameter)
            {
                if (!given.Add(name.Text))
                    Report(DiagnosticDescriptors.DuplicateName, name.Span, $"parameter '{name.Text}' is already given");
                arguments.Add(new Argument(name.Text, ParameterValue(argument.Value, parameter)) { NameSpan = name.Span });
            }
            else
            {
                var candidates = function.Inputs.Select(p => p.Name).Concat(function.Parameters.Select(p => p.Name));
                var (suffix, fixes) = Suggestions.DidYouMean(name.Text, name.Span, candidates);
                Report(DiagnosticDescriptors.UnknownArgument, name.Span, $"{function.Name} has no input or parameter '{name.Text}'{suffix}", fixes);
                arguments.Add(new Argument(name.Text, ParameterValue(argument.Value, null)) { NameSpan = name.Span });
            }
        }
        if (extra.Count > 0) ReportExtraArguments(function!, extra);

        var targets = syntax.Targets;
        // The IR holds the full name; the name as written only when a `using` line made it shorter.
        var fullName = function?.Name ?? functionName.Text;
        _nodes.Add(new Node(
            nodeName,
            fullName,
            arguments.ToEquatableArray(),
            targets.Count > 1 ? targets.Select(t => t.Text).ToEquatableArray() : default,
            syntax.Comments,
            syntax.TrailingComment)
        {
            Span = syntax.Span,
            NameSpan = Cover(targets),
            FunctionSpan = functionName.Span,
            FunctionAsWritten = fullName == functionName.Text ? null : functionName.Text,
        });

        if (targets.Count > 1 && function is not null && targets.Count != function.Outputs.Count)
            Report(DiagnosticDescriptors.AmbiguousOutput, Cover(targets),
                $"{function.Name} has {Ports(function.Outputs, "output")} but {targets.Count} names are given");
        FeedOutputs(nodeName, function, targets);
    }

    private void ReportExtraArguments(FunctionInfo function, List<ArgumentSyntax> extra)
    {
        var span = SourceSpan.FromBounds(extra[0].Span.Start, extra[extra.Count - 1].Span.End);
        foreach (var argument in extra) _symbols?.Reference(argument.Value);
        Report(DiagnosticDescriptors.TooManyArguments, span,
            $"too many positional arguments: {function.Name} takes {Ports(function.Inputs, "input")}; give parameters by name");
    }

    // In dataflow and pseudo-natural flows a step named after a flow output also feeds that output
    // (declarative flows link outputs explicitly).
    private void FeedOutputs(string nodeName, FunctionInfo? function, EquatableArray<Identifier> targets)
    {
        if (_flow.Style == SyntaxStyle.Declarative) return;
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (!_header.OutputNames.Contains(target.Text)) continue;
            _symbols?.Output(target);
            var output = new PortTarget(null, target.Text);
            LinkSource source = new PortSource(null, nodeName);
            if (function is not null && targets.Count > 1)
            {
                if (i < function.Outputs.Count) source = new PortSource(nodeName, function.Outputs[i].Name);
            }
            else if (function is not null)
            {
                if (function.OutputFeeding(OutputType(target.Text)) is { } fed)
                    source = new PortSource(nodeName, fed.Name);
                else
                    Report(DiagnosticDescriptors.AmbiguousOutput, target.Span,
                        $"{function.Name} has {Ports(function.Outputs, "output")}; destructure the call to choose the one that feeds output '{target.Text}'");
            }
            AddLink(source, output, target.Span);
        }
    }

    private void BindInput(string nodeName, FunctionInfo? function, string port, Value value)
    {
        var target = new PortTarget(nodeName, port);
        var source = value is ReferenceValue reference
            ? Resolve(reference, function?.FindInput(port)?.Type, target, function?.Name)
            : new ConstantSource(value);
        AddLink(source, target, value.Span);
    }

    private void BindLink(LinkSyntax link)
    {
        _symbols?.LinkTarget(link);
        var port = link.TargetPort;
        PortTarget target;
        PortType? expected = null;
        string? functionName = null;
        if (link.TargetNode is { } nodeName)
        {
            target = new PortTarget(nodeName.Text, port.Text);
            if (!_names.TryGetValue(nodeName.Text, out var symbol))
            {
                var (suffix, fixes) = Suggestions.DidYouMean(nodeName.Text, nodeName.Span, _nodes.Select(n => n.Name));
                Report(DiagnosticDescriptors.UndefinedName, nodeName.Span, $"undefined node '{nodeName.Text}'{suffix}", fixes);
            }
            else if (symbol is not NodeSymbol node)
            {
                Report(DiagnosticDescriptors.UndefinedName, nodeName.Span, $"'{nodeName.Text}' is {symbol.Kind}, not a node");
            }
            else if (node.Function is { } function)
            {
                functionName = function.Name;
                if (function.FindInput(port.Text) is { } input)
                {
                    expected = input.Type;
                }
                else if (function.FindParameter(port.Text) is not null)
                {
                    Report(DiagnosticDescriptors.UnknownArgument, port.Span, $"'{port.Text}' is a parameter of {function.Name}, not an input; set it in the node's braces");
                }
                else
                {
                    var (suffix, fixes) = Suggestions.DidYouMean(port.Text, port.Span, function.Inputs.Select(p => p.Name));
                    Report(DiagnosticDescriptors.UnknownArgument, port.Span, $"{function.Name} has no input '{port.Text}'{suffix}", fixes);
                }
            }
        }
        else
        {
            target = new PortTarget(null, port.Text);
            if (_header.OutputNames.Contains(port.Text))
            {
                expected = OutputType(port.Text);
            }
            else
            {
                var (suffix, fixes) = Suggestions.DidYouMean(port.Text, port.Span, _header.OutputNames);
                Report(DiagnosticDescriptors.UndefinedName, port.Span, $"'{port.Text}' is not an output of '{_flow.Name.Text}'{suffix}", fixes);
            }
        }

        var source = link.Source is ReferenceValue reference
            ? Resolve(reference, expected, target, functionName)
            : new ConstantSource(link.Source);
        AddLink(source, target, link.Source.Span);
    }

    private void AddLink(LinkSource source, PortTarget target, SourceSpan span) => _links.Add(new Link(source, target) { Span = span });

    // Links are ordered by target: nodes in order and their inputs in declared order, then flow
    // outputs in declared order; links the binder could not place keep their written order after those.
    private EquatableArray<Link> CanonicalOrder(List<Link> links)
    {
        var nodeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _nodes.Count; i++)
            if (!nodeIndex.ContainsKey(_nodes[i].Name)) nodeIndex.Add(_nodes[i].Name, i);

        (int Group, int Index, int Port) Key(Link link)
        {
            var target = link.Target;
            if (target.Node is null)
            {
                var output = _header.OutputNames.IndexOf(target.Port);
                return output >= 0 ? (2, output, 0) : (3, 0, 0);
            }
            if (!nodeIndex.TryGetValue(target.Node, out var index)) return (1, 0, 0);
            var inputs = _catalog.Find(_nodes[index].Function)?.Inputs;
            var port = inputs?.Select(p => p.Name).ToList().IndexOf(target.Port) ?? -1;
            return (0, index, port >= 0 ? port : int.MaxValue);
        }

        return links.OrderBy(Key).ToEquatableArray();
    }

    private PortType? OutputType(string output) => _header.Flow.Outputs.FirstOrDefault(o => o.Name == output)?.Type;

    private void Report(DiagnosticDescriptor descriptor, SourceSpan span, string message, params CodeFix[] fixes) =>
        _diagnostics.Add(descriptor.Create(span, message, fixes));

    private static string NodeName(StepSyntax step) => string.Join("_", step.Targets.Select(t => t.Text));

    // "no inputs", "1 input ('image')", "2 outputs ('fg' and 'mask')".
    private static string Ports(EquatableArray<PortInfo> ports, string noun) => ports.Count switch
    {
        0 => $"no {noun}s",
        1 => $"1 {noun} ('{ports[0].Name}')",
        var n => $"{n} {noun}s ({Wording.QuotedList(ports.Select(p => p.Name))})",
    };

    private static SourceSpan Cover(EquatableArray<Identifier> names) =>
        names.Count == 0 ? default : names[0].Span.Cover(names[names.Count - 1].Span);

    // The '.port' part of a reference (the whole reference when its parts' spans are unknown).
    private static SourceSpan PortSpan(ReferenceValue reference) =>
        reference.NameSpan.Length > 0 && reference.NameSpan.End < reference.Span.End
            ? SourceSpan.FromBounds(reference.NameSpan.End + 1, reference.Span.End)
            : reference.Span;

    // Problem: why Function is null for a call (unknown or ambiguous name), reported when the step is bound.
    private sealed record StepPlan(StepSyntax Syntax, ReferenceValue? Alias, FunctionInfo? Function, Diagnostic? Problem);

    // Kind names what the symbol is, for messages ("'x' is already defined as a node").
    private abstract record Symbol(string Kind);

    private sealed record InputSymbol(string Name) : Symbol("an input");

    private sealed record NodeSymbol(string Node, FunctionInfo? Function) : Symbol("a node");

    private sealed record PartSymbol(string Node, FunctionInfo? Function, int Index) : Symbol($"an output of '{Node}'");

    private sealed record AliasSymbol(string Name, ReferenceValue Value) : Symbol("a name");
}
