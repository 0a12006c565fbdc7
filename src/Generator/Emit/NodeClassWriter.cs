using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Generator.Emit;

/// <summary>A parameter of a node class: its name in .sym files, its property and what it accepts.</summary>
internal sealed record NodeClassParameter(string Name, string Property, ParameterDomain Accepted, string? Summary);

/// <summary>
/// Writes a class of node objects: typed properties over <c>NodeParameters</c>, the runtime base that holds
/// the node's values, checks what is set and passes it to the next runs.
/// </summary>
internal static class NodeClassWriter
{
    /// <summary>The runtime base of node objects.</summary>
    public const string Base = "global::SymbolicGen.Runtime.Execution.NodeParameters";

    /// <summary>The runtime type that holds a pipeline object's state.</summary>
    public const string State = "global::SymbolicGen.Runtime.Execution.PipelineState";

    /// <summary>Writes class <paramref name="name"/> with <paramref name="summary"/> (escaped already) as its summary.</summary>
    public static void Write(SourceWriter w, string name, string summary, IReadOnlyList<NodeClassParameter> parameters)
    {
        w.Line("/// <summary>" + summary + "</summary>");
        w.Open($"public sealed class {name} : {Base}");
        w.Line($"internal {name}({State} pipeline, string node) : base(pipeline, node) {{ }}");
        foreach (var parameter in parameters)
        {
            var type = CSharp.ParameterType(parameter.Accepted) + "?";
            w.Line();
            w.Line("/// <summary>");
            w.Line($"/// Parameter {CSharp.Code(parameter.Name)}{(parameter.Summary is { Length: > 0 } text ? ": " + CSharp.Doc(text) : "")} ({CSharp.Doc(AcceptedValues.Describe(parameter.Accepted))}).");
            w.Line("/// </summary>");
            w.Line("/// <remarks>The node's value: as the file writes it, or the function's default; null when it is known only when the flow runs");
            w.Line("/// (it comes from a flow parameter, or is in frames). A value set here overrides it for the next runs; null goes back to the file's.</remarks>");
            w.Line($"public {type} {parameter.Property} {{ get => GetParameter<{type}>({CSharp.String(parameter.Name)}); set => SetParameter({CSharp.String(parameter.Name)}, value); }}");
        }
        w.Close();
    }

    /// <summary>The parameters of a class for a catalog function.</summary>
    public static List<NodeClassParameter> Of(FunctionInfo function) =>
        function.Parameters.Select(p => new NodeClassParameter(p.Name, CSharp.Pascal(p.Name)!, p.Domain, p.Summary)).ToList();
}
