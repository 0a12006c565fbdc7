using Microsoft.CodeAnalysis;
using Xunit;
using static SymbolicGen.Analyzers.Tests.AnalyzerHarness;

namespace SymbolicGen.Analyzers.Tests;

/// <summary>Severities of <c>.sym</c> diagnostics set through <c>.editorconfig</c> and through the compilation's options (NoWarn).</summary>
public class SeverityConfigurationTests
{
    // One error (SYM0203 on 90s) and one warning (SYM0206 on the bare 5).
    private const string Flow = """
        flow Beeps() -> (sound: Audio) {
            long  = Chirp(duration: 90s)
            short = Chirp(duration: 5)
            sound = Mix(long, short)
        }
        """;

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Run(string editorConfig, string path = "/repo/app/workflows/Beeps.sym") =>
        RunAsync(Compile([SoundFunctions]), [(path, Flow)], [("/repo/.editorconfig", editorConfig)]);

    private static IEnumerable<(string, DiagnosticSeverity)> Reported(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => (d.Id, d.Severity));

    [Fact]
    public async Task Without_configuration_the_languages_severities_apply()
    {
        Assert.Equal([("SYM0203", DiagnosticSeverity.Error), ("SYM0206", DiagnosticSeverity.Warning)], Reported(await Run("root = true")));
    }

    [Fact]
    public async Task A_warning_can_be_turned_off_for_sym_files()
    {
        const string config = """
            root = true
            [*.sym]
            dotnet_diagnostic.SYM0206.severity = none
            """;

        Assert.Equal([("SYM0203", DiagnosticSeverity.Error)], Reported(await Run(config)));
    }

    [Fact]
    public async Task A_warning_can_be_made_an_error_and_an_error_a_warning()
    {
        const string config = """
            root = true
            [*]
            dotnet_diagnostic.SYM0206.severity = error
            dotnet_diagnostic.SYM0203.severity = warning
            """;

        Assert.Equal([("SYM0203", DiagnosticSeverity.Warning), ("SYM0206", DiagnosticSeverity.Error)], Reported(await Run(config)));
    }

    [Fact]
    public async Task The_category_applies_to_every_id_and_the_id_wins_over_it()
    {
        const string config = """
            root = true
            [*.sym]
            dotnet_analyzer_diagnostic.category-SymbolicGen.severity = suggestion
            dotnet_diagnostic.SYM0206.severity = silent
            """;

        Assert.Equal([("SYM0203", DiagnosticSeverity.Info), ("SYM0206", DiagnosticSeverity.Hidden)], Reported(await Run(config)));
    }

    [Fact]
    public async Task Sections_apply_only_to_the_files_they_match()
    {
        const string config = """
            root = true
            [other/**.sym]
            dotnet_diagnostic.SYM0206.severity = none
            [app/workflows/*.sym]
            dotnet_diagnostic.SYM0203.severity = warning
            """;

        Assert.Equal([("SYM0203", DiagnosticSeverity.Warning), ("SYM0206", DiagnosticSeverity.Warning)], Reported(await Run(config)));
        Assert.Equal([("SYM0203", DiagnosticSeverity.Error), ("SYM0206", DiagnosticSeverity.Warning)],
            Reported(await Run(config, "/repo/lib/Beeps.sym")));
    }

    [Fact]
    public async Task A_nearer_editorconfig_overrides_a_farther_one()
    {
        var diagnostics = await RunAsync(Compile([SoundFunctions]), [("/repo/app/workflows/Beeps.sym", Flow)], [
            ("/repo/.editorconfig", "root = true\n[*.sym]\ndotnet_diagnostic.SYM0206.severity = none\ndotnet_diagnostic.SYM0203.severity = warning\n"),
            ("/repo/app/workflows/.editorconfig", "[*.sym]\ndotnet_diagnostic.SYM0206.severity = error\n"),
        ]);

        Assert.Equal([("SYM0203", DiagnosticSeverity.Warning), ("SYM0206", DiagnosticSeverity.Error)], Reported(diagnostics));
    }

    [Fact]
    public async Task Default_and_unknown_values_leave_the_severity_alone()
    {
        const string config = """
            root = true
            [*.sym]
            dotnet_diagnostic.SYM0203.severity = default
            dotnet_diagnostic.SYM0206.severity = loud
            """;

        Assert.Equal([("SYM0203", DiagnosticSeverity.Error), ("SYM0206", DiagnosticSeverity.Warning)], Reported(await Run(config)));
    }

    [Fact]
    public async Task NoWarn_suppresses_a_sym_diagnostic_like_any_other()
    {
        // <NoWarn>SYM0206</NoWarn> reaches the compiler as a specific diagnostic option.
        var compilation = Compile([SoundFunctions]);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([new("SYM0206", ReportDiagnostic.Suppress)]));

        var diagnostics = await RunAsync(compilation, [("/p/Beeps.sym", Flow)]);

        Assert.Equal([("SYM0203", DiagnosticSeverity.Error)], Reported(diagnostics));
    }

    [Fact]
    public async Task A_project_wide_setting_decides_over_an_editorconfig_except_none()
    {
        // For a diagnostic outside C# files the compiler applies only project-wide settings, after the analyzer.
        var compilation = Compile([SoundFunctions]);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            [new("SYM0203", ReportDiagnostic.Error), new("SYM0206", ReportDiagnostic.Error)]));
        const string config = "root = true\n[*.sym]\ndotnet_diagnostic.SYM0203.severity = warning\ndotnet_diagnostic.SYM0206.severity = none\n";

        var diagnostics = await RunAsync(compilation, [("/repo/Beeps.sym", Flow)], [("/repo/.editorconfig", config)]);

        Assert.Equal([("SYM0203", DiagnosticSeverity.Error)], Reported(diagnostics));
    }

    [Fact]
    public async Task TreatWarningsAsErrors_makes_sym_warnings_errors()
    {
        var compilation = Compile([SoundFunctions]);
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));

        var diagnostics = await RunAsync(compilation, [("/p/Beeps.sym", Flow)]);

        Assert.Equal([("SYM0203", DiagnosticSeverity.Error), ("SYM0206", DiagnosticSeverity.Error)], Reported(diagnostics));
        Assert.True(diagnostics.Single(d => d.Id == "SYM0206").IsWarningAsError);
    }
}
