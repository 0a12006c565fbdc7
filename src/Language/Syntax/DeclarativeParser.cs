using System.Collections.Generic;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Language.Syntax;

/// <summary>
/// Declarative flows: <c>flow Name</c>, then one statement per line (<c>input</c>, <c>param</c>,
/// <c>output</c>, <c>node x = F { k: v }</c>, <c>link source -> target</c>) and <c>end</c>.
/// A broken statement costs its line only.
/// </summary>
internal sealed class DeclarativeParser : ParserBase
{
    private const string Statements = "'input', 'param', 'output', 'node', 'link' or 'end'";
    private static readonly string[] Keywords = { "input", "param", "output", "node", "link", "end" };

    public DeclarativeParser(ParseContext context) : base(context)
    {
    }

    protected override bool NewlinesMatter => true;

    /// <summary>Parses a flow whose first token, <c>flow</c>, is current.</summary>
    public FlowSyntax ParseFlow()
    {
        var start = Take().Start;
        ExpectName("a flow name", out var name);
        var headerBroken = !AtLineEnd();
        if (headerBroken)
        {
            Fail("'(' or end of line");
            SkipLine();
        }

        var inputs = new List<DeclarationSyntax>();
        var parameters = new List<DeclarationSyntax>();
        var outputs = new List<DeclarationSyntax>();
        var steps = new List<StepSyntax>();
        var links = new List<LinkSyntax>();
        while (true)
        {
            while (TryTake(TokenKind.Newline))
            {
            }
            BeginStatement();
            if (At(TokenKind.EndOfFile) || AtFlowStart())
            {
                // After a broken header the missing 'end' is more likely a misread than a second mistake.
                if (!headerBroken) Fail("'end'");
                break;
            }
            if (TryTakeWord("end"))
            {
                if (!AtLineEnd())
                {
                    Fail("end of line");
                    SkipLine();
                }
                break;
            }

            var ok = Current.Text switch
            {
                "input" => ParseDeclaration(inputs),
                "param" => ParseDeclaration(parameters),
                "output" => ParseDeclaration(outputs),
                "node" => ParseNode(steps),
                "link" => ParseLink(links),
                _ => Unexpected(),
            };
            if (ok && !AtLineEnd())
            {
                Fail("end of line");
                ok = false;
            }
            if (!ok) SkipLine();
        }

        return new FlowSyntax(name, SyntaxStyle.Declarative, inputs.ToEquatableArray(), parameters.ToEquatableArray(),
            outputs.ToEquatableArray(), steps.ToEquatableArray(), links.ToEquatableArray(), default, default, SpanFrom(start));
    }

    private bool Unexpected()
    {
        var found = Current;
        var (suffix, fixes) = found.Kind == TokenKind.Identifier
            ? Suggestions.DidYouMean(found.Text, found.Span, Keywords)
            : ("", System.Array.Empty<CodeFix>());
        Report(found, $"expected {Statements} but found {Describe(found)}{suffix}", fixes);
        return false;
    }

    private bool AtLineEnd() => At(TokenKind.Newline) || At(TokenKind.EndOfFile);

    private void SkipLine()
    {
        while (!AtLineEnd()) Take();
    }

    // `input|param|output name: Type [= value]`
    private bool ParseDeclaration(List<DeclarationSyntax> declarations)
    {
        Take();
        if (!ExpectName("a name", out var name) || !ParseTypedDeclaration(name, out var declaration)) return false;
        declarations.Add(declaration);
        return true;
    }

    // `node name = Function { k: v, … }` (Function possibly qualified: `comfy.KSampler`), or `node (a, b) = Function { … }` destructuring as in dataflow;
    // a node broken inside its braces keeps the arguments read so far.
    private bool ParseNode(List<StepSyntax> steps)
    {
        var start = Take().Start;
        if (!ParseTargets("a node name", out var targets) || !Expect(TokenKind.Equals) || !ExpectDottedName("a function name", out var function))
            return false;

        var arguments = new List<ArgumentSyntax>();
        var ok = Expect(TokenKind.LeftBrace) && ParseArguments(arguments);
        steps.Add(new StepSyntax(targets.ToEquatableArray(), function, arguments.ToEquatableArray(), null, false, default, null, SpanFrom(start)));
        return ok;
    }

    // `k: v, …}` after '{', up to and including '}'; a trailing comma is allowed.
    private bool ParseArguments(List<ArgumentSyntax> arguments)
    {
        while (!TryTake(TokenKind.RightBrace))
        {
            var start = Current.Start;
            if (!ExpectName(arguments.Count == 0 ? "a parameter name or '}'" : "a parameter name", out var name) ||
                !Expect(TokenKind.Colon) || !ParseValue(out var value))
                return false;
            if (value is not null) arguments.Add(new ArgumentSyntax(name, value, SpanFrom(start)));

            if (TryTake(TokenKind.Comma) || At(TokenKind.RightBrace)) continue;
            Fail("',' or '}'");
            // A missing comma before another argument is reported and read past.
            if (!(At(TokenKind.Identifier) && Next.Kind == TokenKind.Colon)) return false;
        }
        return true;
    }

    // `link source -> node.port` or `link source -> output`.
    private bool ParseLink(List<LinkSyntax> links)
    {
        var start = Take().Start;
        if (!ParseValue(out var source) || !Expect(TokenKind.Arrow) || !ExpectName("a node or output name", out var target))
            return false;
        Identifier? node = null;
        if (TryTake(TokenKind.Dot))
        {
            node = target;
            if (!ExpectName("a port name", out target)) return false;
        }
        if (source is not null) links.Add(new LinkSyntax(source, node, target, SpanFrom(start)));
        return true;
    }
}
