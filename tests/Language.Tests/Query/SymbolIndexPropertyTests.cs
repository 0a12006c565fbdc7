using CsCheck;
using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Tests.Parsing;
using Xunit;

namespace SymbolicGen.Language.Tests.Query;

/// <summary>Whatever the text, binding records names that are in the text and a consistent index, and never throws.</summary>
public class SymbolIndexPropertyTests
{
    private static void AssertConsistent(string text)
    {
        var compilation = SymCompiler.Compile(text, TestCatalog.Extended, indexSymbols: true);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Id == "SYM0901");
        var index = compilation.Symbols;
        foreach (var occurrence in index.Occurrences)
        {
            Assert.True(occurrence.Span.Start >= 0 && occurrence.Span.End <= text.Length, $"{occurrence} outside the text");
            // A name is its own text, except a destructuring node's, which covers its outputs' names.
            if (occurrence.Symbol is not { IsDestructuring: true })
                Assert.Equal(occurrence.Name, text.Substring(occurrence.Span.Start, occurrence.Span.Length));
            Assert.Contains(occurrence, index.FindAllAt(occurrence.Span.Start));
            Assert.Equal(occurrence.Symbol is null, occurrence.Kind is not (OccurrenceKind.Declaration or OccurrenceKind.Reference));
        }
        foreach (var symbol in index.Symbols)
        {
            Assert.Same(symbol, index.DeclarationOf(symbol)!.Value.Symbol);
            Assert.All(index.ReferencesOf(symbol), o => Assert.Same(symbol, o.Symbol));
        }
    }

    [Fact]
    public void Mutated_valid_files_bind_to_a_consistent_index()
    {
        var gen = Gen.Select(Gen.Int[0, ParserPropertyTests.Valid.Length - 1], ParserPropertyTests.Mutation.Array[1, 8])
            .Select((file, mutations) => mutations.Aggregate(ParserPropertyTests.Valid[file], ParserPropertyTests.Mutate));
        gen.Sample(AssertConsistent, iter: ParserPropertyTests.Iterations / 3);
    }

    [Fact]
    public void The_query_tests_files_bind_to_a_consistent_index()
    {
        foreach (var text in new[] { Flagship.Dataflow, Flagship.Declarative, Flagship.Natural, DestructuringSymbolTests.Text, "" })
            AssertConsistent(text);
    }
}
