using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Syntax;

/// <summary>
/// Parses a <c>.sym</c> file: <c>using</c> lines, then any number of flows, each in the syntax its header announces
/// (<c>flow Name(</c> dataflow, <c>flow Name</c> + line break declarative, <c>Name is a flow</c>
/// pseudo-natural). Never throws: problems become SYM0001/SYM0002 diagnostics, and parsing goes on
/// after each one at the next statement.
/// </summary>
public static class SymParser
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    public static ParseResult Parse(string text)
    {
        text ??= "";
        try
        {
            return ParseFile(text);
        }
        catch (Exception exception)
        {
            return new ParseResult(new FileSyntax(default), EquatableArray.Of(Wording.InternalError(default, "parsing", exception)));
        }
    }

    private static ParseResult ParseFile(string text)
    {
        var tokens = new List<SyntaxToken>();
        var comments = new List<CommentToken>();
        var lineStart = true;
        foreach (var token in Tokenizer.Instance.Scan(text))
        {
            var start = token.Location.Position.Absolute;
            var length = token.Remainder.Position.Absolute - start;
            var kind = token.Value;
            if (kind == TokenKind.Comment)
            {
                comments.Add(new CommentToken(CommentText(text.Substring(start, length)), start, lineStart));
                continue;
            }
            tokens.Add(new SyntaxToken(kind, start, length, text.Substring(start, length), lineStart && kind != TokenKind.Newline));
            lineStart = kind == TokenKind.Newline;
        }
        tokens.Add(new SyntaxToken(TokenKind.EndOfFile, text.Length, 0, "", lineStart));

        var context = new ParseContext(tokens.ToArray());
        ReportBadTokens(context);
        var parser = new FileParser(context);
        var usings = parser.ParseUsings();
        var flows = parser.ParseFlows();
        var file = CommentAttacher.Attach(usings, flows, comments, new LineMap(text));
        var diagnostics = context.Diagnostics.OrderBy(d => d.Start).ToEquatableArray();
        return new ParseResult(file, diagnostics) { Text = text };
    }

    /// <summary>
    /// Every token of <paramref name="text"/> in order, comments, line breaks and bad tokens included: each character
    /// is in exactly one token or is white space between tokens. Scanned again on demand, so that a host that only
    /// wants diagnostics keeps no token list.
    /// </summary>
    public static EquatableArray<SourceToken> Tokens(string text)
    {
        var all = new List<SourceToken>();
        foreach (var token in Tokenizer.Instance.Scan(text ?? ""))
        {
            var start = token.Location.Position.Absolute;
            var length = token.Remainder.Position.Absolute - start;
            all.Add(new SourceToken(token.Value, new SourceSpan(start, length), text!.Substring(start, length)));
        }
        return EquatableArray<SourceToken>.Own(all.ToArray());
    }

    // Comment text without the '#', one following space and trailing white space.
    private static string CommentText(string token)
    {
        var text = token.Substring(1);
        if (text.StartsWith(" ", StringComparison.Ordinal)) text = text.Substring(1);
        return text.TrimEnd();
    }

    // Every bad token is reported here, once, wherever it is (also inside statements skipped after a
    // syntax error); the parsers then treat bad tokens as already reported.
    private static void ReportBadTokens(ParseContext context)
    {
        var tokens = context.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.InvalidCharacter:
                    context.Diagnostics.Add(DiagnosticDescriptors.BadToken.Create(token.Span, InvalidCharacterMessage(token.Text)));
                    break;
                case TokenKind.UnterminatedString:
                    context.Diagnostics.Add(DiagnosticDescriptors.BadToken.Create(token.Span,
                        token.Text.StartsWith("\"\"\"", StringComparison.Ordinal) ? "unterminated block string: '\"\"\"' expected" : "unterminated string"));
                    break;
                case TokenKind.UnknownUnit:
                    context.Diagnostics.Add(UnknownUnit(token));
                    break;
                case TokenKind.InvalidNumber:
                    context.Diagnostics.Add(DiagnosticDescriptors.BadToken.Create(token.Span,
                        $"{(token.Text.Contains("x") ? "size" : "number")} '{token.Text}' is out of range"));
                    break;
                case TokenKind.String:
                    ParserBase.DecodeString(token, context.Diagnostics);
                    break;
            }
        }
    }

    private static string InvalidCharacterMessage(string text)
    {
        var shown = ParserBase.Shorten(string.Concat(text.Select(c => char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : c.ToString())));
        return text.Length == 1 ? $"invalid character '{shown}'" : $"invalid characters '{shown}'";
    }

    // A unit word glued to a number (6seconds) suggests its symbol; a misspelt symbol the closest ones.
    private static Diagnostic UnknownUnit(SyntaxToken token)
    {
        var (suffix, fixes) = Units.FromWord(token.Text) is { } unit
            ? Suggestions.Meant(token.Text, token.Span, new[] { unit.Symbol })
            : Suggestions.DidYouMean(token.Text, token.Span, Units.SymbolNames);
        if (fixes.Length == 0) suffix = $"; the units are {string.Join(", ", Units.SymbolNames)}";
        return DiagnosticDescriptors.BadToken.Create(token.Span, $"unknown unit '{token.Text}'{suffix}", fixes);
    }

    /// <summary>The top level: finds each flow's header and hands the flow to the parser of its syntax.</summary>
    private sealed class FileParser : ParserBase
    {
        public FileParser(ParseContext context) : base(context)
        {
        }

        protected override bool NewlinesMatter => false;

        /// <summary>The <c>using</c> lines that open the file, one namespace each.</summary>
        public List<UsingSyntax> ParseUsings()
        {
            var usings = new List<UsingSyntax>();
            while (AtUsing())
            {
                BeginStatement();
                var start = Take().Start;
                var raw = Context.Tokens[Context.Index];
                if (AtLineBreak())
                    Report(raw, $"expected a namespace but found {Describe(raw)}");
                else if (ExpectDottedName("a namespace", out var ns) && AtLineBreak())
                    usings.Add(new UsingSyntax(ns, default, null, SpanFrom(start)));
                else
                    Fail("end of line");
                while (!AtLineBreak()) Take();
            }
            return usings;
        }

        // A namespace is one line: its dots join names on that line.
        protected override bool IsPortDot(int index) => Context.Tokens[index + 1].Kind == TokenKind.Identifier;

        // True when the next token (line breaks not skipped) ends the line.
        private bool AtLineBreak() => Context.Tokens[Context.Index].Kind is TokenKind.Newline or TokenKind.EndOfFile;

        public List<FlowSyntax> ParseFlows()
        {
            var flows = new List<FlowSyntax>();
            while (!At(TokenKind.EndOfFile))
            {
                BeginStatement();
                // Each syntax parser starts at the header's first token (the declarative one counts line breaks).
                var index = Context.Index = Skip(Context.Index);
                var tokens = Context.Tokens;
                if (AtWord("flow") && tokens[index + 1].Kind == TokenKind.Identifier && !tokens[index + 1].IsWord("is"))
                {
                    flows.Add(HeaderLineHas(index, TokenKind.LeftParen) || HeaderLineHas(index, TokenKind.LeftBrace)
                        ? new DataflowParser(Context).ParseFlow()
                        : new DeclarativeParser(Context).ParseFlow());
                }
                else if (AtFlowStart())
                {
                    flows.Add(new NaturalParser(Context).ParseFlow());
                }
                else if (AtUsing())
                {
                    Report(Current, "expected a flow header but found 'using': 'using' lines come before the first flow");
                    SkipToNextFlow();
                }
                else
                {
                    if (AtWord("flow")) Take();
                    Fail(Context.Tokens[index].IsWord("flow") ? "a flow name" : "a flow header ('flow Name(…)', 'flow Name' or 'Name is a flow')");
                    SkipToNextFlow();
                }
            }
            return flows;
        }

        // Whether the line of the header starting at `index` holds `kind` (a header with a typo in it
        // is still parsed in the syntax it evidently meant).
        private bool HeaderLineHas(int index, TokenKind kind)
        {
            var tokens = Context.Tokens;
            for (var i = index; tokens[i].Kind is not (TokenKind.Newline or TokenKind.EndOfFile); i++)
                if (tokens[i].Kind == kind) return true;
            return false;
        }

        private void SkipToNextFlow()
        {
            do
            {
                Take();
            }
            while (!At(TokenKind.EndOfFile) && !(Current.IsLineStart && AtFlowStart()));
        }
    }
}
