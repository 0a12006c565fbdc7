using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Semantics;

// References: what a name used as media or as a parameter value stands for, and the messages when it stands for nothing.
internal sealed partial class FlowBinder
{
    /// <summary>
    /// Resolves a reference used as media. <paramref name="target"/> is what it feeds (for messages),
    /// <paramref name="expected"/> its media type (decides which '.port' fix is safe).
    /// </summary>
    private LinkSource Resolve(ReferenceValue reference, PortType? expected, PortTarget? target, string? function, bool quiet = false, ReferenceValue? asWritten = null)
    {
        // Through a local alias, 'reference' is what the alias stands for and 'shown' what was written.
        var shown = asWritten ?? reference;
        if (asWritten is null) _symbols?.Reference(reference);
        var unresolved = reference.Port is null ? new PortSource(null, reference.Name) : new PortSource(reference.Name, reference.Port);
        if (!_names.TryGetValue(reference.Name, out var symbol))
        {
            if (!quiet) ReportUndefined(reference, target, function);
            return unresolved;
        }

        switch (symbol)
        {
            case InputSymbol:
                if (reference.Port is { } inputPort)
                    Report(DiagnosticDescriptors.UnknownArgument, PortSpan(shown), $"'{shown.Name}' is a flow input and has no port '{inputPort}'");
                return new PortSource(null, reference.Name);

            case NodeSymbol node:
                return NodeOutput(shown, node.Node, node.Function, reference.Port, expected, unresolved);

            case PartSymbol part:
                if (reference.Port is { } partPort)
                {
                    Report(DiagnosticDescriptors.UnknownArgument, PortSpan(shown), $"'{shown.Name}' is one output of '{part.Node}' and has no port '{partPort}'");
                    return unresolved;
                }
                return part.Function is { } f && part.Index < f.Outputs.Count ? new PortSource(part.Node, f.Outputs[part.Index].Name) : unresolved;

            case AliasSymbol alias:
                if (alias.Value.Port is not null && reference.Port is not null)
                {
                    Report(DiagnosticDescriptors.UnknownArgument, PortSpan(shown), $"'{shown.Name}' already selects port '{alias.Value.Port}' of '{alias.Value.Name}'");
                    return unresolved;
                }
                if (!_resolvingAliases.Add(alias.Name)) return unresolved;
                try
                {
                    // The alias's own step reports an undefined right-hand side; here only the use is checked.
                    var through = new ReferenceValue(alias.Value.Name, alias.Value.Port ?? reference.Port) { Span = reference.Span, NameSpan = reference.NameSpan };
                    return Resolve(through, expected, target, function, quiet: true, shown);
                }
                finally
                {
                    _resolvingAliases.Remove(alias.Name);
                }

            default:
                return unresolved;
        }
    }

    // 'shown' is the reference as written (for messages and fixes), 'port' the port it selects.
    private LinkSource NodeOutput(ReferenceValue shown, string node, FunctionInfo? function, string? port, PortType? expected, PortSource unresolved)
    {
        if (function is null) return unresolved;
        if (port is not null)
        {
            if (function.FindOutput(port) is not null) return new PortSource(node, port);
            var (suffix, fixes) = Suggestions.DidYouMean(port, PortSpan(shown), function.Outputs.Select(o => o.Name));
            Report(DiagnosticDescriptors.UnknownArgument, PortSpan(shown), $"'{shown.Name}' ({function.Name}) has no output '{port}'{suffix}", fixes);
            return unresolved;
        }
        if (function.Outputs.Count == 1) return new PortSource(node, function.Outputs[0].Name);

        // Selecting the one output of the expected media type is evidently what was meant.
        var safe = function.Outputs.Count(o => o.Type == expected) == 1;
        var choices = function.Outputs
            .Select(o => new CodeFix(
                $"select '{shown.Name}.{o.Name}'",
                EquatableArray.Of(new TextEdit(shown.Span, shown.Name + "." + o.Name)),
                safe && o.Type == expected))
            .ToArray();
        var example = function.Outputs.Count > 0 ? $", e.g. '{shown.Name}.{function.Outputs[0].Name}'" : "";
        Report(DiagnosticDescriptors.AmbiguousOutput, shown.Span, $"'{shown.Name}' ({function.Name}) has {Ports(function.Outputs, "output")}; select one with '.port'{example}", choices);
        return unresolved;
    }

    private void ReportUndefined(ReferenceValue reference, PortTarget? target, string? function)
    {
        var name = reference.Name;
        var span = reference.NameSpan.Length > 0 ? reference.NameSpan : reference.Span;
        if (_header.ParameterNames.ContainsKey(name))
        {
            var what = target is null ? "media is needed here" : $"{Wording.Target(target, function)} needs media";
            Report(DiagnosticDescriptors.ModalityMismatch, span, $"'{name}' is a parameter, but {what}");
            return;
        }
        if (_header.OutputNames.Contains(name))
        {
            Report(DiagnosticDescriptors.UndefinedName, span, $"undefined name '{name}': flow outputs cannot be read, use the value that feeds it");
            return;
        }
        // `x = comfy.EmptyImage` without '(' selects a port of 'comfy'; say what was likely meant.
        if (reference.Port is { } port && _functions.IsFunction(name + "." + port))
        {
            Report(DiagnosticDescriptors.UndefinedName, span, $"undefined name '{name}': '{name}.{port}' is a function: call it in a step of its own");
            return;
        }
        var (suffix, fixes) = Suggestions.DidYouMean(name, span, _names.Keys);
        Report(DiagnosticDescriptors.UndefinedName, span, $"undefined name '{name}'{suffix}", fixes);
    }

    // A bare word bound to a parameter is one of its enum values, else a flow parameter, else a
    // symbol the checker reports; any other value is kept as written.
    private Value ParameterValue(Value value, ParameterInfo? parameter)
    {
        if (value is ReferenceValue { Port: not null }) _symbols?.Reference(value);
        if (value is not ReferenceValue { Port: null } reference) return value;
        var isEnumValue = parameter is { Type: ParamType.Enum } && parameter.EnumValues.Contains(reference.Name);
        _symbols?.Word(reference, parameter, isEnumValue);
        return !isEnumValue && _header.ParameterNames.ContainsKey(reference.Name)
            ? new ParameterRefValue(reference.Name) { Span = reference.Span }
            : new SymbolValue(reference.Name) { Span = reference.Span };
    }
}
