using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Syntax;

namespace SymbolicGen.Catalog.Json;

/// <summary>
/// Reads one parameter of a catalog file's function into a <see cref="ParameterDomain"/>: its kind, exact bounds
/// (numbers read from their raw text, so a seed's <c>18446744073709551615</c> stays exact), step, enum values and
/// default, the default read and checked by <see cref="ParameterValues"/> as the checker reads a written value.
/// </summary>
internal sealed class JsonParameterReader
{
    private const string What = "a parameter";
    private static readonly string[] Kinds = Enum.GetNames(typeof(ParamType));

    private readonly JsonReadContext _context;
    private readonly JsonNode _node;
    private readonly string _function;

    public JsonParameterReader(JsonReadContext context, JsonNode node, string function)
    {
        _context = context;
        _node = node;
        _function = function;
    }

    public ParameterInfo? Read()
    {
        if (!_context.CheckObject(_node, What, CatalogMembers.Parameter)) return null;
        var before = _context.ProblemCount;
        var name = _context.Name(_node, "name", What, "a parameter name");
        var kind = ReadKind();
        var summary = _context.String(_node, "summary", What);
        if (name is null || kind is not { } type) return null;

        var domain = new ParameterDomain(type);
        var numeric = domain.IsNumeric;
        var min = ReadBound("min", name, type, numeric);
        var max = ReadBound("max", name, type, numeric);
        if (min is { } lower && max is { } upper && lower > upper)
        {
            _context.Report(CatalogProblemDescriptors.InvalidRange, _node.Property("min")!.Value.Span,
                $"'{name}' has min {Units.FormatCanonical(lower, type)} above max {Units.FormatCanonical(upper, type)}");
            return null;
        }
        var step = ReadStep(name, type, numeric);
        var values = ReadValues(name, type);
        if (_context.ProblemCount > before) return null;

        var parameter = new ParameterInfo(name, new ParameterDomain(type, null, min, max, step, values), summary);
        if (_node.Property("default") is not { } written) return parameter;
        var value = ReadDefault(written.Value, parameter);
        return value is null ? null : parameter with { Domain = parameter.Domain with { Default = value } };
    }

    private ParamType? ReadKind()
    {
        var text = _context.String(_node, "kind", What, required: true);
        if (text is null) return null;
        if (Array.IndexOf(Kinds, text) >= 0) return (ParamType)Enum.Parse(typeof(ParamType), text);
        var closest = Suggestions.Closest(text, Kinds);
        var hint = closest.Count > 0 ? $"did you mean '{closest[0]}'? " : "";
        _context.Report(CatalogProblemDescriptors.Unsupported, _node.Property("kind")!.Value.Span,
            $"'{text}' is not a parameter kind; {hint}A kind is one of {Wording.Join(Kinds, "or")}");
        return null;
    }

    private Numeric? ReadBound(string member, string name, ParamType type, bool numeric)
    {
        if (_node.Property(member) is not { } property) return null;
        var node = property.Value;
        if (!numeric)
        {
            _context.Report(CatalogProblemDescriptors.KindMismatch, property.NameSpan, $"'{name}' is {Wording.A(type.ToString())} and cannot have a {member}");
            return null;
        }
        if (node.Kind != JsonKind.Number || !Numeric.TryParse(node.Text ?? "", out var bound))
        {
            _context.Report(CatalogProblemDescriptors.InvalidRange, node.Span, $"'{name}' has {member} {node.Describe()}; a bound is a number");
            return null;
        }
        if (type is ParamType.Int or ParamType.Seed && !bound.IsInteger)
        {
            _context.Report(CatalogProblemDescriptors.InvalidRange, node.Span, $"'{name}' is {Wording.A(type.ToString())} and has {member} {node.Text}, which is not a whole number");
            return null;
        }
        return bound;
    }

    private double? ReadStep(string name, ParamType type, bool numeric)
    {
        if (_node.Property("step") is not { } property) return null;
        var node = property.Value;
        if (!numeric)
        {
            _context.Report(CatalogProblemDescriptors.KindMismatch, property.NameSpan, $"'{name}' is {Wording.A(type.ToString())} and cannot have a step");
            return null;
        }
        if (node.Kind == JsonKind.Number && Numeric.TryParse(node.Text ?? "", out var step) && step.Double > 0 && !double.IsInfinity(step.Double))
            return step.Double;
        _context.Report(CatalogProblemDescriptors.InvalidRange, node.Span, $"'{name}' has step {(node.Kind == JsonKind.Number ? node.Text : node.Describe())}; a step is a positive number");
        return null;
    }

    // An enum's words: each one a name the language writes bare (laplacian, dpmpp_2m), each once.
    private EquatableArray<string> ReadValues(string name, ParamType type)
    {
        var property = _node.Property("values");
        if (type != ParamType.Enum)
        {
            if (property is not null)
                _context.Report(CatalogProblemDescriptors.KindMismatch, property.NameSpan, $"'{name}' is {Wording.A(type.ToString())} and cannot have values; values are for an Enum");
            return default;
        }
        var items = _context.Array(_node, "values", What);
        if (items is null) return default;
        if (items.Count == 0)
        {
            _context.Report(CatalogProblemDescriptors.Unsupported, property is null ? JsonReadContext.OpeningOf(_node) : property.Value.Span, $"'{name}' is an Enum and lists no 'values', so it can have no value");
            return default;
        }
        var values = new List<string>();
        foreach (var item in items)
        {
            if (item.Kind != JsonKind.String)
                _context.Report(CatalogProblemDescriptors.Unsupported, item.Span, $"a value of '{name}' is a string, not {item.Describe()}");
            else if (!Tokenizer.IsIdentifier(item.Text))
                _context.Report(CatalogProblemDescriptors.Unsupported, item.Span,
                    $"'{item.Text}' cannot be a value of '{name}': flows write values as bare words of letters, digits and '_'; make '{name}' a String");
            else if (values.Contains(item.Text!))
                _context.Report(CatalogProblemDescriptors.DuplicateName, item.Span, $"'{name}' lists the value '{item.Text}' twice");
            else
                values.Add(item.Text!);
        }
        return values.ToEquatableArray();
    }

    // The default as a flow would write it, read and range-checked by ParameterValues (the checker's own reading).
    private Value? ReadDefault(JsonNode node, ParameterInfo parameter)
    {
        var type = parameter.Type;
        var problem = (string?)null;
        Value? written = (type, node.Kind) switch
        {
            (ParamType.Bool, JsonKind.True or JsonKind.False) => new BoolValue(node.Kind == JsonKind.True),
            (ParamType.String, JsonKind.String) => new StringValue(node.Text!),
            (ParamType.Enum, JsonKind.String) => new SymbolValue(node.Text!),
            (ParamType.Size, JsonKind.String) => ValueGrammar.TryParseSize(node.Text, out var width, out var height) ? new SizeValue(width, height) : Fail($"is not a size such as {ValueGrammar.SizeExample}"),
            (ParamType.Color, JsonKind.String) => ValueGrammar.IsColor(node.Text) ? new ColorValue(node.Text!) : Fail($"is not a colour such as {ValueGrammar.ColorExample}"),
            (_, JsonKind.Number) when parameter.Domain.IsNumeric && Numeric.TryParse(node.Text ?? "", out var number) => new NumberValue(number),
            _ => null,
        };
        if (written is null)
        {
            _context.Report(CatalogProblemDescriptors.InvalidDefault, node.Span,
                problem ?? $"'{parameter.Name}' takes {ParameterValues.Expectation(parameter)}; its default is {node.Describe()}");
            return null;
        }
        var reading = ParameterValues.Read(written, parameter, _function, FrameRate.None);
        if (reading.Problem is { } wrong)
        {
            _context.Report(CatalogProblemDescriptors.InvalidDefault, node.Span, $"the default of '{parameter.Name}' is wrong: {wrong.Message}");
            return null;
        }
        var canonical = reading.Canonical!;
        if (parameter.Domain.Rejects(canonical) is not null)
        {
            _context.Report(CatalogProblemDescriptors.InvalidDefault, node.Span, ParameterValues.DefaultOutOfRange(canonical, parameter.Name, parameter.Domain));
            return null;
        }
        // Stored as a C# [SymFunction] default is: a quantity in the canonical unit for unit-bearing kinds.
        var unit = Units.CanonicalSymbol(type);
        return canonical is NumberValue value && unit.Length > 0 ? new QuantityValue(value.Number, unit) : canonical;

        Value? Fail(string why)
        {
            problem = $"'{parameter.Name}' has default '{node.Text}', which {why}";
            return null;
        }
    }
}
