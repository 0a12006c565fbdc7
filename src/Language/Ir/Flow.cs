using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Ir;

/// <summary>The syntax a flow was written in; printers use it to normalise a file in its own syntax.</summary>
public enum SyntaxStyle
{
    /// <summary><c>flow Name(…) -> (…) { x = F(…) }</c></summary>
    Dataflow,
    /// <summary><c>flow Name</c> / <c>node</c> / <c>link</c> / <c>end</c></summary>
    Declarative,
    /// <summary><c>Name is a flow that takes …</c></summary>
    Natural,
}

/// <summary>A <c>.sym</c> file: one or more flows, plus comments after the last flow and the <c>using</c> lines before the first.</summary>
/// <param name="Flows">The flows, in file order.</param>
/// <param name="TrailingComments">Comments after the last flow.</param>
/// <param name="Usings">
/// The namespaces the file uses, as written (kept so that printing reproduces them; nodes already hold
/// the fully qualified function names they resolved to).
/// </param>
public sealed record SymFile(EquatableArray<Flow> Flows, EquatableArray<string> TrailingComments = default, EquatableArray<UsingDirective> Usings = default);

/// <summary>A <c>using comfy</c> line, with the comments attached to it.</summary>
public sealed record UsingDirective(string Namespace, EquatableArray<string> Comments = default, string? TrailingComment = null)
{
    /// <summary>The whole line.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>The namespace.</summary>
    public SourceSpan NamespaceSpan { get; init; }
}

/// <summary>
/// One flow, Ω = (F, Φ, T): <see cref="Nodes"/> are the function applications with their parameters,
/// <see cref="Links"/> the topology. Links are kept in a canonical order (by target: nodes in
/// <see cref="Nodes"/> order and their inputs in the function's declared order, then flow outputs in
/// declared order), so the same flow written in any syntax has an equal IR.
/// </summary>
public sealed record Flow(
    string Name,
    SyntaxStyle Syntax,
    EquatableArray<FlowPort> Inputs,
    EquatableArray<FlowParameter> Parameters,
    EquatableArray<FlowPort> Outputs,
    EquatableArray<Node> Nodes,
    EquatableArray<Link> Links,
    EquatableArray<string> Comments = default,
    EquatableArray<string> Notes = default)
{
    /// <summary>The whole flow.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>The flow's name in its header.</summary>
    public SourceSpan NameSpan { get; init; }

    /// <summary>What a call of this flow from another flow binds to: its inputs, outputs and parameters with their defaults (flows declare no ranges).</summary>
    public FunctionInfo Signature() => new(
        Name,
        Inputs.Select(p => new PortInfo(p.Name, p.Type)).ToEquatableArray(),
        Outputs.Select(p => new PortInfo(p.Name, p.Type)).ToEquatableArray(),
        Parameters.Select(p => new ParameterInfo(p.Name, p.Type, p.Default)).ToEquatableArray(),
        Category: "flow");
}

/// <summary>A flow input or output: a name and a media type.</summary>
public sealed record FlowPort(string Name, PortType Type)
{
    /// <summary>The declaration.</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>A flow parameter, with an optional default (required when absent).</summary>
public sealed record FlowParameter(string Name, ParamType Type, Value? Default = null)
{
    /// <summary>The declaration.</summary>
    public SourceSpan Span { get; init; }
}

/// <summary>
/// A function application. <see cref="Arguments"/> bind parameters only (inputs are <see cref="Link"/>s),
/// in the order written. <see cref="OutputAliases"/> is non-empty for a destructuring
/// <c>(fg, mask) = Segment(photo)</c>, whose node is named by joining the aliases with '_'.
/// </summary>
public sealed record Node(
    string Name,
    string Function,
    EquatableArray<Argument> Arguments,
    EquatableArray<string> OutputAliases = default,
    EquatableArray<string> Comments = default,
    string? TrailingComment = null)
{
    /// <summary>The whole statement.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>The node's name.</summary>
    public SourceSpan NameSpan { get; init; }

    /// <summary>The function's name.</summary>
    public SourceSpan FunctionSpan { get; init; }

    /// <summary>
    /// The function's name as written, when it differs from <see cref="Function"/> (which is always the full
    /// name): an unqualified name that a <c>using</c> line resolved (<c>KSampler</c> for <c>comfy.KSampler</c>).
    /// Printers write it back; everything else reads <see cref="Function"/>.
    /// </summary>
    public string? FunctionAsWritten { get; init; }

    /// <summary>The destructured name of output <paramref name="port"/> of <paramref name="function"/>, the function this node calls; null when there is none.</summary>
    internal string? AliasOf(FunctionInfo function, string port)
    {
        for (var i = 0; i < function.Outputs.Count && i < OutputAliases.Count; i++)
            if (function.Outputs[i].Name == port) return OutputAliases[i];
        return null;
    }
}

/// <summary>A parameter binding <c>name: value</c>.</summary>
public sealed record Argument(string Name, Value Value)
{
    /// <summary>The parameter's name as written (for positional-free syntaxes, the name token).</summary>
    public SourceSpan NameSpan { get; init; }
}

/// <summary>Where a link's data comes from.</summary>
public abstract record LinkSource;

/// <summary>A node output (<see cref="Node"/> set) or a flow input (<see cref="Node"/> null, <see cref="Port"/> = input name).</summary>
public sealed record PortSource(string? Node, string Port) : LinkSource;

/// <summary>A literal feeding an input, such as a string feeding a <c>Text</c> input.</summary>
public sealed record ConstantSource(Value Value) : LinkSource;

/// <summary>A node input (<see cref="Node"/> set) or a flow output (<see cref="Node"/> null, <see cref="Port"/> = output name).</summary>
public sealed record PortTarget(string? Node, string Port);

/// <summary>An edge of the topology.</summary>
public sealed record Link(LinkSource Source, PortTarget Target)
{
    /// <summary>
    /// Where the link was written: its source value (the argument, or the source of a declarative
    /// <c>link</c>), or the step's name when a step named after a flow output feeds that output.
    /// </summary>
    public SourceSpan Span { get; init; }
}
