using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;

namespace SymbolicGen.Language.Tests.Checking;

/// <summary>A diagnostic as a test reads it: id, 1-based line and column of its span, the span's text, the message.</summary>
public sealed record Seen(string Id, int Line, int Column, string Text, string Message)
{
    public override string ToString() => $"{Id} ({Line},{Column}) «{Text}» {Message}";
}

public static class Checks
{
    public static SymCompilation Compile(string text, FunctionCatalog? catalog = null) =>
        SymCompiler.Compile(text, catalog ?? TestCatalog.Extended);

    public static List<Seen> Diagnostics(string text, FunctionCatalog? catalog = null) => See(Compile(text, catalog));

    public static List<Seen> See(SymCompilation compilation) => compilation.Diagnostics.Select(d => See(compilation, d)).ToList();

    public static Seen See(SymCompilation compilation, Diagnostic diagnostic)
    {
        var position = compilation.Lines.GetPosition(diagnostic.Start);
        var text = compilation.Lines.Text.Substring(diagnostic.Start, diagnostic.Length);
        return new Seen(diagnostic.Id, position.Line, position.Column, text, diagnostic.Message);
    }

    /// <summary>The single diagnostic of <paramref name="text"/>.</summary>
    public static Seen Single(string text, FunctionCatalog? catalog = null)
    {
        var all = Diagnostics(text, catalog);
        Xunit.Assert.True(all.Count == 1, "expected one diagnostic, got:\n" + string.Join("\n", all));
        return all[0];
    }
}
