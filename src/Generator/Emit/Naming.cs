using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Generator.Model;

namespace SymbolicGen.Generator.Emit;

/// <summary>
/// The C# names of one flow's generated types and members. Every name from the .sym file goes through
/// <see cref="CSharp.Pascal"/> or <see cref="CSharp.Camel"/>; one that has no C# form is reported (SYM0401),
/// and one that would clash with another generated name, or with a member every generated type has, is
/// reported (SYM0402). A flow with any such problem is not generated.
/// </summary>
internal sealed class Naming
{
    // Members of System.Object: a generated property of that name would hide it.
    private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals" };

    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly int _reported;

    private Naming(FlowModel flow, string typeName, bool nodeObjects, List<DiagnosticInfo> diagnostics)
    {
        _diagnostics = diagnostics;
        _reported = diagnostics.Count;
        Pipeline = typeName + "Pipeline";
        Result = typeName + "Result";

        var members = new Scope(this, $"class '{Pipeline}'", Pipeline, "Definition", "Executor", "Nodes", "RunAsync", "NodeSet", NodeClasses.CallNode);
        foreach (var parameter in flow.Parameters)
            if (Member(members, parameter.Name, "flow parameter", parameter.Location) is { } name) Parameters[parameter.Name] = name;

        var nodeSet = new Scope(this, $"class '{Pipeline}.NodeSet'", "NodeSet");
        foreach (var node in flow.Nodes)
        {
            if (!nodeObjects || node.Arguments.Count == 0 || !node.CallsFlow && node.NodeClass is null) continue;
            if (Member(nodeSet, node.Name, "node", node.Location) is { } property) Nodes[node.Name] = property;
        }

        var arguments = new Scope(this, $"the parameters of '{Pipeline}.RunAsync'", null, "cancellationToken", "options");
        foreach (var input in flow.Inputs)
        {
            var name = CSharp.Camel(input.Name);
            if (name is null) Unusable(input.Name, "flow input", input.Location);
            else if (arguments.Add(name, $"flow input '{input.Name}'", input.Location)) Inputs[input.Name] = name;
        }

        var result = new Scope(this, $"class '{Result}'", Result, "FlowResult", "Statistics", "Dispose", "DisposeAsync", "GetOutput");
        foreach (var output in flow.Outputs)
            if (Member(result, output.Name, "flow output", output.Location) is { } name) Outputs[output.Name] = name;
    }

    /// <summary>The pipeline class's name.</summary>
    public string Pipeline { get; }

    /// <summary>The result class's name.</summary>
    public string Result { get; }

    /// <summary>Flow parameter → property.</summary>
    public Dictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>Flow input → RunAsync parameter.</summary>
    public Dictionary<string, string> Inputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Flow output → result property.</summary>
    public Dictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Node (with a node object) → its property in the node set.</summary>
    public Dictionary<string, string> Nodes { get; } = new(StringComparer.Ordinal);

    private bool Failed => _diagnostics.Count > _reported;

    /// <summary>
    /// The names of <paramref name="flow"/>'s code (with node classes when <paramref name="nodeObjects"/>), or null
    /// after reporting why it cannot be generated.
    /// <paramref name="owner"/> says which file and flow a type name belongs to when several generate it.
    /// </summary>
    public static Naming? For(FlowModel flow, string ns, bool nodeObjects, CompilationFacts facts, Func<string, GeneratedName?> owner, string path, List<DiagnosticInfo> diagnostics)
    {
        var typeName = CSharp.Pascal(flow.Flow.Name);
        if (typeName is null || typeName.Length + "Pipeline".Length > CSharp.MaxNameLength)
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDescriptors.UnusableName.Id,
                $"flow '{Shorten(flow.Flow.Name)}' cannot name a C# class: {CSharp.WhyUnusable(flow.Flow.Name)}; rename the flow", flow.Location));
            return null;
        }
        if (owner(typeName) is { } first && (first.Path != path || first.Flow != flow.Flow.Name))
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDescriptors.NameCollision.Id,
                $"flow '{flow.Flow.Name}' would generate '{typeName}Pipeline', which flow '{first.Flow}' of {first.Path} generates; rename one of the flows", flow.Location));
            return null;
        }
        foreach (var generated in new[] { typeName + "Pipeline", typeName + "Result" })
        {
            if (!facts.TakenNames.Contains(generated)) continue;
            diagnostics.Add(new DiagnosticInfo(GeneratorDescriptors.NameCollision.Id,
                $"flow '{flow.Flow.Name}' would generate '{ns}.{generated}', which the project already declares; rename the flow or the type", flow.Location));
            return null;
        }
        var naming = new Naming(flow, typeName, nodeObjects, diagnostics);
        return naming.Failed ? null : naming;
    }

    private string? Member(Scope scope, string name, string what, LocationInfo location)
    {
        var member = CSharp.Pascal(name);
        if (member is null)
        {
            Unusable(name, what, location);
            return null;
        }
        return scope.Add(member, $"{what} '{name}'", location) ? member : null;
    }

    private void Unusable(string name, string what, LocationInfo location) =>
        _diagnostics.Add(new DiagnosticInfo(GeneratorDescriptors.UnusableName.Id,
            $"{what} '{Shorten(name)}' cannot be a C# name in '{Pipeline}': {CSharp.WhyUnusable(name)}; rename it", location));

    // Names in messages stay readable however long the .sym name is.
    private static string Shorten(string name) => name.Length <= 64 ? name : name.Substring(0, 61) + "...";

    /// <summary>The names of one C# declaration space, with what took each.</summary>
    private sealed class Scope
    {
        private readonly Naming _naming;
        private readonly string _container;
        private readonly Dictionary<string, string> _taken = new(StringComparer.Ordinal);

        public Scope(Naming naming, string container, string? className, params string[] reserved)
        {
            _naming = naming;
            _container = container;
            foreach (var name in reserved) _taken[name] = "a member SymbolicGen generates";
            if (className is null) return;
            foreach (var name in ObjectMembers) _taken[name] = "a member every C# object has";
            _taken[className] = "the class's own name";
        }

        public bool Add(string name, string what, LocationInfo location)
        {
            if (_taken.TryGetValue(name, out var other))
            {
                _naming._diagnostics.Add(new DiagnosticInfo(GeneratorDescriptors.NameCollision.Id,
                    $"{what} would be '{name}' in {_container}, which is {other}; rename it", location));
                return false;
            }
            _taken[name] = "the name of " + what;
            return true;
        }
    }
}
