using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SymbolicGen.Tests.Baselines;

/// <summary>
/// The baseline cases of <c>tests/Baselines</c>: one folder per case, with a <c>main.sym</c> and the
/// diagnostics every host must report for it, one line each in the CLI's MSBuild format
/// (<c>main.sym(line,col): error SYMnnnn: message</c>). Each reader (the CLI's and the analyzer's tests,
/// later the language server's) compiles this file in, so cases are found and read in one place. The
/// cases are read from the repository, not copied to the output, so that
/// <see cref="UpdateVariable"/> can rewrite them.
/// </summary>
public static class Baselines
{
    /// <summary>Set to <c>1</c> to rewrite each case's expected diagnostics with what the reader found, instead of failing.</summary>
    public const string UpdateVariable = "SYMGEN_UPDATE_BASELINES";

    /// <summary>The file each case checks.</summary>
    public const string SourceFile = "main.sym";

    /// <summary>The diagnostics expected for <see cref="SourceFile"/>; empty for a clean file.</summary>
    public const string DiagnosticsFile = "main.diagnostics";

    /// <summary>The <c>tests/Baselines</c> folder of the repository these tests were built from.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every case, by name.</summary>
    public static IReadOnlyList<BaselineCase> All { get; } = Directory.GetDirectories(Root)
        .Where(d => File.Exists(Path.Combine(d, SourceFile)))
        .OrderBy(d => d, StringComparer.Ordinal)
        .Select(d => new BaselineCase(Path.GetFileName(d), d))
        .ToList();

    /// <summary>The case names as test data (a name serialises well and reads well in a test list).</summary>
    public static IEnumerable<object[]> Names() => All.Select(c => new object[] { c.Name });

    /// <summary>The case named <paramref name="name"/>.</summary>
    public static BaselineCase Named(string name) => All.Single(c => c.Name == name);

    /// <summary>True when the expected files are to be rewritten rather than checked.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>
    /// Compares what a reader found with what <paramref name="baseline"/> expects. Returns null when they
    /// agree, or after rewriting the expected file when <see cref="Updating"/>; otherwise a message that
    /// shows both and how to accept the new output.
    /// </summary>
    public static string? Compare(BaselineCase baseline, IReadOnlyList<BaselineDiagnostic> found)
    {
        var actual = found.Select(d => d.ToString()).ToList();
        var expected = baseline.Expected.Select(d => d.ToString()).ToList();
        if (actual.SequenceEqual(expected, StringComparer.Ordinal)) return null;
        if (Updating)
        {
            File.WriteAllText(baseline.DiagnosticsPath, actual.Count == 0 ? "" : string.Join("\n", actual) + "\n");
            return null;
        }
        return $"{baseline.Name}: the diagnostics differ from {DiagnosticsFile}.\nexpected:\n{Show(expected)}\nfound:\n{Show(actual)}\n" +
               $"If the new output is right, run the tests with {UpdateVariable}=1 and review the change.";
    }

    private static string Show(List<string> lines) => lines.Count == 0 ? "  (none)" : string.Join("\n", lines.Select(l => "  " + l));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "SymbolicGen.sln"))) return Path.Combine(directory.FullName, "tests", "Baselines");
        throw new InvalidOperationException("SymbolicGen.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One case: a folder holding <see cref="Baselines.SourceFile"/> and <see cref="Baselines.DiagnosticsFile"/>.</summary>
public sealed class BaselineCase
{
    internal BaselineCase(string name, string folder)
    {
        Name = name;
        Folder = folder;
    }

    /// <summary>The folder's name, which says what the case is about.</summary>
    public string Name { get; }

    /// <summary>The folder.</summary>
    public string Folder { get; }

    /// <summary>The <c>.sym</c> file.</summary>
    public string SourcePath => Path.Combine(Folder, Baselines.SourceFile);

    /// <summary>The expected diagnostics (a missing file expects none, so a new case can start without one).</summary>
    public string DiagnosticsPath => Path.Combine(Folder, Baselines.DiagnosticsFile);

    /// <summary>The text of the <c>.sym</c> file, exactly as stored.</summary>
    public string Source => File.ReadAllText(SourcePath);

    /// <summary>The expected diagnostics, in order.</summary>
    public IReadOnlyList<BaselineDiagnostic> Expected => File.Exists(DiagnosticsPath)
        ? File.ReadAllLines(DiagnosticsPath).Where(l => l.Length > 0).Select(BaselineDiagnostic.Parse).ToList()
        : [];

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A diagnostic as a baseline states it: where it starts (1-based line and column), how severe, which id, what message.</summary>
public sealed record BaselineDiagnostic(int Line, int Column, bool IsError, string Id, string Message)
{
    private static readonly Regex Format = new(@"^main\.sym\((\d+),(\d+)\): (error|warning) (SYM\d{4}): (.*)$");

    /// <summary>Reads one line of a <see cref="Baselines.DiagnosticsFile"/>.</summary>
    public static BaselineDiagnostic Parse(string line)
    {
        var match = Format.Match(line);
        if (!match.Success) throw new FormatException($"not a baseline diagnostic: '{line}'");
        return new BaselineDiagnostic(int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), match.Groups[3].Value == "error", match.Groups[4].Value, match.Groups[5].Value);
    }

    /// <summary>The line as <c>symgen check</c> prints it, with the path relative to the case's folder.</summary>
    public override string ToString() => $"{Baselines.SourceFile}({Line},{Column}): {(IsError ? "error" : "warning")} {Id}: {Message}";
}
