namespace SymbolicGen.Language.Tests.Parsing;

/// <summary>
/// JungleRuins in each syntax as DESIGN §3.3 writes it: the repository's example workflows, each with
/// a comment line above its header.
/// </summary>
public static class Flagship
{
    public static string Dataflow { get; } = Repository.ReadText("workflows/JungleRuins.sym");

    public static string Declarative { get; } = Repository.ReadText("workflows/syntaxes/JungleRuins.declarative.sym");

    public static string Natural { get; } = Repository.ReadText("workflows/syntaxes/JungleRuins.natural.sym");

    public static IEnumerable<object[]> All() => new[] { new object[] { Dataflow }, new object[] { Declarative }, new object[] { Natural } };
}
