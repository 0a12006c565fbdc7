using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Syntax;

/// <summary>A name as written, with its span.</summary>
public sealed record Identifier(string Text, SourceSpan Span)
{
    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>What the parsers produce for a file: flows in a syntax-neutral, unbound form.</summary>
/// <param name="Flows">The flows, in file order.</param>
/// <param name="TrailingComments">Comments after the last flow.</param>
/// <param name="Usings">The <c>using</c> lines at the top of the file, in file order.</param>
public sealed record FileSyntax(EquatableArray<FlowSyntax> Flows, EquatableArray<string> TrailingComments = default, EquatableArray<UsingSyntax> Usings = default);

/// <summary>
/// A <c>using comfy</c> line: in the file, an unqualified function name may then mean a function of that
/// namespace (<c>KSampler</c> for <c>comfy.KSampler</c>).
/// </summary>
/// <param name="Namespace">The namespace as written (segments joined by '.'), with its span.</param>
/// <param name="Comments">Comment lines above the line (after the previous <c>using</c>).</param>
/// <param name="TrailingComment">A comment at the end of the line.</param>
/// <param name="Span">The whole line.</param>
public sealed record UsingSyntax(Identifier Namespace, EquatableArray<string> Comments, string? TrailingComment, SourceSpan Span);

/// <summary>
/// One flow before binding. The three syntaxes produce the same shape: header declarations, steps
/// (function applications or aliases) and, in declarative flows, explicit links.
/// </summary>
public sealed record FlowSyntax(
    Identifier Name,
    SyntaxStyle Style,
    EquatableArray<DeclarationSyntax> Inputs,
    EquatableArray<DeclarationSyntax> Parameters,
    EquatableArray<DeclarationSyntax> Outputs,
    EquatableArray<StepSyntax> Steps,
    EquatableArray<LinkSyntax> Links,
    EquatableArray<string> Comments,
    EquatableArray<string> Notes,
    SourceSpan Span);

/// <summary><c>name: Type [= default]</c> in any syntax.</summary>
public sealed record DeclarationSyntax(Identifier Name, Identifier Type, Value? Default, SourceSpan Span);

/// <summary>
/// A step: <c>x = F(a, k: v)</c>, <c>node x = F { k: v }</c>, <c>x is F of a, with k v.</c>, or an alias
/// <c>film = mux.video</c> / <c>film is mux.</c>.
/// </summary>
/// <param name="Targets">The assigned names (several for a destructuring).</param>
/// <param name="Function">The function called, as written (a qualified name's segments joined by '.', its span covering them all); null for an alias.</param>
/// <param name="Arguments">Positional (no name) and named arguments, in the order written.</param>
/// <param name="Alias">For <c>x = y</c> / <c>x = y.port</c>: the referenced value.</param>
/// <param name="IsBare">
/// True for a pseudo-natural step with nothing after the function name (<c>film is mux.</c>): the
/// binder treats it as an alias when the word names a node or input, else as a call without arguments.
/// </param>
/// <param name="Comments">Comment lines directly above the step.</param>
/// <param name="TrailingComment">A comment at the end of the step's last line.</param>
/// <param name="Span">The whole statement.</param>
public sealed record StepSyntax(
    EquatableArray<Identifier> Targets,
    Identifier? Function,
    EquatableArray<ArgumentSyntax> Arguments,
    ReferenceValue? Alias,
    bool IsBare,
    EquatableArray<string> Comments,
    string? TrailingComment,
    SourceSpan Span);

/// <summary>An argument: positional when <see cref="Name"/> is null.</summary>
public sealed record ArgumentSyntax(Identifier? Name, Value Value, SourceSpan Span);

/// <summary>A declarative <c>link source -> node.port</c> or <c>link source -> output</c>.</summary>
/// <param name="Source">A <see cref="ReferenceValue"/> (node output or flow input) or a literal.</param>
/// <param name="TargetNode">The target node, or null when the target is a flow output.</param>
/// <param name="TargetPort">The node input, or the flow output's name.</param>
/// <param name="Span">The statement.</param>
public sealed record LinkSyntax(Value Source, Identifier? TargetNode, Identifier TargetPort, SourceSpan Span);
