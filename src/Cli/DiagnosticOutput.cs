using System.Text.Encodings.Web;
using System.Text.Json;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Cli;

/// <summary>A diagnostic located in a file, ready to print.</summary>
internal sealed record FileDiagnostic(string File, Diagnostic Diagnostic, LinePosition Start, LinePosition End, IReadOnlyList<(CodeFix Fix, IReadOnlyList<(LinePosition Start, LinePosition End, string NewText)> Edits)> Fixes, bool HasPosition = true)
{
    public static FileDiagnostic Locate(string file, Diagnostic diagnostic, LineMap lines) => new(
        file,
        diagnostic,
        lines.GetPosition(diagnostic.Span.Start),
        lines.GetPosition(diagnostic.Span.End),
        diagnostic.Fixes.Select(f => (f, (IReadOnlyList<(LinePosition, LinePosition, string)>)f.Edits
            .Select(e => (lines.GetPosition(e.Start), lines.GetPosition(e.Start + e.Length), e.NewText)).ToList())).ToList());

    /// <summary>
    /// A problem of a catalog source (a C# declaration, a catalog file) where it is; one read from an assembly has no
    /// position, and its message names the member.
    /// </summary>
    public static FileDiagnostic Catalog(CatalogProblem problem)
    {
        var location = problem.Location;
        var message = location.HasSpan || location.Member is null ? problem.Message : $"{problem.Message} (in '{location.Member}')";
        return new(location.Path, new Diagnostic(problem.Id, Severity.Error, message, default, default), location.StartPosition, location.EndPosition, [], location.HasSpan);
    }

    /// <summary>
    /// The MSBuild canonical format that editors and CI logs turn into links: <c>path(line,col): error ID: message</c>
    /// (<c>path: error ID: message</c> without a position).
    /// </summary>
    public string ToCanonicalLine() =>
        $"{File}{(HasPosition ? $"({Start.Line},{Start.Column})" : "")}: {(Diagnostic.Severity == Severity.Error ? "error" : "warning")} {Diagnostic.Id}: {Diagnostic.Message}";
}

/// <summary>Writes <c>symgen check</c> results as text or JSON.</summary>
internal static class DiagnosticOutput
{
    public static void WriteText(TextWriter output, IReadOnlyList<FileDiagnostic> diagnostics, int files, int fixesApplied)
    {
        foreach (var d in diagnostics) output.WriteLine(d.ToCanonicalLine());
        var errors = diagnostics.Count(d => d.Diagnostic.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        var summary = $"{Plural(files, "file")} checked: {Plural(errors, "error")}, {Plural(warnings, "warning")}";
        if (fixesApplied > 0) summary += $", {Plural(fixesApplied, "fix", "fixes")} applied";
        output.WriteLine(summary);
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<FileDiagnostic> diagnostics, int files, int fixesApplied)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("files", files);
            json.WriteNumber("errors", diagnostics.Count(d => d.Diagnostic.Severity == Severity.Error));
            json.WriteNumber("warnings", diagnostics.Count(d => d.Diagnostic.Severity == Severity.Warning));
            json.WriteNumber("fixesApplied", fixesApplied);
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Diagnostic.Id);
                json.WriteString("severity", d.Diagnostic.Severity == Severity.Error ? "error" : "warning");
                json.WriteString("message", d.Diagnostic.Message);
                json.WriteString("file", d.File);
                WritePosition(json, "start", d.Start);
                WritePosition(json, "end", d.End);
                json.WriteStartArray("fixes");
                foreach (var (fix, edits) in d.Fixes)
                {
                    json.WriteStartObject();
                    json.WriteString("title", fix.Title);
                    json.WriteBoolean("safe", fix.IsSafe);
                    json.WriteStartArray("edits");
                    foreach (var (start, end, newText) in edits)
                    {
                        json.WriteStartObject();
                        WritePosition(json, "start", start);
                        WritePosition(json, "end", end);
                        json.WriteString("newText", newText);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WritePosition(Utf8JsonWriter json, string name, LinePosition position)
    {
        json.WriteStartObject(name);
        json.WriteNumber("line", position.Line);
        json.WriteNumber("column", position.Column);
        json.WriteEndObject();
    }

    private static string Plural(int count, string one, string? many = null) => $"{count} {(count == 1 ? one : many ?? one + "s")}";
}
