using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SymbolicGen.Generator.Model;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Generator.Emit;

/// <summary>
/// Emits one <c>.sym</c> file's pipeline classes (DESIGN §4): for each generated flow a
/// <c>{Name}Pipeline</c> with validated parameter properties, node objects, <c>RunAsync</c> overloads and
/// the static definition, and a <c>{Name}Result</c> with typed outputs.
/// </summary>
internal sealed class PipelineEmitter
{
    private const string Execution = "global::SymbolicGen.Runtime.Execution.";
    private const string Ir = "global::SymbolicGen.Language.Ir.";
    
    private readonly SourceWriter _writer = new();
    private readonly bool _nodeObjects;
    private readonly string _namespace;
    private readonly string _path;
    private readonly Dictionary<string, Naming> _names;

    private PipelineEmitter(string ns, bool nodeObjects, string path, Dictionary<string, Naming> names)
    {
        _namespace = ns;
        _nodeObjects = nodeObjects;
        _path = path;
        _names = names;
    }

    /// <summary>The generated source of <paramref name="file"/> and the generator's diagnostics for it.</summary>
    public static EmittedFile Emit(FileModel file, GeneratorOptions options, CompilationFacts facts, NameIndex index)
    {
        var path = DisplayPath(file.Path, options.ProjectDirectory);
        var hintName = HintName(path);
        var diagnostics = file.Diagnostics.ToList();
        if (file.Flows.Count == 0) return new EmittedFile(hintName, null, diagnostics.ToEquatableArray());
        if (!facts.HasRuntime)
        {
            diagnostics.Add(new DiagnosticInfo(GeneratorDescriptors.RuntimeMissing.Id,
                "no pipeline is generated for this file: the project does not reference SymbolicGen.Runtime (add the SymbolicGen package)", file.Flows[0].Location));
            return new EmittedFile(hintName, null, diagnostics.ToEquatableArray());
        }
        // The registry file reports an unusable namespace once.
        if (Header.NamespaceProblem(options.Namespace) is not null) return new EmittedFile(hintName, null, diagnostics.ToEquatableArray());

        var owners = new Dictionary<string, GeneratedName>(StringComparer.Ordinal);
        foreach (var name in index.Names)
            if (!owners.ContainsKey(name.Name)) owners.Add(name.Name, name);
        var names = new Dictionary<string, Naming>(StringComparer.Ordinal);
        foreach (var flow in file.Flows)
        {
            var naming = Naming.For(flow, options.Namespace, options.NodeObjects, facts, n => owners.TryGetValue(n, out var o) ? o : null, file.Path, diagnostics);
            if (naming is not null) names.Add(flow.Flow.Name, naming);
        }
        // A flow that calls a flow without a class cannot be generated either (its set of flows needs that class).
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var flow in file.Flows)
            {
                if (!names.ContainsKey(flow.Flow.Name) || flow.Callees.All(names.ContainsKey)) continue;
                names.Remove(flow.Flow.Name);
                changed = true;
            }
        }
        if (names.Count == 0) return new EmittedFile(hintName, null, diagnostics.ToEquatableArray());

        var emitter = new PipelineEmitter(options.Namespace, options.NodeObjects, path, names);
        return new EmittedFile(hintName, emitter.Write(file.Flows.Where(f => names.ContainsKey(f.Flow.Name)), file.Text), diagnostics.ToEquatableArray());
    }

    /// <summary>The type names <paramref name="file"/> generates, for <see cref="NameIndex"/>.</summary>
    public static IEnumerable<GeneratedName> TypeNames(FileModel file) =>
        file.Flows.Select(f => CSharp.Pascal(f.Flow.Name) is { } name ? new GeneratedName(name, file.Path, f.Flow.Name) : null)
            .Where(n => n is not null)!;

    /// <summary>The path of a .sym file as generated code names it: relative to the project, with '/'; else its file name.</summary>
    public static string DisplayPath(string path, string? projectDirectory)
    {
        var normal = path.Replace('\\', '/');
        if (projectDirectory is { } directory)
        {
            var root = directory.Replace('\\', '/').TrimEnd('/') + "/";
            if (normal.StartsWith(root, StringComparison.Ordinal)) return normal.Substring(root.Length);
        }
        var slash = normal.LastIndexOf('/');
        return slash < 0 ? normal : normal.Substring(slash + 1);
    }

    /// <summary>
    /// A hint name unique to the path: the path with every character outside <c>[A-Za-z0-9_.]</c> replaced by
    /// '_' (at most 100 characters, keeping the end), and a hash of the whole path, which keeps
    /// <c>a-b.sym</c> and <c>a_b.sym</c> apart.
    /// </summary>
    public static string HintName(string path)
    {
        var builder = new StringBuilder(path.Length);
        foreach (var c in path) builder.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' ? c : '_');
        var sanitized = builder.ToString();
        if (sanitized.Length > 100) sanitized = sanitized.Substring(sanitized.Length - 100);
        // FNV-1a over UTF-16 code units: stable across processes and platforms, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in path)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return sanitized + "." + hash.ToString("x8", CultureInfo.InvariantCulture) + ".g.cs";
    }

    private string Write(IEnumerable<FlowModel> flows, string source)
    {
        Header.Write(_writer, _path);
        _writer.Open("namespace " + _namespace);
        var first = true;
        foreach (var flow in flows)
        {
            if (!first) _writer.Line();
            first = false;
            WritePipeline(flow, _names[flow.Flow.Name], source);
            _writer.Line();
            WriteResult(flow, _names[flow.Flow.Name]);
        }
        _writer.Close();
        return _writer.ToString();
    }

    private string Global(string type) => "global::" + _namespace + "." + type;

    private void WritePipeline(FlowModel flow, Naming names, string source)
    {
        var w = _writer;
        var self = Global(names.Pipeline);
        var registry = Global(RegistryEmitter.RegistryClass);
        var line = (flow.Location.StartLine + 1).ToString(CultureInfo.InvariantCulture);

        w.Line("/// <summary>");
        if (flow.Flow.Comments.Count == 0) w.Line($"/// Runs the flow {CSharp.Code(flow.Flow.Name)}.");
        foreach (var comment in flow.Flow.Comments) w.Line("/// " + CSharp.Doc(comment));
        w.Line("/// </summary>");
        w.Line($"/// <remarks>Generated from the flow {CSharp.Code(flow.Flow.Name)} of {CSharp.Code(_path)} (line {line}). Set parameters, then call");
        w.Line("/// <c>RunAsync</c>; runs read the values set when they start.</remarks>");
        w.Line(Header.GeneratedCode);
        w.Open("public sealed partial class " + names.Pipeline);
        // The file's text, compiled by the runtime on first use: a literal costs the C# compiler far less than code building the flow would.
        w.Line($"private static readonly {Execution}PipelineDefinition s_definition = new {Execution}PipelineDefinition({CSharp.String(_path)}, {CSharp.String(flow.Flow.Name)}, {CSharp.String(source)}, () => {registry}.Default);");
        w.Line($"private readonly {NodeClassWriter.State} __state;");
        w.Line();
        w.Line($"/// <summary>A pipeline that runs on <see cref=\"{registry}.Executor\"/>, with every function of the project.</summary>");
        w.Line($"public {names.Pipeline}() : this({registry}.Executor) {{ }}");
        w.Line();
        w.Line("/// <summary>A pipeline that runs on <paramref name=\"executor\"/>, whose registry must have the flow's functions.</summary>");
        w.Line("/// <param name=\"executor\">The executor (its registry and memory cache) the runs use.</param>");
        w.Open($"public {names.Pipeline}({Execution}FlowExecutor executor)");
        w.Line($"__state = new {NodeClassWriter.State}(s_definition, executor);");
        if (_nodeObjects) w.Line($"Nodes = new {self}.NodeSet(__state);");
        w.Close();
        w.Line();
        w.Line("/// <summary>The flow as written (its inputs, parameters, outputs, nodes and links), for introspection.</summary>");
        w.Line($"public static {Ir}Flow Definition => s_definition.Flow;");
        w.Line();
        w.Line("/// <summary>The executor the runs use.</summary>");
        w.Line($"public {Execution}FlowExecutor Executor => __state.Executor;");
        if (_nodeObjects)
        {
            w.Line();
            w.Line("/// <summary>The nodes whose parameters can be changed for the next runs, without editing the file.</summary>");
            w.Line($"public {self}.NodeSet Nodes {{ get; }}");
        }

        foreach (var parameter in flow.Parameters)
        {
            w.Line();
            WriteProperty(parameter, names.Parameters[parameter.Name]);
        }

        WriteRunAsync(flow, names);
        if (_nodeObjects)
        {
            w.Line();
            WriteNodeSet(flow, names);
            if (flow.Called && flow.Parameters.Count > 0)
            {
                w.Line();
                WriteCallNode(flow, names);
            }
        }
        w.Close();
    }

    private void WriteRunAsync(FlowModel flow, Naming names)
    {
        var w = _writer;
        var result = Global(names.Result);
        var inputs = flow.Inputs.Select(i => $"{CSharp.MediaType(i.Type)} {names.Inputs[i.Name]}").ToList();
        var task = $"global::System.Threading.Tasks.Task<{result}>";

        w.Line();
        w.Line($"/// <summary>Runs the flow with the current parameters.</summary>");
        WriteInputDocs(flow, names);
        w.Line("/// <param name=\"cancellationToken\">Stops the run: no node starts after it is cancelled, and running nodes receive it.</param>");
        WriteRunDocs();
        w.Line($"public {task} RunAsync({CSharp.Arguments(inputs.Concat(new[] { "global::System.Threading.CancellationToken cancellationToken = default" }))}) =>");
        w.Line($"    RunAsync({CSharp.Arguments(flow.Inputs.Select(i => names.Inputs[i.Name]).Concat(new[] { $"new {Execution}RunOptions {{ CancellationToken = cancellationToken }}" }))});");
        w.Line();
        w.Line("/// <summary>Runs the flow with the current parameters and <paramref name=\"options\"/> (progress, cache, parallelism, cancellation).</summary>");
        WriteInputDocs(flow, names);
        w.Line("/// <param name=\"options\">How the flow runs.</param>");
        WriteRunDocs();
        w.Line($"public {task} RunAsync({CSharp.Arguments(inputs.Concat(new[] { $"{Execution}RunOptions options" }))}) =>");
        w.Line($"    __state.RunAsync<{result}>({CSharp.Arguments(new[] { "options", $"static __result => new {result}(__result)" }.Concat(flow.Inputs.Select(i => names.Inputs[i.Name])))});");
    }

    private void WriteInputDocs(FlowModel flow, Naming names)
    {
        foreach (var input in flow.Inputs)
            _writer.Line($"/// <param name=\"{names.Inputs[input.Name]}\">Flow input {CSharp.Code(input.Name)} ({input.Type}); it stays the caller's, the run never disposes it.</param>");
    }

    private void WriteRunDocs()
    {
        _writer.Line("/// <returns>The outputs; dispose the result to release them.</returns>");
        _writer.Line("/// <exception cref=\"global::System.ArgumentNullException\">An input or the options are null.</exception>");
        _writer.Line("/// <exception cref=\"global::System.InvalidOperationException\">A flow parameter without default was not set.</exception>");
        _writer.Line("/// <exception cref=\"global::SymbolicGen.Runtime.Execution.FlowExecutionException\">A node failed; the message names it and its line.</exception>");
        _writer.Line("/// <exception cref=\"global::System.OperationCanceledException\">The run was cancelled.</exception>");
    }

    private void WriteNodeSet(FlowModel flow, Naming names)
    {
        var w = _writer;
        var self = Global(names.Pipeline);
        var nodes = flow.Nodes.Where(n => names.Nodes.ContainsKey(n.Name)).ToList();
        string TypeOf(NodeModel node) => node.CallsFlow
            ? Global(_names[node.Function].Pipeline) + "." + NodeClasses.CallNode
            : Global(NodeClasses.Container) + "." + node.NodeClass;

        w.Line($"/// <summary>The nodes of <see cref=\"{self}\"/> that have parameters, one object each.</summary>");
        w.Open("public sealed class NodeSet");
        w.Open($"internal NodeSet({NodeClassWriter.State} pipeline)");
        foreach (var node in nodes)
            w.Line($"{names.Nodes[node.Name]} = new {TypeOf(node)}(pipeline, {CSharp.String(node.Name)});");
        w.Close();
        // Read-only fields rather than properties: a node object is an immutable view (its values live in the
        // pipeline's PipelineState), and a field has no accessor for the compiler to bind, emit and analyze,
        // which made node objects a third of what a flow's generated code costs a build.
        foreach (var node in nodes)
        {
            w.Line();
            w.Line("/// <summary>");
            w.Line($"/// Node {CSharp.Code(node.Name)} (line {CSharp.Int(node.Line)}): " +
                   (node.CallsFlow ? $"calls the flow {CSharp.Code(node.Function)}." : $"{CSharp.Code(node.Function)}{(string.IsNullOrEmpty(node.Summary) ? "" : ", " + CSharp.Doc(node.Summary))}."));
            foreach (var comment in node.Comments) w.Line("/// " + CSharp.Doc(comment));
            var written = node.Arguments.Where(a => a.Written is not null).Select(a => a.Name + ": " + a.Written).ToList();
            if (written.Count > 0) w.Line("/// The file writes " + CSharp.Doc(string.Join(", ", written)) + ".");
            w.Line("/// </summary>");
            w.Line($"public readonly {TypeOf(node)} {names.Nodes[node.Name]};");
        }
        w.Close();
    }

    // The node objects of nodes that call this flow: its parameters, with the ranges of what they feed.
    private void WriteCallNode(FlowModel flow, Naming names)
    {
        var parameters = flow.Parameters
            .Select(p => new NodeClassParameter(p.Name, names.Parameters[p.Name], p.Domain, p.Summary))
            .ToList();
        NodeClassWriter.Write(_writer, NodeClasses.CallNode, $"The parameters of a node that calls the flow {CSharp.Code(flow.Flow.Name)}.", parameters);
    }

    // A property is nullable when its initial value cannot be computed: a required flow parameter, or a value
    // that depends on the run (frames); null then means "as written".
    private static bool IsNullable(ParameterModel parameter) =>
        parameter.Initial is null || CSharp.Canonical(parameter.Initial, parameter.Domain) is null;

    private void WriteProperty(ParameterModel parameter, string property)
    {
        var type = CSharp.ParameterType(parameter.Domain) + (IsNullable(parameter) ? "?" : "");
        var w = _writer;
        w.Line("/// <summary>");
        w.Line($"/// Flow parameter {CSharp.Code(parameter.Name)}{(parameter.Summary is { Length: > 0 } summary ? ": " + CSharp.Doc(summary) : "")} ({CSharp.Doc(AcceptedValues.Describe(parameter.Domain))}).");
        w.Line("/// </summary>");
        w.Line("/// <remarks>" + CSharp.Doc(Remarks(parameter, IsNullable(parameter))) + "</remarks>");
        w.Line($"public {type} {property} {{ get => __state.Get<{type}>({CSharp.String(parameter.Name)}); set => __state.Set({CSharp.String(parameter.Name)}, value); }}");
    }

    // The statements that check a new value (none for bool, size and colour, or an unbounded integer).

    private static string Remarks(ParameterModel parameter, bool nullable)
    {
        var written = parameter.Written is null ? null : "Written as " + parameter.Written + " in the file.";
        string meaning;
        if (parameter.Required) meaning = "Required: null until set, and a run throws until it is set.";
        else if (nullable) meaning = "Null means the value as written, which depends on the run (a value in frames converts through the frame rate).";
        else meaning = "Setting it overrides the value in the file for the next runs.";
        return written is null ? meaning : written + " " + meaning;
    }

    private void WriteResult(FlowModel flow, Naming names)
    {
        var w = _writer;
        w.Line($"/// <summary>The outputs of a run of <see cref=\"{Global(names.Pipeline)}\"/>. They stay valid until the result is disposed, which releases them.</summary>");
        w.Line(Header.GeneratedCode);
        w.Open($"public sealed class {names.Result} : {Execution}PipelineResult");
        w.Line($"internal {names.Result}({Execution}FlowResult result) : base(result) {{ }}");
        foreach (var output in flow.Outputs)
        {
            var type = CSharp.MediaType(output.Type);
            w.Line();
            w.Line($"/// <summary>Flow output {CSharp.Code(output.Name)} ({output.Type}).</summary>");
            w.Line("/// <exception cref=\"global::System.ObjectDisposedException\">The result was disposed.</exception>");
            w.Line($"public {type} {names.Outputs[output.Name]} => GetOutput<{type}>({CSharp.String(output.Name)});");
        }
        w.Close();
    }
}
