using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Syntax;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Semantics;

/// <summary>
/// The symbols of one flow, as the binder defines them, and the recorder of the names its body uses
/// (see <see cref="SymbolRecorder"/>). Names live in two namespaces, as in the binder: values (inputs,
/// parameters, nodes, destructured outputs, aliases) and outputs, which a step may share a name with.
/// </summary>
internal sealed class FlowScope
{
    private readonly SymbolRecorder _file;
    private readonly Dictionary<string, DeclaredSymbol> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeclaredSymbol> _outputs = new(StringComparer.Ordinal);
    // The function of the call being bound: its arguments follow its name.
    private FunctionInfo? _callee;

    public FlowScope(SymbolRecorder file, FlowSyntax flow)
    {
        _file = file;
        Symbol = new DeclaredSymbol(SymbolKind.Flow, flow.Name.Text, flow.Name.Span, null);
        Record(OccurrenceKind.Declaration, flow.Name, Symbol);

        // In declared order across the three kinds, as the header binds them: a later declaration of a
        // name is a duplicate (SYM0103), whatever its kind.
        var declarations = flow.Inputs.Select(d => (Kind: SymbolKind.Input, Syntax: d))
            .Concat(flow.Parameters.Select(d => (Kind: SymbolKind.Parameter, Syntax: d)))
            .Concat(flow.Outputs.Select(d => (Kind: SymbolKind.Output, Syntax: d)))
            .OrderBy(d => d.Syntax.Span.Start);
        foreach (var (kind, declaration) in declarations)
        {
            var name = declaration.Name;
            if (Lookup(name.Text) is not null)
            {
                Redeclared(name);
                continue;
            }
            var symbol = Add(kind, name, kind == SymbolKind.Output ? _outputs : _values);
            symbol.Type = declaration.Type.Text;
        }
    }

    /// <summary>The flow's own symbol.</summary>
    public DeclaredSymbol Symbol { get; }

    /// <summary>The flow's symbols in the order declared.</summary>
    public List<DeclaredSymbol> Members { get; } = new();

    /// <summary>
    /// A step's name that the binder defined: a node (calling <paramref name="callee"/>), an output of the
    /// destructuring node <paramref name="node"/>, or an alias of <paramref name="aliasOf"/>.
    /// </summary>
    public void Declare(Identifier name, SymbolKind kind, FunctionInfo? callee, ReferenceValue? aliasOf, string? node = null)
    {
        if (_values.ContainsKey(name.Text))
        {
            Redeclared(name);
            return;
        }
        var symbol = Add(kind, name, _values);
        symbol.Callee = callee;
        symbol.AliasOf = aliasOf;
        if (node is not null && _values.TryGetValue(node, out var owner) && owner.Kind == SymbolKind.Node)
        {
            symbol.Node = owner;
            owner.IsDestructuring = true;
        }
    }

    /// <summary>
    /// A name declared again (reported as SYM0103): it counts as a use of the first declaration, so that
    /// renaming the name renames both and leaves the duplicate as it was.
    /// </summary>
    public void Redeclared(Identifier name) => Use(name.Span, name.Text, Lookup(name.Text));

    /// <summary>The function name of a call; the call's arguments come next.</summary>
    public void Call(Identifier name, FunctionInfo? function)
    {
        _callee = function;
        if (function is null) Record(OccurrenceKind.Unresolved, name, null);
        else if (_file.CalledFlow(function) is { } flow) Record(OccurrenceKind.Reference, name, flow.Symbol, function.Name);
        else Record(OccurrenceKind.Function, name, null, function.Name);
    }

    /// <summary>The name of a named argument of a call of <paramref name="function"/>: an input or a parameter.</summary>
    public void ArgumentName(Identifier name, FunctionInfo? function)
    {
        if (function is null) Record(OccurrenceKind.Unresolved, name, null);
        else if (_file.CalledFlow(function) is { } flow)
            Member(name, flow._values.TryGetValue(name.Text, out var s) && s.Kind is SymbolKind.Input or SymbolKind.Parameter ? s : null, function);
        else if (function.FindInput(name.Text) is not null) Record(OccurrenceKind.FunctionInput, name, null, function.Name);
        else if (function.FindParameter(name.Text) is not null) Record(OccurrenceKind.FunctionParameter, name, null, function.Name);
        else Record(OccurrenceKind.Unresolved, name, null, function.Name);
    }

    /// <summary>A value used as media or written where a name may stand: <c>x</c> or <c>x.port</c>; other values name nothing.</summary>
    public void Reference(Value value)
    {
        if (value is not ReferenceValue reference) return;
        var nameSpan = reference.NameSpan.Length > 0 ? reference.NameSpan : reference.Span;
        var symbol = Lookup(reference.Name);
        Use(nameSpan, reference.Name, symbol);
        if (reference.Port is { } port) OutputPort(SourceSpan.FromBounds(reference.Span.End - port.Length, reference.Span.End), port, symbol);
    }

    /// <summary>A bare word bound to a parameter: a value of its enum (as the binder decided), else a name.</summary>
    public void Word(ReferenceValue word, ParameterInfo? parameter, bool isEnumValue)
    {
        if (isEnumValue && parameter is not null)
            _file.Record(OccurrenceKind.EnumValue, word.Span, word.Name, null, Symbol, _callee?.Name, parameter.Name);
        else
            Reference(word);
    }

    /// <summary>A name that feeds the flow output of that name (a step or alias named after it).</summary>
    public void Output(Identifier name) => Use(name.Span, name.Text, _outputs.TryGetValue(name.Text, out var output) ? output : null);

    /// <summary>The target of a declarative link: <c>node.input</c> or a flow output.</summary>
    public void LinkTarget(LinkSyntax link)
    {
        var port = link.TargetPort;
        if (link.TargetNode is not { } nodeName)
        {
            Output(port);
            return;
        }
        var node = Lookup(nodeName.Text);
        Use(nodeName.Span, nodeName.Text, node);
        if (node is not { Kind: SymbolKind.Node, Callee: { } function }) Record(OccurrenceKind.Unresolved, port, null, node?.Function);
        else if (_file.CalledFlow(function) is { } flow)
            Member(port, flow._values.TryGetValue(port.Text, out var s) && s.Kind == SymbolKind.Input ? s : null, function);
        else if (function.FindInput(port.Text) is not null) Record(OccurrenceKind.FunctionInput, port, null, function.Name);
        else if (function.FindParameter(port.Text) is not null) Record(OccurrenceKind.FunctionParameter, port, null, function.Name);
        else Record(OccurrenceKind.Unresolved, port, null, function.Name);
    }

    // The '.port' of 'x.port': an output of the node that x is (through aliases); anything else has no ports.
    private void OutputPort(SourceSpan span, string port, DeclaredSymbol? symbol)
    {
        var (target, selected) = FollowAliases(symbol);
        if (selected || target is not { Kind: SymbolKind.Node, Callee: { } function })
            _file.Record(OccurrenceKind.Unresolved, span, port, null, Symbol, target?.Function);
        else if (_file.CalledFlow(function) is { } flow)
            Member(new Identifier(port, span), flow._outputs.TryGetValue(port, out var output) ? output : null, function);
        else if (function.FindOutput(port) is not null)
            _file.Record(OccurrenceKind.FunctionOutput, span, port, null, Symbol, function.Name);
        else
            _file.Record(OccurrenceKind.Unresolved, span, port, null, Symbol, function.Name);
    }

    // What a chain of aliases ends at, and whether an alias on the way already selected a port.
    private (DeclaredSymbol? Target, bool Selected) FollowAliases(DeclaredSymbol? symbol)
    {
        var selected = false;
        // A cycle of aliases (reported by the binder) ends the walk after as many steps as there are names.
        for (var steps = 0; symbol is { Kind: SymbolKind.Alias, AliasOf: { } value } && steps <= _values.Count; steps++)
        {
            selected |= value.Port is not null;
            symbol = Lookup(value.Name);
        }
        return (symbol, selected);
    }

    // An input, parameter or output of a flow of this file, named at a call of it.
    private void Member(Identifier name, DeclaredSymbol? member, FunctionInfo function) =>
        Record(member is null ? OccurrenceKind.Unresolved : OccurrenceKind.Reference, name, member, function.Name);

    private DeclaredSymbol? Lookup(string name) =>
        _values.TryGetValue(name, out var value) ? value : _outputs.TryGetValue(name, out var output) ? output : null;

    private DeclaredSymbol Add(SymbolKind kind, Identifier name, Dictionary<string, DeclaredSymbol> names)
    {
        var symbol = new DeclaredSymbol(kind, name.Text, name.Span, Symbol);
        names.Add(name.Text, symbol);
        Members.Add(symbol);
        Record(OccurrenceKind.Declaration, name, symbol);
        return symbol;
    }

    private void Use(SourceSpan span, string name, DeclaredSymbol? symbol) =>
        _file.Record(symbol is null ? OccurrenceKind.Unresolved : OccurrenceKind.Reference, span, name, symbol, Symbol);

    private void Record(OccurrenceKind kind, Identifier name, DeclaredSymbol? symbol, string? function = null) =>
        _file.Record(kind, name.Span, name.Text, symbol, Symbol, function);
}
