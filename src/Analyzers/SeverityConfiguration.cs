using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SymbolicGen.Analyzers;

/// <summary>
/// Applies the severities of <c>.editorconfig</c> files to diagnostics inside <c>.sym</c> files.
/// </summary>
/// <remarks>
/// The compiler applies <c>dotnet_diagnostic.ID.severity</c> from <c>.editorconfig</c> only to diagnostics
/// located in C# syntax trees, and does not pass those keys on to analyzers: a diagnostic in an additional
/// file sees only the project-wide settings (NoWarn, WarningsAsErrors, <c>.globalconfig</c>), which the
/// compiler still applies after the analyzer. So that <c>.editorconfig</c> works for <c>.sym</c> files as it
/// does for C#, the package passes the <c>.editorconfig</c> files above each <c>.sym</c> file as additional
/// files (buildTransitive/SymbolicGen.targets), and this class evaluates them for the <c>.sym</c> file's
/// path with Roslyn's own <see cref="AnalyzerConfigSet"/>: the same section matching, <c>root</c> handling
/// and precedence as for C#. Precedence: the id's key, then the category's key
/// (<c>dotnet_analyzer_diagnostic.category-SymbolicGen.severity</c>), then the language's severity.
/// </remarks>
internal sealed class SeverityConfiguration
{
    /// <summary>The file name of the configuration files this class reads.</summary>
    public const string EditorConfigFileName = ".editorconfig";

    private const string CategoryKey = "dotnet_analyzer_diagnostic.category-" + SymDescriptors.Category + ".severity";

    private readonly AnalyzerConfigSet _configs;

    private SeverityConfiguration(AnalyzerConfigSet configs) => _configs = configs;

    /// <summary>No configuration: every diagnostic keeps its severity, except for the compiler's category key.</summary>
    public static SeverityConfiguration None { get; } = new(AnalyzerConfigSet.Create(new List<AnalyzerConfig>()));

    /// <summary>Parses the <c>.editorconfig</c> files among <paramref name="additionalFiles"/>.</summary>
    public static SeverityConfiguration From(IEnumerable<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var configs = new List<AnalyzerConfig>();
        foreach (var file in additionalFiles)
        {
            // Roslyn matches sections against absolute paths only, as the compiler passes them.
            if (!Path.IsPathRooted(file.Path) || !string.Equals(Path.GetFileName(file.Path), EditorConfigFileName, StringComparison.OrdinalIgnoreCase)) continue;
            if (file.GetText(cancellationToken) is { } text) configs.Add(AnalyzerConfig.Parse(text, file.Path));
        }
        return new SeverityConfiguration(AnalyzerConfigSet.Create(configs));
    }

    /// <summary>
    /// The settings for the file at <paramref name="path"/>. <paramref name="compilerOptions"/> are the options
    /// the compiler gives the file: they carry the category key of any config it read, but never an id's key.
    /// </summary>
    public FileSeverities For(string path, AnalyzerConfigOptions compilerOptions)
    {
        var options = _configs.GetOptionsForSourcePath(path);
        var category = options.AnalyzerOptions.TryGetValue(CategoryKey, out var value) || compilerOptions.TryGetValue(CategoryKey, out value)
            ? Parse(value)
            : ReportDiagnostic.Default;
        return new FileSeverities(options.TreeOptions, category);
    }

    /// <summary>The severity settings that apply to one <c>.sym</c> file.</summary>
    internal readonly struct FileSeverities
    {
        private readonly ImmutableDictionary<string, ReportDiagnostic> _byId;
        private readonly ReportDiagnostic _category;

        public FileSeverities(ImmutableDictionary<string, ReportDiagnostic> byId, ReportDiagnostic category)
        {
            _byId = byId;
            _category = category;
        }

        /// <summary>The severity to report <paramref name="id"/> with, or null when it is configured off.</summary>
        public DiagnosticSeverity? Effective(string id, DiagnosticSeverity severity)
        {
            if (_byId.TryGetValue(id, out var configured) && configured != ReportDiagnostic.Default) return ToSeverity(configured);
            return _category != ReportDiagnostic.Default ? ToSeverity(_category) : severity;
        }
    }

    private static DiagnosticSeverity? ToSeverity(ReportDiagnostic configured) => configured switch
    {
        ReportDiagnostic.Error => DiagnosticSeverity.Error,
        ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
        ReportDiagnostic.Info => DiagnosticSeverity.Info,
        ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
        _ => null,
    };

    // The values Roslyn accepts for severity keys; 'default' and unknown values configure nothing.
    private static ReportDiagnostic Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "error" => ReportDiagnostic.Error,
        "warning" => ReportDiagnostic.Warn,
        "suggestion" => ReportDiagnostic.Info,
        "silent" or "refactoring" => ReportDiagnostic.Hidden,
        "none" => ReportDiagnostic.Suppress,
        _ => ReportDiagnostic.Default,
    };
}
