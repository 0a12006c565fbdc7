using System.Collections.Generic;
using System.Globalization;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Language.Syntax;

/// <summary>
/// Splits a <c>.sym</c> text into tokens (DESIGN §3.1). It never fails: input that forms no valid token
/// becomes an error token (<see cref="TokenKinds.IsError"/>) that the parser reports as SYM0002. Every
/// character belongs to exactly one token or to skipped white space, so token spans are exact.
/// </summary>
public sealed class Tokenizer : Tokenizer<TokenKind>
{
    private static readonly TextParser<TextSpan> Digits = Span.WithAll(IsDigit);
    private static readonly TextParser<TextSpan> IdentifierTail = Span.WithAll(IsIdentifierPart);
    private static readonly TextParser<TextSpan> HexDigits = Span.WithAll(IsHexDigit);

    /// <summary>A shared instance; the tokenizer holds no state.</summary>
    public static Tokenizer Instance { get; } = new();

    /// <summary>True for <c>[A-Za-z_]</c>.</summary>
    public static bool IsIdentifierStart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_';

    /// <summary>True for <c>[A-Za-z0-9_]</c>.</summary>
    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);

    /// <summary>True for a whole name the language can write: <c>[A-Za-z_][A-Za-z0-9_]*</c> (what catalog readers accept as names).</summary>
    public static bool IsIdentifier(string? text)
    {
        if (string.IsNullOrEmpty(text) || !IsIdentifierStart(text![0])) return false;
        foreach (var c in text)
            if (!IsIdentifierPart(c)) return false;
        return true;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHexDigit(char c) => IsDigit(c) || c is >= 'a' and <= 'f' or >= 'A' and <= 'F';

    // White space other than line breaks; the BOM is tolerated anywhere.
    private static bool IsBlank(char c) => c is ' ' or '\t' or '\f' or '\v' or '\uFEFF';

    /// <summary>
    /// The tokens of <paramref name="text"/> as Superpower results (kind, location, remainder), as they
    /// are scanned: the parser reads them without building Superpower's token list first.
    /// </summary>
    internal IEnumerable<Result<TokenKind>> Scan(string text) => Tokenize(new TextSpan(text));

    /// <inheritdoc/>
    protected override IEnumerable<Result<TokenKind>> Tokenize(TextSpan span)
    {
        var source = span.Source ?? "";
        var rest = span;
        var numberEnd = -1;
        while (!rest.IsAtEnd)
        {
            var at = rest.Position.Absolute;
            if (IsBlank(source[at]))
            {
                rest = rest.Skip(1);
                continue;
            }

            // Letters glued to a number that did not take them as its unit are an unknown unit.
            var (kind, length) = at == numberEnd && IsIdentifierStart(source[at])
                ? (TokenKind.UnknownUnit, GluedWordLength(source, at))
                : ScanToken(source, at);
            var next = rest.Skip(length);
            yield return Result.Value(kind, rest, next);
            numberEnd = kind is TokenKind.Number or TokenKind.Size or TokenKind.InvalidNumber ? at + length : -1;
            rest = next;
        }
    }

    // The token starting at a non-blank character.
    private static (TokenKind Kind, int Length) ScanToken(string s, int at)
    {
        var c = s[at];
        var next = at + 1 < s.Length ? s[at + 1] : '\0';
        switch (c)
        {
            case '\n': return (TokenKind.Newline, 1);
            case '\r': return (TokenKind.Newline, next == '\n' ? 2 : 1);
            case '(': return (TokenKind.LeftParen, 1);
            case ')': return (TokenKind.RightParen, 1);
            case '{': return (TokenKind.LeftBrace, 1);
            case '}': return (TokenKind.RightBrace, 1);
            case '[': return (TokenKind.LeftBracket, 1);
            case ']': return (TokenKind.RightBracket, 1);
            case ',': return (TokenKind.Comma, 1);
            case ':': return (TokenKind.Colon, 1);
            case '=': return (TokenKind.Equals, 1);
            case '.': return (TokenKind.Dot, 1);
            case '#': return ScanHash(s, at);
            case '"': return ScanString(s, at);
            case '-' when next == '>': return (TokenKind.Arrow, 2);
        }

        if (IsDigit(c) || (c == '-' && IsDigit(next))) return ScanNumber(s, at);
        if (IsIdentifierStart(c)) return (TokenKind.Identifier, 1 + Length(IdentifierTail, s, at + 1));

        var end = at + 1;
        while (end < s.Length && StartsNoToken(s, end)) end++;
        return (TokenKind.InvalidCharacter, end - at);
    }

    private static bool StartsNoToken(string s, int i)
    {
        var c = s[i];
        if (IsBlank(c) || IsIdentifierPart(c) || "\r\n(){}[],:=.#\"".IndexOf(c) >= 0) return false;
        return !(c == '-' && i + 1 < s.Length && (s[i + 1] == '>' || IsDigit(s[i + 1])));
    }

    // Length of what `parser` matches at `at` (0 when nothing).
    private static int Length(TextParser<TextSpan> parser, string s, int at)
    {
        if (at >= s.Length) return 0;
        var result = parser(new TextSpan(s, new Position(at, 1, 1), s.Length - at));
        return result.HasValue ? result.Value.Length : 0;
    }

    // '#' and 3, 6 or 8 hex digits not followed by an identifier character is a colour; otherwise a comment.
    private static (TokenKind, int) ScanHash(string s, int at)
    {
        var hex = Length(HexDigits, s, at + 1);
        var after = at + 1 + hex;
        if (ValueGrammar.IsColor(s.Substring(at, 1 + hex)) && (after >= s.Length || !IsIdentifierPart(s[after])))
            return (TokenKind.Color, 1 + hex);
        var end = at;
        while (end < s.Length && s[end] != '\n' && s[end] != '\r') end++;
        return (TokenKind.Comment, end - at);
    }

    private static (TokenKind, int) ScanString(string s, int at)
    {
        if (at + 2 < s.Length && s[at + 1] == '"' && s[at + 2] == '"')
        {
            // A block string ends at the first run of three or more quotes; quotes before the last
            // three of that run belong to the content, so a prompt may end with a quote.
            for (var i = at + 3; i + 2 < s.Length; i++)
            {
                if (s[i] != '"' || s[i + 1] != '"' || s[i + 2] != '"') continue;
                var end = i + 3;
                while (end < s.Length && s[end] == '"') end++;
                return (TokenKind.BlockString, end - at);
            }
            return (TokenKind.UnterminatedString, s.Length - at);
        }

        for (var i = at + 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '"') return (TokenKind.String, i + 1 - at);
            if (c is '\n' or '\r') return (TokenKind.UnterminatedString, i - at);
            if (c == '\\' && i + 1 < s.Length && s[i + 1] is not ('\n' or '\r')) i++;
        }
        return (TokenKind.UnterminatedString, s.Length - at);
    }

    /// <summary>
    /// Length of the number <c>-?digits[.digits][e±digits]</c> at <paramref name="at"/> (0 when none); shared
    /// with the parser, which splits a quantity into its number and its unit.
    /// </summary>
    internal static int NumberLength(string s, int at)
    {
        var i = at;
        if (i < s.Length && s[i] == '-') i++;
        var digits = Length(Digits, s, i);
        if (digits == 0) return 0;
        i += digits;
        if (i + 1 < s.Length && s[i] == '.' && IsDigit(s[i + 1])) i += 1 + Length(Digits, s, i + 1);
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            var sign = i + 1 < s.Length && s[i + 1] is '+' or '-' ? 1 : 0;
            if (i + 1 + sign < s.Length && IsDigit(s[i + 1 + sign])) i += 1 + sign + Length(Digits, s, i + 1 + sign);
        }
        return i - at;
    }

    // A number, quantity or size. Letters glued to it that name no unit are left for the next token.
    private static (TokenKind, int) ScanNumber(string s, int at)
    {
        var numberEnd = at + NumberLength(s, at);
        var isNatural = numberEnd - at == Length(Digits, s, at);
        if (isNatural && numberEnd + 1 < s.Length && s[numberEnd] == 'x' && IsDigit(s[numberEnd + 1]))
        {
            var end = numberEnd + 1 + Length(Digits, s, numberEnd + 1);
            return (ValueGrammar.TryParseSize(s.Substring(at, end - at), out _, out _) ? TokenKind.Size : TokenKind.InvalidNumber, end - at);
        }

        var finite = double.TryParse(s.Substring(at, numberEnd - at), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) &&
                     !double.IsInfinity(value) && !double.IsNaN(value);
        var unitLength = numberEnd < s.Length && s[numberEnd] == '%' ? 1 : GluedWordLength(s, numberEnd);
        var isQuantity = unitLength > 0 && Units.FromSymbol(s.Substring(numberEnd, unitLength)) is not null;
        var length = numberEnd - at + (isQuantity ? unitLength : 0);
        return (!finite ? TokenKind.InvalidNumber : isQuantity ? TokenKind.Quantity : TokenKind.Number, length);
    }

    private static int GluedWordLength(string s, int at) =>
        at < s.Length && IsIdentifierStart(s[at]) ? 1 + Length(IdentifierTail, s, at + 1) : 0;
}
