using System;
using System.Collections.Generic;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Syntax;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Semantics;

/// <summary>
/// Collects a file's symbols and names while the binder binds it, and builds the
/// <see cref="SymbolIndex"/>. The binder decides what each name is (a call, an alias, a duplicate);
/// the recorder only writes down what the name stands for, so name resolution stays the binder's.
/// </summary>
internal sealed class SymbolRecorder
{
    private readonly FunctionCatalog _catalog;
    private readonly List<FlowScope> _scopes = new();
    private readonly Dictionary<string, FlowScope> _flowsByName = new(StringComparer.Ordinal);
    // Several binding paths may meet the same name (an alias's value is resolved for the alias and
    // again where it is used): the index keeps each name once.
    private readonly List<NameOccurrence> _occurrences = new();

    /// <param name="catalog">The catalog the file is bound against, without the file's own flows.</param>
    public SymbolRecorder(FunctionCatalog catalog) => _catalog = catalog;

    /// <summary>Declares <paramref name="flow"/> and its header's names; call for every flow before binding any body, so calls between flows resolve.</summary>
    public FlowScope Flow(FlowSyntax flow)
    {
        var scope = new FlowScope(this, flow);
        _scopes.Add(scope);
        if (!_flowsByName.ContainsKey(flow.Name.Text)) _flowsByName.Add(flow.Name.Text, scope);
        return scope;
    }

    /// <summary>The index of everything recorded: symbols flow by flow, names by position.</summary>
    public SymbolIndex Build()
    {
        var symbols = new List<DeclaredSymbol>();
        foreach (var scope in _scopes)
        {
            symbols.Add(scope.Symbol);
            symbols.AddRange(scope.Members);
        }
        return new SymbolIndex(symbols, _occurrences);
    }

    /// <summary>
    /// The flow of this file that <paramref name="function"/> is, or null for a catalog function: a flow
    /// that has a catalog function's name does not become a function (SYM0103), and of flows sharing a
    /// name the first one does.
    /// </summary>
    public FlowScope? CalledFlow(FunctionInfo? function) =>
        function is not null && _catalog.Find(function.Name) is null && _flowsByName.TryGetValue(function.Name, out var flow) ? flow : null;

    public void Record(OccurrenceKind kind, SourceSpan span, string name, DeclaredSymbol? symbol, DeclaredSymbol flow, string? function = null, string? parameter = null)
    {
        // Names the parser made up while recovering have no text in the file.
        if (span.Length == 0) return;
        _occurrences.Add(new NameOccurrence(kind, span, name, symbol, flow, function, parameter, _occurrences.Count));
    }
}
