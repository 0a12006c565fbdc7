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

    /// <summary>Runs an external tool (ffmpeg, ffprobe) to make or check media; returns its standard output.</summary>
    public static async Task<string> Tool(string name, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Xunit.Assert.True(process.ExitCode == 0, $"{name} failed: {await error}");
        return output;
    }

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Scratch, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Scratch, recursive: true);
}
