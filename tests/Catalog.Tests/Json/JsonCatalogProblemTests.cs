using CsCheck;
using SymbolicGen.Catalog.Json;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Tests.Catalogs;
using Xunit;

namespace SymbolicGen.Catalog.Tests.Json;

/// <summary>Every mistake in a catalog file is one problem at the exact token; it drops that function or type, never the file.</summary>
public class JsonCatalogProblemTests
{
    // Each case: a function (beside the valid one), the id, the token the problem points at, and the message.
    public static TheoryData<string, string, string, string> Cases => new()
    {
        {
            """{ "name": "F", "parameters": [ { "name": "x", "kind": "Flaot" } ] }""",
            "SYM0504", "\"Flaot\"", "'Flaot' is not a parameter kind; did you mean 'Float'? A kind is one of Int, Float, Bool, String, Seed, Size, Color, Enum, Duration, FrameRate, Frequency, Gain, Length or Ratio"
        },
        {
            """{ "name": "F", "inputs": [ { "name": "noise", "type": "NOISE" } ] }""",
            "SYM0504", "\"NOISE\"", "port type 'NOISE' is neither a media type nor defined in the catalog; define it under 'types' or use one of Text, Image, Mask, Audio, Video, LATENT or IMAGE"
        },
        {
            """{ "name": "F", "inputs": [ { "name": "latent", "type": "LATNET" } ] }""",
            "SYM0504", "\"LATNET\"", "port type 'LATNET' is neither a media type nor defined in the catalog; did you mean 'LATENT'?"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "steps", "kind": "Int", "min": 1, "max": 100, "default": 0 } ] }""",
            "SYM0502", "0", "'steps' defaults to 0; its range is 1 to 100"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "width", "kind": "Int", "min": 16, "max": 64, "step": 8, "default": 20 } ] }""",
            "SYM0502", "20", "'width' defaults to 20; its range is 16 to 64 in steps of 8"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "d", "kind": "Duration", "min": 0.5, "max": 60, "default": 120 } ] }""",
            "SYM0502", "120", "'d' defaults to 120 s; its range is 0.5 s to 60 s"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "mode", "kind": "Enum", "values": ["fast", "slow"], "default": "slwo" } ] }""",
            "SYM0502", "\"slwo\"", "the default of 'mode' is wrong: unknown value 'slwo' for 'mode'; did you mean 'slow'?"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "n", "kind": "Int", "default": 2.5 } ] }""",
            "SYM0502", "2.5", "the default of 'n' is wrong: 'n' takes a whole number; 2.5 is not one"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "flag", "kind": "Bool", "default": "yes" } ] }""",
            "SYM0502", "\"yes\"", "'flag' takes true or false; its default is a string"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "size", "kind": "Size", "default": "big" } ] }""",
            "SYM0502", "\"big\"", "'size' has default 'big', which is not a size such as 1024x576"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "x", "kind": "Float", "min": 10, "max": 1 } ] }""",
            "SYM0501", "10", "'x' has min 10 above max 1"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "x", "kind": "Int", "min": 0.5 } ] }""",
            "SYM0501", "0.5", "'x' is an Int and has min 0.5, which is not a whole number"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "x", "kind": "Float", "step": 0 } ] }""",
            "SYM0501", "0", "'x' has step 0; a step is a positive number"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "x", "kind": "String", "max": 3 } ] }""",
            "SYM0503", "\"max\"", "'x' is a String and cannot have a max"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "x", "kind": "Int", "values": ["a"] } ] }""",
            "SYM0503", "\"values\"", "'x' is an Int and cannot have values; values are for an Enum"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "ckpt", "kind": "Enum", "values": ["a.safetensors"] } ] }""",
            "SYM0504", "\"a.safetensors\"", "'a.safetensors' cannot be a value of 'ckpt': flows write values as bare words of letters, digits and '_'; make 'ckpt' a String"
        },
        {
            """{ "name": "F", "parameters": [ { "name": "mode", "kind": "Enum", "values": ["a", "a"] } ] }""",
            "SYM0505", "\"a\"", "'mode' lists the value 'a' twice"
        },
        {
            """{ "name": "Image Blend" }""",
            "SYM0504", "\"Image Blend\"", "'Image Blend' cannot be a function name; use letters, digits and '_', not starting with a digit"
        },
        {
            """{ "name": "F", "inputs": [ { "name": "a", "type": "Image" } ], "parameters": [ { "name": "a", "kind": "Float" } ] }""",
            "SYM0505", "\"a\"", "'t.F' has two inputs or parameters named 'a'"
        },
        {
            """{ "name": "F", "outputs": [ { "name": "image", "type": "Image", "optional": true } ] }""",
            "SYM0504", "\"optional\"", "'optional' is not a member of an output; an output has 'name', 'type', 'summary'"
        },
        {
            """{ "name": "F", "sumary": "typo" }""",
            "SYM0504", "\"sumary\"", "'sumary' is not a member of a function; did you mean 'summary'?"
        },
        {
            """{ "name": "F", "inputs": { "name": "a" } }""",
            "SYM0504", "{ \"name\": \"a\" }", "'inputs' of a function is an array, not an object"
        },
        {
            """{ "name": "F", "version": 0 }""",
            "SYM0504", "0", "'version' of a function is a whole number of at least 1, not 0"
        },
        {
            """{ "name": "Valid" }""",
            "SYM0505", "\"Valid\"", "function 't.Valid' is declared twice in the catalog"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_mistake_is_a_problem_at_its_token_and_drops_only_its_function(string function, string id, string at, string message)
    {
        var text = SampleCatalogs.Minimal(function);

        var file = JsonCatalogReader.Read("t.symcatalog.json", text);

        var problem = Assert.Single(file.Problems);
        Assert.Equal((id, message), (problem.Id, problem.Message));
        Assert.Equal(at, text.Substring(problem.Location.Start, problem.Location.Length));
        Assert.True(problem.Location.Start > text.IndexOf("\"Valid\"", StringComparison.Ordinal), "the problem is in the test's function");
        Assert.Equal(new[] { "t.Valid" }, file.Catalog.Functions.Select(f => f.Name));
    }

    [Theory]
    [InlineData("""{ "name": "MODEL" }, { "name": "MODEL" }""", "SYM0505", "\"MODEL\"", "port type 'MODEL' is defined twice in the catalog")]
    [InlineData("""{ "name": "Image" }""", "SYM0505", "\"Image\"", "'Image' is a built-in media type; a catalog uses it without defining it")]
    [InlineData("""{ "name": "PIXELS", "media": "Picture" }""", "SYM0504", "\"Picture\"", "'Picture' is not a media type; 'media' is one of Text, Image, Mask, Audio, Video, or left out for an opaque type")]
    [InlineData("""{ "name": "two words" }""", "SYM0504", "\"two words\"", "'two words' cannot be a port type name; use letters, digits and '_', not starting with a digit")]
    public void A_mistake_in_a_type_drops_that_type(string types, string id, string at, string message)
    {
        var text = SampleCatalogs.Minimal("""{ "name": "Other" }""").Replace("{ \"name\": \"LATENT\" }", "{ \"name\": \"LATENT\" }, " + types);

        var file = JsonCatalogReader.Read("t.symcatalog.json", text);

        var problem = Assert.Single(file.Problems);
        Assert.Equal((id, message), (problem.Id, problem.Message));
        Assert.Equal(at, text.Substring(problem.Location.Start, problem.Location.Length).Split(',')[0].Split(" }")[0]);
        Assert.Equal(2, file.Catalog.Functions.Count);
    }

    [Theory]
    [InlineData("{ \"format\": \"symbolicgen-catalog/1\", \"backend\": \"x\", \"functions\": [ { \"name\": \"F\" } }", 1, 85)]
    [InlineData("{ \"format\": \"symbolicgen-catalog/1\",\n  \"backend\": \"x\",\n  \"functions\": [ ,\n] }", 3, 18)]
    [InlineData("", 1, 1)]
    public void Malformed_JSON_is_one_problem_where_the_parser_stopped(string text, int line, int column)
    {
        var file = JsonCatalogReader.Read("m.symcatalog.json", text);

        var problem = Assert.Single(file.Problems);
        Assert.Equal("SYM0504", problem.Id);
        Assert.StartsWith("the catalog is not valid JSON: ", problem.Message);
        Assert.Equal((line, column), (problem.Location.StartPosition.Line, problem.Location.StartPosition.Column));
        Assert.Empty(file.Catalog.Functions);
    }

    [Fact]
    public void A_catalog_of_another_format_is_not_read()
    {
        var text = SampleCatalogs.Minimal("""{ "name": "F" }""").Replace("symbolicgen-catalog/1", "symbolicgen-catalog/2");

        var problem = Assert.Single(JsonCatalogReader.Read("f.symcatalog.json", text).Problems);

        Assert.Equal("the catalog's format is 'symbolicgen-catalog/2', which this version of SymbolicGen does not read; it reads 'symbolicgen-catalog/1'", problem.Message);
        Assert.Equal("\"symbolicgen-catalog/2\"", text.Substring(problem.Location.Start, problem.Location.Length));
    }

    [Fact]
    public void The_reader_never_throws_on_hostile_text()
    {
        var sample = SampleCatalog.Text;
        // Truncations, byte flips and arbitrary strings: a problem or a catalog, never an exception.
        Gen.Int[0, sample.Length].Sample(cut => { JsonCatalogReader.Read("c.symcatalog.json", sample.Substring(0, cut)); }, iter: 300);
        Gen.Select(Gen.Int[0, sample.Length - 1], Gen.Char).Sample((at, c) =>
        {
            JsonCatalogReader.Read("c.symcatalog.json", sample.Substring(0, at) + c + sample.Substring(at + 1));
        }, iter: 500);
        Gen.String.Sample(text => { JsonCatalogReader.Read("c.symcatalog.json", text); }, iter: 500);
        JsonCatalogReader.Read("deep.symcatalog.json", new string('[', 10_000));
        JsonCatalogReader.Read("nul.symcatalog.json", "{\"format\":\"symbolicgen-catalog/1\",\"backend\":\"\\u0000\",\"functions\":[{\"name\":null,\"parameters\":[{\"kind\":[]}]}]}");
    }
}
