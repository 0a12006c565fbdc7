using System.Text.Json;
using SymbolicGen.Catalog.Json;
using SymbolicGen.Language.Tests;
using SymbolicGen.Tests.Catalogs;
using Xunit;

namespace SymbolicGen.Catalog.Tests.Json;

/// <summary>The format's JSON schema (for editors) says what the reader reads: the same members, and the sample conforms.</summary>
public class CatalogSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(Repository.ReadText("docs/symbolicgen-catalog-1.schema.json")).RootElement;

    public static TheoryData<string, string[]> Objects => new()
    {
        { "", CatalogMembers.Root },
        { "type", CatalogMembers.Type },
        { "function", CatalogMembers.Function },
        { "input", CatalogMembers.Input },
        { "output", CatalogMembers.Output },
        { "parameter", CatalogMembers.Parameter },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void The_schema_lists_exactly_the_members_the_reader_accepts(string definition, string[] members)
    {
        var properties = Definition(definition).GetProperty("properties").EnumerateObject().Select(p => p.Name);

        Assert.Equal(members.Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));
        Assert.False(Definition(definition).GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void The_schema_s_kinds_are_the_language_s_parameter_kinds()
    {
        var kinds = Definition("parameter").GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(k => k.GetString());

        Assert.Equal(Enum.GetNames<Language.Catalog.ParamType>(), kinds);
    }

    [Fact]
    public void The_sample_uses_only_members_of_the_schema_and_has_every_required_one()
    {
        using var sample = JsonDocument.Parse(SampleCatalog.Text);

        Conforms(sample.RootElement, "");
        foreach (var type in sample.RootElement.GetProperty("types").EnumerateArray()) Conforms(type, "type");
        foreach (var function in sample.RootElement.GetProperty("functions").EnumerateArray())
        {
            Conforms(function, "function");
            foreach (var (member, definition) in new[] { ("inputs", "input"), ("outputs", "output"), ("parameters", "parameter") })
                if (function.TryGetProperty(member, out var items))
                    foreach (var item in items.EnumerateArray()) Conforms(item, definition);
        }
    }

    private static JsonElement Definition(string name) => name.Length == 0 ? Schema : Schema.GetProperty("$defs").GetProperty(name);

    private static void Conforms(JsonElement value, string definition)
    {
        var schema = Definition(definition);
        var allowed = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var property in value.EnumerateObject()) Assert.Contains(property.Name, allowed);
        foreach (var required in schema.GetProperty("required").EnumerateArray()) Assert.True(value.TryGetProperty(required.GetString()!, out _), $"{definition} lacks {required}");
    }
}
