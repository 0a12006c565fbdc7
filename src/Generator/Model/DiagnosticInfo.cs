using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SymbolicGen.Generator.Model;

/// <summary>
/// Where a diagnostic goes, as plain data (a file path, a character span and 0-based line positions), so
/// that models holding it stay value-equatable and hold no syntax tree.
/// </summary>
internal sealed record LocationInfo(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>An external-file location (the .sym file, or the C# file of a declaration).</summary>
    public Location ToLocation() => Location.Create(
        Path,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

    /// <summary>The location of <paramref name="location"/> as data; null when it has no file.</summary>
    public static LocationInfo? From(Location location)
    {
        var span = location.GetLineSpan();
        if (!span.IsValid || string.IsNullOrEmpty(span.Path)) return null;
        return new LocationInfo(span.Path, location.SourceSpan.Start, location.SourceSpan.Length,
            span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character);
    }
}

/// <summary>A generator diagnostic as plain data: the id of one of <see cref="GeneratorDescriptors"/>, a one-line message and where.</summary>
internal sealed record DiagnosticInfo(string Id, string Message, LocationInfo? Location)
{
    /// <summary>The Roslyn diagnostic.</summary>
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(GeneratorDescriptors.Find(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Message);
}
