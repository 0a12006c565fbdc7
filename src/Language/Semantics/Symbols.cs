using System;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Semantics;

/// <summary>What a <see cref="DeclaredSymbol"/> is.</summary>
public enum SymbolKind
{
    /// <summary>A flow of the file; other flows of the file may call it.</summary>
    Flow,
    /// <summary>A flow input (media).</summary>
    Input,
    /// <summary>A flow parameter (a value such as <c>seconds: Duration = 6s</c>).</summary>
    Parameter,
    /// <summary>A flow output; steps named after it, or <c>link … -&gt; output</c>, feed it.</summary>
    Output,
    /// <summary>
    /// A node: a step that calls a function. A destructuring call <c>(fg, mask) = Segment(photo)</c> is one
    /// node named by joining its names (<c>fg_mask</c>), declared over the names' span, plus one
    /// <see cref="NodeOutput"/> per name.
    /// </summary>
    Node,
    /// <summary>One name of a destructuring call: an output of its node.</summary>
    NodeOutput,
    /// <summary>A local alias <c>x = y</c> / <c>x = y.port</c> (one that is not a flow output).</summary>
    Alias,
}

/// <summary>
/// Something the file declares: a flow, or a name inside a flow. Each symbol is one object: compare
/// symbols by reference (they are fit as dictionary keys); <see cref="SymbolIndex"/> lists them and
/// their references.
/// </summary>
public sealed class DeclaredSymbol
{
    internal DeclaredSymbol(SymbolKind kind, string name, SourceSpan declaration, DeclaredSymbol? flow)
    {
        Kind = kind;
        Name = name;
        Declaration = declaration;
        Flow = flow;
    }

    /// <summary>What the symbol is.</summary>
    public SymbolKind Kind { get; }

    /// <summary>The name, as written (for a destructuring node, its names joined with '_').</summary>
    public string Name { get; }

    /// <summary>The name where it is declared (a destructuring node: the span of its names).</summary>
    public SourceSpan Declaration { get; }

    /// <summary>The flow that declares the symbol; null for a flow.</summary>
    public DeclaredSymbol? Flow { get; }

    /// <summary>For an input, parameter or output: its type as written (<c>Image</c>, <c>Duration</c>).</summary>
    public string? Type { get; internal set; }

    /// <summary>For a node or a node output: the function it calls, when the catalog or the file has it.</summary>
    public string? Function => Callee?.Name;

    /// <summary>For a <see cref="SymbolKind.NodeOutput"/>: the destructuring node it is an output of.</summary>
    public DeclaredSymbol? Node { get; internal set; }

    /// <summary>True for a destructuring node, which has no name of its own (its outputs have).</summary>
    public bool IsDestructuring { get; internal set; }

    // What a node calls (to resolve 'node.port' and link targets), and what an alias stands for.
    internal FunctionInfo? Callee { get; set; }

    internal ReferenceValue? AliasOf { get; set; }

    // The symbol's place in its index's Symbols, which keys its occurrences there.
    internal int Id { get; set; } = -1;

    /// <inheritdoc/>
    public override string ToString() => Flow is null ? $"{Kind} '{Name}'" : $"{Kind} '{Name}' in '{Flow.Name}'";
}

/// <summary>What a name written in the file stands for (see <see cref="NameOccurrence"/>).</summary>
public enum OccurrenceKind
{
    /// <summary>The declaration of <see cref="NameOccurrence.Symbol"/>.</summary>
    Declaration,
    /// <summary>
    /// A use of <see cref="NameOccurrence.Symbol"/>: a node or input as an argument or link source, a flow
    /// parameter as a value, a link's target, a step or alias that feeds a flow output, a call of another
    /// flow of the file (and the names of its inputs, parameters and outputs at that call).
    /// </summary>
    Reference,
    /// <summary>The function a step calls (a catalog function); <see cref="NameOccurrence.Function"/> is its name.</summary>
    Function,
    /// <summary>An input of <see cref="NameOccurrence.Function"/>: a named argument or a declarative link's target port.</summary>
    FunctionInput,
    /// <summary>An output of <see cref="NameOccurrence.Function"/>: the <c>.port</c> of <c>node.port</c>.</summary>
    FunctionOutput,
    /// <summary>A parameter of <see cref="NameOccurrence.Function"/>: a named argument.</summary>
    FunctionParameter,
    /// <summary>A value of the enum parameter <see cref="NameOccurrence.Parameter"/> of <see cref="NameOccurrence.Function"/>.</summary>
    EnumValue,
    /// <summary>
    /// A name that stands for nothing known: an undefined name, an unknown function, an unknown argument
    /// or port (<see cref="NameOccurrence.Function"/> is set when the function is known), a word that is no
    /// value of its enum. It is not a symbol, but tools can still find it.
    /// </summary>
    Unresolved,
}

/// <summary>
/// A name written in the file and what it stands for. A value (a file has a great many names); two are
/// equal when they are at the same position and say the same.
/// </summary>
public readonly struct NameOccurrence : IEquatable<NameOccurrence>
{
    internal NameOccurrence(OccurrenceKind kind, SourceSpan span, string name, DeclaredSymbol? symbol, DeclaredSymbol? flow, string? function, string? parameter, int sequence)
    {
        Kind = kind;
        Span = span;
        Name = name;
        Symbol = symbol;
        Flow = flow;
        Function = function;
        Parameter = parameter;
        Sequence = sequence;
    }

    /// <summary>What the name stands for.</summary>
    public OccurrenceKind Kind { get; }

    /// <summary>The name in the file: a whole name, or the name or the port part of <c>node.port</c>.</summary>
    public SourceSpan Span { get; }

    /// <summary>The name as written.</summary>
    public string Name { get; }

    /// <summary>The symbol declared or used (<see cref="OccurrenceKind.Declaration"/>, <see cref="OccurrenceKind.Reference"/>); null otherwise.</summary>
    public DeclaredSymbol? Symbol { get; }

    /// <summary>The flow the name is written in.</summary>
    public DeclaredSymbol? Flow { get; }

    /// <summary>The function called or whose input, output or parameter is named, when known (for a call of a flow of the file, the flow's name).</summary>
    public string? Function { get; }

    /// <summary>For an <see cref="OccurrenceKind.EnumValue"/>: the parameter it is a value of.</summary>
    public string? Parameter { get; }

    // The order in which the binder found it: among names at the same position, the first found wins.
    internal int Sequence { get; }

    /// <summary>True when <paramref name="other"/> is at the same position and says the same.</summary>
    public bool Equals(NameOccurrence other) =>
        Span.SamePosition(other.Span) && Kind == other.Kind && Name == other.Name && ReferenceEquals(Symbol, other.Symbol) &&
        ReferenceEquals(Flow, other.Flow) && Function == other.Function && Parameter == other.Parameter;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NameOccurrence other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => SourceSpan.PositionComparer.GetHashCode(Span) ^ (int)Kind;

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} '{Name}' {Span}" + (Symbol is null ? "" : $" -> {Symbol}");
}
