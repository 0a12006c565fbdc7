using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SymbolicGen.Analyzers;

/// <summary>
/// Severities configured in <c>.editorconfig</c> for diagnostics inside a <c>.sym</c> file.
/// </summary>
/// <remarks>
/// The compiler applies <c>dotnet_diagnostic.ID.severity</c> from <c>.editorconfig</c> only to diagnostics
/// located in C# syntax trees; a diagnostic in an additional file sees only global settings (NoWarn,
/// WarningsAsErrors, <c>.globalconfig</c>). The analyzer therefore reads the same keys from the options of
/// the <c>.sym</c> file itself (which come from the <c>.editorconfig</c> sections matching its path) and
/// applies them, so that <c>.editorconfig</c> works for <c>.sym</c> files as it does for C#. The compiler's
/// global settings still apply afterwards, as for any analyzer.
/// </remarks>
internal readonly struct SeverityConfiguration
{
    private const string CategoryKey = "dotnet_analyzer_diagnostic.category-" + SymDescriptors.Category + ".severity";

    private readonly AnalyzerConfigOptions? _options;

    public SeverityConfiguration(AnalyzerConfigOptions options) => _options = options;

    /// <summary>
    /// The severity to report <paramref name="id"/> with, or null when it is configured off
    /// (<c>none</c>). Precedence as in Roslyn: the id's own key, then the category's, then <paramref name="severity"/>.
    /// </summary>
    public DiagnosticSeverity? Effective(string id, DiagnosticSeverity severity)
    {
        if (_options is null) return severity;
        if (_options.TryGetValue("dotnet_diagnostic." + id + ".severity", out var value) && TryParse(value, out var configured))
            return configured;
        if (_options.TryGetValue(CategoryKey, out value) && TryParse(value, out configured))
            return configured;
        return severity;
    }

    // The values Roslyn accepts for dotnet_diagnostic keys; 'default' and unknown values leave the severity alone.
    private static bool TryParse(string value, out DiagnosticSeverity? severity)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "error":
                severity = DiagnosticSeverity.Error;
                return true;
            case "warning":
                severity = DiagnosticSeverity.Warning;
                return true;
            case "suggestion":
                severity = DiagnosticSeverity.Info;
                return true;
            case "silent":
            case "refactoring":
                severity = DiagnosticSeverity.Hidden;
                return true;
            case "none":
                severity = null;
                return true;
            default:
                severity = null;
                return false;
        }
    }
}
