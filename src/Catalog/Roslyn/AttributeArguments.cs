using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SymbolicGen.Catalog.Roslyn;

/// <summary>
/// Reads the arguments of the runtime's attributes as the compiler recorded them, named or positional, and names
/// the properties the reader asks for (the runtime's <c>SymFunctionAttribute</c>, <c>SymParamAttribute</c>,
/// <c>SymPortAttribute</c>), in one place.
/// </summary>
internal static class AttributeArguments
{
    public const string Name = "Name";
    public const string Namespace = "Namespace";
    public const string Summary = "Summary";
    public const string Category = "Category";
    public const string Version = "Version";
    public const string Kind = "Kind";
    public const string Min = "Min";
    public const string Max = "Max";
    public const string Default = "Default";
    public const string Optional = "Optional";

    /// <summary>The value the attribute gives <paramref name="property"/> (named, or as the matching constructor argument), or null.</summary>
    public static TypedConstant? Argument(AttributeData attribute, string property)
    {
        foreach (var named in attribute.NamedArguments)
            if (named.Key == property) return named.Value;
        var index = ConstructorParameterIndex(attribute, property);
        return index >= 0 && index < attribute.ConstructorArguments.Length ? attribute.ConstructorArguments[index] : null;
    }

    /// <summary>A string property, or null when it is not set.</summary>
    public static string? String(AttributeData? attribute, string property) =>
        attribute is null ? null : Argument(attribute, property)?.Value as string;

    /// <summary>True when the attribute sets the bool <paramref name="property"/> to true.</summary>
    public static bool IsTrue(AttributeData? attribute, string property) =>
        attribute is not null && Argument(attribute, property)?.Value is true;

    /// <summary>The index of the constructor parameter that sets <paramref name="property"/> (by name, ignoring case), or -1.</summary>
    public static int ConstructorParameterIndex(AttributeData attribute, string property)
    {
        var parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        for (var i = 0; i < parameters.Length; i++)
            if (string.Equals(parameters[i].Name, property, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
