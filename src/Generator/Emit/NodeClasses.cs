using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Generator.Model;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Generator.Emit;

/// <summary>
/// The classes of node objects: one per function (<c>SymbolicGenNodes.{Function}Node</c>, shared by every
/// node that calls it, in every flow of the project) and one per called flow (<c>{Flow}Pipeline.CallNode</c>).
/// One class per function rather than per node keeps the generated code small: a project has far fewer
/// functions than nodes.
/// </summary>
internal static class NodeClasses
{
    /// <summary>The class that holds the functions' node classes.</summary>
    public const string Container = "SymbolicGenNodes";

    /// <summary>The node class of a called flow, nested in its pipeline class.</summary>
    public const string CallNode = "CallNode";

    // Members every node object has (System.Object's and NodeParameters'): a property of that name would hide one.
    private static readonly string[] InheritedMembers = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals", "GetParameter", "SetParameter" };

    /// <summary>
    /// The class name of each function of <paramref name="catalog"/> that has parameters and C# names for
    /// them, and why each other function with parameters has none (as SYM0401/SYM0402 messages).
    /// </summary>
    public static (Dictionary<string, string> Classes, Dictionary<string, DiagnosticInfo> Problems) Of(FunctionCatalog catalog)
    {
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new Dictionary<string, DiagnosticInfo>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var function in catalog.Functions)
        {
            if (function.Parameters.Count == 0) continue;
            var problem = Problem(function, owners);
            if (problem is null)
            {
                var name = ClassName(function.Name)!;
                classes.Add(function.Name, name);
                owners.Add(name, function.Name);
            }
            else
            {
                problems.Add(function.Name, problem);
            }
        }
        return (classes, problems);
    }

    private static DiagnosticInfo? Problem(FunctionInfo function, Dictionary<string, string> owners)
    {
        if (ClassName(function.Name) is not { } name)
        {
            var segment = function.Name.Split('.').FirstOrDefault(s => CSharp.Pascal(s) is null) ?? function.Name;
            return Diagnostic(GeneratorDescriptors.UnusableName.Id,
                $"function '{function.Name}' cannot name a C# class of node objects: {CSharp.WhyUnusable(segment)}; the nodes that call it have no node object");
        }
        if (owners.TryGetValue(name, out var owner))
            return Diagnostic(GeneratorDescriptors.NameCollision.Id,
                $"function '{function.Name}' would have the node class '{Container}.{name}', which function '{owner}' has; the nodes that call '{function.Name}' have no node object");
        var taken = new HashSet<string>(InheritedMembers, StringComparer.Ordinal) { name };
        foreach (var parameter in function.Parameters)
        {
            var property = CSharp.Pascal(parameter.Name);
            if (property is null)
                return Diagnostic(GeneratorDescriptors.UnusableName.Id,
                    $"parameter '{parameter.Name}' of function '{function.Name}' cannot be a C# name: {CSharp.WhyUnusable(parameter.Name)}; the nodes that call it have no node object");
            if (!taken.Add(property))
                return Diagnostic(GeneratorDescriptors.NameCollision.Id,
                    $"parameter '{parameter.Name}' of function '{function.Name}' would be '{property}' in '{Container}.{name}', which another parameter or a member every C# object has takes; the nodes that call it have no node object");
        }
        return null;
    }

    /// <summary>
    /// The node class of a function: <c>ImageBlendNode</c>; a qualified name joins the PascalCase forms of its
    /// segments with '_' (<c>acme.Shout</c> → <c>Acme_ShoutNode</c>), which no unqualified function's class can
    /// be, since <see cref="CSharp.Pascal"/> names hold no '_'. Null when a segment has no C# form or the name is too long.
    /// </summary>
    public static string? ClassName(string function)
    {
        var segments = function.Split('.').Select(CSharp.Pascal).ToList();
        if (segments.Any(s => s is null)) return null;
        var name = string.Join("_", segments) + "Node";
        return name.Length > CSharp.MaxNameLength ? null : name;
    }

    private static DiagnosticInfo Diagnostic(string id, string message) => new(id, message, null);
}
