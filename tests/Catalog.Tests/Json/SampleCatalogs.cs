using SymbolicGen.Catalog.Json;
using SymbolicGen.Tests.Catalogs;

namespace SymbolicGen.Catalog.Tests.Json;

/// <summary>The repository's sample ComfyUI catalog, and small catalogs around one function for the mistake tests.</summary>
public static class SampleCatalogs
{
    /// <summary>The sample, read.</summary>
    public static JsonCatalogFile ReadSample() => JsonCatalogReader.Read(SampleCatalog.Path, SampleCatalog.Text);

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
