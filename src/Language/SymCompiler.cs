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

    /// <summary>Every token of the text, comments included (see <see cref="ParseResult.Tokens"/>).</summary>
    public EquatableArray<SourceToken> Tokens { get; init; }

    /// <summary>The file's symbols and names by position, for tools (see <see cref="SymbolIndex"/>).</summary>
    public SymbolIndex Symbols { get; init; } = SymbolIndex.Empty;
}

/// <summary>The language front end in one call: parse, bind and check.</summary>
public static class SymCompiler
{
    /// <summary>
    /// Compiles <paramref name="text"/> against <paramref name="catalog"/>, reporting every problem in
    /// one pass. Never throws: a bug in SymbolicGen becomes a SYM0901 diagnostic.
    /// </summary>
    public static SymCompilation Compile(string text, FunctionCatalog catalog)
    {
        text ??= "";
        var lines = new LineMap(text);
        var diagnostics = new List<Diagnostic>();
        var file = new SymFile(default);
        var tokens = default(EquatableArray<SourceToken>);
        var symbols = SymbolIndex.Empty;
        try
        {
            var parsed = SymParser.Parse(text);
            diagnostics.AddRange(parsed.Diagnostics);
            tokens = parsed.Tokens;
            var bound = Binder.Bind(parsed.Syntax, catalog);
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
        return new SymCompilation(file, sorted, lines) { Tokens = tokens, Symbols = symbols };
    }
}
