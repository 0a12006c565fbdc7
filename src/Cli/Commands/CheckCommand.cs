using System.CommandLine;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Cli.Commands;

/// <summary><c>symgen check &lt;files or folders…&gt; [--json] [--fix] [--functions …]</c></summary>
internal static class CheckCommand
{
    // --fix repeats because a fix can reveal a diagnostic that the first pass could not see (a
    // misspelt function hides its parameters' problems); the bound keeps a pathological file finite.
    private const int MaxFixRounds = 8;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths") { Description = ".sym files or folders to check (folders are searched recursively)", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the diagnostics as JSON" };
        var fix = new Option<bool>("--fix") { Description = "Apply safe fixes (units, misspellings) in place" };
        var functions = CommonOptions.Functions();
        var command = new Command("check", "Check .sym files and print diagnostics in MSBuild format") { paths, json, fix, functions };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(paths), parse.GetValue(json), parse.GetValue(fix), parse.GetValue(functions) ?? [], output));
        return command;
    }

    private static int Run(string[] paths, bool json, bool fix, string[] functionSources, TextWriter output)
    {
        var files = SymFiles.Expand(paths);
        var catalog = CommonOptions.LoadCatalog(functionSources, out var found);
        var fixesApplied = 0;
        foreach (var file in files)
        {
            var text = SymFiles.Read(file);
            var compilation = SymCompiler.Compile(text, catalog);
            if (fix)
            {
                var fixedText = text;
                for (var round = 0; round < MaxFixRounds; round++)
                {
                    var (next, applied) = FixApplier.ApplySafeFixes(fixedText, compilation.Diagnostics);
                    if (applied == 0) break;
                    fixesApplied += applied;
                    fixedText = next;
                    compilation = SymCompiler.Compile(fixedText, catalog);
                }
                if (fixedText != text) SymFiles.Write(file, fixedText);
            }
            found.AddRange(compilation.Diagnostics.Select(d => FileDiagnostic.Locate(file, d, compilation.Lines)));
        }
        if (json) DiagnosticOutput.WriteJson(output, found, files.Count, fixesApplied);
        else DiagnosticOutput.WriteText(output, found, files.Count, fixesApplied);
        return found.Any(d => d.Diagnostic.Severity == Severity.Error) ? SymgenApp.HasErrors : SymgenApp.Success;
    }
}

/// <summary>Options and catalog loading shared by the commands that check flows.</summary>
internal static class CommonOptions
{
    public static Option<string[]> Functions() => new("--functions")
    {
        Description = "Also load functions from an assembly (.dll), C# source (.cs), a catalog file (.symcatalog.json) or a folder of them; repeatable",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Loads the catalog; problems in the function declarations come back as located diagnostics.</summary>
    public static FunctionCatalog LoadCatalog(IEnumerable<string> functionSources, out List<FileDiagnostic> problems)
    {
        var result = CatalogLoader.Load(functionSources);
        problems = result.Problems.Select(FileDiagnostic.Catalog).ToList();
        return result.Catalog;
    }
}
