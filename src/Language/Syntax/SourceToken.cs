using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Syntax;

/// <summary>
/// A token of a <c>.sym</c> file as tools see it (semantic highlighting, completion context): its kind,
/// exact span and text, comments and line breaks included. <see cref="ParseResult.Tokens"/> lists them.
/// </summary>
/// <param name="Kind">What the token is; keywords are <see cref="TokenKind.Identifier"/>s.</param>
/// <param name="Span">Where it is (compare positions with <see cref="SourceSpan.PositionComparer"/>).</param>
/// <param name="Text">The text as written, for a comment from its <c>#</c> to the end of the line.</param>
public readonly record struct SourceToken(TokenKind Kind, SourceSpan Span, string Text)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind} '{Text}' {Span}";
}
