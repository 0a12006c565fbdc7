using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Syntax;
using DiagnosticDescriptor = SymbolicGen.Language.Diagnostics.DiagnosticDescriptor;

namespace SymbolicGen.Catalog.Roslyn;

/// <summary>
/// Reads one <c>[SymFunction]</c> method: its name, what feeds each C# parameter (input, parameter, service or
/// plumbing) and its outputs, collecting every problem rather than stopping at the first.
/// </summary>
internal sealed class MethodReader
{
    private readonly IMethodSymbol _method;
    private readonly AttributeData _attribute;
    private readonly ImmutableArray<CatalogProblem>.Builder _problems = ImmutableArray.CreateBuilder<CatalogProblem>();

    public MethodReader(IMethodSymbol method, AttributeData attribute, KnownSymbols known, CancellationToken cancellationToken)
    {
        _method = method;
        _attribute = attribute;
        Known = known;
        CancellationToken = cancellationToken;
    }

    /// <summary>The compilation's known types.</summary>
    public KnownSymbols Known { get; }

    /// <summary>Stops the read.</summary>
    public CancellationToken CancellationToken { get; }

    public FunctionReadResult Read()
    {
        var name = ReadFunctionName();
        if (_method.MethodKind != MethodKind.Ordinary)
            Report(CatalogProblemDescriptors.Unsupported, RoslynLocations.Of(_method),
                $"'{_method.Name}' is not an ordinary method; [SymFunction] declares ordinary methods only");
        if (_method.IsGenericMethod || IsInGenericType(_method.ContainingType))
            Report(CatalogProblemDescriptors.Unsupported, RoslynLocations.Of(_method),
                $"'{_method.Name}' is generic; a function's types must be fixed");

        var inputs = new List<PortInfo>();
        var parameters = new List<ParameterInfo>();
        var arguments = new List<MethodArgument>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in _method.Parameters)
        {
            CancellationToken.ThrowIfCancellationRequested();
            var argument = ReadParameter(parameter, inputs, parameters);
            arguments.Add(argument);
            if (argument.Name is { } argumentName && !names.Add(argumentName))
                Report(CatalogProblemDescriptors.DuplicateName, RoslynLocations.Of(parameter),
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
            Summary: AttributeArguments.String(_attribute, AttributeArguments.Summary),
            Category: AttributeArguments.String(_attribute, AttributeArguments.Category),
            Version: AttributeArguments.Argument(_attribute, AttributeArguments.Version)?.Value is int version ? version : 1);
        return new FunctionReadResult(function, arguments.ToEquatableArray(), ImmutableArray<CatalogProblem>.Empty);
    }

    /// <summary>The parameter's name: an explicit one as written, else the C# name in snake_case; checked.</summary>
    public string CheckedName(string? explicitName, IParameterSymbol parameter, AttributeData? attribute)
    {
        var name = explicitName ?? CSharpNames.ToSnakeCase(parameter.Name);
        if (!Tokenizer.IsIdentifier(name))
            ReportUnwritableName(name, "an input or parameter name",
                explicitName is not null && attribute is not null ? ArgumentLocation(attribute, AttributeArguments.Name, parameter) : RoslynLocations.Of(parameter));
        return name;
    }

    public void Report(DiagnosticDescriptor descriptor, CatalogLocation location, string message) =>
        _problems.Add(new CatalogProblem(descriptor.Id, message, location));

    public CatalogLocation TypeLocation(IParameterSymbol parameter) => RoslynLocations.Type(parameter, CancellationToken);

    public CatalogLocation DefaultLocation(IParameterSymbol parameter) => RoslynLocations.Default(parameter, CancellationToken);

    public CatalogLocation AttributeLocation(AttributeData attribute, ISymbol owner) => RoslynLocations.Attribute(attribute, owner, CancellationToken);

    public CatalogLocation ArgumentLocation(AttributeData attribute, string property, ISymbol owner) =>
        RoslynLocations.Argument(attribute, property, owner, CancellationToken);

    private string ReadFunctionName()
    {
        var name = AttributeArguments.String(_attribute, AttributeArguments.Name);
        if (name is null)
        {
            const string suffix = "Async";
            name = _method.Name.Length > suffix.Length && _method.Name.EndsWith(suffix, StringComparison.Ordinal)
                ? _method.Name.Substring(0, _method.Name.Length - suffix.Length)
                : _method.Name;
        }
        if (!Tokenizer.IsIdentifier(name))
            ReportUnwritableName(name, "a function name", ArgumentLocation(_attribute, AttributeArguments.Name, _method));
        // [SymFunction(Namespace = "acme")] qualifies the name: acme.Shout.
        if (AttributeArguments.String(_attribute, AttributeArguments.Namespace) is not { } ns) return name;
        if (!QualifiedName.IsValid(ns))
            Report(CatalogProblemDescriptors.Unsupported, ArgumentLocation(_attribute, AttributeArguments.Namespace, _method),
                $"'{ns}' cannot be a namespace; use names of letters, digits and '_' joined by '.', such as 'acme' or 'acme.video'");
        return QualifiedName.Join(ns, name).Text;
    }

    private MethodArgument ReadParameter(IParameterSymbol parameter, List<PortInfo> inputs, List<ParameterInfo> parameters)
    {
        var type = parameter.Type;
        var attributes = parameter.GetAttributes();
        var port = KnownSymbols.Find(attributes, Known.SymPortAttribute);
        var param = KnownSymbols.Find(attributes, Known.SymParamAttribute);
        var service = KnownSymbols.Find(attributes, Known.SymServiceAttribute);
        var plumbing = Known.IsCancellationToken(type) ? ArgumentRole.Cancellation : Known.IsProgress(type) ? ArgumentRole.Progress : (ArgumentRole?)null;
        if (plumbing is { } role)
        {
            if ((param ?? port ?? service) is { } attribute)
                Report(CatalogProblemDescriptors.Unsupported, AttributeLocation(attribute, parameter),
                    $"'{parameter.Name}' is passed by the executor and is not an input or parameter; remove its [{AttributeName(attribute)}]");
            return new MethodArgument(role, null);
        }
        if (service is not null || type.TypeKind == TypeKind.Interface)
            return ReadService(parameter, param ?? port);

        if (parameter.RefKind != RefKind.None)
            Report(CatalogProblemDescriptors.Unsupported, TypeLocation(parameter),
                $"'{parameter.Name}' is passed by reference; function inputs and parameters are passed by value");

        if (Known.MediaOf(type) is { } media)
        {
            if (param is not null)
                Report(CatalogProblemDescriptors.KindMismatch, AttributeLocation(param, parameter),
                    $"'{parameter.Name}' is an input of type '{media}'; [SymParam] describes parameters, [SymPort] inputs");
            var name = CheckedName(AttributeArguments.String(port, AttributeArguments.Name), parameter, port);
            var optional = AttributeArguments.IsTrue(port, AttributeArguments.Optional) ||
                           parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is null;
            inputs.Add(new PortInfo(name, media, optional, AttributeArguments.String(port, AttributeArguments.Summary)));
            return new MethodArgument(ArgumentRole.Input, name);
        }

        if (port is not null)
            Report(CatalogProblemDescriptors.Unsupported, TypeLocation(parameter),
                $"'{parameter.Name}' has type '{type.ToDisplayString()}'; [SymPort] describes media inputs (Image, Mask, Audio, Video, Text)");
        var info = new ParameterReader(this, parameter, param).Read();
        if (info is not null) parameters.Add(info);
        return new MethodArgument(ArgumentRole.Parameter, info?.Name ?? parameter.Name);
    }

    // A service: supplied by the executor from RunOptions.Services, never written in a flow. A nullable one (or one
    // that defaults to null) is optional.
    private MethodArgument ReadService(IParameterSymbol parameter, AttributeData? describes)
    {
        var type = parameter.Type;
        if (describes is not null)
            Report(CatalogProblemDescriptors.Unsupported, AttributeLocation(describes, parameter),
                $"'{parameter.Name}' is a service the executor supplies, not an input or parameter; remove its [{AttributeName(describes)}]");
        if (type.IsValueType || type.TypeKind is not (TypeKind.Class or TypeKind.Interface))
            Report(CatalogProblemDescriptors.Unsupported, TypeLocation(parameter),
                $"'{parameter.Name}' is marked [SymService] but has type '{type.ToDisplayString()}'; a service is an interface or a class");
        else if (parameter.RefKind != RefKind.None)
            Report(CatalogProblemDescriptors.Unsupported, TypeLocation(parameter),
                $"'{parameter.Name}' is a service passed by reference; services are passed by value");
        var optional = parameter.NullableAnnotation == NullableAnnotation.Annotated ||
                       parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is null;
        var serviceType = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        return new MethodArgument(ArgumentRole.Service, null, serviceType, optional);
    }

    private List<PortInfo> ReadOutputs()
    {
        var outputs = new List<PortInfo>();
        var port = KnownSymbols.Find(_method.GetReturnTypeAttributes(), Known.SymPortAttribute);
        var (_, type) = Known.Unwrap(_method.ReturnType);
        var location = RoslynLocations.ReturnType(_method, CancellationToken);
        if (AttributeArguments.IsTrue(port, AttributeArguments.Optional))
            Report(CatalogProblemDescriptors.Unsupported, ArgumentLocation(port!, AttributeArguments.Optional, _method),
                $"'{_method.Name}' marks its output optional; only inputs can be optional");

        if (type is not null && Known.MediaOf(type) is { } media)
        {
            var name = AttributeArguments.String(port, AttributeArguments.Name);
            if (name is not null && !Tokenizer.IsIdentifier(name))
                ReportUnwritableName(name, "a port name", ArgumentLocation(port!, AttributeArguments.Name, _method));
            outputs.Add(new PortInfo(name ?? media.Name.ToLowerInvariant(), media, Summary: AttributeArguments.String(port, AttributeArguments.Summary)));
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
                if (Known.MediaOf(element.Type) is not { } elementMedia)
                {
                    Report(CatalogProblemDescriptors.Unsupported, location,
                        $"'{_method.Name}' returns '{element.Type.ToDisplayString()}' in its tuple; every output must be a media type (Image, Mask, Audio, Video, Text)");
                    continue;
                }
                var name = CSharpNames.ToSnakeCase(element.Name);
                if (!Tokenizer.IsIdentifier(name))
                    ReportUnwritableName(name, "a port name", location);
                else if (!names.Add(name))
                    Report(CatalogProblemDescriptors.DuplicateName, location, $"'{_method.Name}' has two outputs named '{name}'");
                outputs.Add(new PortInfo(name, elementMedia));
            }
            return outputs;
        }

        Report(CatalogProblemDescriptors.Unsupported, location,
            $"'{_method.Name}' returns '{_method.ReturnType.ToDisplayString()}'; a function returns a media type (Image, Mask, Audio, Video, Text) or a tuple of them, optionally in a Task or ValueTask");
        return outputs;
    }

    // For a name that fails Tokenizer.IsIdentifier; 'what' is the role it was to have.
    private void ReportUnwritableName(string name, string what, CatalogLocation location) =>
        Report(CatalogProblemDescriptors.Unsupported, location, $"'{name}' cannot be {what}; use letters, digits and '_', not starting with a digit");

    private static string AttributeName(AttributeData attribute)
    {
        var name = attribute.AttributeClass?.Name ?? "";
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    private static bool IsInGenericType(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.ContainingType)
            if (type.IsGenericType) return true;
        return false;
    }
}
