using System.CommandLine;
using SymbolicGen.Language;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Printing;

namespace SymbolicGen.Cli.Commands;

/// <summary><c>symgen fmt &lt;file&gt; [--to dataflow|declarative|natural] [--write]</c></summary>
internal static class FmtCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The .sym file to format" };
        var to = new Option<string?>("--to") { Description = "Convert every flow to this syntax (default: keep each flow's own syntax)" };
        to.AcceptOnlyFromAmong("dataflow", "declarative", "natural");
        var write = new Option<bool>("--write") { Description = "Rewrite the file in place instead of printing it" };
        var functions = CommonOptions.Functions();
        var command = new Command("fmt", "Normalise a .sym file, or convert it to another syntax") { file, to, write, functions };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(file), parse.GetValue(to), parse.GetValue(write), parse.GetValue(functions) ?? [], output, error));
        return command;
    }

    private static int Run(string path, string? to, bool write, string[] functionSources, TextWriter output, TextWriter error)
    {
        var catalog = CommonOptions.LoadCatalog(functionSources, out var problems);
        var text = SymFiles.Read(path);
        var compilation = SymCompiler.Compile(text, catalog);
        var errors = problems.Concat(compilation.Diagnostics
                .Where(d => d.Severity == Severity.Error)
                .Select(d => FileDiagnostic.Locate(path, d, compilation.Lines)))
            .ToList();
        if (errors.Count > 0)
        {
            // Printing a file that does not bind would drop what could not be understood: refuse instead.
            foreach (var d in errors) error.WriteLine(d.ToCanonicalLine());
            error.WriteLine($"symgen: error: '{path}' has errors; fix them before formatting (symgen check --fix applies the safe ones)");
            return SymgenApp.HasErrors;
        }
        SyntaxStyle? style = to switch
        {
            "dataflow" => SyntaxStyle.Dataflow,
            "declarative" => SyntaxStyle.Declarative,
            "natural" => SyntaxStyle.Natural,
            _ => null,
        };
        var formatted = SymPrinter.Print(compilation.File, catalog, style);
        if (write) SymFiles.Write(path, formatted);
        else output.Write(formatted);
        return SymgenApp.Success;
    }
}
