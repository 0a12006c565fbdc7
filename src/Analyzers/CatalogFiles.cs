using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SymbolicGen.Catalog.Json;

namespace SymbolicGen.Analyzers;

/// <summary>
/// The catalog files (<c>*.symcatalog.json</c>) among a compilation's additional files, each read once per text: the
/// IDE hands every compilation the same <see cref="SourceText"/> of an unchanged file, so a keystroke in C# or in a
/// <c>.sym</c> file reads no catalog file again.
/// </summary>
internal static class CatalogFiles
{
    private static readonly ConditionalWeakTable<SourceText, JsonCatalogFile> ByText = new();

    /// <summary>The catalog files of <paramref name="additionalFiles"/>, read (a file that cannot be read is skipped: the compiler reports it).</summary>
    public static IReadOnlyList<JsonCatalogFile> Read(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var files = new List<JsonCatalogFile>();
        foreach (var file in additionalFiles)
        {
            if (!JsonCatalogReader.IsCatalogFile(file.Path) || file.GetText(cancellationToken) is not { } text) continue;
            var path = file.Path;
            var read = ByText.GetValue(text, t => JsonCatalogReader.Read(path, t.ToString(), cancellationToken));
            // The same text under another path reads again, so that problems name the right file.
            files.Add(read.Path == path ? read : JsonCatalogReader.Read(path, text.ToString(), cancellationToken));
        }
        return files;
    }
}
