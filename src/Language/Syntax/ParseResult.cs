namespace SymbolicGen.Language.Syntax;

/// <summary>What <see cref="SymParser.Parse"/> returns: the flows it could read and the syntax problems (SYM0001, SYM0002), sorted by position.</summary>
/// <param name="Syntax">The parsed file; statements that could not be read are left out or kept partially (see docs/language.md).</param>
/// <param name="Diagnostics">Syntax errors and bad tokens.</param>
public sealed record ParseResult(FileSyntax Syntax, EquatableArray<Diagnostics.Diagnostic> Diagnostics)
{
    /// <summary>
    /// Every token of the file in order, comments, line breaks and bad tokens included (not the parser's
    /// end-of-file sentinel): each character is in exactly one token or is white space between tokens.
    /// </summary>
    public EquatableArray<SourceToken> Tokens { get; init; }
}
