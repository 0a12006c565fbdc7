using SymbolicGen.Catalog.Json;
using SymbolicGen.Language.Tests;

namespace SymbolicGen.Catalog.Tests.Json;

/// <summary>The repository's sample ComfyUI catalog, and small catalogs around one function for the mistake tests.</summary>
public static class SampleCatalogs
{
    /// <summary>The sample's path in the repository.</summary>
    public const string SamplePath = "tests/Catalogs/comfyui-core.symcatalog.json";

    /// <summary>The sample's text.</summary>
    public static string SampleText { get; } = Repository.ReadText(SamplePath);

    /// <summary>
    /// The sample without its namespace, so that flows call <c>KSampler</c>: the language reads qualified names
    /// (<c>comfy.KSampler</c>) only once that work lands; the reader's qualification is tested with the sample itself.
    /// </summary>
    public static string UnqualifiedText { get; } = SampleText.Replace("  \"namespace\": \"comfy\",\n", "", StringComparison.Ordinal);

    /// <summary>The sample, read.</summary>
    public static JsonCatalogFile ReadSample() => JsonCatalogReader.Read(SamplePath, SampleText);

    /// <summary>The sample without its namespace, read.</summary>
    public static JsonCatalogFile ReadUnqualified() => JsonCatalogReader.Read("comfyui.symcatalog.json", UnqualifiedText);

    /// <summary>
    /// A catalog in namespace <paramref name="ns"/> (none when null) with the types LATENT and IMAGE (an Image), a valid
    /// function <c>Valid</c>, and <paramref name="function"/> after it.
    /// </summary>
    public static string Minimal(string function, string? ns = "t") =>
        "{\n" +
        "  \"format\": \"symbolicgen-catalog/1\",\n" +
        (ns is null ? "" : $"  \"namespace\": \"{ns}\",\n") +
        "  \"backend\": \"test\",\n" +
        "  \"types\": [ { \"name\": \"LATENT\" }, { \"name\": \"IMAGE\", \"media\": \"Image\" } ],\n" +
        "  \"functions\": [\n" +
        "    { \"name\": \"Valid\", \"inputs\": [ { \"name\": \"latent\", \"type\": \"LATENT\" } ], \"outputs\": [ { \"name\": \"image\", \"type\": \"IMAGE\" } ] },\n" +
        "    " + function + "\n" +
        "  ]\n" +
        "}\n";
}
