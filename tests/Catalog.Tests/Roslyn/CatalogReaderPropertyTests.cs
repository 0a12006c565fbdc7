using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;
using Xunit;
using static SymbolicGen.Catalog.Tests.Roslyn.CatalogCompilation;

namespace SymbolicGen.Catalog.Tests.Roslyn;

public class CatalogReaderPropertyTests
{
    // Pieces of declarations, valid and invalid, including C# that does not compile (the analyzer reads
    // compilations while the user is typing).
    private static readonly string[] Attributes =
    {
        "", "[SymParam]", "[SymParam(SymKind.Duration)]", "[SymParam(Kind = SymKind.Seed)]", "[SymParam(Min = 0, Max = 1)]",
        "[SymParam(Min = 5, Max = 1)]", "[SymParam(SymKind.Gain, Max = 12)]", "[SymParam(SymKind.Ratio, Min = 0)]",
        "[SymParam(Default = \"64x64\")]", "[SymParam(Default = \"#fff\")]", "[SymPort(\"x\")]", "[SymPort(Optional = true)]",
        "[SymParam(Min = \"oops\")]", "[SymParam((SymKind)9)]", "[SymParam(Name = \"a b\")]", "[SymParam(Max = double.NaN)]",
        "[SymPort(null)]", "[SymParam(Name = \"p0\")]",
    };

    private static readonly string[] Types =
    {
        "double", "int", "long", "float", "bool", "string", "Fit", "Size", "Color", "Image", "Mask?", "Audio", "Text",
        "DateTime", "int?", "decimal", "CancellationToken", "IProgress<double>", "object", "Image[]", "Missing",
    };

    private static readonly string[] Defaults =
    {
        "", " = 0", " = 0.5", " = -3", " = 120", " = default", " = null", " = \"s\"", " = true", " = Fit.Loop", " = (Fit)5",
    };

    private static readonly string[] Returns =
    {
        "Image", "Task<Video>", "ValueTask<(Image a, Mask b)>", "(Image, Audio)", "(Image a, Image A)", "int", "void", "Task", "Text?", "Nope",
    };

    private static readonly Gen<string> Parameter =
        Gen.Select(Gen.OneOf(Attributes), Gen.OneOf(Types), Gen.OneOf(Defaults), (a, t, d) => a + " " + t + " {0}" + d);

    private static readonly Gen<string> Method =
        Gen.Select(Gen.OneOf("A", "B", "A", "CAsync"), Gen.OneOf(Returns), Parameter.Array[0, 5], (name, returns, parameters) =>
            "[SymFunction] public static " + returns + " " + name + "(" +
            string.Join(", ", parameters.Select((p, i) => string.Format(p, "p" + i))) + ") => throw null!;");

    private static readonly Gen<string> Source = Method.Array[1, 3].Select(methods => $$"""
        {{Usings}}
        public enum Fit { Trim, Loop }
        public static class Functions
        {
        {{string.Join("\n", methods)}}
        }
        """);

    [Fact]
    public void Reading_never_throws_and_every_function_read_is_consistent()
    {
        var functionsRead = 0;
        var problemsFound = 0;
        Source.Sample(source =>
        {
            var compilation = CSharpCompilation.Create(
                "Random",
                new[] { CSharpSyntaxTree.ParseText(source), CSharpSyntaxTree.ParseText(MediaTypes) },
                Framework.Add(RuntimeReference),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            var result = SymbolCatalogReader.Read(compilation);

            Assert.All(result.Problems, p => Assert.Matches("^SYM050[1-5]$", p.Id));
            Assert.All(result.Catalog.Functions, AssertConsistent);
            Interlocked.Add(ref functionsRead, result.Catalog.Functions.Count);
            Interlocked.Add(ref problemsFound, result.Problems.Length);
        }, iter: 150);

        // The generator reaches both outcomes, so the invariants above were really exercised.
        Assert.True(functionsRead > 0 && problemsFound > 0, $"{functionsRead} functions, {problemsFound} problems");
    }

    private static void AssertConsistent(FunctionInfo function)
    {
        Assert.NotEmpty(function.Outputs);
        var names = function.Inputs.Concat(function.Outputs).Select(p => p.Name).Concat(function.Parameters.Select(p => p.Name)).Append(function.Name);
        Assert.All(names, name => Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", name));
        Assert.Equal(function.Outputs.Count, function.Outputs.Select(p => p.Name).Distinct().Count());
        foreach (var parameter in function.Parameters)
        {
            Assert.False(parameter.Min > parameter.Max, parameter.Name);
            switch (parameter.Default)
            {
                case QuantityValue quantity:
                    Assert.Equal(Units.CanonicalSymbol(parameter.Type), quantity.Unit);
                    AssertInRange(parameter, quantity.Number);
                    break;
                case NumberValue number:
                    Assert.Contains(parameter.Type, new[] { ParamType.Int, ParamType.Float, ParamType.Seed, ParamType.Ratio });
                    AssertInRange(parameter, number.Number);
                    break;
                case SymbolValue symbol:
                    Assert.Contains(symbol.Name, parameter.EnumValues);
                    break;
            }
        }
    }

    private static void AssertInRange(ParameterInfo parameter, double value)
    {
        Assert.False(value < parameter.Min, parameter.Name);
        Assert.False(value > parameter.Max, parameter.Name);
    }
}
