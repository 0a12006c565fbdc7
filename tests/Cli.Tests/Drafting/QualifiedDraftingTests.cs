using SymbolicGen.Cli.Drafting;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using Xunit;

namespace SymbolicGen.Cli.Tests.Drafting;

/// <summary>Drafting over a catalog with imported, qualified functions.</summary>
public sealed class QualifiedDraftingTests
{
    private static readonly FunctionCatalog Catalog = BuiltInCatalog.Value.With(new[]
    {
        new FunctionInfo("comfy.FilmGrain",
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new ParameterInfo("amount", ParamType.Ratio, new NumberValue(0.2), 0, 1)),
            Summary: "Add film grain"),
    });

    [Fact]
    public void A_qualified_names_words_include_its_namespace()
    {
        Assert.Equal(["comfy", "film", "grain"], RequestWords.SplitName("comfy.FilmGrain"));
    }

    [Fact]
    public void Retrieval_finds_an_imported_function_by_the_words_of_its_simple_name()
    {
        var inputs = OfflinePlannerTableTests.Parse("photo=p.jpg");
        var outputs = RequestWords.InferOutputs("add film grain to this photo", inputs);

        var ranked = CardRetriever.Retrieve(Catalog, "add film grain to this photo", inputs, outputs, limit: 1);

        Assert.Equal("comfy.FilmGrain", ranked[0].Function.Name);
    }

    [Theory]
    [InlineData("comfy.FilmGrain")]
    [InlineData("FilmGrain")]
    public void A_plan_naming_an_imported_function_with_or_without_its_namespace_drafts_a_clean_flow(string function)
    {
        var spec = new FlowSpec("F", OfflinePlannerTableTests.Parse("photo=p.jpg"), [new RequestedOutput("grainy", PortType.Image, null)]);
        var plan = new DraftPlan("F", [new PlanNode("grainy", function, [new PlanArgument("amount", "0.3")])], []);

        var built = PlanBuilder.Build(plan, spec, Catalog);
        Assert.Empty(built.Open);
        var draft = MachineFixer.Apply(built.Print(Catalog), Catalog);

        Assert.Equal(0, draft.Errors);
        Assert.Contains("grainy = comfy.FilmGrain(photo, amount: 0.3)", draft.Text);
        Assert.False(SymCompiler.Compile(draft.Text, Catalog).HasErrors);
    }
}
