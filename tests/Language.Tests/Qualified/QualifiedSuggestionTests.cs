using CsCheck;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Tests.Checking;
using SymbolicGen.Language.Tests.Parsing;
using Xunit;

namespace SymbolicGen.Language.Tests.Qualified;

/// <summary>SYM0101 suggestions that know namespaces, and their fixes.</summary>
public class QualifiedSuggestionTests
{
    private static string Dataflow(string call, string usings = "") =>
        usings + "flow F(photo: Image) -> (out: Image) {\n    out = " + call + "\n}\n";

    private static string NoInputs(string call) => "flow F() -> (out: Image) {\n    out = " + call + "\n}\n";

    private static Diagnostic Single(string text, FunctionCatalog? catalog = null)
    {
        var compilation = SymCompiler.Compile(text, catalog ?? QualifiedCatalog.Catalog);
        return Assert.Single(compilation.Diagnostics);
    }

    [Fact]
    public void A_misspelt_qualified_name_suggests_the_function_of_that_namespace()
    {
        var text = Dataflow("comfy.KSamplr(photo)");
        var diagnostic = Single(text);

        Assert.Equal("unknown function 'comfy.KSamplr'; did you mean 'comfy.KSampler'?", diagnostic.Message);
        ParseAssert.SafeFix(diagnostic, text, "comfy.KSamplr", "comfy.KSampler");
    }

    [Fact]
    public void A_misspelt_namespace_suggests_the_right_one()
    {
        var text = NoInputs("comfyy.CLIPTextEncode(\"a cat\")");
        var diagnostic = Single(text);

        Assert.Equal("unknown function 'comfyy.CLIPTextEncode'; did you mean 'comfy.CLIPTextEncode'?", diagnostic.Message);
        ParseAssert.SafeFix(diagnostic, text, "comfyy.CLIPTextEncode", "comfy.CLIPTextEncode");
    }

    [Fact]
    public void A_simple_name_without_a_using_suggests_the_qualified_name_with_a_safe_fix()
    {
        var text = NoInputs("CLIPTextEncode(\"a cat\")");
        var diagnostic = Single(text);

        Assert.Equal("unknown function 'CLIPTextEncode'; did you mean 'comfy.CLIPTextEncode'?", diagnostic.Message);
        ParseAssert.SafeFix(diagnostic, text, "CLIPTextEncode", "comfy.CLIPTextEncode");
        Assert.Empty(SymCompiler.Compile(FixApplier.ApplySafeFixes(text, EquatableArray.Of(diagnostic)).Text, QualifiedCatalog.Catalog).Diagnostics);
    }

    [Fact]
    public void A_simple_name_in_two_namespaces_offers_both()
    {
        var diagnostic = Single(Dataflow("KSampler(photo)"));

        Assert.Equal("unknown function 'KSampler'; did you mean 'comfy.KSampler' or 'other.KSampler'?", diagnostic.Message);
        Assert.Equal(2, diagnostic.Fixes.Count);
        Assert.All(diagnostic.Fixes, f => Assert.False(f.IsSafe));
    }

    [Fact]
    public void A_built_in_written_with_a_namespace_suggests_the_built_in()
    {
        var text = Dataflow("comfy.ImageBlend(photo, photo)");
        var diagnostic = Single(text);

        Assert.Equal("unknown function 'comfy.ImageBlend'; did you mean 'ImageBlend'?", diagnostic.Message);
        ParseAssert.SafeFix(diagnostic, text, "comfy.ImageBlend", "ImageBlend");
    }

    [Fact]
    public void With_a_using_a_misspelt_simple_name_suggests_the_simple_name()
    {
        var text = Dataflow("KSamplr(photo)", "using comfy\n");
        var diagnostic = Single(text);

        Assert.Equal("unknown function 'KSamplr'; did you mean 'KSampler'?", diagnostic.Message);
        ParseAssert.SafeFix(diagnostic, text, "KSamplr", "KSampler");
    }

    [Fact]
    public void A_misspelt_simple_name_without_a_using_suggests_the_qualified_names_it_is_close_to()
    {
        Assert.Equal("unknown function 'KSamplr'; did you mean 'comfy.KSampler' or 'other.KSampler'?", Single(Dataflow("KSamplr(photo)")).Message);

        var text = NoInputs("EmptyImag()");
        var diagnostic = Single(text);
        Assert.Equal("unknown function 'EmptyImag'; did you mean 'comfy.EmptyImage'?", diagnostic.Message);
        ParseAssert.SafeFix(diagnostic, text, "EmptyImag", "comfy.EmptyImage");
    }

    [Fact]
    public void A_simple_name_whose_namespace_is_not_the_used_one_suggests_its_qualified_name()
    {
        var text = Dataflow("Fade(photo)", "using comfy\n");

        Assert.Equal("unknown function 'Fade'; did you mean 'acme.video.Fade'?", Single(text).Message);
    }

    [Theory]
    [InlineData("F is a flow that gives out as an Image.\nout is CLIPTextEncod of \"a cat\".\n")]
    [InlineData("F is a flow that gives out as an Image.\nout is EmptyImag.\n")]
    [InlineData("flow F\n  input photo: Image\n  output out: Image\n  node k = comfy.KSamplr {}\n  link photo -> k.model\n  link k -> out\nend\n")]
    public void Safe_fixes_of_qualified_names_repair_the_file_in_every_syntax(string text)
    {
        var compilation = SymCompiler.Compile(text, QualifiedCatalog.Catalog);
        Assert.Contains(compilation.Diagnostics, d => d.Id == "SYM0101" && d.Fixes.Any(f => f.IsSafe));

        var fixedText = FixApplier.ApplySafeFixes(text, compilation.Diagnostics).Text;

        // Without a using, the pseudo-natural fix writes a qualified name: `out is comfy.EmptyImage.` still calls it.
        Assert.Empty(SymCompiler.Compile(fixedText, QualifiedCatalog.Catalog).Diagnostics);
    }

    [Fact]
    public void Suggestions_in_a_catalog_of_thousands_of_imported_functions_find_the_close_one()
    {
        var image = EquatableArray.Of(new PortInfo("image", PortType.Image));
        var imported = Enumerable.Range(0, 5000).Select(i => new FunctionInfo($"comfy.Node{i:D4}", image, image, default));
        var catalog = TestCatalog.Extended.With(imported.Append(new FunctionInfo("comfy.KSampler", image, image, default)));

        Assert.Equal("unknown function 'comfy.KSamplr'; did you mean 'comfy.KSampler'?", Single(Dataflow("comfy.KSamplr(photo)"), catalog).Message);
        Assert.Equal("unknown function 'KSampler'; did you mean 'comfy.KSampler'?", Single(Dataflow("KSampler(photo)"), catalog).Message);
        Assert.Equal("unknown function 'Nde0042'; did you mean 'Node0042'?", Single(Dataflow("Nde0042(photo)", "using comfy\n"), catalog).Message);
        Assert.Equal("unknown function 'KSamplr'; did you mean 'comfy.KSampler'?", Single(Dataflow("KSamplr(photo)"), catalog).Message);
    }

    [Fact]
    public void Skipping_candidates_by_length_never_changes_what_closest_returns()
    {
        var word = Gen.String[Gen.Char["abcAB."], 0, 10];
        Gen.Select(word, word.Array[0, 12]).Sample((name, candidates) =>
        {
            // The reference: every distinct candidate's distance, the smallest within the threshold, ties in order.
            var threshold = name.Length <= 1 ? 0 : Math.Min(3, Math.Max(1, (name.Length + 1) / 3));
            var scored = candidates.Distinct().Where(c => c != name).Select(c => (c, d: Semantics.Suggestions.Distance(name, c))).Where(x => x.d <= threshold).ToList();
            var expected = scored.Where(x => x.d == scored.Select(y => y.d).DefaultIfEmpty().Min()).Select(x => x.c);

            Assert.Equal(expected, Semantics.Suggestions.Closest(name, candidates));
        }, iter: 2000);
    }
}
