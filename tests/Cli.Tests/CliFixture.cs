namespace SymbolicGen.Cli.Tests;

/// <summary>Runs <c>symgen</c> in-process and gives tests a scratch folder and the repository's paths.</summary>
public sealed class Cli : IDisposable
{
    public Cli()
    {
        Scratch = Directory.CreateTempSubdirectory("symgen-cli-tests-").FullName;
    }

    public string Scratch { get; }

    public static string RepoRoot => SymbolicGen.Language.Tests.Repository.Root;

    public static string Contracts => Path.Combine(RepoRoot, "tests", "Contracts");

    public static string Workflows => Path.Combine(RepoRoot, "workflows");

    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = SymgenApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Scratch, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Scratch, recursive: true);
}
