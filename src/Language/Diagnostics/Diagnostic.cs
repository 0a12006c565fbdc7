using System.Collections.Immutable;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    /// <summary>The flow cannot be compiled or run.</summary>
    Error,
    /// <summary>The flow works but is probably not what was meant.</summary>
    Warning,
}

/// <summary>Replaces the text of <see cref="Span"/> with <see cref="NewText"/>.</summary>
public sealed record TextEdit(SourceSpan Span, string NewText)
{
    /// <summary>Offset where the edit starts (spans compare equal, so equality uses this explicitly).</summary>
    public int Start => Span.Start;

    /// <summary>Number of characters replaced.</summary>
    public int Length => Span.Length;

    /// <inheritdoc/>
    public bool Equals(TextEdit? other) =>
        other is not null && Start == other.Start && Length == other.Length && NewText == other.NewText;

    /// <inheritdoc/>
    public override int GetHashCode() => (Start * 397) ^ Length ^ NewText.GetHashCode();
}

/// <summary>
/// A fix for a diagnostic. <see cref="IsSafe"/> fixes keep the meaning the author evidently intended
/// (writing a missing unit, correcting a misspelt name) and are applied by <c>symgen check --fix</c>
/// and the drafting loop; others (clamping a value into range) are only offered.
/// </summary>
public sealed record CodeFix(string Title, EquatableArray<TextEdit> Edits, bool IsSafe);

/// <summary>The names of <see cref="Diagnostic.Properties"/>.</summary>
public static class DiagnosticProperties
{
    /// <summary>SYM0201: the catalog function whose one input and one output convert what the link carries into what its target expects.</summary>
    public const string Bridge = "bridge";
}

/// <summary>One problem found in a <c>.sym</c> file.</summary>
/// <param name="Id">Stable id, <c>SYM0001</c>…; see <see cref="DiagnosticDescriptors"/>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">One line, no trailing period; names in single quotes.</param>
/// <param name="Span">Exact location in the file.</param>
/// <param name="Fixes">Fixes, safe ones first.</param>
public sealed record Diagnostic(string Id, Severity Severity, string Message, SourceSpan Span, EquatableArray<CodeFix> Fixes)
{
    /// <summary>Offset where the problem starts (spans compare equal, so equality uses this explicitly).</summary>
    public int Start => Span.Start;

    /// <summary>Length of the problem's span.</summary>
    public int Length => Span.Length;

    /// <summary>
    /// Facts about the problem for tools, by name (see <see cref="DiagnosticProperties"/>): what a fixer needs
    /// without reading the message. Passed on to Roslyn diagnostics as their properties.
    /// </summary>
    public ImmutableDictionary<string, string?> Properties { get; init; } = ImmutableDictionary<string, string?>.Empty;

    /// <inheritdoc/>
    public bool Equals(Diagnostic? other) =>
        other is not null && Id == other.Id && Severity == other.Severity && Message == other.Message &&
        Start == other.Start && Length == other.Length && Fixes.Equals(other.Fixes);

    /// <inheritdoc/>
    public override int GetHashCode() => (Id.GetHashCode() * 397) ^ Message.GetHashCode() ^ Start;

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Severity} {Span}: {Message}";
}
