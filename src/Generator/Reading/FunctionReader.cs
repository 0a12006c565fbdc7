using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymbolicGen.Catalog.Json;
using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Generator.Model;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Generator.Reading;

/// <summary>
/// Reduces a compilation to a <see cref="FunctionsModel"/>: the catalog (read by <see cref="SymbolCatalogReader"/>,
/// the one reader of <c>[SymFunction]</c> declarations) and, for each of its functions, how generated code calls
/// the method it was read from. Types are recognised through the reader's <see cref="KnownSymbols"/>.
/// </summary>
internal static class FunctionReader
{
    /// <summary>The metadata name of the attribute that declares a function.</summary>
    public const string SymFunctionAttribute = KnownSymbols.SymFunctionAttributeName;

    /// <summary>
    /// The functions of the assemblies <paramref name="compilation"/> references. Cheap on every compilation: the
    /// reader keeps each referenced assembly's functions for as long as its symbols live.
    /// </summary>
    public static ReferencedFunctions ReadReferenced(Compilation compilation, CancellationToken cancellationToken)
    {
        var known = KnownSymbols.For(compilation);
        var usesBuiltIns = HasBuiltIns(compilation, known);
        var functions = new List<FunctionInfo>();
        var specs = new List<FunctionSpec>();
        foreach (var (method, read) in SymbolCatalogReader.ReadReferencedMethods(compilation, _ => true))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (read.Function is not { } function) continue;
            functions.Add(function);
            // The runtime's BuiltInFunctions registers the runtime's own functions; a referenced method was
            // reported when its assembly was built, so an uncallable one is just left out.
            if (usesBuiltIns && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, known.RuntimeAssembly) || Uncallable(compilation, method) is not null) continue;
            specs.Add(Spec(function, method, read.Arguments, known));
        }
        return new ReferencedFunctions(functions.ToEquatableArray(), specs.ToEquatableArray(), usesBuiltIns);
    }

    /// <summary>The function declared by <paramref name="method"/> (which has <c>[SymFunction]</c>), or null when it declares none.</summary>
    public static SourceFunction? ReadSource(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        if (SymbolCatalogReader.ReadFunction(method, compilation, cancellationToken) is not { Function: { } function } read) return null;
        var type = method.ContainingType;
        var index = type.GetMembers().IndexOf(method, 0, SymbolEqualityComparer.Default);
        var typeKey = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (Uncallable(compilation, method) is { } reason)
            return new SourceFunction(typeKey, index, function, null, new DiagnosticInfo(GeneratorDescriptors.UncallableFunction.Id,
                $"'{Describe(method)}' is {reason}; generated code calls [SymFunction] methods directly, so make it a static method that the project can call (internal or public)",
                method.Locations.FirstOrDefault() is { } location ? LocationInfo.From(location) : null));
        return new SourceFunction(typeKey, index, function, Spec(function, method, read.Arguments, KnownSymbols.For(compilation)), null);
    }

    /// <summary>
    /// The catalog and the registry's functions, in the reader's order: the references' functions, then the
    /// source's, then those of the catalog files (<see cref="JsonCatalogFile.Combine"/>); of two functions with one
    /// name the first counts (the analyzer reports the second, SYM0505).
    /// </summary>
    public static FunctionsModel Combine(ReferencedFunctions referenced, IEnumerable<SourceFunction> sourceFunctions, IEnumerable<JsonCatalogFile> catalogFiles)
    {
        var ordered = sourceFunctions
            .GroupBy(f => (f.TypeKey, f.MemberIndex)).Select(g => g.First()) // a partial method's two declarations
            .OrderBy(f => f.TypeKey, StringComparer.Ordinal).ThenBy(f => f.MemberIndex)
            .ToList();
        var catalog = new List<FunctionInfo>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in referenced.Functions.Concat(ordered.Where(f => f.Function is not null).Select(f => f.Function!)))
            if (names.Add(function.Name)) catalog.Add(function);
        var files = catalogFiles.ToList();
        var kept = JsonCatalogFile.Combine(new FunctionCatalog(catalog), files).Catalog;
        bool Kept(FunctionInfo? function) => function is not null && ReferenceEquals(kept.Find(function.Name), function);
        var diagnostics = ordered.Where(f => f.Problem is not null && (f.Function is null || Kept(f.Function))).Select(f => f.Problem!);
        if (referenced.Failure is { } failure) diagnostics = diagnostics.Prepend(failure);
        var served = new FunctionCatalog(
            kept.Functions.Where(f => f.Backend is not null && files.Any(file => ReferenceEquals(file.Catalog.Find(f.Name), f))),
            kept.PortTypes.Where(t => !t.IsMedia));
        return new FunctionsModel(
            kept,
            ordered.Where(f => Kept(f.Function) && f.Spec is not null).Select(f => f.Spec!).ToEquatableArray(),
            referenced.Specs.Where(s => Kept(s.Info)).ToEquatableArray(),
            referenced.UsesBuiltIns,
            diagnostics.ToEquatableArray(),
            served);
    }

    /// <summary>Reads a catalog file (<c>*.symcatalog.json</c> additional file): a value that caches per text.</summary>
    public static JsonCatalogFile ReadCatalogFile(string path, string text, CancellationToken cancellationToken) =>
        JsonCatalogReader.Read(path, text, cancellationToken);

    /// <summary>True when the executor's types are available: the runtime is referenced, or this is the runtime.</summary>
    public static bool HasRuntime(Compilation compilation) => KnownSymbols.For(compilation).FunctionRegistry.Exists;

    // The runtime registers its built-in functions through a public BuiltInFunctions.Register(FunctionRegistry)
    // that it generates (SymbolicGenPublicFunctionsClass); a consumer calls it instead of invoking them itself.
    private static bool HasBuiltIns(Compilation compilation, KnownSymbols known)
    {
        var type = known.BuiltInFunctions.Symbol;
        if (type is null || SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)) return false;
        return type.DeclaredAccessibility == Accessibility.Public && type.GetMembers("Register").OfType<IMethodSymbol>().Any(m =>
            m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && m.Parameters.Length == 1 &&
            known.FunctionRegistry.Matches(m.Parameters[0].Type));
    }

    /// <summary>Why generated code cannot call <paramref name="method"/>, or null when it can.</summary>
    private static string? Uncallable(Compilation compilation, IMethodSymbol method)
    {
        if (!method.IsStatic) return "an instance method";
        if (method.IsAbstract) return "abstract";
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            if (type.IsFileLocal) return "in a file-local type";
        if (!compilation.IsSymbolAccessibleWithin(method, compilation.Assembly)) return "not accessible from the rest of the project";
        return null;
    }

    private static string Describe(IMethodSymbol method) => RoslynLocations.Describe(method);

    private static FunctionSpec Spec(FunctionInfo function, IMethodSymbol method, EquatableArray<MethodArgument> arguments, KnownSymbols known)
    {
        var specs = new ArgumentSpec[method.Parameters.Length];
        for (var i = 0; i < specs.Length; i++)
            specs[i] = Argument(function, method.Parameters[i], arguments[i], known);
        var (kind, result) = known.Unwrap(method.ReturnType);
        var arity = result is INamedTypeSymbol { IsTupleType: true } tuple ? tuple.TupleElements.Length : 0;
        return new FunctionSpec(
            function,
            method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            Identifier(method.Name),
            EquatableArray<ArgumentSpec>.Own(specs),
            kind,
            arity,
            Describe(method));
    }

    private static ArgumentSpec Argument(FunctionInfo function, IParameterSymbol parameter, MethodArgument argument, KnownSymbols known)
    {
        var type = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        switch (argument.Role)
        {
            case ArgumentRole.Cancellation:
                return new ArgumentSpec(argument.Role, null, ClrKind.Cancellation, type, false, default);
            case ArgumentRole.Progress:
                return new ArgumentSpec(argument.Role, null, ClrKind.Progress, type, false, default);
            case ArgumentRole.Service:
                var service = parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                return new ArgumentSpec(argument.Role, null, ClrKind.Service, service, argument.Optional, default);
            case ArgumentRole.Input:
                var optional = function.FindInput(argument.Name!)?.Optional ?? false;
                return new ArgumentSpec(argument.Role, argument.Name, ClrKind.Media, type, optional, default);
        }
        var kind = parameter.Type.SpecialType switch
        {
            SpecialType.System_Int32 => ClrKind.Int32,
            SpecialType.System_Int64 => ClrKind.Int64,
            SpecialType.System_Double => ClrKind.Double,
            SpecialType.System_Single => ClrKind.Single,
            SpecialType.System_Boolean => ClrKind.Boolean,
            SpecialType.System_String => ClrKind.String,
            _ when parameter.Type.TypeKind == TypeKind.Enum => ClrKind.Enum,
            _ when known.Size.Matches(parameter.Type) => ClrKind.Size,
            _ => ClrKind.Color,
        };
        var members = kind == ClrKind.Enum ? EnumMembers(function.FindParameter(argument.Name!), parameter.Type) : default;
        return new ArgumentSpec(argument.Role, argument.Name, kind, type, false, members);
    }

    // The catalog lists an enum's values in the order of its constant fields (see SymbolCatalogReader).
    private static EquatableArray<EnumMemberSpec> EnumMembers(ParameterInfo? parameter, ITypeSymbol type)
    {
        var fields = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
        var values = parameter?.EnumValues ?? default;
        var members = new List<EnumMemberSpec>();
        for (var i = 0; i < values.Count && i < fields.Count; i++)
            members.Add(new EnumMemberSpec(values[i], Identifier(fields[i].Name)));
        return members.ToEquatableArray();
    }

    // A C# name from C# source: escaped when it is a keyword (it was written '@class' there).
    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
