namespace SymbolicGen.Language.Syntax;

/// <summary>Dotted names (qualified functions, namespaces) and <c>using</c> lines, which every syntax shares.</summary>
internal abstract partial class ParserBase
{
    /// <summary>
    /// A dotted name: a function (<c>comfy.KSampler</c>) or a namespace (<c>comfy</c>). Its dots are those
    /// <see cref="IsPortDot"/> accepts in this syntax, as for <c>node.port</c>. The identifier's text is the
    /// segments joined by '.', and its span covers them all.
    /// </summary>
    protected bool ExpectDottedName(string what, out Identifier name)
    {
        if (!ExpectName(what, out name)) return false;
        var start = name.Span.Start;
        var text = new System.Text.StringBuilder(name.Text);
        while (At(TokenKind.Dot) && IsPortDot(Skip(Context.Index)))
        {
            Take();
            if (!ExpectName("a name after '.'", out var segment)) return false;
            text.Append('.').Append(segment.Text);
        }
        name = new Identifier(text.ToString(), SpanFrom(start));
        return true;
    }

    /// <summary>
    /// The index of the first token after the dotted name that starts with the identifier at
    /// <paramref name="index"/>: looking past <c>comfy.KSampler</c> for the <c>(</c> that makes it a call.
    /// </summary>
    protected int AfterDottedName(int index)
    {
        var tokens = Context.Tokens;
        index = Skip(index + 1);
        while (tokens[index].Kind == TokenKind.Dot && IsPortDot(index) && tokens[Skip(index + 1)].Kind == TokenKind.Identifier)
            index = Skip(Skip(index + 1) + 1);
        return index;
    }

    /// <summary>
    /// True at a <c>using</c> line: the word <c>using</c> opening a line and not followed by <c>is</c>,
    /// <c>are</c> or <c>,</c> (which make it the name of a pseudo-natural flow or step).
    /// </summary>
    protected bool AtUsing() =>
        AtWord("using") && Current.IsLineStart && !Next.IsWord("is") && !Next.IsWord("are") && Next.Kind != TokenKind.Comma;
}
