using System.Globalization;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// A node as the executor runs it: a function application of the flow, or of a flow it calls (whose
/// nodes are inlined and named <c>call/node</c>). Progress events and errors identify nodes with it.
/// </summary>
public sealed class ExecutionNode
{
    internal ExecutionNode(int index, string name, Node node, Flow flow, int? line, string? sourcePath)
    {
        Index = index;
        Name = name;
        Node = node;
        Flow = flow;
        Line = line;
        SourcePath = sourcePath;
    }

    /// <summary>Position in the run's plan (0-based, topological: a node comes after the nodes it reads).</summary>
    public int Index { get; }

    /// <summary>The node's name; for a node of a called flow, the call's name, '/', and the node's name.</summary>
    public string Name { get; }

    /// <summary>The function it applies.</summary>
    public string Function => Node.Function;

    /// <summary>The node in the IR.</summary>
    public Node Node { get; }

    /// <summary>The flow the node is written in (a called flow for inlined nodes).</summary>
    public Flow Flow { get; }

    /// <summary>The 1-based line of the node in its <c>.sym</c> file, when known.</summary>
    public int? Line { get; }

    /// <summary>The <c>.sym</c> file, when known.</summary>
    public string? SourcePath { get; }

    /// <summary>Where the node is written: <c>file.sym(7)</c>, <c>line 7</c>, <c>file.sym</c> or null.</summary>
    public string? Location =>
        (SourcePath, Line) switch
        {
            ({ } path, { } line) => path + "(" + line.ToString(CultureInfo.InvariantCulture) + ")",
            (null, { } line) => "line " + line.ToString(CultureInfo.InvariantCulture),
            ({ } path, null) => path,
            _ => null,
        };

    /// <summary><c>node 'sound' (AudioMix)</c></summary>
    public override string ToString() => $"node '{Name}' ({Function})";
}
