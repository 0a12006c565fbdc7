using System.Collections.Generic;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Syntax;

/// <summary>
/// Pseudo-natural flows: <c>Name is a flow that takes …, with …, and gives ….</c> followed by one
/// sentence per step (<c>x is F of a and b, with k v.</c>). Line breaks are not significant; a '.'
/// glued between two words selects a port (<c>mux.video</c>), any other '.' ends the sentence.
/// </summary>
internal sealed class NaturalParser : ParserBase
{
    public NaturalParser(ParseContext context) : base(context)
    {
    }

    protected override bool NewlinesMatter => false;

    protected override bool AcceptsUnitWords => true;

    protected override bool IsPortDot(int index)
    {
        var tokens = Context.Tokens;
        var dot = tokens[index];
        return index > 0 && tokens[index - 1].Kind == TokenKind.Identifier && tokens[index - 1].End == dot.Start &&
               tokens[index + 1].Kind == TokenKind.Identifier && tokens[index + 1].Start == dot.End;
    }

    /// <summary>Parses a flow whose header (<c>Name is a flow</c>) starts at the current token.</summary>
    public FlowSyntax ParseFlow()
    {
        var nameToken = Take();
        var name = new Identifier(nameToken.Text, nameToken.Span);
        Take(); // is
        Take(); // a | an
        Take(); // flow

        var inputs = new List<DeclarationSyntax>();
        var parameters = new List<DeclarationSyntax>();
        var outputs = new List<DeclarationSyntax>();
        var steps = new List<StepSyntax>();
        var headerStart = Skip(Context.Index);
        if (!ParseHeader(inputs, parameters, outputs)) RecoverSentence(headerStart);

        // A flow without a closing word ends at the next header, or at a misplaced `using` line, which
        // the file's parser reports.
        while (!At(TokenKind.EndOfFile) && !AtFlowStart() && !AtUsing())
        {
            BeginStatement();
            var statementStart = Skip(Context.Index);
            var ok = ParseStep(out var step);
            if (step is not null) steps.Add(step);
            if (!ok) RecoverSentence(statementStart);
            if (Skip(Context.Index) == statementStart) Take();
        }

        return new FlowSyntax(name, SyntaxStyle.Natural, inputs.ToEquatableArray(), parameters.ToEquatableArray(),
            outputs.ToEquatableArray(), steps.ToEquatableArray(), default, default, default, SpanFrom(nameToken.Start));
    }

    // `that [takes decls] [,] [with pdecls] [,] [and] gives decls .`
    private bool ParseHeader(List<DeclarationSyntax> inputs, List<DeclarationSyntax> parameters, List<DeclarationSyntax> outputs)
    {
        if (!ExpectWord("that")) return false;
        var expected = "'takes', 'with' or 'gives'";
        if (TryTakeWord("takes"))
        {
            if (!ParseDeclarations(inputs, false, "with", "gives")) return false;
            expected = "',', 'and', 'with' or 'gives'";
        }
        TryTake(TokenKind.Comma);
        TryTakeWord("and");
        if (TryTakeWord("with"))
        {
            if (!ParseDeclarations(parameters, true, "gives")) return false;
            expected = "',', 'and' or 'gives'";
        }
        TryTake(TokenKind.Comma);
        TryTakeWord("and");
        if (!AtWord("gives"))
        {
            Fail(expected);
            return false;
        }
        Take();
        return ParseDeclarations(outputs, false) && ExpectSentenceEnd(outputs.Count > 0 ? "',', 'and' or '.'" : "'.'");
    }

    // `name as a Type [of value]` separated by ',' / 'and' / ', and'.
    private bool ParseDeclarations(List<DeclarationSyntax> declarations, bool withDefaults, params string[] clauses)
    {
        do
        {
            if (!ExpectName("a name", out var name) || !ExpectWord("as")) return false;
            if (!TryTakeWord("a") && !TryTakeWord("an"))
            {
                // `x as Image`: reported, and read as meant.
                Fail("'a' or 'an'");
                if (!At(TokenKind.Identifier)) return false;
            }
            if (!ExpectName("a type", out var type)) return false;
            Value? defaultValue = null;
            if (withDefaults && TryTakeWord("of") && !ParseValue(out defaultValue)) return false;
            declarations.Add(new DeclarationSyntax(name, type, defaultValue, SpanFrom(name.Span.Start)));
        }
        while (TakeSeparator(clauses));
        return true;
    }

    // ',' / 'and' / ', and' between two items of a list; not when the sentence end or a word that opens
    // the next clause (`clauses`: 'with', 'gives') follows.
    private bool TakeSeparator(params string[] clauses)
    {
        var mark = Mark();
        var comma = TryTake(TokenKind.Comma);
        var and = TryTakeWord("and");
        if (!comma && !and) return false;
        if (AtSentenceEnd() || System.Array.IndexOf(clauses, Current.Kind == TokenKind.Identifier ? Current.Text : "") >= 0)
        {
            Reset(mark);
            return false;
        }
        return true;
    }

    private bool AtSentenceEnd() => At(TokenKind.Dot) && !IsPortDot(Skip(Context.Index));

    private bool ExpectSentenceEnd(string expected)
    {
        if (AtSentenceEnd())
        {
            Take();
            return true;
        }
        Fail(expected);
        return false;
    }

    // `names is F [of args] [,] [with k v, …].`, `name is node.port.` (an alias) or `name is word.` (bare);
    // F may be qualified (`comfy.KSampler`).
    private bool ParseStep(out StepSyntax? step)
    {
        step = null;
        var start = Current.Start;
        var targets = new List<Identifier>();
        do
        {
            if (!ExpectName("a name", out var target)) return false;
            targets.Add(target);
        }
        while (TakeTargetSeparator());
        if (!TryTakeWord("is") && !TryTakeWord("are"))
        {
            Fail(targets.Count == 1 ? "'is' or ','" : "'is'");
            return false;
        }
        if (!ExpectDottedName("a function name", out var function)) return false;

        // `x is a.b.` is read as a port selection; the binder reads it as a call of the function `a.b`
        // when `a` names no node or input and `a.b` is a function or `a` a namespace. A dotted name with
        // arguments (`x is comfy.KSampler of y.`) or more dots (`x is acme.video.Fade.`) is a function.
        var dot = function.Text.IndexOf('.');
        var argumentsFollow = AtWord("of") || AtWord("with") || AtWord("and") || At(TokenKind.Comma);
        if (dot > 0 && dot == function.Text.LastIndexOf('.') && !argumentsFollow)
        {
            // Dots are glued here, so the text maps onto the source one to one.
            var nameSpan = new SourceSpan(function.Span.Start, dot);
            var alias = new ReferenceValue(function.Text.Substring(0, dot), function.Text.Substring(dot + 1)) { Span = function.Span, NameSpan = nameSpan };
            var ok = ExpectSentenceEnd("'.'");
            step = new StepSyntax(targets.ToEquatableArray(), null, default, alias, false, default, null, SpanFrom(start));
            return ok;
        }

        var arguments = new List<ArgumentSyntax>();
        var isBare = AtSentenceEnd();
        var complete = isBare ? ExpectSentenceEnd("'.'") : ParseArguments(arguments);
        step = new StepSyntax(targets.ToEquatableArray(), function, arguments.ToEquatableArray(), null, isBare, default, null, SpanFrom(start));
        return complete;
    }

    // Between destructured names: ',' / 'and' / ', and' when another name and then 'is'/'are'/',' follow.
    private bool TakeTargetSeparator()
    {
        var mark = Mark();
        var comma = TryTake(TokenKind.Comma);
        var and = TryTakeWord("and");
        if (comma || and) return true;
        Reset(mark);
        return false;
    }

    // `[of value {sep value}] [,] [with name value {sep name value}] .` after the function name.
    private bool ParseArguments(List<ArgumentSyntax> arguments)
    {
        var expected = "'of', 'with' or '.'";
        if (TryTakeWord("of"))
        {
            do
            {
                var start = Current.Start;
                if (!ParseValue(out var value)) return false;
                if (value is not null) arguments.Add(new ArgumentSyntax(null, value, SpanFrom(start)));
            }
            while (TakeSeparator("with"));
            expected = "',', 'and', 'with' or '.'";
        }
        var mark = Mark();
        TryTake(TokenKind.Comma);
        TryTakeWord("and");
        if (TryTakeWord("with"))
        {
            do
            {
                var start = Current.Start;
                if (!ExpectName("a parameter name", out var name) || !ParseValue(out var value)) return false;
                if (value is not null) arguments.Add(new ArgumentSyntax(name, value, SpanFrom(start)));
            }
            while (TakeSeparator());
            expected = "',', 'and' or '.'";
        }
        else
        {
            Reset(mark);
        }
        return ExpectSentenceEnd(expected);
    }

    // Skips the rest of a broken sentence: past its '.', or up to the next flow or a line that starts a
    // sentence (`name is …`), so that a missing '.' costs one sentence only.
    private void RecoverSentence(int statementStart)
    {
        var tokens = Context.Tokens;
        var progressed = Skip(Context.Index) > statementStart;
        while (true)
        {
            var index = Skip(Context.Index);
            var token = tokens[index];
            if (token.Kind == TokenKind.EndOfFile) return;
            if (token.IsLineStart && IsFlowStart(tokens, index)) return;
            if (token.Kind == TokenKind.Dot && !IsPortDot(index))
            {
                Take();
                return;
            }
            if (progressed && token.IsLineStart && token.Kind == TokenKind.Identifier && tokens[Skip(index + 1)].Text is "is" or "are") return;
            Take();
            progressed = true;
        }
    }
}
