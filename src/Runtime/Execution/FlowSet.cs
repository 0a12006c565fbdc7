using System;
using System.Collections.Generic;
using SymbolicGen.Language;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// The flows of one <c>.sym</c> file, which can call each other, and where their nodes are written
/// (so that errors can say <c>JungleRuins.sym(7)</c>). Build it from a compilation, or from flows and a
/// function that gives node lines.
/// </summary>
public sealed class FlowSet
{
    private readonly Dictionary<string, Flow> _byName = new(StringComparer.Ordinal);
    private readonly Func<Flow, Node, int?>? _lineOf;

    /// <summary>
    /// A set of <paramref name="flows"/>. <paramref name="lineOf"/> gives the 1-based line of a node of a
    /// flow (null when unknown); <paramref name="sourcePath"/> names the file in messages.
    /// </summary>
    public FlowSet(IEnumerable<Flow> flows, string? sourcePath = null, Func<Flow, Node, int?>? lineOf = null)
    {
        if (flows is null) throw new ArgumentNullException(nameof(flows));
        var list = new List<Flow>();
        foreach (var flow in flows)
        {
            if (_byName.ContainsKey(flow.Name)) throw new ArgumentException($"flow '{flow.Name}' appears twice", nameof(flows));
            _byName.Add(flow.Name, flow);
            list.Add(flow);
        }
        Flows = list;
        SourcePath = sourcePath;
        _lineOf = lineOf;
    }

    /// <summary>The flows of a compiled file, with node lines taken from the compilation's line map.</summary>
    /// <exception cref="ArgumentException">The compilation has errors: only error-free flows are run.</exception>
    public static FlowSet FromCompilation(SymCompilation compilation, string? sourcePath = null)
    {
        if (compilation is null) throw new ArgumentNullException(nameof(compilation));
        if (compilation.HasErrors)
            throw new ArgumentException($"{sourcePath ?? "the file"} has errors; fix them before running it", nameof(compilation));
        var lines = compilation.Lines;
        return new FlowSet(compilation.File.Flows, sourcePath, (_, node) => lines.GetPosition(node.Span.Start).Line);
    }

    /// <summary>The flows, in file order.</summary>
    public IReadOnlyList<Flow> Flows { get; }

    /// <summary>The <c>.sym</c> file, when known.</summary>
    public string? SourcePath { get; }

    /// <summary>The flow named <paramref name="name"/>, or null.</summary>
    public Flow? Find(string name) => _byName.TryGetValue(name, out var flow) ? flow : null;

    /// <summary>The 1-based line of <paramref name="node"/> of <paramref name="flow"/>, when known.</summary>
    public int? LineOf(Flow flow, Node node) => _lineOf?.Invoke(flow, node);
}
