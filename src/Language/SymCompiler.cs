using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Syntax;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language;

/// <summary>The result of compiling a <c>.sym</c> file.</summary>
/// <param name="File">The bound IR (present even with errors; only an error-free file is meant to be run or generated).</param>
/// <param name="Diagnostics">Every problem found (parser, binder and checker), sorted by position.</param>
/// <param name="Lines">Maps the diagnostics' offsets to lines and columns.</param>
public sealed record SymCompilation(SymFile File, EquatableArray<Diagnostic> Diagnostics, LineMap Lines)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    private EquatableArray<SourceToken>? _tokens;

    /// <summary>Every token of the text, comments included (see <see cref="SymParser.Tokens"/>), scanned on first use.</summary>
    public EquatableArray<SourceToken> Tokens => _tokens ??= SymParser.Tokens(Lines.Text);

    /// <summary>The file's symbols and names by position, for tools (see <see cref="SymbolIndex"/>); empty unless compiled with <c>indexSymbols</c>.</summary>
    public SymbolIndex Symbols { get; init; } = SymbolIndex.Empty;
}

/// <summary>The language front end in one call: parse, bind and check.</summary>
public static class SymCompiler
{
    /// <summary>
    /// Compiles <paramref name="text"/> against <paramref name="catalog"/>, reporting every problem in
    /// one pass. Never throws: a bug in SymbolicGen becomes a SYM0901 diagnostic.
    /// </summary>
    public static SymCompilation Compile(string text, FunctionCatalog catalog) => Compile(text, catalog, indexSymbols: false);

    /// <summary>
    /// Compiles <paramref name="text"/> as <see cref="Compile(string, FunctionCatalog)"/> does; with
    /// <paramref name="indexSymbols"/>, the result's <see cref="SymCompilation.Symbols"/> indexes every name for tools.
    /// </summary>
    public static SymCompilation Compile(string text, FunctionCatalog catalog, bool indexSymbols)
    {
        text ??= "";
        var lines = new LineMap(text);
        var diagnostics = new List<Diagnostic>();
        var file = new SymFile(default);
        var symbols = SymbolIndex.Empty;
        try
        {
            var parsed = SymParser.Parse(text);
            diagnostics.AddRange(parsed.Diagnostics);
            var bound = Binder.Bind(parsed.Syntax, catalog, indexSymbols);
            diagnostics.AddRange(bound.Diagnostics);
            file = bound.File;
            symbols = bound.Symbols;
            foreach (var flow in file.Flows) diagnostics.AddRange(Checker.Check(flow, bound.Catalog));
        }
        catch (Exception e)
        {
            diagnostics.Add(Wording.InternalError(default, "compiling", e));
        }
        // OrderBy is stable: diagnostics at the same offset keep the order in which they were found.
        var sorted = diagnostics.Distinct().OrderBy(d => d.Start).ToEquatableArray();
        return new SymCompilation(file, sorted, lines) { Symbols = symbols };
    }
}
