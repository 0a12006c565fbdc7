using System.Text;

namespace SymbolicGen.Cli;

/// <summary>Finds, reads and safely writes <c>.sym</c> files.</summary>
internal static class SymFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Files named directly, plus every <c>*.sym</c> under named folders (sorted, so output is stable).</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.sym", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal));
            else throw new CliException($"'{path}' does not exist");
        }
        return files;
    }

    public static string Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>Writes text through a temporary file in the same folder and a rename, so a failure never leaves a half-written file.</summary>
    public static void Write(string path, string text) => WriteBytes(path, Utf8NoBom.GetBytes(text));

    /// <summary>Writes bytes the same safe way as <see cref="Write"/>.</summary>
    public static void WriteBytes(string path, byte[] bytes)
    {
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new CliException($"cannot write '{path}': {e.Message}");
        }
    }
}
