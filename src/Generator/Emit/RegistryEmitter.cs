using System.Linq;
using SymbolicGen.Generator.Model;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Generator.Emit;

/// <summary>
/// Emits the function registry of a compilation: <c>SymbolicGenFunctions</c> (invokers that call each
/// <c>[SymFunction]</c> method directly, with typed arguments), <c>SymbolicGenRegistry</c> (the registry and
/// executor that generated pipelines use by default) and, when configured, a public class that registers the
/// project's functions for other assemblies (the runtime's <c>BuiltInFunctions</c>).
/// </summary>
internal static class RegistryEmitter
{
    /// <summary>The hint name of the registry file.</summary>
    public const string HintName = "SymbolicGen.Registry.g.cs";

    /// <summary>The class holding the invokers.</summary>
    public const string FunctionsClass = "SymbolicGenFunctions";

    /// <summary>The class holding the default registry and executor.</summary>
    public const string RegistryClass = "SymbolicGenRegistry";

    private const string Execution = "global::SymbolicGen.Runtime.Execution.";

    /// <summary>The registry file, or only diagnostics when it cannot be generated.</summary>
    public static EmittedFile Emit(FunctionsModel functions, GeneratorOptions options, CompilationFacts facts)
    {
        var diagnostics = functions.Diagnostics.ToList();
        if (!facts.HasRuntime) return new EmittedFile(HintName, null, diagnostics.ToEquatableArray());
        if (Header.NamespaceProblem(options.Namespace) is { } problem)
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDescriptors.UnusableName.Id,
                problem + "; set SymbolicGenNamespace to a namespace for the generated code", null));
            return new EmittedFile(HintName, null, diagnostics.ToEquatableArray());
        }
        foreach (var name in new[] { FunctionsClass, RegistryClass }.Where(facts.TakenNames.Contains))
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDescriptors.NameCollision.Id,
                $"the project declares '{options.Namespace}.{name}', which SymbolicGen generates; rename it or set SymbolicGenNamespace", null));
        }
        var (publicNamespace, publicClass) = Split(options.PublicFunctionsClass);
        if (options.PublicFunctionsClass is { } configured &&
            (publicClass is null || CSharp.Pascal(publicClass) != publicClass || publicNamespace is not null && Header.NamespaceProblem(publicNamespace) is not null))
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDescriptors.UnusableName.Id,
                $"SymbolicGenPublicFunctionsClass is '{configured}', which is not a namespace-qualified PascalCase class name", null));
        }
        if (diagnostics.Count > functions.Diagnostics.Count) return new EmittedFile(HintName, null, diagnostics.ToEquatableArray());

        var writer = new SourceWriter();
        Header.Write(writer, null);
        writer.Open("namespace " + options.Namespace);
        WriteFunctions(writer, functions);
        writer.Line();
        WriteRegistry(writer, functions, options.Namespace);
        writer.Close();
        if (publicClass is not null)
        {
            writer.Line();
            WritePublicClass(writer, publicNamespace, publicClass, options.Namespace);
        }
        return new EmittedFile(HintName, writer.ToString(), diagnostics.ToEquatableArray());
    }

    private static (string? Namespace, string? Class) Split(string? fullName)
    {
        if (fullName is null) return (null, null);
        var dot = fullName.LastIndexOf('.');
        return dot < 0 ? (null, fullName) : (fullName.Substring(0, dot), fullName.Substring(dot + 1));
    }

    private static void WriteFunctions(SourceWriter writer, FunctionsModel functions)
    {
        writer.Line("/// <summary>");
        writer.Line("/// The <c>[SymFunction]</c> methods this project can run, each invoked directly with typed arguments (no reflection).");
        writer.Line("/// </summary>");
        writer.Line(Header.GeneratedCode);
        writer.Open("internal static class " + FunctionsClass);
        WriteRegister(writer, "Register", "Adds the <c>[SymFunction]</c> methods declared in this project's source to <paramref name=\"registry\"/>.", functions.Source, 0);
        writer.Line();
        WriteRegister(writer, "RegisterReferenced",
            functions.UsesBuiltIns
                ? "Adds the <c>[SymFunction]</c> methods of referenced assemblies (except the runtime's, which <c>SymbolicGen.Runtime.BuiltInFunctions</c> registers) to <paramref name=\"registry\"/>."
                : "Adds the <c>[SymFunction]</c> methods of referenced assemblies to <paramref name=\"registry\"/>.",
            functions.Referenced, functions.Source.Count);
        var all = functions.Source.Concat(functions.Referenced).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            writer.Line();
            InvokerWriter.Write(writer, all[i], i);
        }
        if (HasServed(functions))
        {
            writer.Line();
            WriteServed(writer, functions.Served!);
        }
        writer.Close();
    }

    private static bool HasServed(FunctionsModel functions) =>
        functions.Served is { } served && (served.Functions.Count > 0 || served.PortTypes.Any(t => !t.IsMedia));

    // The functions of the project's catalog files: no C# body, so no invoker; the backend that each names runs
    // them (FunctionRegistry.AddServed). Their types are registered too, so that a flow may name one that no
    // function's port uses.
    private static void WriteServed(SourceWriter writer, FunctionCatalog served)
    {
        writer.Line("/// <summary>Adds the functions and port types of this project's catalog files (<c>*.symcatalog.json</c>), which backends run, to <paramref name=\"registry\"/>.</summary>");
        writer.Line("/// <param name=\"registry\">The registry to fill.</param>");
        writer.Open("public static void RegisterServed(" + Execution + "FunctionRegistry registry)");
        writer.Line("if (registry is null) throw new global::System.ArgumentNullException(nameof(registry));");
        foreach (var type in served.PortTypes.Where(t => !t.IsMedia))
            writer.Line("registry.AddPortType(" + CSharp.PortTypeExpression(type) + ");");
        for (var i = 0; i < served.Functions.Count; i++)
            writer.Line($"registry.AddServed(ServedInfo{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}());");
        writer.Close();
        for (var i = 0; i < served.Functions.Count; i++)
        {
            var function = served.Functions[i];
            writer.Line();
            writer.Line($"/// <summary>The catalog entry of {CSharp.Code(function.Name)}, which the {CSharp.Code(function.Backend ?? "")} backend runs.</summary>");
            writer.Open($"private static global::SymbolicGen.Language.Catalog.FunctionInfo ServedInfo{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}()");
            IrWriter.WriteFunction(writer, function);
            writer.Close();
        }
    }

    private static void WriteRegister(SourceWriter writer, string name, string summary, EquatableArray<FunctionSpec> functions, int firstIndex)
    {
        writer.Line("/// <summary>" + summary + "</summary>");
        writer.Line("/// <param name=\"registry\">The registry to fill.</param>");
        writer.Open("public static void " + name + "(" + Execution + "FunctionRegistry registry)");
        writer.Line("if (registry is null) throw new global::System.ArgumentNullException(nameof(registry));");
        for (var i = 0; i < functions.Count; i++)
        {
            var index = (firstIndex + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            writer.Line($"registry.Add(Info{index}(), Invoke{index}{InvokerWriter.ServiceRequirements(functions[i])});");
        }
        writer.Close();
    }

    private static void WriteRegistry(SourceWriter writer, FunctionsModel functions, string ns)
    {
        var global = "global::" + ns + ".";
        writer.Line("/// <summary>");
        writer.Line("/// The functions and the executor that generated pipelines run on unless they are given an executor:");
        writer.Line(functions.UsesBuiltIns
            ? "/// the runtime's built-in functions, the functions of referenced assemblies and this project's own."
            : "/// the functions of referenced assemblies and this project's own.");
        writer.Line("/// </summary>");
        writer.Line(Header.GeneratedCode);
        writer.Open("internal static class " + RegistryClass);
        writer.Line($"private static readonly global::System.Lazy<{Execution}FunctionRegistry> s_default = new global::System.Lazy<{Execution}FunctionRegistry>(Create);");
        writer.Line($"private static readonly global::System.Lazy<{Execution}FlowExecutor> s_executor = new global::System.Lazy<{Execution}FlowExecutor>(() => new {Execution}FlowExecutor(s_default.Value));");
        writer.Line();
        writer.Line("/// <summary>The registry of <see cref=\"Create\"/>, made once.</summary>");
        writer.Line($"public static {Execution}FunctionRegistry Default => s_default.Value;");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The executor over <see cref=\"Default\"/> that pipelines made with their parameterless constructor share,");
        writer.Line("/// and with it its memory cache (bounded; results are reused across runs and pipelines).");
        writer.Line("/// </summary>");
        writer.Line($"public static {Execution}FlowExecutor Executor => s_executor.Value;");
        writer.Line();
        writer.Line("/// <summary>A new registry with every function this project can run.</summary>");
        writer.Open($"public static {Execution}FunctionRegistry Create()");
        writer.Line($"var registry = new {Execution}FunctionRegistry();");
        if (functions.UsesBuiltIns) writer.Line("global::SymbolicGen.Runtime.BuiltInFunctions.Register(registry);");
        writer.Line(global + FunctionsClass + ".RegisterReferenced(registry);");
        writer.Line(global + FunctionsClass + ".Register(registry);");
        if (HasServed(functions))
            writer.Line(global + FunctionsClass + ".RegisterServed(registry);");
        writer.Line("return registry;");
        writer.Close();
        writer.Close();
    }

    private static void WritePublicClass(SourceWriter writer, string? ns, string name, string generatedNamespace)
    {
        if (ns is not null) writer.Open("namespace " + ns);
        writer.Line("/// <summary>Registers the <c>[SymFunction]</c> methods of this assembly, for programs and tools that run flows.</summary>");
        writer.Line(Header.GeneratedCode);
        writer.Open("public static partial class " + name);
        writer.Line("/// <summary>Adds this assembly's functions to <paramref name=\"registry\"/>.</summary>");
        writer.Line("/// <param name=\"registry\">The registry to fill.</param>");
        writer.Line($"public static void Register({Execution}FunctionRegistry registry) => global::{generatedNamespace}.{FunctionsClass}.Register(registry);");
        writer.Close();
        if (ns is not null) writer.Close();
    }
}
