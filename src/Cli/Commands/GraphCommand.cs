using System.CommandLine;
using System.Diagnostics;
using System.ComponentModel;
using SymbolicGen.Cli.Graph;
using SymbolicGen.Language;
using SymbolicGen.Language.Diagnostics;

namespace SymbolicGen.Cli.Commands;

/// <summary><c>symgen graph &lt;file&gt; [--flow Name] [--format mermaid|dot|svg|png] [-o file]</c></summary>
internal static class GraphCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The .sym file to draw" };
        var flow = new Option<string?>("--flow") { Description = "The flow to draw (needed when the file has several)" };
        var format = new Option<string>("--format") { Description = "mermaid, dot, svg or png (svg and png need Graphviz)", DefaultValueFactory = _ => "mermaid" };
        format.AcceptOnlyFromAmong("mermaid", "dot", "svg", "png");
        var outputPath = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output (required for png)" };
        var functions = CommonOptions.Functions();
        var command = new Command("graph", "Draw a flow as Mermaid, DOT, SVG or PNG") { file, flow, format, outputPath, functions };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(file), parse.GetValue(flow), parse.GetValue(format)!, parse.GetValue(outputPath),
            parse.GetValue(functions) ?? [], output, error));
        return command;
    }

    private static int Run(string path, string? flowName, string format, string? outputPath, string[] functionSources, TextWriter output, TextWriter error)
    {
        var catalog = CommonOptions.LoadCatalog(functionSources, out var problems);
        var compilation = SymCompiler.Compile(SymFiles.Read(path), catalog);
        var errors = problems.Concat(compilation.Diagnostics.Where(d => d.Severity == Severity.Error)
            .Select(d => FileDiagnostic.Locate(path, d, compilation.Lines))).ToList();
        if (errors.Count > 0)
        {
            foreach (var d in errors) error.WriteLine(d.ToCanonicalLine());
            error.WriteLine($"symgen: error: '{path}' has errors; fix them before drawing it");
            return SymgenApp.HasErrors;
        }

        var flows = compilation.File.Flows;
        var names = string.Join(", ", flows.Select(f => $"'{f.Name}'"));
        if (flowName is null && flows.Count > 1)
            throw new CliException($"'{path}' has {flows.Count} flows ({names}); choose one with --flow");
        var flow = flowName is null ? flows.FirstOrDefault() : flows.FirstOrDefault(f => f.Name == flowName);
        if (flow is null)
            throw new CliException(flowName is null ? $"'{path}' has no flow" : $"'{path}' has no flow '{flowName}'; it has {names}");
        if (format == "png" && outputPath is null)
            throw new CliException("png is binary: give a file with -o");

        var graph = FlowGraph.Build(flow, catalog.With(flows.Select(f => f.Signature())));
        if (format == "mermaid") Emit(GraphWriters.Mermaid(graph), outputPath, output);
        else if (format == "dot") Emit(GraphWriters.Dot(graph), outputPath, output);
        else
        {
            var rendered = RenderWithGraphviz(GraphWriters.Dot(graph), format);
            if (outputPath is null) output.Write(System.Text.Encoding.UTF8.GetString(rendered));
            else SymFiles.WriteBytes(outputPath, rendered);
        }
        return SymgenApp.Success;
    }

    private static void Emit(string text, string? outputPath, TextWriter output)
    {
        if (outputPath is null) output.Write(text);
        else SymFiles.Write(outputPath, text);
    }

    private static byte[] RenderWithGraphviz(string dot, string format)
    {
        var start = new ProcessStartInfo("dot", $"-T{format}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            throw new CliException($"{format} needs Graphviz's 'dot', which is not installed (apt-get install graphviz); --format mermaid or dot need nothing");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            using var rendered = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(rendered);
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            copy.GetAwaiter().GetResult();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new CliException($"Graphviz 'dot' failed: {stderr.GetAwaiter().GetResult().Trim()}");
            return rendered.ToArray();
        }
    }
}
