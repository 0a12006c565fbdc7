using Xunit;

namespace SymbolicGen.Language.Tests.Parsing;

public class CommentTests
{
    [Fact]
    public void Dataflow_comments_attach_to_the_flow_the_steps_and_the_notes()
    {
        var text = """
            # File header.

            # About F.
            flow F(a: Image) -> (o: Image) { # on the header line
                # A note, not above a step.

                # Blend them:
                #   twice.
                b = G(a) # trailing b
                o = H(b,
                      k: 1) # trailing o
                # Last words in the body.
            }
            # After everything.
            #
            """;
        var file = ParseAssert.Clean(text);
        var flow = Assert.Single(file.Flows);
        Assert.Equal(new[] { "File header.", "About F." }, flow.Comments);
        Assert.Equal(new[] { "on the header line", "A note, not above a step.", "Last words in the body." }, flow.Notes);
        Assert.Equal(new[] { "Blend them:", "  twice." }, flow.Steps[0].Comments);
        Assert.Equal("trailing b", flow.Steps[0].TrailingComment);
        Assert.Empty(flow.Steps[1].Comments);
        Assert.Equal("trailing o", flow.Steps[1].TrailingComment);
        Assert.Equal(new[] { "After everything.", "" }, file.TrailingComments);
    }

    [Fact]
    public void Declarative_comments_above_nodes_are_the_nodes_and_the_others_notes()
    {
        var text = "# Top.\nflow F\n  # The input.\n  input a: Image # the photo\n  # Make it.\n  node g = G {} # g!\n  # Wire it.\n  link a -> g.image\nend # done\n";
        var flow = ParseAssert.Flow(text);
        Assert.Equal(new[] { "Top." }, flow.Comments);
        Assert.Equal(new[] { "The input.", "the photo", "Wire it.", "done" }, flow.Notes);
        Assert.Equal(new[] { "Make it." }, flow.Steps[0].Comments);
        Assert.Equal("g!", flow.Steps[0].TrailingComment);
    }

    [Fact]
    public void Natural_comments_after_a_flow_go_to_the_next_flow_or_the_file()
    {
        var text = "# About A.\nA is a flow that gives o as an Audio.\n# Make o.\no is Birdsong. # the last sentence\n# About B.\n" +
                   "B is a flow that gives o as an Audio.\no is A.\n#tail\n";
        var file = ParseAssert.Clean(text);
        Assert.Equal(new[] { "About A." }, file.Flows[0].Comments);
        Assert.Equal(new[] { "Make o." }, file.Flows[0].Steps[0].Comments);
        Assert.Equal("the last sentence", file.Flows[0].Steps[0].TrailingComment);
        Assert.Empty(file.Flows[0].Notes);
        Assert.Equal(new[] { "About B." }, file.Flows[1].Comments);
        Assert.Equal(new[] { "tail" }, file.TrailingComments);
    }

    [Fact]
    public void A_comment_line_inside_a_multi_line_sentence_is_a_note()
    {
        var flow = ParseAssert.Flow("F is a flow that gives o as an Audio.\no is Birdsong with\n# density is a ratio\n  density 0.5.\n");
        Assert.Equal(new[] { "density is a ratio" }, flow.Notes);
        Assert.Empty(flow.Steps[0].Comments);
    }

    [Fact]
    public void A_hash_inside_a_string_is_not_a_comment()
    {
        var flow = ParseAssert.Flow("flow F() -> (o: Image) {\n  o = G(\"# not a comment\") # a comment\n}");
        Assert.Equal("a comment", flow.Steps[0].TrailingComment);
        Assert.Empty(flow.Notes);
    }
}
