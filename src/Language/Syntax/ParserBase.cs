using System.Collections.Generic;
using System.Globalization;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Syntax;

/// <summary>The state the parsers of one file share: the tokens, the position and the diagnostics.</summary>
internal sealed class ParseContext
{
    public ParseContext(SyntaxToken[] tokens) => Tokens = tokens;

    /// <summary>Every token but comments, ending with an <see cref="TokenKind.EndOfFile"/> sentinel.</summary>
    public SyntaxToken[] Tokens { get; }

    public int Index { get; set; }

    /// <summary>End of the last token taken: where a partially read statement stops.</summary>
    public int LastEnd { get; set; }

    /// <summary>
    /// Set once the current statement has a diagnostic (or holds a bad token, already reported as
    /// SYM0002): later syntax errors in the same statement are consequences and stay unreported.
    /// </summary>
    public bool StatementReported { get; set; }

    /// <summary>How deep the list being read is nested, bounded so that no input can exhaust the stack.</summary>
    public int ListDepth { get; set; }

    public List<Diagnostic> Diagnostics { get; } = new();
}

/// <summary>
/// A cursor over the tokens with what the three syntaxes share: expectations that report SYM0001,
/// values, and the test for the start of the next flow. Parsing methods return false after a syntax
/// error; the caller then recovers at its statement boundary.
/// </summary>
internal abstract partial class ParserBase
{
    private const int MaxListDepth = 32;

    protected ParserBase(ParseContext context) => Context = context;

    protected ParseContext Context { get; }

    /// <summary>True in declarative flows, where a statement ends at the end of its line.</summary>
    protected abstract bool NewlinesMatter { get; }

    /// <summary>True where a number may take its unit as a following word (<c>6 seconds</c>).</summary>
    protected virtual bool AcceptsUnitWords => false;

    protected SyntaxToken Current => Context.Tokens[Skip(Context.Index)];

    /// <summary>The significant token after <see cref="Current"/>.</summary>
    protected SyntaxToken Next
    {
        get
        {
            var i = Skip(Context.Index);
            return Context.Tokens[Context.Tokens[i].Kind == TokenKind.EndOfFile ? i : Skip(i + 1)];
        }
    }

    protected bool At(TokenKind kind) => Current.Kind == kind;

    protected bool AtWord(string word) => Current.IsWord(word);

    protected SyntaxToken Take()
    {
        var i = Skip(Context.Index);
        var token = Context.Tokens[i];
        if (token.Kind != TokenKind.EndOfFile)
        {
            Context.Index = i + 1;
            Context.LastEnd = token.End;
        }
        return token;
    }

    protected bool TryTake(TokenKind kind)
    {
        if (!At(kind)) return false;
        Take();
        return true;
    }

    protected bool TryTakeWord(string word)
    {
        if (!AtWord(word)) return false;
        Take();
        return true;
    }

    protected bool Expect(TokenKind kind)
    {
        if (TryTake(kind)) return true;
        Fail(Describe(kind));
        return false;
    }

    protected bool ExpectWord(string word)
    {
        if (TryTakeWord(word)) return true;
        Fail("'" + word + "'");
        return false;
    }

    protected bool ExpectName(string what, out Identifier name)
    {
        var token = Current;
        name = new Identifier(token.Text, token.Span);
        if (token.Kind == TokenKind.Identifier)
        {
            Take();
            return true;
        }
        Fail(what);
        return false;
    }

    /// <summary>
    /// A dataflow or declarative step's targets: one name (<paramref name="what"/> is what a lone name
    /// is expected as), or <c>(a, b, …)</c> for a destructuring.
    /// </summary>
    protected bool ParseTargets(string what, out List<Identifier> targets)
    {
        targets = new List<Identifier>();
        if (!TryTake(TokenKind.LeftParen))
        {
            if (!ExpectName(what, out var name)) return false;
            targets.Add(name);
            return true;
        }
        do
        {
            if (!ExpectName("a name", out var target)) return false;
            targets.Add(target);
        }
        while (TryTake(TokenKind.Comma));
        return Expect(TokenKind.RightParen);
    }

    /// <summary>The position, to come back to after looking ahead (<see cref="Reset"/>).</summary>
    protected (int Index, int LastEnd) Mark() => (Context.Index, Context.LastEnd);

    protected void Reset((int Index, int LastEnd) mark) => (Context.Index, Context.LastEnd) = mark;

    protected void BeginStatement() => Context.StatementReported = false;

    /// <summary>Reports <c>expected X but found Y</c> at the current token (once per statement).</summary>
    protected void Fail(string expected) => Report(Current, $"expected {expected} but found {Describe(Current)}");

    protected void Report(SyntaxToken at, string message, params CodeFix[] fixes)
    {
        // The end of the file reached inside an unterminated string is part of that (reported) mistake.
        var afterUnterminated = at.Kind == TokenKind.EndOfFile && Context.Tokens.Length > 1 &&
                                Context.Tokens[Context.Tokens.Length - 2].Kind == TokenKind.UnterminatedString;
        if (!Context.StatementReported && !at.Kind.IsError() && !afterUnterminated)
            Context.Diagnostics.Add(DiagnosticDescriptors.SyntaxError.Create(at.Span, message, fixes));
        Context.StatementReported = true;
    }

    protected SourceSpan SpanFrom(int start) => SourceSpan.FromBounds(start, System.Math.Max(start, Context.LastEnd));

    /// <summary>True when a dot at <paramref name="index"/> selects a port (<c>node.port</c>).</summary>
    protected virtual bool IsPortDot(int index) => true;

    /// <summary>
    /// Reads a value. Returns false after a syntax error. Returns true with a null
    /// <paramref name="value"/> when the value is a bad token (already reported as SYM0002): the
    /// caller drops it and goes on, so one bad literal costs one diagnostic.
    /// </summary>
    protected bool ParseValue(out Value? value)
    {
        value = null;
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
            case TokenKind.Quantity:
            case TokenKind.Size:
            case TokenKind.InvalidNumber:
                Take();
                var unknownUnit = Current.Kind == TokenKind.UnknownUnit && Current.Start == token.End;
                if (unknownUnit) Take();
                if (unknownUnit || token.Kind == TokenKind.InvalidNumber)
                {
                    Context.StatementReported = true;
                    return true;
                }
                value = NumericValue(token);
                return true;
            case TokenKind.Color:
                Take();
                value = new ColorValue(token.Text.ToLowerInvariant()) { Span = token.Span };
                return true;
            case TokenKind.String:
                Take();
                value = new StringValue(DecodeString(token, null)) { Span = token.Span };
                return true;
            case TokenKind.BlockString:
                Take();
                value = new StringValue(BlockContent(token.Text), Block: true) { Span = token.Span };
                return true;
            case TokenKind.LeftBracket:
                return ParseList(out value);
            case TokenKind.Identifier:
                return ParseWord(out value);
            case var kind when kind.IsError():
                Take();
                Context.StatementReported = true;
                return true;
            default:
                Fail("a value");
                return false;
        }
    }

    private Value NumericValue(SyntaxToken token)
    {
        var text = token.Text;
        if (token.Kind == TokenKind.Size)
        {
            ValueGrammar.TryParseSize(text, out var width, out var height); // the tokenizer made it a Size by this grammar
            return new SizeValue(width, height) { Span = token.Span };
        }

        var numberLength = Tokenizer.NumberLength(text, 0);
        var numberText = text.Substring(0, numberLength);
        var number = double.Parse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (token.Kind == TokenKind.Quantity)
            return new QuantityValue(number, Units.FromSymbol(text.Substring(numberLength))!.Symbol) { Span = token.Span };

        var next = Current;
        if (AcceptsUnitWords && next.Kind == TokenKind.Identifier && !next.IsLineStart && Units.FromWord(next.Text) is { } unit)
        {
            Take();
            return new QuantityValue(number, unit.Symbol) { Span = SourceSpan.FromBounds(token.Start, next.End) };
        }
        var exact = Numeric.TryParse(numberText, out var parsed) ? parsed : Numeric.Of(number);
        return new NumberValue(exact) { Span = token.Span };
    }

    private bool ParseList(out Value? value)
    {
        value = null;
        if (Context.ListDepth == MaxListDepth)
        {
            Report(Current, $"expected a value but found '[': lists nest at most {MaxListDepth} deep");
            return false;
        }
        var open = Take();
        var items = new List<Value>();
        Context.ListDepth++;
        var ok = true;
        while (!At(TokenKind.RightBracket))
        {
            ok = ParseValue(out var item);
            if (!ok) break;
            if (item is not null) items.Add(item);
            if (!TryTake(TokenKind.Comma)) break;
        }
        Context.ListDepth--;
        if (!ok) return false;
        if (!At(TokenKind.RightBracket))
        {
            Fail(items.Count == 0 ? "a value or ']'" : "',' or ']'");
            return false;
        }
        Take();
        value = new ListValue(items.ToEquatableArray()) { Span = SpanFrom(open.Start) };
        return true;
    }

    private bool ParseWord(out Value? value)
    {
        value = null;
        var wordIndex = Skip(Context.Index);
        var word = Take();
        if (word.Text is "true" or "false")
        {
            value = new BoolValue(word.Text == "true") { Span = word.Span };
            return true;
        }
        if (Context.Tokens[AfterDottedName(wordIndex)].Kind == TokenKind.LeftParen)
        {
            Context.Index = wordIndex;
            ExpectDottedName("a function name", out var function);
            Report(Current, $"expected a value but found a call of '{function.Text}'; assign the call to a name first");
            return false;
        }

        string? port = null;
        if (At(TokenKind.Dot) && IsPortDot(Skip(Context.Index)))
        {
            Take();
            if (!ExpectName("a port name", out var portName)) return false;
            port = portName.Text;
        }
        value = new ReferenceValue(word.Text, port) { Span = SpanFrom(word.Start), NameSpan = word.Span };
        return true;
    }

    /// <summary>A <c>name: Type [= default]</c> declaration's pieces after the name.</summary>
    protected bool ParseTypedDeclaration(Identifier name, out DeclarationSyntax declaration)
    {
        declaration = new DeclarationSyntax(name, name, null, name.Span);
        if (!Expect(TokenKind.Colon) || !ExpectName("a type", out var type)) return false;
        Value? defaultValue = null;
        if (TryTake(TokenKind.Equals) && !ParseValue(out defaultValue)) return false;
        declaration = new DeclarationSyntax(name, type, defaultValue, SpanFrom(name.Span.Start));
        return true;
    }

    /// <summary>
    /// True at the header of a flow: <c>Name is a flow</c> (or <c>an flow</c>), or <c>flow Name</c> for
    /// any name but <c>is</c> (so that a pseudo-natural step may be called <c>flow</c>). Text after
    /// <c>flow Name</c> does not matter: a mistake in a header does not make it part of the flow before.
    /// </summary>
    internal static bool IsFlowStart(SyntaxToken[] tokens, int i)
    {
        var first = tokens[i];
        if (first.Kind != TokenKind.Identifier || tokens[i + 1].Kind != TokenKind.Identifier) return false;
        if (tokens[i + 1].Text == "is")
            return tokens[i + 2].Kind == TokenKind.Identifier && tokens[i + 2].Text is "a" or "an" && tokens[i + 3].IsWord("flow");
        return first.Text == "flow";
    }

    protected bool AtFlowStart() => IsFlowStart(Context.Tokens, Skip(Context.Index));

    /// <summary>The index of the first token at or after <paramref name="index"/> that is not a skipped line break.</summary>
    protected int Skip(int index)
    {
        if (!NewlinesMatter)
            while (Context.Tokens[index].Kind == TokenKind.Newline) index++;
        return index;
    }

    /// <summary><c>expected …</c> wording for a token kind.</summary>
    protected static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.Identifier => "a name",
        TokenKind.LeftParen => "'('",
        TokenKind.RightParen => "')'",
        TokenKind.LeftBrace => "'{'",
        TokenKind.RightBrace => "'}'",
        TokenKind.LeftBracket => "'['",
        TokenKind.RightBracket => "']'",
        TokenKind.Comma => "','",
        TokenKind.Colon => "':'",
        TokenKind.Equals => "'='",
        TokenKind.Dot => "'.'",
        TokenKind.Arrow => "'->'",
        TokenKind.Newline => "end of line",
        TokenKind.EndOfFile => "end of file",
        _ => "a value",
    };

    /// <summary><c>found …</c> wording for a token: its text quoted (shortened to one line), or end of line/file.</summary>
    internal static string Describe(SyntaxToken token)
    {
        if (token.Kind == TokenKind.EndOfFile) return "end of file";
        if (token.Kind == TokenKind.Newline) return "end of line";
        var text = token.Text;
        var lineBreak = text.IndexOfAny(new[] { '\r', '\n' });
        if (lineBreak >= 0) text = text.Substring(0, lineBreak) + "…";
        return "'" + Shorten(text) + "'";
    }

    /// <summary>Source text as a message quotes it: at most 30 characters, the last one '…' when cut.</summary>
    internal static string Shorten(string text) => text.Length > 30 ? text.Substring(0, 29) + "…" : text;

    /// <summary>The raw content of a <c>"""…"""</c> token.</summary>
    internal static string BlockContent(string text) => text.Substring(3, text.Length - 6);

    /// <summary>
    /// The value of a <c>"…"</c> token. An unknown escape is kept as written and, when
    /// <paramref name="diagnostics"/> is given, reported as SYM0002 on the escape.
    /// </summary>
    internal static string DecodeString(SyntaxToken token, List<Diagnostic>? diagnostics)
    {
        var text = token.Text;
        var end = text.Length - 1;
        var builder = new System.Text.StringBuilder(end);
        for (var i = 1; i < end; i++)
        {
            var c = text[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }
            var escape = text[i + 1];
            switch (escape)
            {
                case '"': builder.Append('"'); i++; continue;
                case '\\': builder.Append('\\'); i++; continue;
                case 'n': builder.Append('\n'); i++; continue;
                case 't': builder.Append('\t'); i++; continue;
                case 'u' when i + 6 <= end &&
                              ushort.TryParse(text.Substring(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 5;
                    continue;
            }
            diagnostics?.Add(DiagnosticDescriptors.BadToken.Create(new SourceSpan(token.Start + i, 2),
                $"invalid escape '{text.Substring(i, 2)}'; strings accept \\\", \\\\, \\n, \\t and \\uXXXX"));
            builder.Append(text, i, 2);
            i++;
        }
        return builder.ToString();
    }
}
