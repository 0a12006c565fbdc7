using System;

namespace SymbolicGen.Language.Syntax;

/// <summary>What <see cref="SymParser.Parse"/> returns: the flows it could read and the syntax problems (SYM0001, SYM0002), sorted by position.</summary>
/// <param name="Syntax">The parsed file; statements that could not be read are left out or kept partially (see docs/language.md).</param>
/// <param name="Diagnostics">Syntax errors and bad tokens.</param>
public sealed record ParseResult(FileSyntax Syntax, EquatableArray<Diagnostics.Diagnostic> Diagnostics)
{
    private EquatableArray<SourceToken>? _tokens;

    /// <summary>The text that was parsed.</summary>
    public string Text { get; init; } = "";

    /// <summary>
    /// Every token of the file in order, comments, line breaks and bad tokens included (not the parser's
    /// end-of-file sentinel): each character is in exactly one token or is white space between tokens.
    /// Scanned on first use (<see cref="SymParser.Tokens"/>).
    /// </summary>
    public EquatableArray<SourceToken> Tokens => _tokens ??= SymParser.Tokens(Text);

    /// <summary>Equal when the syntax and the diagnostics are (the tokens follow from the text).</summary>
    public bool Equals(ParseResult? other) =>
        other is not null && Syntax.Equals(other.Syntax) && Diagnostics.Equals(other.Diagnostics) && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => Syntax.GetHashCode() ^ Diagnostics.GetHashCode();
}
