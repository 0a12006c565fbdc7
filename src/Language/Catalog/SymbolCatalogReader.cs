using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using DiagnosticDescriptor = SymbolicGen.Language.Diagnostics.DiagnosticDescriptor;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Syntax;

namespace SymbolicGen.Language.Catalog;

/// <summary>
/// Builds a <see cref="FunctionCatalog"/> from the methods marked <c>[SymFunction]</c> (attributes of
/// <c>SymbolicGen.Runtime</c>) in a Roslyn <see cref="Compilation"/>: its own source and the public types
/// of the assemblies it references. Attributes and media types are recognised by their full names, so
/// the reader needs no reference to the runtime assembly.
/// </summary>
/// <remarks>
/// <para>Mapping. Media-typed parameters (<c>SymbolicGen.Runtime.Image</c>, <c>Mask</c>, <c>Audio</c>,
/// <c>Video</c>, <c>Text</c>) are inputs in declared order. The return type, unwrapped from
/// <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>, is one media output (named by <c>[return: SymPort]</c>, else
/// the modality in lower case) or a tuple of media outputs named by the tuple's element names.
/// <c>CancellationToken</c> and <c>IProgress&lt;double&gt;</c> parameters are executor plumbing. Every other
/// parameter is a parameter typed by its C# type and <c>[SymParam]</c> kind, with the C# default value as
/// its default (for <c>Size</c> and <c>Color</c>, which C# cannot give a constant default, the attribute's
/// <c>Default</c> written as in <c>.sym</c> files; a bare <c>Color = default</c> is <c>#00000000</c>). Names default to the C# names in snake_case (<c>sampleRate</c> → <c>sample_rate</c>,
/// enum member <c>ZoomIn</c> → <c>zoom_in</c>); function names default to the method name without an
/// <c>Async</c> suffix, qualified by the attribute's <c>Namespace</c> when it has one (<c>acme.Shout</c>).</para>
/// <para>Order. Functions are read assembly by assembly: the referenced assemblies in reference order,
/// then the compilation's own source; within an assembly, types by fully qualified name (ordinal); within
/// a type, methods in declaration order. The same functions therefore read in the same order from source
/// and from the compiled assembly. When two functions share a name the first one read is kept.</para>
/// <para>The reader never throws on a declaration: problems become <see cref="CatalogProblem"/>s and the
/// function is left out. Only cancellation throws (<see cref="OperationCanceledException"/>).</para>
/// </remarks>
public static class SymbolCatalogReader
{
    private const string RuntimeNamespace = "SymbolicGen.Runtime";
    private const string RuntimeAssembly = "SymbolicGen.Runtime";

    /// <summary>Reads every <c>[SymFunction]</c> method of <paramref name="compilation"/> and of the assemblies it references.</summary>
    public static CatalogReadResult Read(Compilation compilation, CancellationToken cancellationToken = default) =>
        Read(compilation, _ => true, cancellationToken);

    /// <summary>
    /// Reads the <c>[SymFunction]</c> methods of <paramref name="compilation"/>'s own source and of the
    /// referenced assemblies that <paramref name="includeReference"/> accepts (<c>_ => false</c>: the
    /// source alone, which is what a project's own function registry is made from).
    /// </summary>
    public static CatalogReadResult Read(Compilation compilation, Func<IAssemblySymbol, bool> includeReference, CancellationToken cancellationToken = default)
    {
        var functions = new List<FunctionInfo>();
        var problems = ImmutableArray.CreateBuilder<CatalogProblem>();
        var firstByName = new Dictionary<string, IMethodSymbol>(StringComparer.Ordinal);

        // The reader's order (see the remarks): the referenced assemblies', then the compilation's own source.
        foreach (var (method, result) in ReadReferencedMethods(compilation, includeReference).Concat(Functions(compilation.Assembly, fromSource: true, cancellationToken)))
        {
            problems.AddRange(result.Problems);
            if (result.Function is not { } function) continue;
            if (firstByName.TryGetValue(function.Name, out var first))
            {
                problems.Add(Problem(CatalogProblemDescriptors.DuplicateName, LocationOf(method),
                    $"function '{function.Name}' is already declared by '{Describe(first)}'"));
                continue;
            }
            firstByName.Add(function.Name, method);
            functions.Add(function);
        }
        return new CatalogReadResult(new FunctionCatalog(functions), problems.ToImmutable());
    }

    /// <summary>
    /// The <c>[SymFunction]</c> methods of the referenced assemblies <paramref name="includeReference"/> accepts, in
    /// the reader's order (from metadata only the public surface counts), and what <see cref="ReadFunction"/> made
    /// of each; not the compilation's own source, which the generator finds by the attribute.
    /// </summary>
    public static IEnumerable<(IMethodSymbol Method, FunctionReadResult Result)> ReadReferencedMethods(Compilation compilation, Func<IAssemblySymbol, bool> includeReference) =>
        compilation.SourceModule.ReferencedAssemblySymbols
            .Where(a => MayDeclareFunctions(a) && includeReference(a))
            .SelectMany(a => ReferencedFunctions.GetValue(a, assembly => Functions(assembly, fromSource: false, CancellationToken.None)));

    // A referenced assembly's functions, read once however many compilations reference it: the analyzer, the
    // generator and every edit in the IDE make new compilations, which share the symbols of unchanged
    // references. Keys are weak, so an entry lives as long as those symbols.
    private static readonly ConditionalWeakTable<IAssemblySymbol, List<(IMethodSymbol Method, FunctionReadResult Result)>> ReferencedFunctions = new();

    private static List<(IMethodSymbol Method, FunctionReadResult Result)> Functions(IAssemblySymbol assembly, bool fromSource, CancellationToken cancellationToken)
    {
        var functions = new List<(IMethodSymbol Method, FunctionReadResult Result)>();
        foreach (var type in TypesOf(assembly.GlobalNamespace, fromSource).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            foreach (var method in type.Type.GetMembers().OfType<IMethodSymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!fromSource && method.DeclaredAccessibility != Accessibility.Public) continue;
                var result = ReadFunction(method, cancellationToken);
                if (result.Function is not null || result.Problems.Length > 0) functions.Add((method, result));
            }
        }
        return functions;
    }

    /// <summary>
    /// Reads the <c>[SymFunction]</c> methods of assemblies given as metadata references (e.g. the runtime's
    /// and a user's dll). Include the references those assemblies were built against (the framework's
    /// reference or implementation assemblies), so that types such as <c>double</c> and <c>Task&lt;T&gt;</c> resolve.
    /// </summary>
    public static CatalogReadResult ReadReferences(IEnumerable<MetadataReference> references, CancellationToken cancellationToken = default) =>
        ReadReferences(references, _ => true, cancellationToken);

    /// <summary>Reads the <c>[SymFunction]</c> methods of the referenced assemblies that <paramref name="include"/> accepts.</summary>
    public static CatalogReadResult ReadReferences(IEnumerable<MetadataReference> references, Func<IAssemblySymbol, bool> include, CancellationToken cancellationToken = default) =>
        Read(CSharpCompilation.Create("SymbolicGen.Catalog", references: references), include, cancellationToken);

    /// <summary>
    /// Reads one method. The result has no function and no problems when the method has no
    /// <c>[SymFunction]</c> attribute; duplicate function names are found only by <see cref="Read(Compilation, CancellationToken)"/>.
    /// </summary>
    public static FunctionReadResult ReadFunction(IMethodSymbol method, CancellationToken cancellationToken = default)
    {
        var attribute = FindAttribute(method.GetAttributes(), "SymFunctionAttribute");
        if (attribute is null)
            return new FunctionReadResult(null, EquatableArray<MethodArgument>.Empty, ImmutableArray<CatalogProblem>.Empty);
        return new MethodReader(method, attribute, cancellationToken).Read();
    }

    // An assembly can declare [SymFunction] methods only if it is the runtime or references it; this
    // skips the framework, which would otherwise be walked type by type on every read.
    private static bool MayDeclareFunctions(IAssemblySymbol assembly) =>
        assembly.Name == RuntimeAssembly ||
        assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == RuntimeAssembly));

    private static IEnumerable<(string Key, INamedTypeSymbol Type)> TypesOf(INamespaceSymbol ns, bool fromSource)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (var type in TypesOf(child, fromSource)) yield return type;
            }
            else if (member is INamedTypeSymbol type)
            {
                foreach (var t in WithNested(type, fromSource)) yield return t;
            }
        }
    }

    private static IEnumerable<(string Key, INamedTypeSymbol Type)> WithNested(INamedTypeSymbol type, bool fromSource)
    {
        // From metadata only public types are part of an assembly's surface.
        if (!fromSource && type.DeclaredAccessibility != Accessibility.Public) yield break;
        yield return (type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), type);
        foreach (var nested in type.GetTypeMembers())
            foreach (var t in WithNested(nested, fromSource)) yield return t;
    }

    private static AttributeData? FindAttribute(ImmutableArray<AttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeClass is { } c && IsRuntimeType(c, name));

    private static bool IsRuntimeType(ITypeSymbol type, string name) =>
        type.Name == name && type.ContainingType is null &&
        type.ContainingNamespace?.ToDisplayString() == RuntimeNamespace;

    private static string Describe(IMethodSymbol method) => method.ContainingType.ToDisplayString() + "." + method.Name;

    private static Location LocationOf(ISymbol symbol) => symbol.Locations.FirstOrDefault() ?? Location.None;

    private static CatalogProblem Problem(DiagnosticDescriptor descriptor, Location location, string message) =>
        new(descriptor.Id, message, location);

    /// <summary>C# name to the language's snake_case: <c>ZoomIn</c> → <c>zoom_in</c>, <c>HTTPServer</c> → <c>http_server</c>.</summary>
    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var startsWord = char.IsLower(previous) || char.IsDigit(previous) ||
                                 (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
                if (startsWord) builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>True for names the language can write: <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    private static bool IsLanguageIdentifier(string name) =>
        name.Length > 0 && Tokenizer.IsIdentifierStart(name[0]) && name.All(Tokenizer.IsIdentifierPart);

    /// <summary>Reads one <c>[SymFunction]</c> method, collecting every problem rather than stopping at the first.</summary>
    private sealed class MethodReader
    {
        private readonly IMethodSymbol _method;
        private readonly AttributeData _attribute;
        private readonly CancellationToken _cancellationToken;
        private readonly ImmutableArray<CatalogProblem>.Builder _problems = ImmutableArray.CreateBuilder<CatalogProblem>();

        public MethodReader(IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken)
        {
            _method = method;
            _attribute = attribute;
            _cancellationToken = cancellationToken;
        }

        public FunctionReadResult Read()
        {
            var name = ReadFunctionName();
            if (_method.MethodKind != MethodKind.Ordinary)
                Report(CatalogProblemDescriptors.Unsupported, LocationOf(_method),
                    $"'{_method.Name}' is not an ordinary method; [SymFunction] declares ordinary methods only");
            if (_method.IsGenericMethod || IsInGenericType(_method.ContainingType))
                Report(CatalogProblemDescriptors.Unsupported, LocationOf(_method),
                    $"'{_method.Name}' is generic; a function's types must be fixed");

            var inputs = new List<PortInfo>();
            var parameters = new List<ParameterInfo>();
            var arguments = new List<MethodArgument>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var parameter in _method.Parameters)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var argument = ReadParameter(parameter, inputs, parameters);
                arguments.Add(argument);
                if (argument.Name is { } argumentName && !names.Add(argumentName))
                    Report(CatalogProblemDescriptors.DuplicateName, LocationOf(parameter),
                        $"'{_method.Name}' has two inputs or parameters named '{argumentName}'");
            }
            var outputs = ReadOutputs();

            if (_problems.Count > 0)
                return new FunctionReadResult(null, EquatableArray<MethodArgument>.Empty, _problems.ToImmutable());
            var function = new FunctionInfo(
                name,
                inputs.ToEquatableArray(),
                outputs.ToEquatableArray(),
                parameters.ToEquatableArray(),
                Summary: StringArgument(_attribute, "Summary"),
                Category: StringArgument(_attribute, "Category"),
                Version: Argument(_attribute, "Version")?.Value is int version ? version : 1);
            return new FunctionReadResult(function, arguments.ToEquatableArray(), ImmutableArray<CatalogProblem>.Empty);
        }

        private string ReadFunctionName()
        {
            var name = StringArgument(_attribute, "Name");
            if (name is null)
            {
                const string suffix = "Async";
                name = _method.Name.Length > suffix.Length && _method.Name.EndsWith(suffix, StringComparison.Ordinal)
                    ? _method.Name.Substring(0, _method.Name.Length - suffix.Length)
                    : _method.Name;
            }
            if (!IsLanguageIdentifier(name))
                ReportUnwritableName(name, "a function name", ArgumentLocation(_attribute, "Name", _method));
            // [SymFunction(Namespace = "acme")] qualifies the name: acme.Shout.
            if (StringArgument(_attribute, "Namespace") is not { } ns) return name;
            if (!QualifiedName.IsValid(ns))
                Report(CatalogProblemDescriptors.Unsupported, ArgumentLocation(_attribute, "Namespace", _method),
                    $"'{ns}' cannot be a namespace; use names of letters, digits and '_' joined by '.', such as 'acme' or 'acme.video'");
            return QualifiedName.Join(ns, name).Text;
        }

        private MethodArgument ReadParameter(IParameterSymbol parameter, List<PortInfo> inputs, List<ParameterInfo> parameters)
        {
            var type = parameter.Type;
            var port = FindAttribute(parameter.GetAttributes(), "SymPortAttribute");
            var param = FindAttribute(parameter.GetAttributes(), "SymParamAttribute");
            var plumbing = IsCancellationToken(type) ? ArgumentRole.Cancellation : IsProgressOfDouble(type) ? ArgumentRole.Progress : (ArgumentRole?)null;
            if (plumbing is { } role)
            {
                if ((param ?? port) is { } attribute)
                    Report(CatalogProblemDescriptors.Unsupported, AttributeLocation(attribute, parameter),
                        $"'{parameter.Name}' is passed by the executor and is not an input or parameter; remove its [{(param is not null ? "SymParam" : "SymPort")}]");
                return new MethodArgument(role, null);
            }

            if (parameter.RefKind != RefKind.None)
                Report(CatalogProblemDescriptors.Unsupported, TypeLocation(parameter),
                    $"'{parameter.Name}' is passed by reference; function inputs and parameters are passed by value");

            if (ModalityOf(type) is { } modality)
            {
                if (param is not null)
                    Report(CatalogProblemDescriptors.KindMismatch, AttributeLocation(param, parameter),
                        $"'{parameter.Name}' is an input of type '{modality}'; [SymParam] describes parameters, [SymPort] inputs");
                var name = CheckedName(port is null ? null : StringArgument(port, "Name"), parameter, port);
                var optional = port is not null && Argument(port, "Optional")?.Value is true ||
                               parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is null;
                inputs.Add(new PortInfo(name, modality, optional, port is null ? null : StringArgument(port, "Summary")));
                return new MethodArgument(ArgumentRole.Input, name);
            }

            if (port is not null)
                Report(CatalogProblemDescriptors.Unsupported, TypeLocation(parameter),
                    $"'{parameter.Name}' has type '{type.ToDisplayString()}'; [SymPort] describes media inputs (Image, Mask, Audio, Video, Text)");
            var info = new ParameterReader(this, parameter, param).Read();
            if (info is not null) parameters.Add(info);
            return new MethodArgument(ArgumentRole.Parameter, info?.Name ?? parameter.Name);
        }

        private List<PortInfo> ReadOutputs()
        {
            var outputs = new List<PortInfo>();
            var port = FindAttribute(_method.GetReturnTypeAttributes(), "SymPortAttribute");
            var type = UnwrapTask(_method.ReturnType);
            var location = ReturnTypeLocation();
            if (port is not null && Argument(port, "Optional")?.Value is true)
                Report(CatalogProblemDescriptors.Unsupported, ArgumentLocation(port, "Optional", _method),
                    $"'{_method.Name}' marks its output optional; only inputs can be optional");

            if (type is not null && ModalityOf(type) is { } modality)
            {
                var name = port is null ? null : StringArgument(port, "Name");
                if (name is not null && !IsLanguageIdentifier(name))
                    ReportUnwritableName(name, "a port name", ArgumentLocation(port!, "Name", _method));
                outputs.Add(new PortInfo(name ?? modality.ToString().ToLowerInvariant(), modality, Summary: port is null ? null : StringArgument(port, "Summary")));
                return outputs;
            }

            if (type is INamedTypeSymbol { IsTupleType: true } tuple)
            {
                if (port is not null)
                    Report(CatalogProblemDescriptors.Unsupported, AttributeLocation(port, _method),
                        $"'{_method.Name}' returns a tuple; name its outputs by the tuple's element names instead of [return: SymPort]");
                if (tuple.TupleElements.Any(e => !e.IsExplicitlyNamedTupleElement))
                {
                    Report(CatalogProblemDescriptors.Unsupported, location,
                        $"'{_method.Name}' returns a tuple without element names; name each output, e.g. (Image image, Mask mask)");
                    return outputs;
                }
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var element in tuple.TupleElements)
                {
                    if (ModalityOf(element.Type) is not { } elementModality)
                    {
                        Report(CatalogProblemDescriptors.Unsupported, location,
                            $"'{_method.Name}' returns '{element.Type.ToDisplayString()}' in its tuple; every output must be a media type (Image, Mask, Audio, Video, Text)");
                        continue;
                    }
                    var name = ToSnakeCase(element.Name);
                    if (!IsLanguageIdentifier(name))
                        ReportUnwritableName(name, "a port name", location);
                    else if (!names.Add(name))
                        Report(CatalogProblemDescriptors.DuplicateName, location, $"'{_method.Name}' has two outputs named '{name}'");
                    outputs.Add(new PortInfo(name, elementModality));
                }
                return outputs;
            }

            Report(CatalogProblemDescriptors.Unsupported, location,
                $"'{_method.Name}' returns '{_method.ReturnType.ToDisplayString()}'; a function returns a media type (Image, Mask, Audio, Video, Text) or a tuple of them, optionally in a Task or ValueTask");
            return outputs;
        }

        /// <summary>The parameter's name: an explicit one as written, else the C# name in snake_case; checked.</summary>
        public string CheckedName(string? explicitName, IParameterSymbol parameter, AttributeData? attribute)
        {
            var name = explicitName ?? ToSnakeCase(parameter.Name);
            if (!IsLanguageIdentifier(name))
                ReportUnwritableName(name, "an input or parameter name",
                    explicitName is not null && attribute is not null ? ArgumentLocation(attribute, "Name", parameter) : LocationOf(parameter));
            return name;
        }

        public void Report(DiagnosticDescriptor descriptor, Location location, string message) =>
            _problems.Add(Problem(descriptor, location, message));

        // For a name that fails IsLanguageIdentifier; 'what' is the role it was to have.
        private void ReportUnwritableName(string name, string what, Location location) =>
            Report(CatalogProblemDescriptors.Unsupported, location, $"'{name}' cannot be {what}; use letters, digits and '_', not starting with a digit");

        private static bool IsInGenericType(INamedTypeSymbol? type)
        {
            for (; type is not null; type = type.ContainingType)
                if (type.IsGenericType) return true;
            return false;
        }

        private static ITypeSymbol? UnwrapTask(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_Void) return null;
            if (type is INamedTypeSymbol named && IsTaskLike(named))
                return named.IsGenericType ? named.TypeArguments[0] : null;
            return type;
        }

        private static bool IsTaskLike(INamedTypeSymbol type) =>
            type.Name is "Task" or "ValueTask" && type.ContainingType is null &&
            type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

        private static bool IsCancellationToken(ITypeSymbol type) =>
            type.Name == "CancellationToken" && type.ContainingNamespace?.ToDisplayString() == "System.Threading";

        private static bool IsProgressOfDouble(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "IProgress", TypeArguments.Length: 1 } named &&
            named.ContainingNamespace?.ToDisplayString() == "System" &&
            named.TypeArguments[0].SpecialType == SpecialType.System_Double;

        private Location ReturnTypeLocation()
        {
            foreach (var reference in _method.DeclaringSyntaxReferences)
                if (reference.GetSyntax(_cancellationToken) is MethodDeclarationSyntax declaration)
                    return declaration.ReturnType.GetLocation();
            return LocationOf(_method);
        }

        public Location TypeLocation(IParameterSymbol parameter)
        {
            foreach (var reference in parameter.DeclaringSyntaxReferences)
                if (reference.GetSyntax(_cancellationToken) is ParameterSyntax { Type: { } type })
                    return type.GetLocation();
            return LocationOf(parameter);
        }

        public Location DefaultLocation(IParameterSymbol parameter)
        {
            foreach (var reference in parameter.DeclaringSyntaxReferences)
                if (reference.GetSyntax(_cancellationToken) is ParameterSyntax { Default: { } clause })
                    return clause.Value.GetLocation();
            return LocationOf(parameter);
        }

        public Location AttributeLocation(AttributeData attribute, ISymbol owner) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation() ?? LocationOf(owner);

        /// <summary>Where the attribute sets <paramref name="property"/> (named, or as the matching constructor argument), else the attribute.</summary>
        public Location ArgumentLocation(AttributeData attribute, string property, ISymbol owner)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is not AttributeSyntax syntax)
                return LocationOf(owner);
            var constructorIndex = ConstructorParameterIndex(attribute, property);
            var positional = 0;
            foreach (var argument in syntax.ArgumentList?.Arguments ?? default)
            {
                if (argument.NameEquals is { } nameEquals)
                {
                    if (nameEquals.Name.Identifier.ValueText == property) return argument.GetLocation();
                }
                else if (argument.NameColon is { } nameColon)
                {
                    if (string.Equals(nameColon.Name.Identifier.ValueText, property, StringComparison.OrdinalIgnoreCase)) return argument.GetLocation();
                }
                else if (positional++ == constructorIndex)
                {
                    return argument.GetLocation();
                }
            }
            return syntax.GetLocation();
        }
    }

    /// <summary>Reads one non-media parameter: its type from the C# type and kind, its range and its default.</summary>
    private sealed class ParameterReader
    {
        private readonly MethodReader _reader;
        private readonly IParameterSymbol _parameter;
        private readonly AttributeData? _attribute;

        public ParameterReader(MethodReader reader, IParameterSymbol parameter, AttributeData? attribute)
        {
            _reader = reader;
            _parameter = parameter;
            _attribute = attribute;
        }

        private enum ClrShape { Integer, Real, Bool, String, Enum, Size, Color, Unsupported }

        public ParameterInfo? Read()
        {
            var shape = ShapeOf(_parameter.Type);
            if (shape == ClrShape.Unsupported)
            {
                _reader.Report(CatalogProblemDescriptors.Unsupported, _reader.TypeLocation(_parameter),
                    $"'{_parameter.Name}' has type '{_parameter.Type.ToDisplayString()}', which a function cannot take; use int, long, double, float, bool, string, an enum, Size, Color or a media type");
                return null;
            }
            var kindName = ReadKindName();
            if (kindName is null) return null;
            var type = TypeOf(shape, kindName);
            if (type is null)
            {
                _reader.Report(CatalogProblemDescriptors.KindMismatch, _reader.ArgumentLocation(_attribute!, "Kind", _parameter),
                    $"'{_parameter.Name}' is {TypeWord(TypeOf(shape, "Auto")!.Value)} and cannot be a {kindName}; {kindName} needs {(kindName == "Seed" ? "an int or a long" : "a number")}");
                return null;
            }

            var name = _reader.CheckedName(_attribute is null ? null : StringArgument(_attribute, "Name"), _parameter, _attribute);
            var enumValues = type == ParamType.Enum ? ReadEnumValues((INamedTypeSymbol)_parameter.Type) : default;
            var (min, max, rangeValid) = ReadRange(type.Value);
            var defaultValue = ReadDefault(type.Value, rangeValid ? min : null, rangeValid ? max : null);
            return new ParameterInfo(name, type.Value, defaultValue, min, max, enumValues,
                _attribute is null ? null : StringArgument(_attribute, "Summary"));
        }

        private static ClrShape ShapeOf(ITypeSymbol type) => type.SpecialType switch
        {
            SpecialType.System_Int32 or SpecialType.System_Int64 => ClrShape.Integer,
            SpecialType.System_Double or SpecialType.System_Single => ClrShape.Real,
            SpecialType.System_Boolean => ClrShape.Bool,
            SpecialType.System_String => ClrShape.String,
            _ when type.TypeKind == TypeKind.Enum => ClrShape.Enum,
            _ when IsRuntimeType(type, "Size") => ClrShape.Size,
            _ when IsRuntimeType(type, "Color") => ClrShape.Color,
            _ => ClrShape.Unsupported,
        };

        /// <summary>The SymKind member's name ("Auto" without an attribute), or null after reporting an undefined kind.</summary>
        private string? ReadKindName()
        {
            if (_attribute is null || Argument(_attribute, "Kind") is not { } kind) return "Auto";
            // Compare by member name, not number: the reader does not reference the runtime's enum.
            var member = kind.Type?.GetMembers().OfType<IFieldSymbol>()
                .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, kind.Value));
            if (member is not null) return member.Name;
            _reader.Report(CatalogProblemDescriptors.KindMismatch, _reader.ArgumentLocation(_attribute, "Kind", _parameter),
                kind.Value is null
                    ? $"'{_parameter.Name}' has no readable kind; use a member of SymKind"
                    : $"'{_parameter.Name}' has kind {kind.Value}, which is not a member of SymKind");
            return null;
        }

        private static ParamType? TypeOf(ClrShape shape, string kind) => kind switch
        {
            "Auto" => shape switch
            {
                ClrShape.Integer => ParamType.Int,
                ClrShape.Real => ParamType.Float,
                ClrShape.Bool => ParamType.Bool,
                ClrShape.String => ParamType.String,
                ClrShape.Enum => ParamType.Enum,
                ClrShape.Size => ParamType.Size,
                _ => ParamType.Color,
            },
            "Seed" => shape == ClrShape.Integer ? ParamType.Seed : null,
            _ when shape is ClrShape.Integer or ClrShape.Real => kind switch
            {
                "Duration" => ParamType.Duration,
                "FrameRate" => ParamType.FrameRate,
                "Frequency" => ParamType.Frequency,
                "Gain" => ParamType.Gain,
                "Length" => ParamType.Length,
                "Ratio" => ParamType.Ratio,
                _ => null,
            },
            _ => null,
        };

        private static bool IsNumeric(ParamType type) =>
            type is ParamType.Int or ParamType.Float or ParamType.Seed || Units.IsUnitBearing(type);

        private EquatableArray<string> ReadEnumValues(INamedTypeSymbol enumType)
        {
            var values = new List<string>();
            foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
            {
                var value = ToSnakeCase(field.Name);
                if (values.Contains(value))
                    _reader.Report(CatalogProblemDescriptors.DuplicateName, _reader.TypeLocation(_parameter),
                        $"'{enumType.Name}' has two members named '{value}' in snake_case");
                else if (!IsLanguageIdentifier(value))
                    _reader.Report(CatalogProblemDescriptors.Unsupported, _reader.TypeLocation(_parameter),
                        $"'{enumType.Name}' has member '{field.Name}', which cannot be an enum value; use letters, digits and '_'");
                values.Add(value);
            }
            if (values.Count == 0)
                _reader.Report(CatalogProblemDescriptors.Unsupported, _reader.TypeLocation(_parameter),
                    $"'{enumType.Name}' has no members, so '{_parameter.Name}' can have no value");
            return values.ToEquatableArray();
        }

        /// <summary>Min and Max as set on the attribute (infinite bounds are unbounded); valid is false after a reported problem.</summary>
        private (double? Min, double? Max, bool Valid) ReadRange(ParamType type)
        {
            if (_attribute is null) return (null, null, true);
            var min = Argument(_attribute, "Min")?.Value is double lower ? lower : (double?)null;
            var max = Argument(_attribute, "Max")?.Value is double upper ? upper : (double?)null;
            if (min is null && max is null) return (null, null, true);
            if (!IsNumeric(type))
            {
                _reader.Report(CatalogProblemDescriptors.KindMismatch, _reader.ArgumentLocation(_attribute, min is null ? "Max" : "Min", _parameter),
                    $"'{_parameter.Name}' is {TypeWord(type)} and cannot have a Min or Max");
                return (null, null, false);
            }
            foreach (var (bound, property) in new[] { (min, "Min"), (max, "Max") })
            {
                if (bound is { } b && double.IsNaN(b))
                {
                    _reader.Report(CatalogProblemDescriptors.InvalidRange, _reader.ArgumentLocation(_attribute, property, _parameter),
                        $"'{_parameter.Name}' has {property} NaN; a bound must be a number");
                    return (null, null, false);
                }
            }
            if (min is { } minimum && max is { } maximum && minimum > maximum)
            {
                _reader.Report(CatalogProblemDescriptors.InvalidRange, _reader.ArgumentLocation(_attribute, "Min", _parameter),
                    $"'{_parameter.Name}' has Min {Units.FormatCanonical(minimum, type)} above Max {Units.FormatCanonical(maximum, type)}");
                return (null, null, false);
            }
            return (Finite(min), Finite(max), true);
        }

        private static double? Finite(double? bound) => bound is { } b && !double.IsInfinity(b) ? b : null;

        private static string TypeWord(ParamType type) => type switch
        {
            ParamType.Int or ParamType.Seed => "an integer",
            ParamType.Float => "a number",
            _ when Units.IsUnitBearing(type) => "a " + type,
            ParamType.Bool => "a bool",
            ParamType.String => "a string",
            ParamType.Enum => "an enum",
            ParamType.Size => "a Size",
            _ => "a Color",
        };

        private Value? ReadDefault(ParamType type, double? min, double? max)
        {
            if (_attribute is not null && Argument(_attribute, "Default") is { Value: string written })
                return ReadWrittenDefault(type, written);
            if (!_parameter.HasExplicitDefaultValue) return null;
            var value = _parameter.ExplicitDefaultValue;
            switch (type)
            {
                case ParamType.Bool:
                    return value is bool b ? new BoolValue(b) : null;
                case ParamType.String:
                    if (value is string s) return new StringValue(s);
                    _reader.Report(CatalogProblemDescriptors.Unsupported, _reader.DefaultLocation(_parameter),
                        $"'{_parameter.Name}' defaults to null, which a parameter cannot have; default to \"\" instead");
                    return null;
                case ParamType.Enum:
                    var member = _parameter.Type.GetMembers().OfType<IFieldSymbol>()
                        .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
                    if (member is not null) return new SymbolValue(ToSnakeCase(member.Name));
                    _reader.Report(CatalogProblemDescriptors.InvalidDefault, _reader.DefaultLocation(_parameter),
                        $"'{_parameter.Name}' defaults to {value}, which is not a member of '{_parameter.Type.Name}'");
                    return null;
                case ParamType.Size:
                    // C# can give a struct parameter only 'default', which for Size is 0x0.
                    _reader.Report(CatalogProblemDescriptors.InvalidDefault, _reader.DefaultLocation(_parameter),
                        $"'{_parameter.Name}' defaults to 0x0, which is not a size; give one with [SymParam(Default = \"1024x576\")]");
                    return null;
                case ParamType.Color:
                    return new ColorValue("#00000000");
                default:
                    return NumericDefault(type, value, min, max);
            }
        }

        /// <summary>A default written as in .sym files, for the types whose C# default cannot be a constant.</summary>
        private Value? ReadWrittenDefault(ParamType type, string written)
        {
            var location = _reader.ArgumentLocation(_attribute!, "Default", _parameter);
            Value? value = type switch
            {
                ParamType.Size => ParseSize(written),
                ParamType.Color => ParseColor(written),
                _ => null,
            };
            if (type is not (ParamType.Size or ParamType.Color))
                _reader.Report(CatalogProblemDescriptors.KindMismatch, location,
                    $"'{_parameter.Name}' is {TypeWord(type)}; [SymParam(Default)] is for Size and Color parameters, others take the C# default value");
            else if (value is null)
                _reader.Report(CatalogProblemDescriptors.InvalidDefault, location,
                    type == ParamType.Size
                        ? $"'{_parameter.Name}' has Default '{written}', which is not a size such as 1024x576"
                        : $"'{_parameter.Name}' has Default '{written}', which is not a colour such as #1e90ff");
            return value;
        }

        private static SizeValue? ParseSize(string text)
        {
            var parts = text.Split('x');
            return parts.Length == 2 && IsDigits(parts[0]) && IsDigits(parts[1]) &&
                   int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width) &&
                   int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height) &&
                   width > 0 && height > 0
                ? new SizeValue(width, height)
                : null;
        }

        private static ColorValue? ParseColor(string text) =>
            text.Length is 7 or 9 && text[0] == '#' && text.Skip(1).All(IsHexDigit)
                ? new ColorValue(text.ToLowerInvariant())
                : null;

        private static bool IsDigits(string text) => text.Length > 0 && text.All(c => c is >= '0' and <= '9');

        private static bool IsHexDigit(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

        private Value? NumericDefault(ParamType type, object? value, double? min, double? max)
        {
            double? number = value switch
            {
                int i => i,
                long l => l,
                double d => d,
                // A float default widened directly would print as 0.449999988079071 for 0.45f.
                float f => double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                _ => null,
            };
            if (number is not { } n) return null;
            if (min is { } lower && n < lower || max is { } upper && n > upper || double.IsNaN(n))
            {
                _reader.Report(CatalogProblemDescriptors.InvalidDefault, _reader.DefaultLocation(_parameter),
                    $"'{_parameter.Name}' defaults to {Units.FormatCanonical(n, type)}; its range is {Wording.Range(type, min, max)}");
                return null;
            }
            var unit = Units.CanonicalSymbol(type);
            return unit.Length == 0 ? new NumberValue(n) : new QuantityValue(n, unit);
        }
    }

    private static PortType? ModalityOf(ITypeSymbol type) =>
        type.ContainingType is null && type.ContainingNamespace?.ToDisplayString() == RuntimeNamespace
            ? type.Name switch
            {
                "Text" => PortType.Text,
                "Image" => PortType.Image,
                "Mask" => PortType.Mask,
                "Audio" => PortType.Audio,
                "Video" => PortType.Video,
                _ => null,
            }
            : null;

    private static TypedConstant? Argument(AttributeData attribute, string property)
    {
        foreach (var named in attribute.NamedArguments)
            if (named.Key == property) return named.Value;
        var index = ConstructorParameterIndex(attribute, property);
        return index >= 0 && index < attribute.ConstructorArguments.Length ? attribute.ConstructorArguments[index] : null;
    }

    private static string? StringArgument(AttributeData attribute, string property) =>
        Argument(attribute, property)?.Value as string;

    private static int ConstructorParameterIndex(AttributeData attribute, string property)
    {
        var parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        for (var i = 0; i < parameters.Length; i++)
            if (string.Equals(parameters[i].Name, property, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
