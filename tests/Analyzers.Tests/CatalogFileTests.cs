using SymbolicGen.Tests.Catalogs;
using Xunit;
using static SymbolicGen.Analyzers.Tests.AnalyzerHarness;

namespace SymbolicGen.Analyzers.Tests;

/// <summary>Catalog files (<c>*.symcatalog.json</c> additional files): their functions check .sym files, their problems are reported in them.</summary>
public class CatalogFileTests
{
    private static readonly string Catalog = SampleCatalog.Text;

    private const string Sample = SampleCatalog.SampleFlow;

    [Fact]
    public async Task A_sym_file_is_checked_against_the_functions_of_a_catalog_file()
    {
        var compilation = Compile([SoundFunctions]);

        Assert.Empty(await RunAsync(compilation, [("/p/comfyui.symcatalog.json", Catalog), ("/p/Sample.sym", Sample)]));

        var d = Assert.Single(await RunAsync(compilation, [("/p/comfyui.symcatalog.json", Catalog), ("/p/Sample.sym", Sample.Replace("steps: 25", "steps: 0"))]));
        Assert.Equal(("SYM0203", "'steps' is 0; comfy.KSampler accepts 1 to 10000", "/p/Sample.sym"), (d.Id, d.GetMessage(), d.Location.GetLineSpan().Path));
    }

    [Fact]
    public async Task Without_the_catalog_file_its_functions_are_unknown()
    {
        var diagnostics = await RunAsync(Compile([SoundFunctions]), [("/p/Sample.sym", Sample)]);

        Assert.Contains(diagnostics, d => d.Id == "SYM0101" && d.GetMessage().Contains("'KSampler'"));
    }

    [Fact]
    public async Task A_problem_of_a_catalog_file_is_reported_at_its_token_in_the_file()
    {
        var broken = Catalog.Replace("\"kind\": \"Seed\"", "\"kind\": \"Sead\"");

        var diagnostics = await RunAsync(Compile([SoundFunctions]), [("/p/comfyui.symcatalog.json", broken), ("/p/Sample.sym", Sample)]);

        var problem = Assert.Single(diagnostics, d => d.Id == "SYM0504");
        var span = problem.Location.GetLineSpan();
        var offset = broken.IndexOf("\"Sead\"", StringComparison.Ordinal);
        var before = broken.Substring(0, offset).Split('\n');
        Assert.Equal("/p/comfyui.symcatalog.json", span.Path);
        Assert.Equal((before.Length - 1, before[^1].Length), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Equal("\"Sead\"", broken.Substring(problem.Location.SourceSpan.Start, problem.Location.SourceSpan.Length));
        Assert.StartsWith("'Sead' is not a parameter kind; did you mean 'Seed'?", problem.GetMessage());
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, problem.Severity);
        // KSampler is left out, so the flow that calls it reports it unknown; the catalog's other functions still check it.
        Assert.Contains(diagnostics, d => d.Id == "SYM0101" && d.Location.GetLineSpan().Path == "/p/Sample.sym" && d.GetMessage().Contains("'KSampler'"));
        Assert.DoesNotContain(diagnostics, d => d.GetMessage().Contains("'EmptyLatentImage'"));
    }

    [Fact]
    public async Task A_catalog_function_named_like_a_CSharp_function_is_reported_in_the_catalog_file()
    {
        // Without its namespace, the catalog's names meet the C# ones.
        var clash = Catalog.Replace("  \"namespace\": \"comfy\",\n", "").Replace("\"name\": \"VAEDecode\"", "\"name\": \"Chirp\"");

        var diagnostics = await RunAsync(Compile([SoundFunctions]), [("/p/comfyui.symcatalog.json", clash)]);

        var d = Assert.Single(diagnostics);
        Assert.Equal(("SYM0505", "function 'Chirp' is already declared by a C# [SymFunction] method or the language", "/p/comfyui.symcatalog.json"),
            (d.Id, d.GetMessage(), d.Location.GetLineSpan().Path));
    }

    [Fact]
    public async Task Malformed_JSON_is_one_error_where_the_parser_stopped()
    {
        var diagnostics = await RunAsync(Compile([SoundFunctions]), [("/p/broken.symcatalog.json", "{ \"format\": \"symbolicgen-catalog/1\",\n  \"backend\": }")]);

        var d = Assert.Single(diagnostics);
        Assert.Equal("SYM0504", d.Id);
        Assert.StartsWith("the catalog is not valid JSON: ", d.GetMessage());
        Assert.Equal(1, d.Location.GetLineSpan().StartLinePosition.Line);
    }
}
