using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SymbolicGen.Language.Catalog;
using LinePosition = SymbolicGen.Language.Text.LinePosition;

namespace SymbolicGen.Catalog.Roslyn;

/// <summary>
/// Converts between Roslyn locations and <see cref="CatalogLocation"/>s, and finds the syntax a problem points at
/// (an attribute argument, a parameter's type or default, a return type).
/// </summary>
public static class RoslynLocations
{
    /// <summary>
    /// The catalog location of <paramref name="location"/>: the syntax tree's path and span, or, for a symbol read
    /// from metadata, its assembly and <paramref name="member"/>.
    /// </summary>
    public static CatalogLocation From(Location location, ISymbol member)
    {
        if (location.IsInSource && location.SourceTree is { } tree)
        {
            var lines = location.GetLineSpan();
            return CatalogLocation.InFile(tree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length,
                new LinePosition(lines.StartLinePosition.Line + 1, lines.StartLinePosition.Character + 1),
                new LinePosition(lines.EndLinePosition.Line + 1, lines.EndLinePosition.Character + 1));
        }
        return CatalogLocation.InMetadata(member.ContainingAssembly?.Name ?? "", Describe(member));
    }

    /// <summary>
    /// The Roslyn location of <paramref name="location"/> in <paramref name="compilation"/>: in the syntax tree of that
    /// path (so that <c>#pragma</c> and the IDE treat it as C#), else in the file of that path (a catalog file), else
    /// none (metadata).
    /// </summary>
    public static Location ToRoslyn(CatalogLocation location, Compilation compilation)
    {
        if (!location.HasSpan) return Location.None;
        var span = new TextSpan(location.Start, location.Length);
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => string.Equals(t.FilePath, location.Path, StringComparison.Ordinal) && t.Length >= location.End);
        if (tree is not null) return Location.Create(tree, span);
        return Location.Create(location.Path, span, new LinePositionSpan(
            new Microsoft.CodeAnalysis.Text.LinePosition(location.StartPosition.Line - 1, location.StartPosition.Column - 1),
            new Microsoft.CodeAnalysis.Text.LinePosition(location.EndPosition.Line - 1, location.EndPosition.Column - 1)));
    }

    /// <summary><c>Namespace.Type.Member</c>, as messages name a declaration (a parameter's is its method's).</summary>
    public static string Describe(ISymbol symbol) =>
        symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol method } ? Describe(method) :
        symbol.ContainingType is { } type ? type.ToDisplayString() + "." + symbol.Name : symbol.ToDisplayString();

    /// <summary>Where <paramref name="symbol"/> is declared (its first location).</summary>
    internal static CatalogLocation Of(ISymbol symbol) => From(symbol.Locations.FirstOrDefault() ?? Location.None, symbol);

    /// <summary>Where <paramref name="method"/>'s return type is written, else the method.</summary>
    internal static CatalogLocation ReturnType(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
                return From(declaration.ReturnType.GetLocation(), method);
        return Of(method);
    }

    /// <summary>Where <paramref name="parameter"/>'s type is written, else the parameter.</summary>
    internal static CatalogLocation Type(IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        foreach (var reference in parameter.DeclaringSyntaxReferences)
            if (reference.GetSyntax(cancellationToken) is ParameterSyntax { Type: { } type })
                return From(type.GetLocation(), parameter);
        return Of(parameter);
    }

    /// <summary>Where <paramref name="parameter"/>'s default value is written, else the parameter.</summary>
    internal static CatalogLocation Default(IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        foreach (var reference in parameter.DeclaringSyntaxReferences)
            if (reference.GetSyntax(cancellationToken) is ParameterSyntax { Default: { } clause })
                return From(clause.Value.GetLocation(), parameter);
        return Of(parameter);
    }

    /// <summary>Where <paramref name="attribute"/> is applied, else <paramref name="owner"/>.</summary>
    internal static CatalogLocation Attribute(AttributeData attribute, ISymbol owner, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is { } syntax ? From(syntax.GetLocation(), owner) : Of(owner);

    /// <summary>Where the attribute sets <paramref name="property"/> (named, or as the matching constructor argument), else the attribute.</summary>
    internal static CatalogLocation Argument(AttributeData attribute, string property, ISymbol owner, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
            return Of(owner);
        var constructorIndex = AttributeArguments.ConstructorParameterIndex(attribute, property);
        var positional = 0;
        foreach (var argument in syntax.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals is { } nameEquals)
            {
                if (nameEquals.Name.Identifier.ValueText == property) return From(argument.GetLocation(), owner);
            }
            else if (argument.NameColon is { } nameColon)
            {
                if (string.Equals(nameColon.Name.Identifier.ValueText, property, StringComparison.OrdinalIgnoreCase)) return From(argument.GetLocation(), owner);
            }
            else if (positional++ == constructorIndex)
            {
                return From(argument.GetLocation(), owner);
            }
        }
        return From(syntax.GetLocation(), owner);
    }
}
