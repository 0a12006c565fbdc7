using SymbolicGen.Language.Syntax;

namespace SymbolicGen.Language.Semantics;

internal sealed partial class FlowBinder
{
    // Tells the symbol index what Define decided about a step's name: a new node, destructured output or
    // alias, or a name already defined (reported as SYM0103), which counts as a use of the first one.
    private void Declared(Identifier name, Symbol symbol, bool isNew)
    {
        if (_symbols is null) return;
        if (!isNew)
        {
            _symbols.Redeclared(name);
            return;
        }
        switch (symbol)
        {
            case NodeSymbol node:
                _symbols.Declare(name, SymbolKind.Node, node.Function, null);
                break;
            case PartSymbol part:
                _symbols.Declare(name, SymbolKind.NodeOutput, part.Function, null, part.Node);
                break;
            case AliasSymbol alias:
                _symbols.Declare(name, SymbolKind.Alias, null, alias.Value);
                break;
        }
    }
}
