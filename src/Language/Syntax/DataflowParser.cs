using SymbolicGen.Language.Catalog;
using System.Collections.Generic;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Language.Syntax;

/// <summary>
/// Dataflow flows: <c>flow Name(decls) -> (decls) { statements }</c>, where a statement is
/// <c>x = F(args)</c>, <c>(a, b) = F(args)</c> or an alias <c>x = y</c> / <c>x = y.port</c>; <c>F</c> may be
/// qualified (<c>comfy.KSampler(args)</c>), which the <c>(</c> tells from an alias.
/// Line breaks are not significant; statements are delimited by the grammar.
/// </summary>
internal sealed class DataflowParser : ParserBase
{
    public DataflowParser(ParseContext context) : base(context)
    {
    }

    protected override bool NewlinesMatter => false;

    /// <summary>Parses a flow whose first token, <c>flow</c>, is current.</summary>
    public FlowSyntax ParseFlow()
    {
        var start = Take().Start;
        ExpectName("a flow name", out var name);
        var inputs = new List<DeclarationSyntax>();
        var parameters = new List<DeclarationSyntax>();
        var outputs = new List<DeclarationSyntax>();
        var steps = new List<StepSyntax>();

        BeginStatement();
        if (ParseHeader(inputs, parameters, outputs) || RecoverHeader()) ParseBody(steps);

        return new FlowSyntax(name, SyntaxStyle.Dataflow, inputs.ToEquatableArray(), parameters.ToEquatableArray(),
            outputs.ToEquatableArray(), steps.ToEquatableArray(), default, default, default, SpanFrom(start));
    }

    private bool ParseHeader(List<DeclarationSyntax> inputs, List<DeclarationSyntax> parameters, List<DeclarationSyntax> outputs)
    {
        var header = new List<DeclarationSyntax>();
        var ok = Expect(TokenKind.LeftParen) && ParseDeclarations(header);
        // The list mixes inputs and parameters. Parameter types are a closed set and port types an open one (a
        // catalog may define any): a declaration is a parameter when its type is a parameter type, an input when
        // it is a media type, and otherwise an input unless it has a default (a misspelt parameter type, most likely).
        foreach (var declaration in header)
        {
            var type = declaration.Type.Text;
            var isInput = Wording.ParseParamType(type) is null && (PortType.FindMedia(type) is not null || declaration.Default is null);
            (isInput ? inputs : parameters).Add(declaration);
        }
        if (!ok || !Expect(TokenKind.Arrow)) return false;

        if (!At(TokenKind.LeftParen))
        {
            if (!ExpectName("'(' or an output name", out var output) || !ParseTypedDeclaration(output, out var single)) return false;
            outputs.Add(single);
        }
        else if (!(TryTake(TokenKind.LeftParen) && ParseDeclarations(outputs)))
        {
            return false;
        }
        return Expect(TokenKind.LeftBrace);
    }

    // `name: Type [= value], …)` up to and including the ')'; a trailing comma is allowed.
    private bool ParseDeclarations(List<DeclarationSyntax> declarations)
    {
        while (!TryTake(TokenKind.RightParen))
        {
            if (!ExpectName("a name or ')'", out var name) || !ParseTypedDeclaration(name, out var declaration)) return false;
            declarations.Add(declaration);
            if (TryTake(TokenKind.Comma) || At(TokenKind.RightParen)) continue;
            Fail("',' or ')'");
            // A missing comma before another declaration is reported and read past.
            if (!(At(TokenKind.Identifier) && Next.Kind == TokenKind.Colon)) return false;
        }
        return true;
    }

    // After a broken header: true to go on with the body at its '{' or first statement; false when
    // the flow has no readable body (the next flow or the end of the file comes first).
    private bool RecoverHeader()
    {
        while (!At(TokenKind.EndOfFile) && !AtFlowStart())
        {
            if (TryTake(TokenKind.LeftBrace)) return true;
            if (TryTake(TokenKind.RightBrace)) return false;
            if (Current.IsLineStart && At(TokenKind.Identifier) && Next.Kind == TokenKind.Equals) return true;
            Take();
        }
        return false;
    }

    private void ParseBody(List<StepSyntax> steps)
    {
        while (true)
        {
            BeginStatement();
            if (TryTake(TokenKind.RightBrace)) return;
            if (At(TokenKind.EndOfFile) || AtFlowStart())
            {
                Fail("'}'");
                return;
            }

            var statementStart = Skip(Context.Index);
            var ok = ParseStatement(out var step);
            if (step is not null) steps.Add(step);
            if (!ok) Recover(statementStart);
            if (Skip(Context.Index) == statementStart) Take();
        }
    }

    // `targets = F(args)` or `target = name[.port]`. A statement broken after its function name is still
    // returned (with the arguments read so far), so that later references to its name resolve.
    private bool ParseStatement(out StepSyntax? step)
    {
        step = null;
        var start = Current.Start;
        if (!ParseTargets("a statement or '}'", out var targets)) return false;
        if (At(TokenKind.Colon) && Next.Kind == TokenKind.Equals)
        {
            // `x := F(…)`: reported, and read as meant.
            Fail("'='");
            Take();
        }
        if (!Expect(TokenKind.Equals)) return false;

        // A name followed by '(' is a call, a dotted one too (`comfy.KSampler(…)`); without '(' it is an alias.
        if (At(TokenKind.Identifier) && Context.Tokens[AfterDottedName(Skip(Context.Index))].Kind == TokenKind.LeftParen)
        {
            ExpectDottedName("a function name", out var function);
            Take();
            var arguments = new List<ArgumentSyntax>();
            var ok = ParseArguments(arguments);
            step = new StepSyntax(targets.ToEquatableArray(), function, arguments.ToEquatableArray(),
                null, false, default, null, SpanFrom(start));
            return ok;
        }

        if (targets.Count > 1 || !At(TokenKind.Identifier) || AtWord("true") || AtWord("false"))
        {
            Fail(targets.Count > 1 ? "a function call" : "a function call or a name");
            return false;
        }
        if (!ParseValue(out var value) || value is not ReferenceValue alias) return false;
        step = new StepSyntax(targets.ToEquatableArray(), null, default, alias, false, default, null, SpanFrom(start));
        return true;
    }

    // Arguments after '(' up to and including ')'.
    private bool ParseArguments(List<ArgumentSyntax> arguments)
    {
        while (!TryTake(TokenKind.RightParen))
        {
            if (Current.IsLineStart && At(TokenKind.Identifier) && Next.Kind == TokenKind.Equals)
            {
                // The next statement: this call was never closed.
                Fail("')'");
                return false;
            }

            var start = Current.Start;
            Identifier? name = null;
            if (At(TokenKind.Identifier) && Next.Kind is TokenKind.Colon or TokenKind.Equals)
            {
                var token = Take();
                name = new Identifier(token.Text, token.Span);
                // `weight = 0.45`: reported, and read as the named argument meant.
                if (At(TokenKind.Equals)) Fail("':'");
                Take();
            }
            if (!ParseValue(out var value)) return false;
            if (value is not null) arguments.Add(new ArgumentSyntax(name, value, SpanFrom(start)));

            if (TryTake(TokenKind.Comma) || At(TokenKind.RightParen)) continue;
            Fail("',' or ')'");
            // A missing comma before a named argument is reported and read past.
            if (!(At(TokenKind.Identifier) && Next.Kind == TokenKind.Colon && !Current.IsLineStart)) return false;
        }
        return true;
    }

    // Skips the rest of a broken statement: up to the '}', the next flow, or a line that starts a
    // statement (inside brackets left open by the broken statement, only a line that starts `name =`).
    private void Recover(int statementStart)
    {
        var tokens = Context.Tokens;
        var depth = 0;
        for (var i = statementStart; i < Context.Index; i++) depth = Nest(depth, tokens[i].Kind);
        var progressed = Skip(Context.Index) > statementStart;

        while (true)
        {
            var index = Skip(Context.Index);
            var token = tokens[index];
            if (token.Kind is TokenKind.EndOfFile or TokenKind.RightBrace) return;
            if (token.IsLineStart && IsFlowStart(tokens, index)) return;
            if (token.IsLineStart && progressed)
            {
                if (token.Kind == TokenKind.Identifier && tokens[Skip(index + 1)].Kind == TokenKind.Equals) return;
                if (depth == 0 && token.Kind is TokenKind.Identifier or TokenKind.LeftParen) return;
            }
            depth = Nest(depth, token.Kind);
            Take();
            progressed = true;
        }
    }

    private static int Nest(int depth, TokenKind kind) => kind switch
    {
        TokenKind.LeftParen or TokenKind.LeftBracket => depth + 1,
        TokenKind.RightParen or TokenKind.RightBracket => depth > 0 ? depth - 1 : 0,
        _ => depth,
    };
}
