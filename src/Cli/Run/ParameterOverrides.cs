using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Printing;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Cli.Run;

/// <summary>One <c>--set node.param=value</c> (a node's parameter) or <c>--set param=value</c> (a flow parameter).</summary>
internal sealed record ParameterOverride(string Text, string? Node, string Parameter, string Value)
{
    public static ParameterOverride Parse(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0 || equals == text.Length - 1)
            throw new CliException($"--set {text}: expected node.param=value or param=value");
        var target = text[..equals].Trim();
        var value = text[(equals + 1)..].Trim();
        if (value.Contains('\n') || value.Contains('\r'))
            throw new CliException($"--set {target}: a value is one line");
        var dot = target.IndexOf('.');
        return dot < 0
            ? new ParameterOverride(text, null, target, value)
            : new ParameterOverride(text, target[..dot], target[(dot + 1)..], value);
    }
}

/// <summary>
/// Applies <c>--set</c> overrides so that they are checked exactly like the file: each value is written
/// into the flow's own syntax in place of the parameter's value, the flow is printed and compiled
/// again, and every diagnostic is reported against the override that caused it.
/// </summary>
internal static class ParameterOverrides
{
    public static SymCompilation Apply(SymCompilation compilation, Flow flow, FunctionCatalog catalog, IReadOnlyList<ParameterOverride> overrides, TextWriter error)
    {
        if (overrides.Count == 0) return compilation;
        var placeholders = overrides.Select((_, i) => $"symgen_set_{i}_").ToList();
        var edited = flow;
        for (var i = 0; i < overrides.Count; i++) edited = Set(edited, overrides[i], new SymbolValue(placeholders[i]));

        var file = compilation.File with { Flows = compilation.File.Flows.Select(f => f.Name == flow.Name ? edited : f).ToEquatableArray() };
        var text = SymPrinter.Print(file, catalog);
        var inserted = new List<(int Start, int End, ParameterOverride Override)>();
        for (var i = 0; i < overrides.Count; i++)
        {
            var at = text.IndexOf(placeholders[i], StringComparison.Ordinal);
            text = text[..at] + overrides[i].Value + text[(at + placeholders[i].Length)..];
            inserted.Add((at, at + overrides[i].Value.Length, overrides[i]));
        }

        var result = SymCompiler.Compile(text, catalog);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var rebound = result.File.Flows.FirstOrDefault(f => f.Name == flow.Name);
        if (errors.Count == 0 && rebound is not null && SameShape(rebound, flow)) return result;

        foreach (var d in errors)
        {
            var cause = inserted.FirstOrDefault(x => d.Start < x.End && d.Start + d.Length > x.Start || d.Start == x.Start).Override;
            error.WriteLine($"symgen: error: --set {cause?.Text ?? string.Join(" ", overrides.Select(o => o.Text))}: {d.Message}");
        }
        if (errors.Count == 0) error.WriteLine("symgen: error: --set values must be single values, not flow text");
        throw new OverrideRejectedException();
    }

    private static Flow Set(Flow flow, ParameterOverride o, Value placeholder)
    {
        if (o.Node is null)
        {
            if (flow.Parameters.All(p => p.Name != o.Parameter))
                throw new CliException($"--set {o.Text}: flow '{flow.Name}' has no parameter '{o.Parameter}'{Suggest(o.Parameter, flow.Parameters.Select(p => p.Name))}");
            return flow with { Parameters = flow.Parameters.Select(p => p.Name == o.Parameter ? p with { Default = placeholder } : p).ToEquatableArray() };
        }
        var node = flow.Nodes.FirstOrDefault(n => n.Name == o.Node)
            ?? throw new CliException($"--set {o.Text}: flow '{flow.Name}' has no node '{o.Node}'{Suggest(o.Node, flow.Nodes.Select(n => n.Name))}");
        var arguments = node.Arguments.Any(a => a.Name == o.Parameter)
            ? node.Arguments.Select(a => a.Name == o.Parameter ? a with { Value = placeholder } : a)
            : node.Arguments.Append(new Argument(o.Parameter, placeholder));
        return flow with { Nodes = flow.Nodes.Select(n => n == node ? n with { Arguments = arguments.ToEquatableArray() } : n).ToEquatableArray() };
    }

    // A value that smuggled in flow text (a new node, a new link) would change more than one parameter.
    private static bool SameShape(Flow rebound, Flow original) =>
        rebound.Links.Equals(original.Links) &&
        rebound.Nodes.Count == original.Nodes.Count &&
        rebound.Nodes.Zip(original.Nodes).All(p => p.First.Name == p.Second.Name && p.First.Function == p.Second.Function);

    private static string Suggest(string name, IEnumerable<string> candidates) =>
        Suggestions.Closest(name, candidates) is [var best] ? $"; did you mean '{best}'?" : "";
}

/// <summary>The overrides were reported as diagnostics; the run stops with exit code 1.</summary>
internal sealed class OverrideRejectedException : Exception;
