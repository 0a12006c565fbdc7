using System.Text.RegularExpressions;
using Xunit;

namespace SymbolicGen.Cli.Tests;

/// <summary>The function pages of docs/ against the library the CLI runs: none missing, none stale.</summary>
public sealed class FunctionDocsTests
{
    private static readonly string Docs = Path.Combine(SymbolicGen.Language.Tests.Repository.Root, "docs");

    private static readonly string[] Library = FunctionRegistries.BuiltIns().Functions.Select(f => f.Info.Name).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_function_of_the_library_has_a_section_and_every_section_is_a_function()
    {
        var sections = Directory.GetFiles(Path.Combine(Docs, "functions"), "*.md")
            .SelectMany(page => Regex.Matches(File.ReadAllText(page), @"^## (\w+)\r?$", RegexOptions.Multiline).Select(m => m.Groups[1].Value))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Library, sections);
    }

    [Fact]
    public void The_index_names_every_function_once()
    {
        var index = File.ReadAllText(Path.Combine(Docs, "functions.md"));
        var table = index[index.IndexOf("| page |", StringComparison.Ordinal)..];
        var named = Regex.Matches(table, @"^\| \[\w+\]\([\w/.]+\) \| ([^|]+) \|", RegexOptions.Multiline)
            .SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Library, named);
        Assert.Contains($"{Library.Length} of them", index, StringComparison.Ordinal);
    }
}
