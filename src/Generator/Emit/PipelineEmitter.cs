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
        return new EmittedFile(hintName, emitter.Write(file.Flows.Where(f => names.ContainsKey(f.Flow.Name))), diagnostics.ToEquatableArray());
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

    private string Write(IEnumerable<FlowModel> flows)
    {
        Header.Write(_writer, _path);
        _writer.Open("namespace " + _namespace);
        var first = true;
        foreach (var flow in flows)
        {
            if (!first) _writer.Line();
            first = false;
            WritePipeline(flow, _names[flow.Flow.Name]);
            _writer.Line();
            WriteResult(flow, _names[flow.Flow.Name]);
        }
        _writer.Close();
        return _writer.ToString();
    }

    private string Global(string type) => "global::" + _namespace + "." + type;

    private void WritePipeline(FlowModel flow, Naming names)
    {
        var w = _writer;
        var self = Global(names.Pipeline);
        var result = Global(names.Result);
        var line = (flow.Location.StartLine + 1).ToString(CultureInfo.InvariantCulture);

        w.Line("/// <summary>");
        if (flow.Flow.Comments.Count == 0) w.Line($"/// Runs the flow {CSharp.Code(flow.Flow.Name)}.");
        foreach (var comment in flow.Flow.Comments) w.Line("/// " + CSharp.Doc(comment));
        w.Line("/// </summary>");
        w.Line($"/// <remarks>Generated from the flow {CSharp.Code(flow.Flow.Name)} of {CSharp.Code(_path)} (line {line}). Set parameters, then call");
        w.Line("/// <c>RunAsync</c>; runs read the values set when they start. Change parameters only while no run is starting.</remarks>");
        w.Line(Header.GeneratedCode);
        w.Open("public sealed partial class " + names.Pipeline);
        w.Line($"private static readonly {Ir}Flow s_definition = __CreateDefinition();");
        w.Line($"private static readonly {Execution}FlowSet s_flows = __CreateFlows(s_definition);");
        w.Line($"private readonly {Execution}FlowExecutor __executor;");
        if (_nodeObjects) w.Line($"private global::System.Tuple<string, {Execution}FlowSet>? __overridden;");
        foreach (var parameter in flow.Parameters) WriteFields(parameter, names.Parameters[parameter.Name]);
        w.Line();

        w.Line("/// <summary>A pipeline that runs on <see cref=\"" + RegistryEmitter.RegistryClass + ".Executor\"/>, with every function of the project.</summary>");
        w.Open($"public {names.Pipeline}()");
        w.Line($"__executor = {Global(RegistryEmitter.RegistryClass)}.Executor;");
        if (_nodeObjects) w.Line($"Nodes = new {self}.NodeSet();");
        w.Close();
        w.Line();
        w.Line("/// <summary>A pipeline that runs on <paramref name=\"executor\"/>, whose registry must have the flow's functions.</summary>");
        w.Line("/// <param name=\"executor\">The executor (its registry and memory cache) the runs use.</param>");
        w.Open($"public {names.Pipeline}({Execution}FlowExecutor executor)");
        w.Line("__executor = executor ?? throw new global::System.ArgumentNullException(nameof(executor));");
        if (_nodeObjects) w.Line($"Nodes = new {self}.NodeSet();");
        w.Close();
        w.Line();
        w.Line("/// <summary>The flow as written (its inputs, parameters, outputs, nodes and links), for introspection.</summary>");
        w.Line($"public static {Ir}Flow Definition => s_definition;");
        w.Line();
        w.Line("/// <summary>The executor the runs use.</summary>");
        w.Line($"public {Execution}FlowExecutor Executor => __executor;");
        if (_nodeObjects)
        {
            w.Line();
            w.Line("/// <summary>The nodes whose parameters can be changed for the next runs, without editing the file.</summary>");
            w.Line($"public {self}.NodeSet Nodes {{ get; }}");
        }

        foreach (var parameter in flow.Parameters)
        {
            w.Line();
            WriteProperty(parameter, names.Parameters[parameter.Name], $"Flow parameter {CSharp.Code(parameter.Name)}", $"'{parameter.Name}'");
        }

        WriteRunAsync(flow, names, result);
        w.Line();
        WriteFlowSets(flow);
        w.Line();
        // Built from literals only: it needs no nullable analysis, and compiles faster without it.
        w.Line("#nullable disable");
        w.Line("/// <summary>The flow's IR, built as it was compiled.</summary>");
        w.Open($"private static {Ir}Flow __CreateDefinition()");
        FlowWriter.Write(w, flow.Flow);
        w.Close();
        w.Line("#nullable restore");
        w.Line();
        w.Line("/// <summary>The 1-based line of a node of this flow in its .sym file, for error messages.</summary>");
        w.Line(Header.Hidden);
        w.Open("internal static int? __NodeLine(string node)");
        w.Open("switch (node)");
        foreach (var node in flow.Nodes)
            w.Line($"case {CSharp.String(node.Name)}: return {CSharp.Int(node.Line)};");
        w.Line("default: return null;");
        w.Close();
        w.Close();
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

    private void WriteRunAsync(FlowModel flow, Naming names, string result)
    {
        var w = _writer;
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
        w.Open($"public async {task} RunAsync({CSharp.Arguments(inputs.Concat(new[] { $"{Execution}RunOptions options" }))})");
        foreach (var input in flow.Inputs)
        {
            var name = names.Inputs[input.Name];
            w.Line($"if ({name} is null) throw new global::System.ArgumentNullException(nameof({name}));");
        }
        w.Line("if (options is null) throw new global::System.ArgumentNullException(nameof(options));");
        w.Line($"var __arguments = new {Execution}FlowArguments();");
        foreach (var input in flow.Inputs)
            w.Line($"__arguments.Input({CSharp.String(input.Name)}, {names.Inputs[input.Name]});");
        foreach (var parameter in flow.Parameters)
        {
            var property = names.Parameters[parameter.Name];
            var field = Field(property);
            if (IsNullable(parameter))
            {
                if (parameter.Required)
                    w.Line($"if ({field} is null) throw new global::System.InvalidOperationException({CSharp.String($"set {property} (flow parameter '{parameter.Name}', which has no default) before running the flow")});");
                w.Line($"if ({field} is {{ }} {field}_value) __arguments.Parameter({CSharp.String(parameter.Name)}, {field}_value);");
            }
            else
            {
                w.Line($"if ({field}_set) __arguments.Parameter({CSharp.String(parameter.Name)}, {field});");
            }
        }
        var flows = "s_flows";
        if (_nodeObjects)
        {
            w.Line($"var __overrides = new {NodeClassWriter.OverrideList}();");
            w.Line("Nodes.__Collect(__arguments, __overrides);");
            flows = "__FlowsFor(__overrides)";
        }
        w.Line($"var __run = await __executor.RunAsync({flows}, {CSharp.String(flow.Flow.Name)}, __arguments, options).ConfigureAwait(false);");
        w.Line($"return new {result}(__run);");
        w.Close();
    }

    private void WriteInputDocs(FlowModel flow, Naming names)
    {
        foreach (var input in flow.Inputs)
            _writer.Line($"/// <param name=\"{names.Inputs[input.Name]}\">Flow input {CSharp.Code(input.Name)} ({input.Type}); it stays the caller's, the run never disposes it.</param>");
    }

    private void WriteRunDocs()
    {
        _writer.Line("/// <returns>The outputs; dispose the result to release them.</returns>");
        _writer.Line("/// <exception cref=\"global::System.InvalidOperationException\">A flow parameter without default was not set.</exception>");
        _writer.Line("/// <exception cref=\"global::SymbolicGen.Runtime.Execution.FlowExecutionException\">A node failed; the message names it and its line.</exception>");
        _writer.Line("/// <exception cref=\"global::System.OperationCanceledException\">The run was cancelled.</exception>");
    }

    private void WriteFlowSets(FlowModel flow)
    {
        var w = _writer;
        var flows = new[] { "root" }.Concat(flow.Callees.Select(c => Global(_names[c].Pipeline) + ".Definition"));
        w.Line("/// <summary>The flow (or its variant with overridden node parameters) and the flows it calls.</summary>");
        w.Open($"private static {Execution}FlowSet __CreateFlows({Ir}Flow root)");
        w.Line($"return new {Execution}FlowSet(new[] {{ {CSharp.Arguments(flows)} }}, {CSharp.String(_path)}, __LineOf);");
        w.Close();
        w.Line();
        w.Line("/// <summary>The line of a node of this flow or of a flow it calls.</summary>");
        w.Open($"private static int? __LineOf({Ir}Flow flow, {Ir}Node node)");
        w.Open("switch (flow.Name)");
        w.Line($"case {CSharp.String(flow.Flow.Name)}: return __NodeLine(node.Name);");
        foreach (var callee in flow.Callees)
            w.Line($"case {CSharp.String(callee)}: return {Global(_names[callee].Pipeline)}.__NodeLine(node.Name);");
        w.Line("default: return null;");
        w.Close();
        w.Close();
        if (!_nodeObjects) return;
        w.Line();
        w.Line("/// <summary>The flows to run: the flow as written, or a variant that reads the overridden node parameters (kept while they stay the same).</summary>");
        w.Open($"private {Execution}FlowSet __FlowsFor({NodeClassWriter.OverrideList} overrides)");
        w.Line("if (overrides.Count == 0) return s_flows;");
        w.Line($"var key = {Global(RegistryEmitter.RegistryClass)}.__OverrideKey(overrides);");
        w.Line("var cached = __overridden;");
        w.Line("if (cached is not null && cached.Item1 == key) return cached.Item2;");
        w.Line($"var flows = __CreateFlows({Global(RegistryEmitter.RegistryClass)}.__WithNodeParameters(s_definition, overrides));");
        w.Line($"__overridden = global::System.Tuple.Create(key, flows);");
        w.Line("return flows;");
        w.Close();
    }

    private void WriteNodeSet(FlowModel flow, Naming names)
    {
        var w = _writer;
        var self = Global(names.Pipeline);
        w.Line($"/// <summary>The nodes of <see cref=\"{self}\"/> that have parameters, one object each.</summary>");
        w.Open("public sealed class NodeSet");
        w.Line("internal NodeSet()");
        w.Line("{");
        w.Line("}");
        foreach (var node in flow.Nodes)
        {
            if (!names.Nodes.TryGetValue(node.Name, out var property)) continue;
            var type = node.CallsFlow
                ? Global(_names[node.Function].Pipeline) + "." + NodeClasses.CallNode
                : Global(NodeClasses.Container) + "." + node.NodeClass;
            var values = node.Arguments.Select(a => a.Initial is { } initial ? CSharp.Canonical(initial, a.Type) ?? "null" : "null");
            w.Line();
            w.Line("/// <summary>");
            w.Line($"/// Node {CSharp.Code(node.Name)} (line {CSharp.Int(node.Line)}): " +
                   (node.CallsFlow ? $"calls the flow {CSharp.Code(node.Function)}." : $"{CSharp.Code(node.Function)}{(string.IsNullOrEmpty(node.Summary) ? "" : ", " + CSharp.Doc(node.Summary))}."));
            foreach (var comment in node.Comments) w.Line("/// " + CSharp.Doc(comment));
            var written = node.Arguments.Where(a => a.Written is not null).Select(a => a.Name + ": " + a.Written).ToList();
            if (written.Count > 0) w.Line("/// The file writes " + CSharp.Doc(string.Join(", ", written)) + ".");
            w.Line("/// </summary>");
            w.Line($"public {type} {property} {{ get; }} = new {type}({CSharp.Arguments(new[] { CSharp.String(node.Name) }.Concat(values))});");
        }
        w.Line();
        w.Line("/// <summary>Adds the node parameters that were set to a run's arguments.</summary>");
        w.Line(Header.Hidden);
        w.Open($"internal void __Collect({Execution}FlowArguments arguments, {NodeClassWriter.OverrideList} overrides)");
        foreach (var node in flow.Nodes)
            if (names.Nodes.TryGetValue(node.Name, out var property)) w.Line($"{property}.__Collect(arguments, overrides);");
        w.Close();
        w.Close();
    }

    // The node objects of nodes that call this flow: its parameters, with the ranges of what they feed.
    private void WriteCallNode(FlowModel flow, Naming names)
    {
        var parameters = flow.Parameters
            .Select(p => new NodeClassParameter(p.Name, names.Parameters[p.Name], new ParameterChecks(p.Type, p.Min, p.Max, p.EnumValues), p.Summary))
            .ToList();
        NodeClassWriter.Write(_writer, NodeClasses.CallNode, $"The parameters of a node that calls the flow {CSharp.Code(flow.Flow.Name)}.", parameters);
    }

    // A property is nullable when its initial value cannot be computed: a required flow parameter, or a value
    // that depends on the run (frames); null then means "as written".
    private static bool IsNullable(ParameterModel parameter) =>
        parameter.Initial is null || CSharp.Canonical(parameter.Initial, parameter.Type) is null;

    // A property 'Weight' is backed by '_weight' (and '_weight_set' when it has an initial value). Generated
    // member names contain no '_', so these fields cannot clash with each other, and the generator's own
    // fields and locals start with '__' so that they cannot clash with these.
    private static string Field(string property) => "_" + char.ToLowerInvariant(property[0]) + property.Substring(1);

    private void WriteFields(ParameterModel parameter, string property)
    {
        var type = CSharp.ParameterType(parameter.Type);
        var field = Field(property);
        if (parameter.Initial is { } initial && CSharp.Canonical(initial, parameter.Type) is { } value)
        {
            _writer.Line($"private {type} {field} = {value};");
            _writer.Line($"private bool {field}_set;");
        }
        else
        {
            _writer.Line($"private {type}? {field};");
        }
    }

    private void WriteProperty(ParameterModel parameter, string property, string title, string what)
    {
        var w = _writer;
        var type = CSharp.ParameterType(parameter.Type);
        var nullable = IsNullable(parameter);
        var field = Field(property);
        w.Line("/// <summary>");
        w.Line($"/// {title}{(parameter.Summary is { Length: > 0 } summary ? ": " + CSharp.Doc(summary) : "")} ({CSharp.Doc(ChecksOf(parameter).Describe())}).");
        w.Line("/// </summary>");
        w.Line("/// <remarks>" + CSharp.Doc(Remarks(parameter, nullable)) + "</remarks>");
        w.Line($"public {type}{(nullable ? "?" : "")} {property}");
        w.Line("{");
        w.Indent();
        w.Line($"get => {field};");
        w.Line("set");
        w.Line("{");
        w.Indent();
        if (nullable)
        {
            var checks = ChecksOf(parameter).Statements(CSharp.IsValueType(parameter.Type) ? "checkedValue" : "value", what);
            if (checks.Count > 0)
            {
                w.Open(CSharp.IsValueType(parameter.Type) ? "if (value is { } checkedValue)" : "if (value is not null)");
                foreach (var check in checks) w.Line(check);
                w.Close();
            }
            w.Line($"{field} = value;");
        }
        else
        {
            foreach (var check in ChecksOf(parameter).Statements("value", what)) w.Line(check);
            w.Line($"{field} = value;");
            w.Line($"{field}_set = true;");
        }
        w.Unindent();
        w.Line("}");
        w.Unindent();
        w.Line("}");
    }

    // The statements that check a new value (none for bool, size and colour, or an unbounded integer).
    private static ParameterChecks ChecksOf(ParameterModel parameter) => new(parameter.Type, parameter.Min, parameter.Max, parameter.EnumValues);

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
        w.Open($"public sealed class {names.Result} : global::System.IAsyncDisposable, global::System.IDisposable");
        w.Line($"private readonly {Execution}FlowResult _result;");
        w.Line();
        w.Open($"internal {names.Result}({Execution}FlowResult result)");
        w.Line("_result = result;");
        w.Close();
        foreach (var output in flow.Outputs)
        {
            var type = CSharp.MediaType(output.Type);
            w.Line();
            w.Line($"/// <summary>Flow output {CSharp.Code(output.Name)} ({output.Type}).</summary>");
            w.Line("/// <exception cref=\"global::System.ObjectDisposedException\">The result was disposed.</exception>");
            w.Line($"public {type} {names.Outputs[output.Name]} => _result.Get<{type}>({CSharp.String(output.Name)});");
        }
        w.Line();
        w.Line("/// <summary>What the run computed and what it took from the cache.</summary>");
        w.Line($"public {Execution}RunStatistics Statistics => _result.Statistics;");
        w.Line();
        w.Line("/// <summary>The untyped result, with the outputs by name.</summary>");
        w.Line($"public {Execution}FlowResult FlowResult => _result;");
        w.Line();
        w.Line("/// <summary>Releases the outputs.</summary>");
        w.Line("public void Dispose() => _result.Dispose();");
        w.Line();
        w.Line("/// <summary>Releases the outputs.</summary>");
        w.Line("public global::System.Threading.Tasks.ValueTask DisposeAsync() => _result.DisposeAsync();");
        w.Close();
    }
}
