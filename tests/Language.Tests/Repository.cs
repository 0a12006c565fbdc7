namespace SymbolicGen.Language.Tests;

/// <summary>Files of this repository that tests read, so that the examples and contracts users see are the ones tested.</summary>
public static class Repository
{
    /// <summary>The text of the file at <paramref name="path"/>, relative to the repository root.</summary>
    public static string ReadText(string path) => File.ReadAllText(PathOf(path));

    /// <summary>The repository's root folder (the one holding SymbolicGen.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The full path of <paramref name="path"/>, relative to the repository root.</summary>
    public static string PathOf(string path) => System.IO.Path.Combine(Root, path);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "SymbolicGen.sln"))) return directory.FullName;
        throw new InvalidOperationException("SymbolicGen.sln not found above " + AppContext.BaseDirectory);
    }
}
