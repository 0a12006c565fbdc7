namespace SymbolicGen.Catalog.Json;

/// <summary>
/// The members each object of the catalog-file format may have, in one place: the readers accept exactly these,
/// and the format's JSON schema (docs/symbolicgen-catalog-1.schema.json) lists the same (a test holds them equal).
/// </summary>
internal static class CatalogMembers
{
    /// <summary>The file's root object (<c>$schema</c> lets editors find the schema).</summary>
    public static readonly string[] Root = { "$schema", "format", "namespace", "backend", "summary", "types", "functions" };

    /// <summary>A port type of <c>types</c>.</summary>
    public static readonly string[] Type = { "name", "media", "summary" };

    /// <summary>A function of <c>functions</c>.</summary>
    public static readonly string[] Function = { "name", "summary", "category", "version", "inputs", "outputs", "parameters" };

    /// <summary>An input port.</summary>
    public static readonly string[] Input = { "name", "type", "optional", "summary" };

    /// <summary>An output port (outputs are never optional).</summary>
    public static readonly string[] Output = { "name", "type", "summary" };

    /// <summary>A parameter.</summary>
    public static readonly string[] Parameter = { "name", "kind", "min", "max", "step", "values", "default", "summary" };
}
