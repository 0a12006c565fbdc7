using System.Linq;
using SymbolicGen.Generator.Model;
using SymbolicGen.Language;

namespace SymbolicGen.Generator.Emit;

/// <summary>
/// Emits <c>SymbolicGenNodes</c>: the class of node objects of each function that the project's generated
/// pipelines call (<see cref="NodeClasses"/>).
/// </summary>
internal static class NodesEmitter
{
    /// <summary>The hint name of the file.</summary>
    public const string HintName = "SymbolicGen.Nodes.g.cs";

    /// <summary>The file, or only diagnostics (for functions whose node class cannot be generated) when no class is needed.</summary>
    public static EmittedFile Emit(FunctionsModel functions, UsedFunctions used, GeneratorOptions options, CompilationFacts facts)
    {
        if (!facts.HasRuntime || !options.NodeObjects || used.Names.Count == 0 || Header.NamespaceProblem(options.Namespace) is not null)
            return new EmittedFile(HintName, null, default);
        var (classes, problems) = NodeClasses.Of(functions.Catalog);
        var diagnostics = used.Names.Where(problems.ContainsKey).Select(n => problems[n]).ToList();
        if (facts.TakenNames.Contains(NodeClasses.Container))
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDescriptors.NameCollision.Id,
                $"the project declares '{options.Namespace}.{NodeClasses.Container}', which SymbolicGen generates; rename it or set SymbolicGenNamespace", null));
            return new EmittedFile(HintName, null, diagnostics.ToEquatableArray());
        }
        var emitted = used.Names.Where(classes.ContainsKey).ToList();
        if (emitted.Count == 0) return new EmittedFile(HintName, null, diagnostics.ToEquatableArray());

        var w = new SourceWriter();
        Header.Write(w, null);
        w.Open("namespace " + options.Namespace);
        w.Line("/// <summary>The classes of the node objects of generated pipelines (<c>pipeline.Nodes.Blend</c>), one per function the flows call.</summary>");
        w.Line(Header.GeneratedCode);
        w.Open("public static class " + NodeClasses.Container);
        for (var i = 0; i < emitted.Count; i++)
        {
            if (i > 0) w.Line();
            var function = functions.Catalog.Find(emitted[i])!;
            var summary = $"The parameters of a node that calls {CSharp.Code(function.Name)}{(string.IsNullOrEmpty(function.Summary) ? "" : ": " + CSharp.Doc(function.Summary))}.";
            NodeClassWriter.Write(w, classes[emitted[i]], summary, NodeClassWriter.Of(function));
        }
        w.Close();
        w.Close();
        return new EmittedFile(HintName, w.ToString(), diagnostics.ToEquatableArray());
    }
}
