namespace SymbolicGen.Generator;

/// <summary>The names of the generator's pipeline steps, which the caching tests assert on.</summary>
internal static class TrackingNames
{
    /// <summary>The MSBuild properties the generator reads.</summary>
    public const string Options = "SymbolicGen.Options";
    /// <summary>The compilation facts: is the runtime referenced, does it provide built-ins, which type names are taken.</summary>
    public const string Facts = "SymbolicGen.Facts";
    /// <summary>The functions of the referenced assemblies (per compilation; each assembly is read once).</summary>
    public const string ReferencedFunctions = "SymbolicGen.ReferencedFunctions";
    /// <summary>Each <c>[SymFunction]</c> method of the source, found by its attribute.</summary>
    public const string SourceFunctions = "SymbolicGen.SourceFunctions";
    /// <summary>Each catalog file (<c>*.symcatalog.json</c>) read into its functions, types and problems.</summary>
    public const string CatalogFiles = "SymbolicGen.CatalogFiles";
    /// <summary>All of them, combined into the catalog and the functions the registry calls or serves.</summary>
    public const string Functions = "SymbolicGen.Functions";
    /// <summary>The catalog alone (what .sym files are checked against).</summary>
    public const string Catalog = "SymbolicGen.Catalog";
    /// <summary>Each .sym file's path and text.</summary>
    public const string Input = "SymbolicGen.Input";
    /// <summary>Each .sym file compiled into the model of the flows to generate.</summary>
    public const string Parse = "SymbolicGen.Parse";
    /// <summary>The type names every file generates, collected (for collisions between files).</summary>
    public const string Index = "SymbolicGen.Index";
    /// <summary>The functions whose node classes the generated pipelines use, collected from every file.</summary>
    public const string UsedFunctions = "SymbolicGen.UsedFunctions";
    /// <summary>The node classes of those functions.</summary>
    public const string Nodes = "SymbolicGen.Nodes";
    /// <summary>Each file's generated source and generator diagnostics.</summary>
    public const string Emit = "SymbolicGen.Emit";
    /// <summary>The generated function registry.</summary>
    public const string Registry = "SymbolicGen.Registry";
}
