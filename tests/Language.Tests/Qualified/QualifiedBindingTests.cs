using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Tests.Checking;
using Xunit;

namespace SymbolicGen.Language.Tests.Qualified;

/// <summary>How qualified names and <c>using</c> lines resolve (docs/language.md, "Qualified names and using").</summary>
public class QualifiedBindingTests
{
    private static SymCompilation Compile(string text) => SymCompiler.Compile(text, QualifiedCatalog.Catalog);

    private static Node OnlyNode(string text)
    {
        var compilation = Compile(text);
        Assert.True(compilation.Diagnostics.Count == 0, string.Join("\n", compilation.Diagnostics));
        return Assert.Single(Assert.Single(compilation.File.Flows).Nodes);
    }

    private static string Dataflow(string call, string usings = "") =>
        usings + "flow F(photo: Image) -> (out: Image) {\n    out = " + call + "\n}\n";

    [Fact]
    public void A_qualified_name_binds_to_that_function_whatever_the_usings()
    {
        var plain = OnlyNode(Dataflow("comfy.KSampler(photo, seed: 7)"));
        Assert.Equal("comfy.KSampler", plain.Function);
        Assert.Null(plain.FunctionAsWritten);

        var both = OnlyNode(Dataflow("other.KSampler(photo, cfg: 3.5)", "using comfy\nusing other\n"));
        Assert.Equal("other.KSampler", both.Function);
        Assert.Null(both.FunctionAsWritten);

        Assert.Equal("acme.video.Fade", OnlyNode("flow F(clip: Video) -> (out: Video) {\n    out = acme.video.Fade(clip)\n}\n").Function);
    }

    [Fact]
    public void Through_a_using_line_a_simple_name_binds_to_the_full_name_and_remembers_how_it_was_written()
    {
        var comfy = OnlyNode(Dataflow("KSampler(photo, seed: 7)", "using comfy\n"));
        Assert.Equal("comfy.KSampler", comfy.Function);
        Assert.Equal("KSampler", comfy.FunctionAsWritten);
        Assert.Equal(new Argument("seed", new NumberValue(7)), Assert.Single(comfy.Arguments));

        var other = OnlyNode(Dataflow("KSampler(photo, cfg: 3.5)", "using other\n"));
        Assert.Equal("other.KSampler", other.Function);

        var fade = OnlyNode("using acme.video\nflow F(clip: Video) -> (out: Video) {\n    out = Fade(clip, duration: 2s)\n}\n");
        Assert.Equal("acme.video.Fade", fade.Function);
        Assert.Equal("Fade", fade.FunctionAsWritten);
    }

    [Fact]
    public void The_checker_sees_the_resolved_function()
    {
        var compilation = Compile(Dataflow("KSampler(photo, steps: 500)", "using comfy\n"));

        Assert.Equal(new Seen("SYM0203", 3, 34, "500", "'steps' is 500; comfy.KSampler accepts 1 to 150"), Assert.Single(Checks.See(compilation)));
    }

    [Fact]
    public void Two_used_namespaces_with_the_same_simple_name_are_an_ambiguity_that_names_both()
    {
        const string text = "using comfy\nusing other\nflow F(photo: Image) -> (out: Image) {\n    out = KSampler(photo)\n}\n";
        var compilation = Compile(text);

        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal(new Seen("SYM0107", 4, 11, "KSampler",
            "function 'KSampler' is in 'comfy' and 'other', which this file uses; write 'comfy.KSampler' or 'other.KSampler'"), Checks.See(compilation, diagnostic));
        Assert.Equal(new[] { "comfy.KSampler", "other.KSampler" }, diagnostic.Fixes.Select(f => Assert.Single(f.Edits).NewText));
        Assert.All(diagnostic.Fixes, f => Assert.False(f.IsSafe));
        // Unresolved, the node keeps the written name and nothing else is reported about it.
        Assert.Equal("KSampler", Assert.Single(compilation.File.Flows[0].Nodes).Function);
    }

    [Fact]
    public void An_unqualified_catalog_function_or_a_flow_of_the_file_comes_before_the_used_namespaces()
    {
        var builtIn = OnlyNode(Dataflow("Upscale(photo, factor: 6)", "using other\n"));
        Assert.Equal("Upscale", builtIn.Function);
        Assert.Null(builtIn.FunctionAsWritten);

        const string text = """
            using comfy
            flow KSampler(image: Image) -> (out: Image) {
                out = Upscale(image)
            }

            flow F(photo: Image) -> (out: Image) {
                out = KSampler(photo)
            }
            """;
        var compilation = Compile(text);
        Assert.Empty(compilation.Diagnostics);
        Assert.Equal("KSampler", compilation.File.Flows[1].Nodes[0].Function);
        Assert.Null(compilation.File.Flows[1].Nodes[0].FunctionAsWritten);
    }

    [Fact]
    public void A_using_of_a_namespace_no_function_has_is_an_error_with_a_suggestion()
    {
        const string text = "using comfyy\nusing comfy.KSampler\nusing acme\nusing comfy\nusing comfy\nusing nothing_like_it\n" +
                            "flow F(photo: Image) -> (out: Image) {\n    out = KSampler(photo)\n}\n";
        var compilation = Compile(text);

        Assert.Equal(new[]
        {
            new Seen("SYM0104", 1, 7, "comfyy", "unknown namespace 'comfyy': no function of the catalog is in it; did you mean 'comfy'?"),
            new Seen("SYM0104", 2, 7, "comfy.KSampler", "'comfy.KSampler' is a function, not a namespace; did you mean 'comfy'?"),
            new Seen("SYM0104", 3, 7, "acme", "unknown namespace 'acme': no function of the catalog is in it; did you mean 'acme.video'?"),
            new Seen("SYM0103", 5, 7, "comfy", "namespace 'comfy' is already used"),
            new Seen("SYM0104", 6, 7, "nothing_like_it",
                "unknown namespace 'nothing_like_it': no function of the catalog is in it; the namespaces are 'comfy', 'other' and 'acme.video'"),
        }, Checks.See(compilation));
        Assert.True(compilation.Diagnostics[0].Fixes.Single().IsSafe);
        // The valid using still resolves.
        Assert.Equal("comfy.KSampler", compilation.File.Flows[0].Nodes[0].Function);
    }

    [Fact]
    public void A_catalog_without_namespaces_says_so()
    {
        var compilation = SymCompiler.Compile("using comfy\nflow F(photo: Image) -> (out: Image) {\n    out = Upscale(photo)\n}\n", TestCatalog.Extended);

        Assert.Equal(new Seen("SYM0104", 1, 7, "comfy", "unknown namespace 'comfy': no function of the catalog is in it; the catalog has no namespaces"),
            Assert.Single(Checks.See(compilation)));
    }

    [Fact]
    public void Natural_a_b_is_a_port_selection_when_a_is_a_node_or_input_and_otherwise_a_call_of_a_b()
    {
        const string text = """
            F is a flow that takes photo as an Image and gives out as an Image and left as an Image.
            e is comfy.EmptyImage.
            s is comfy.SplitImage of e.
            left is s.left.
            out is comfy.KSampler of photo.
            """;
        var compilation = Compile(text);
        Assert.Empty(compilation.Diagnostics);
        var flow = Assert.Single(compilation.File.Flows);
        Assert.Equal(new[] { "comfy.EmptyImage", "comfy.SplitImage", "comfy.KSampler" }, flow.Nodes.Select(n => n.Function));
        Assert.Contains(new Link(new PortSource("s", "left"), new PortTarget(null, "left")), flow.Links);

        // A node named like the namespace makes `comfy.image` its port, as the rule says.
        const string shadowed = """
            F is a flow that takes photo as an Image and gives out as an Image.
            comfy is Upscale of photo.
            out is comfy.image.
            """;
        var shadow = Compile(shadowed);
        Assert.Empty(shadow.Diagnostics);
        Assert.Equal("Upscale", Assert.Single(shadow.File.Flows[0].Nodes).Function);
        Assert.Contains(new Link(new PortSource("comfy", "image"), new PortTarget(null, "out")), shadow.File.Flows[0].Links);
    }

    [Fact]
    public void Natural_a_b_with_neither_a_name_nor_a_function_behind_it_stays_an_undefined_name()
    {
        const string text = """
            F is a flow that takes photo as an Image and gives out as an Image.
            mix is Upscale of photo.
            out is mxi.image.
            """;

        Assert.Equal(new Seen("SYM0104", 3, 8, "mxi", "undefined name 'mxi'; did you mean 'mix'?"), Assert.Single(Checks.Diagnostics(text, QualifiedCatalog.Catalog)));
    }

    [Fact]
    public void Dataflow_a_qualified_function_without_parentheses_is_a_port_selection_that_says_so()
    {
        const string text = "flow F() -> (out: Image) {\n    out = comfy.EmptyImage\n}\n";

        Assert.Equal(new Seen("SYM0104", 2, 11, "comfy", "undefined name 'comfy': 'comfy.EmptyImage' is a function: call it in a step of its own"),
            Assert.Single(Checks.Diagnostics(text, QualifiedCatalog.Catalog)));
    }

    [Fact]
    public void Natural_a_misspelt_function_of_a_known_namespace_is_an_unknown_function()
    {
        const string text = """
            F is a flow that gives out as an Image.
            out is comfy.EmptyImag.
            """;

        Assert.Equal(new Seen("SYM0101", 2, 8, "comfy.EmptyImag", "unknown function 'comfy.EmptyImag'; did you mean 'comfy.EmptyImage'?"),
            Assert.Single(Checks.Diagnostics(text, QualifiedCatalog.Catalog)));
    }

    [Fact]
    public void A_qualified_call_next_to_port_selections_gives_the_same_ir_in_every_syntax()
    {
        const string dataflow = """
            using comfy
            flow F(photo: Image) -> (out: Image, left: Image, right: Image) {
                k             = comfy.KSampler(photo, seed: 7)
                (l, r)        = SplitImage(k)
                s             = comfy.SplitImage(k.image)
                out           = k.image
                left          = s.left
                right         = r
            }
            """;
        const string declarative = """
            using comfy
            flow F
              input photo: Image
              output out: Image
              output left: Image
              output right: Image
              node k = comfy.KSampler { seed: 7 }
              node (l, r) = SplitImage {}
              node s = comfy.SplitImage {}
              link photo -> k.model
              link k.image -> l_r.image
              link k.image -> s.image
              link k.image -> out
              link s.left -> left
              link l_r.right -> right
            end
            """;
        const string natural = """
            using comfy
            F is a flow that takes photo as an Image and gives out as an Image, left as an Image and right as an Image.
            k is comfy.KSampler of photo, with seed 7.
            l, r is SplitImage of k.
            s is comfy.SplitImage of k.image.
            out is k.image.
            left is s.left.
            right is r.
            """;

        var expected = Compile(dataflow);
        Assert.Empty(expected.Diagnostics);
        Assert.Equal(new[] { "comfy.KSampler", "comfy.SplitImage", "comfy.SplitImage" }, expected.File.Flows[0].Nodes.Select(n => n.Function));
        foreach (var (text, style) in new[] { (declarative, SyntaxStyle.Declarative), (natural, SyntaxStyle.Natural) })
        {
            var other = Compile(text);
            Assert.Empty(other.Diagnostics);
            Assert.Equal(expected.File with { Flows = expected.File.Flows.Select(f => f with { Syntax = style }).ToEquatableArray() }, other.File);
        }
    }
}
