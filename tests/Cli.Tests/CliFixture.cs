namespace SymbolicGen.Cli.Tests;

/// <summary>Runs <c>symgen</c> in-process and gives tests a scratch folder and the repository's paths.</summary>
public sealed class Cli : IDisposable
{
    public Cli()
    {
        Scratch = Directory.CreateTempSubdirectory("symgen-cli-tests-").FullName;
    }

    public string Scratch { get; }

    public static string RepoRoot { get; } = FindRepoRoot();

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

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SymbolicGen.sln"))) return dir.FullName;
        throw new InvalidOperationException("SymbolicGen.sln not found above " + AppContext.BaseDirectory);
    }
}
