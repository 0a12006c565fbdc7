namespace SymbolicGen.Language.Syntax;

/// <summary>The kinds of token the <see cref="Tokenizer"/> produces (DESIGN §3.1).</summary>
public enum TokenKind
{
    /// <summary><c>[A-Za-z_][A-Za-z0-9_]*</c>; keywords such as <c>flow</c> or <c>true</c> are identifiers too.</summary>
    Identifier,
    /// <summary><c>-?digits[.digits][e±digits]</c>.</summary>
    Number,
    /// <summary>A number directly followed by a known unit: <c>6s</c>, <c>-6dB</c>, <c>50%</c>.</summary>
    Quantity,
    /// <summary><c>1024x576</c>.</summary>
    Size,
    /// <summary><c>#</c> and 3, 6 or 8 hex digits: <c>#1e90ff</c>.</summary>
    Color,
    /// <summary><c>"…"</c> with escapes.</summary>
    String,
    /// <summary><c>"""…"""</c>, raw and possibly multi-line.</summary>
    BlockString,
    /// <summary><c>(</c></summary>
    LeftParen,
    /// <summary><c>)</c></summary>
    RightParen,
    /// <summary><c>{</c></summary>
    LeftBrace,
    /// <summary><c>}</c></summary>
    RightBrace,
    /// <summary><c>[</c></summary>
    LeftBracket,
    /// <summary><c>]</c></summary>
    RightBracket,
    /// <summary><c>,</c></summary>
    Comma,
    /// <summary><c>:</c></summary>
    Colon,
    /// <summary><c>=</c></summary>
    Equals,
    /// <summary><c>.</c></summary>
    Dot,
    /// <summary><c>-&gt;</c></summary>
    Arrow,
    /// <summary>A line break (LF, CRLF or CR); significant only in declarative flows.</summary>
    Newline,
    /// <summary><c>#</c> to the end of the line.</summary>
    Comment,
    /// <summary>The end of the text: a sentinel the parser appends; the tokenizer never produces it.</summary>
    EndOfFile,
    /// <summary>Characters that start no token (one token per run of them).</summary>
    InvalidCharacter,
    /// <summary>A string without its closing quote: from the opening quote to the end of the line (or file, for <c>"""</c>).</summary>
    UnterminatedString,
    /// <summary>Letters glued to a number that are not a unit (<c>parsecs</c> in <c>6parsecs</c>); the number is a separate token.</summary>
    UnknownUnit,
    /// <summary>A number or size too large to represent.</summary>
    InvalidNumber,
}

/// <summary>Helpers over <see cref="TokenKind"/>.</summary>
public static class TokenKinds
{
    /// <summary>True for the kinds that stand for bad input (reported as SYM0002).</summary>
    public static bool IsError(this TokenKind kind) => kind >= TokenKind.InvalidCharacter;
}
