using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Syntax;

namespace SymbolicGen.Language.Semantics;

/// <summary>
/// A flow's bound signature: its inputs, parameters and outputs with resolved types. Declarations
/// with an unknown type are reported and left out of the IR, but their names stay known so that uses
/// of them are not reported a second time as undefined.
/// </summary>
internal sealed class FlowHeader
{
    private FlowHeader(FlowSyntax flow) => Flow = Unbound(flow);

    /// <summary>The flow as far as its header goes: the declarations with a known type, in declared order; no nodes or links yet.</summary>
    public Flow Flow { get; private set; }

    /// <summary>Every declared input name, typed or not (first declaration of each name).</summary>
    public Dictionary<string, Identifier> InputNames { get; } = new();

    /// <summary>Every declared parameter name, typed or not.</summary>
    public Dictionary<string, Identifier> ParameterNames { get; } = new();

    /// <summary>Every declared output name, typed or not, in declared order.</summary>
    public List<string> OutputNames { get; } = new();

    /// <summary>Binds the declarations of <paramref name="flow"/>, reporting unknown types and duplicate names.</summary>
    public static FlowHeader Bind(FlowSyntax flow, FunctionCatalog catalog, List<Diagnostic> diagnostics)
    {
        var header = new FlowHeader(flow);
        var inputs = new List<FlowPort>();
        var parameters = new List<FlowParameter>();
        var outputs = new List<FlowPort>();
        var declarations = flow.Inputs.Select(d => (Kind: DeclarationKind.Input, Syntax: d))
            .Concat(flow.Parameters.Select(d => (Kind: DeclarationKind.Parameter, Syntax: d)))
            .Concat(flow.Outputs.Select(d => (Kind: DeclarationKind.Output, Syntax: d)))
            .OrderBy(d => d.Syntax.Span.Start);
        foreach (var (kind, declaration) in declarations)
        {
            if (header.IsDuplicate(declaration.Name, diagnostics)) continue;
            switch (kind)
            {
                case DeclarationKind.Input:
                    header.InputNames.Add(declaration.Name.Text, declaration.Name);
                    if (PortTypeOf(declaration, "inputs take", catalog, diagnostics) is { } input)
                        inputs.Add(new FlowPort(declaration.Name.Text, input) { Span = declaration.Span });
                    break;
                case DeclarationKind.Output:
                    header.OutputNames.Add(declaration.Name.Text);
                    if (PortTypeOf(declaration, "outputs give", catalog, diagnostics) is { } output)
                        outputs.Add(new FlowPort(declaration.Name.Text, output) { Span = declaration.Span });
                    break;
                default:
                    header.ParameterNames.Add(declaration.Name.Text, declaration.Name);
                    if (ParameterType(declaration, catalog, diagnostics) is { } type)
                        parameters.Add(new FlowParameter(declaration.Name.Text, type, DefaultValue(declaration.Default)) { Span = declaration.Span });
                    break;
            }
        }
        header.Flow = header.Flow with
        {
            Inputs = inputs.ToEquatableArray(),
            Parameters = parameters.ToEquatableArray(),
            Outputs = outputs.ToEquatableArray(),
        };
        return header;
    }

    /// <summary>What the IR keeps of a flow before binding, or of one that could not be bound: its name, syntax, spans and comments.</summary>
    public static Flow Unbound(FlowSyntax flow) =>
        new(flow.Name.Text, flow.Style, default, default, default, default, default, flow.Comments, flow.Notes)
        {
            Span = flow.Span,
            NameSpan = flow.Name.Span,
        };

    // Inputs and parameters share one namespace (both are referenced by name in the body); outputs
    // have their own, but an output may not reuse an input's or a parameter's name either, since
    // a step named after it would then shadow that input or parameter.
    private bool IsDuplicate(Identifier name, List<Diagnostic> diagnostics)
    {
        string? existing =
            InputNames.ContainsKey(name.Text) ? "an input" :
            ParameterNames.ContainsKey(name.Text) ? "a parameter" :
            OutputNames.Contains(name.Text) ? "an output" : null;
        if (existing is null) return false;
        diagnostics.Add(DiagnosticDescriptors.DuplicateName.Create(name.Span, $"'{name.Text}' is already defined as {existing}"));
        return true;
    }

    private static PortType? PortTypeOf(DeclarationSyntax declaration, string role, FunctionCatalog catalog, List<Diagnostic> diagnostics)
    {
        if (declaration.Default is { } value)
            diagnostics.Add(DiagnosticDescriptors.TypeMismatch.Create(value.Span, $"'{declaration.Name.Text}' is media and cannot have a default value"));
        var type = declaration.Type;
        if (catalog.FindType(type.Text) is { } portType) return portType;
        if (Wording.ParseParamType(type.Text) is not null)
            diagnostics.Add(DiagnosticDescriptors.TypeMismatch.Create(type.Span,
                $"'{type.Text}' is not a media type; {role} {Wording.Join(Wording.MediaTypeNames, "or")}{(catalog.PortTypes.Count > PortType.MediaTypes.Count ? " or a port type of the catalog" : "")}"));
        else
            ReportUnknownType(type, catalog, diagnostics);
        return null;
    }

    private static ParamType? ParameterType(DeclarationSyntax declaration, FunctionCatalog catalog, List<Diagnostic> diagnostics)
    {
        var type = declaration.Type;
        if (Wording.ParseParamType(type.Text) is { } parameterType) return parameterType;
        if (catalog.FindType(type.Text) is { } portType)
            diagnostics.Add(DiagnosticDescriptors.TypeMismatch.Create(type.Span,
                $"'{type.Text}' is {(portType.IsMedia ? "a media type" : "a port type")}; declare '{declaration.Name.Text}' as an input"));
        else
            ReportUnknownType(type, catalog, diagnostics);
        return null;
    }

    private static void ReportUnknownType(Identifier type, FunctionCatalog catalog, List<Diagnostic> diagnostics)
    {
        var (suffix, fixes) = Suggestions.DidYouMean(type.Text, type.Span, catalog.PortTypes.Select(t => t.Name).Concat(Wording.ParamTypeNames));
        diagnostics.Add(DiagnosticDescriptors.UndefinedName.Create(type.Span, $"unknown type '{type.Text}'{suffix}", fixes));
    }

    // A bare word as a default is a symbol (flow parameters cannot be enums, so the checker reports it).
    private static Value? DefaultValue(Value? value) =>
        value is ReferenceValue { Port: null } reference ? new SymbolValue(reference.Name) { Span = reference.Span } : value;

    private enum DeclarationKind
    {
        Input,
        Parameter,
        Output,
    }
}
