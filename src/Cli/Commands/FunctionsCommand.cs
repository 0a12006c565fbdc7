using System.CommandLine;
using SymbolicGen.Cli.Drafting;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Cli.Commands;

/// <summary><c>symgen functions [name] [--json] [--functions …]</c></summary>
internal static class FunctionsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var name = new Argument<string?>("name") { Description = "Show only this function (a simple name shows the functions of every namespace that have it)", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the function cards as JSON (exactly what symgen draft sends a model)" };
        var functions = CommonOptions.Functions();
        var command = new Command("functions", "List the function catalog: ports, parameters, units, defaults and ranges") { name, json, functions };
        command.SetAction(parse => Run(parse.GetValue(name), parse.GetValue(json), parse.GetValue(functions) ?? [], output, error));
        return command;
    }

    private static int Run(string? name, bool json, string[] functionSources, TextWriter output, TextWriter error)
    {
        var catalog = CommonOptions.LoadCatalog(functionSources, out var problems);
        foreach (var p in problems) error.WriteLine(p.ToCanonicalLine());
        var cards = FunctionCards.All(catalog);
        if (name is not null)
        {
            var found = Find(cards, catalog, name);
            if (found.Count == 0)
            {
                var closest = Suggestions.Closest(name, cards.Select(c => c.Name));
                var hint = closest.Count > 0 ? $"; did you mean {string.Join(" or ", closest.Select(c => $"'{c}'"))}?" : "";
                error.WriteLine($"symgen: error: unknown function '{name}'{hint}");
                return SymgenApp.HasErrors;
            }
            cards = found;
        }
        if (json)
        {
            output.WriteLine(FunctionCards.ToJson(cards));
            return SymgenApp.Success;
        }
        for (var i = 0; i < cards.Count; i++)
        {
            if (i > 0) output.WriteLine();
            FunctionCards.WriteText(output, cards[i]);
        }
        if (name is null) output.WriteLine($"\n{DraftingEngine.Plural(cards.Count, "function")}");
        return SymgenApp.Success;
    }

    // The function of that full name (in any case), else every function of that simple name:
    // `symgen functions KSampler` shows comfy.KSampler and other.KSampler.
    private static IReadOnlyList<FunctionCard> Find(IReadOnlyList<FunctionCard> cards, FunctionCatalog catalog, string name)
    {
        var card = cards.FirstOrDefault(c => c.Name == name) ?? cards.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (card is not null) return [card];
        return catalog.FindBySimpleName(name).Select(FunctionCard.From).ToList();
    }
}
