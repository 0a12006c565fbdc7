using SymbolicGen.Language.Catalog;
using Xunit;

namespace SymbolicGen.Language.Tests.Qualified;

/// <summary><see cref="QualifiedName"/> and the catalog's lookups by simple name and namespace.</summary>
public class QualifiedNameTests
{
    [Theory]
    [InlineData("KSampler", null, "KSampler")]
    [InlineData("comfy.KSampler", "comfy", "KSampler")]
    [InlineData("acme.video.Fade", "acme.video", "Fade")]
    public void A_name_splits_at_its_last_dot(string name, string? ns, string simple)
    {
        var qualified = QualifiedName.Of(name);

        Assert.Equal((name, ns, simple, ns is not null), (qualified.Text, qualified.Namespace, qualified.SimpleName, qualified.IsQualified));
        Assert.Equal(qualified, QualifiedName.Join(ns, simple));
        var function = new FunctionInfo(name, default, default, default);
        Assert.Equal((ns, simple), (function.Namespace, function.SimpleName));
    }

    [Theory]
    [InlineData("KSampler", true)]
    [InlineData("comfy.KSampler", true)]
    [InlineData("_a.b1.C_2", true)]
    [InlineData("", false)]
    [InlineData(".KSampler", false)]
    [InlineData("comfy.", false)]
    [InlineData("comfy..KSampler", false)]
    [InlineData("comfy.1KSampler", false)]
    [InlineData("comfy-ui.KSampler", false)]
    [InlineData("comfy. KSampler", false)]
    [InlineData("cömfy.KSampler", false)]
    public void Valid_names_are_identifiers_joined_by_dots(string name, bool valid)
    {
        Assert.Equal(valid, QualifiedName.IsValid(name));
    }

    [Fact]
    public void The_catalog_finds_functions_by_simple_name_and_knows_its_namespaces()
    {
        var catalog = QualifiedCatalog.Catalog;

        Assert.Equal(new[] { "comfy.KSampler", "other.KSampler" }, catalog.FindBySimpleName("KSampler").Select(f => f.Name));
        Assert.Equal(new[] { "Upscale", "other.Upscale" }, catalog.FindBySimpleName("Upscale").Select(f => f.Name));
        Assert.Empty(catalog.FindBySimpleName("comfy.KSampler"));
        Assert.Equal(new[] { "comfy", "other", "acme.video" }, catalog.Namespaces);
        Assert.True(catalog.HasNamespace("acme.video"));
        Assert.False(catalog.HasNamespace("acme"));
        Assert.False(catalog.HasNamespace("KSampler"));
        // Exact lookup is unchanged: a simple name is not a qualified function's name.
        Assert.Null(catalog.Find("KSampler"));
        Assert.Equal("comfy.KSampler", catalog.Find("comfy.KSampler")!.Name);
    }

    [Fact]
    public void A_later_function_with_an_existing_name_is_ignored_by_every_lookup()
    {
        var first = new FunctionInfo("comfy.A", default, default, default, Summary: "first");
        var catalog = new FunctionCatalog(new[] { first, first with { Summary = "second" } });

        Assert.Equal("first", Assert.Single(catalog.FindBySimpleName("A")).Summary);
        Assert.Equal(new[] { "comfy" }, catalog.Namespaces);
    }
}
