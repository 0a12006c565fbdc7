using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Generator.Emit;

/// <summary>A parameter of a node class: its name in .sym files, its property and what it accepts.</summary>
internal sealed record NodeClassParameter(string Name, string Property, ParameterChecks Checks, string? Summary);

/// <summary>
/// Writes a class of node objects. Each object belongs to one node: it starts with that node's values (passed
/// to its constructor: the value the file writes or the default, or null when it is known only when the flow
/// runs), and every property set to a value becomes an override for the following runs (null goes back to
/// the file's value).
/// </summary>
internal static class NodeClassWriter
{
    private const string Execution = "global::SymbolicGen.Runtime.Execution.";

    /// <summary>The list type that collects a run's overridden node parameters.</summary>
    public const string OverrideList = "global::System.Collections.Generic.List<(string Node, string Parameter, global::SymbolicGen.Language.Catalog.ParamType Type)>";

    /// <summary>Writes class <paramref name="name"/> with <paramref name="summary"/> (escaped already) as its summary.</summary>
    public static void Write(SourceWriter w, string name, string summary, IReadOnlyList<NodeClassParameter> parameters)
    {
        w.Line("/// <summary>" + summary + "</summary>");
        w.Open("public sealed class " + name);
        w.Line("private readonly string __node;");
        foreach (var parameter in parameters)
        {
            var type = CSharp.ParameterType(parameter.Checks.Type) + "?";
            w.Line($"private readonly {type} {Field(parameter)}_initial;");
            w.Line($"private {type} {Field(parameter)};");
        }
        w.Line();
        w.Line($"internal {name}(string node{string.Concat(parameters.Select((p, i) => $", {CSharp.ParameterType(p.Checks.Type)}? p{Index(i)}"))})");
        w.Line("{");
        w.Indent();
        w.Line("__node = node;");
        for (var i = 0; i < parameters.Count; i++) w.Line($"{Field(parameters[i])}_initial = p{Index(i)};");
        w.Unindent();
        w.Line("}");
        foreach (var parameter in parameters)
        {
            w.Line();
            WriteProperty(w, parameter);
        }
        w.Line();
        w.Line("/// <summary>Adds the parameters set on this node to a run's arguments.</summary>");
        w.Line(Header.Hidden);
        w.Open($"internal void __Collect({Execution}FlowArguments arguments, {OverrideList} overrides)");
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            w.Open($"if ({Field(parameter)} is {{ }} __value{Index(i)})");
            w.Line($"arguments.Parameter(__node + {CSharp.String("." + parameter.Name)}, __value{Index(i)});");
            w.Line($"overrides.Add((__node, {CSharp.String(parameter.Name)}, {CSharp.ParamTypeExpression(parameter.Checks.Type)}));");
            w.Close();
        }
        w.Close();
        w.Close();
    }

    private static void WriteProperty(SourceWriter w, NodeClassParameter parameter)
    {
        var field = Field(parameter);
        w.Line("/// <summary>");
        w.Line($"/// Parameter {CSharp.Code(parameter.Name)}{(parameter.Summary is { Length: > 0 } summary ? ": " + CSharp.Doc(summary) : "")} ({CSharp.Doc(parameter.Checks.Describe())}).");
        w.Line("/// </summary>");
        w.Line("/// <remarks>The node's value: as the file writes it, or the function's default; null when it is known only when the flow runs");
        w.Line("/// (it comes from a flow parameter, or is in frames). A value set here overrides it for the next runs; null goes back to the file's.</remarks>");
        w.Line($"public {CSharp.ParameterType(parameter.Checks.Type)}? {parameter.Property}");
        w.Line("{");
        w.Indent();
        w.Line($"get => {field} ?? {field}_initial;");
        w.Line("set");
        w.Line("{");
        w.Indent();
        var checks = parameter.Checks.Statements("checkedValue", $"'{parameter.Name}'");
        if (checks.Count > 0)
        {
            w.Open("if (value is { } checkedValue)");
            foreach (var check in checks) w.Line(check);
            w.Close();
        }
        w.Line($"{field} = value;");
        w.Unindent();
        w.Line("}");
        w.Unindent();
        w.Line("}");
    }

    // '_weight' holds the override, '_weight_initial' the node's own value; property names have no '_', so
    // these never clash, nor with '__node'.
    private static string Field(NodeClassParameter parameter) => "_" + char.ToLowerInvariant(parameter.Property[0]) + parameter.Property.Substring(1);

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>The parameters of a class for a catalog function.</summary>
    public static List<NodeClassParameter> Of(FunctionInfo function) =>
        function.Parameters.Select(p => new NodeClassParameter(p.Name, CSharp.Pascal(p.Name)!, new ParameterChecks(p.Type, p.Min, p.Max, p.EnumValues), p.Summary)).ToList();
}
