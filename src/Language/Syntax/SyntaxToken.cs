using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Syntax;

/// <summary>A token as the parsers see it: kind, exact position, text, and whether it opens its line.</summary>
internal readonly struct SyntaxToken
{
    public SyntaxToken(TokenKind kind, int start, int length, string text, bool isLineStart)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Text = text;
        IsLineStart = isLineStart;
    }

    public TokenKind Kind { get; }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public string Text { get; }

    /// <summary>True when no other token (comments aside) precedes it on its line.</summary>
    public bool IsLineStart { get; }

    public SourceSpan Span => new(Start, Length);

    /// <summary>True for the identifier <paramref name="word"/> (keywords are case-sensitive).</summary>
    public bool IsWord(string word) => Kind == TokenKind.Identifier && Text == word;

    public override string ToString() => $"{Kind} '{Text}' {Span}";
}
