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
                var name = CSharp.Pascal(function.Name)! + "Node";
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
        var pascal = CSharp.Pascal(function.Name);
        if (pascal is null || pascal.Length + 4 > CSharp.MaxNameLength)
            return Diagnostic(GeneratorDescriptors.UnusableName.Id,
                $"function '{function.Name}' cannot name a C# class of node objects: {CSharp.WhyUnusable(function.Name)}; the nodes that call it have no node object");
        var name = pascal + "Node";
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

    private static DiagnosticInfo Diagnostic(string id, string message) => new(id, message, null);
}
