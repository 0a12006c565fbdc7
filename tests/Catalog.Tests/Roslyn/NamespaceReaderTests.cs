using Xunit;
using static SymbolicGen.Catalog.Tests.Roslyn.CatalogCompilation;

namespace SymbolicGen.Catalog.Tests.Roslyn;

/// <summary><c>[SymFunction(Namespace = …)]</c>: the reader qualifies the function's name.</summary>
public class NamespaceReaderTests
{
    [Fact]
    public void A_namespace_on_the_attribute_qualifies_the_name_with_or_without_an_explicit_name()
    {
        var result = Read("""
            public static class Acme
            {
                [SymFunction(Namespace = "acme")] public static Image Shout(Image image) => image;
                [SymFunction("Whisper", Namespace = "acme.video")] public static Task<Image> QuietAsync(Image image) => Task.FromResult(image);
                [SymFunction] public static Image Shout2(Image image) => image;
            }
            """);

        Assert.Empty(result.Problems);
        Assert.Equal(new[] { "acme.Shout", "acme.video.Whisper", "Shout2" }, result.Catalog.Functions.Select(f => f.Name));
        Assert.Equal(new[] { "acme", "acme.video" }, result.Catalog.Namespaces);
    }

    [Theory]
    [InlineData("")]
    [InlineData("acme.")]
    [InlineData("acme..video")]
    [InlineData("1acme")]
    [InlineData("acme video")]
    [InlineData("acme-video")]
    public void A_namespace_the_language_cannot_write_is_a_problem_at_the_argument(string ns)
    {
        var result = Read($$"""
            public static class Acme
            {
                [SymFunction] public static Image Fine(Image image) => image;
                [SymFunction(Namespace = "{{ns}}")] public static Image Shout(Image image) => image;
            }
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("SYM0504", $"'{ns}' cannot be a namespace; use names of letters, digits and '_' joined by '.', such as 'acme' or 'acme.video'"), (problem.Id, problem.Message));
        Assert.Equal($"Namespace = \"{ns}\"", TextAt(problem.Location));
        Assert.Equal(new[] { "Fine" }, result.Catalog.Functions.Select(f => f.Name));
    }

    [Fact]
    public void The_same_simple_name_in_two_namespaces_is_no_duplicate_but_the_same_qualified_name_is()
    {
        var result = Read("""
            public static class A
            {
                [SymFunction(Namespace = "a")] public static Image Blur(Image image) => image;
                [SymFunction("Blur", Namespace = "b")] public static Image Blur2(Image image) => image;
                [SymFunction("Blur", Namespace = "b")] public static Image Blur3(Image image) => image;
                [SymFunction] public static Image Blur(Image image, Image other) => image;
            }
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("SYM0505", "function 'b.Blur' is already declared by 'A.Blur2'"), (problem.Id, problem.Message));
        Assert.Equal(new[] { "a.Blur", "b.Blur", "Blur" }, result.Catalog.Functions.Select(f => f.Name));
    }
}
