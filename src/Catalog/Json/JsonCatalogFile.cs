using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Catalog.Json;

/// <summary>
/// What one catalog file (<c>*.symcatalog.json</c>) holds once read: its valid functions and the port types it
/// defines (<see cref="Catalog"/>), where each of them is declared, and the problems that kept others out. A value:
/// equal files read equal, so the generator caches per file text.
/// </summary>
/// <param name="Path">The file, as the host named it.</param>
/// <param name="Catalog">The valid functions (named <c>namespace.Name</c>, each with the file's backend) and the types the file defines.</param>
/// <param name="Declarations">Where each function and defined type is named in the file, to report a later duplicate there.</param>
/// <param name="Problems">The problems, in reading order.</param>
public sealed record JsonCatalogFile(string Path, FunctionCatalog Catalog, EquatableArray<CatalogDeclaration> Declarations, EquatableArray<CatalogProblem> Problems)
{
    /// <summary>The functions and problems as a catalog reader's result.</summary>
    public CatalogReadResult ToResult() => new(Catalog, Problems.ToImmutableArray());

    /// <summary>
    /// Adds the functions and types of <paramref name="files"/> after <paramref name="catalog"/> (the C# functions),
    /// files in ordinal order of their paths so that every host builds the same catalog. A function whose name is
    /// already taken, or a type defined again differently, is left out with a problem (SYM0505) where the later file
    /// names it; a type two files define alike is simply shared.
    /// </summary>
    public static CatalogReadResult Combine(FunctionCatalog catalog, IEnumerable<JsonCatalogFile> files)
    {
        var problems = ImmutableArray.CreateBuilder<CatalogProblem>();
        var functions = catalog.Functions.ToList();
        var types = catalog.PortTypes.ToList();
        var functionOwner = catalog.Functions.ToDictionary(f => f.Name, _ => (string?)null, StringComparer.Ordinal);
        var typeOwner = catalog.PortTypes.ToDictionary(t => t.Name, _ => (string?)null, StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            foreach (var type in file.Catalog.PortTypes.Where(t => !t.IsMedia))
            {
                var known = types.FirstOrDefault(t => t.Equals(type));
                if (known is null)
                {
                    types.Add(type);
                    typeOwner[type.Name] = file.Path;
                }
                else if (!Equals(known.Media, type.Media) && file.Where(type.Name) is { } at)
                {
                    problems.Add(new CatalogProblem(CatalogProblemDescriptors.DuplicateName.Id,
                        $"port type '{type.Name}' is already defined {By(typeOwner, type.Name)}{(known.Media is { } media ? $" as {media.Name}" : " as opaque")}", at));
                }
            }
            foreach (var function in file.Catalog.Functions)
            {
                if (functionOwner.ContainsKey(function.Name))
                {
                    if (file.Where(function.Name) is { } at)
                        problems.Add(new CatalogProblem(CatalogProblemDescriptors.DuplicateName.Id,
                            $"function '{function.Name}' is already declared {By(functionOwner, function.Name)}", at));
                    continue;
                }
                functionOwner.Add(function.Name, file.Path);
                functions.Add(function);
            }
        }
        return new CatalogReadResult(new FunctionCatalog(functions, types), problems.ToImmutable());
    }

    /// <summary>Where the file names the function or type <paramref name="name"/>, or null.</summary>
    public CatalogLocation? Where(string name)
    {
        foreach (var declaration in Declarations)
            if (declaration.Name == name) return declaration.Location;
        return null;
    }

    private static string By(Dictionary<string, string?> owners, string name) =>
        owners.TryGetValue(name, out var path) && path is not null ? $"in '{path}'" : "by a C# [SymFunction] method or the language";
}

/// <summary>A function or type a catalog file declares, and where its name is written.</summary>
/// <param name="Name">The function's full name (<c>comfy.KSampler</c>) or the type's name.</param>
/// <param name="Location">The name's token in the file.</param>
public sealed record CatalogDeclaration(string Name, CatalogLocation Location);
