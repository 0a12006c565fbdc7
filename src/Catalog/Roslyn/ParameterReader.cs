using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;
using SymbolicGen.Language.Syntax;

namespace SymbolicGen.Catalog.Roslyn;

/// <summary>
/// Reads one parameter of a <c>[SymFunction]</c> method that is neither an input nor a service: its kind from the
/// C# type and the <c>[SymParam]</c> kind, its range and its default.
/// </summary>
internal sealed class ParameterReader
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
            _reader.Report(CatalogProblemDescriptors.KindMismatch, _reader.ArgumentLocation(_attribute!, AttributeArguments.Kind, _parameter),
                $"'{_parameter.Name}' is {TypeWord(TypeOf(shape, "Auto")!.Value)} and cannot be a {kindName}; {kindName} needs {(kindName == "Seed" ? "an int or a long" : "a number")}");
            return null;
        }

        var name = _reader.CheckedName(AttributeArguments.String(_attribute, AttributeArguments.Name), _parameter, _attribute);
        var enumValues = type == ParamType.Enum ? ReadEnumValues((INamedTypeSymbol)_parameter.Type) : default;
        var (min, max, rangeValid) = ReadRange(type.Value);
        var defaultValue = ReadDefault(type.Value, rangeValid ? min : null, rangeValid ? max : null);
        return new ParameterInfo(name, type.Value, defaultValue, min, max, enumValues, AttributeArguments.String(_attribute, AttributeArguments.Summary));
    }

    private ClrShape ShapeOf(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Int32 or SpecialType.System_Int64 => ClrShape.Integer,
        SpecialType.System_Double or SpecialType.System_Single => ClrShape.Real,
        SpecialType.System_Boolean => ClrShape.Bool,
        SpecialType.System_String => ClrShape.String,
        _ when type.TypeKind == TypeKind.Enum => ClrShape.Enum,
        _ when _reader.Known.Size.Matches(type) => ClrShape.Size,
        _ when _reader.Known.Color.Matches(type) => ClrShape.Color,
        _ => ClrShape.Unsupported,
    };

    /// <summary>The SymKind member's name ("Auto" without an attribute), or null after reporting an undefined kind.</summary>
    private string? ReadKindName()
    {
        if (_attribute is null || AttributeArguments.Argument(_attribute, AttributeArguments.Kind) is not { } kind) return "Auto";
        // By member name, not number: SymKind and ParamType name the unit kinds alike, and the reader does not
        // reference the runtime's enum.
        var member = kind.Type?.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, kind.Value));
        if (member is not null) return member.Name;
        _reader.Report(CatalogProblemDescriptors.KindMismatch, _reader.ArgumentLocation(_attribute, AttributeArguments.Kind, _parameter),
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
        _ when shape is ClrShape.Integer or ClrShape.Real => Wording.ParseParamType(kind) is { } unitKind && Units.IsUnitBearing(unitKind) ? unitKind : null,
        _ => null,
    };

    private EquatableArray<string> ReadEnumValues(INamedTypeSymbol enumType)
    {
        var values = new List<string>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            var value = CSharpNames.ToSnakeCase(field.Name);
            if (values.Contains(value))
                _reader.Report(CatalogProblemDescriptors.DuplicateName, _reader.TypeLocation(_parameter),
                    $"'{enumType.Name}' has two members named '{value}' in snake_case");
            else if (!Tokenizer.IsIdentifier(value))
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
        var min = AttributeArguments.Argument(_attribute, AttributeArguments.Min)?.Value is double lower ? lower : (double?)null;
        var max = AttributeArguments.Argument(_attribute, AttributeArguments.Max)?.Value is double upper ? upper : (double?)null;
        if (min is null && max is null) return (null, null, true);
        if (!IsNumeric(type))
        {
            _reader.Report(CatalogProblemDescriptors.KindMismatch, _reader.ArgumentLocation(_attribute, min is null ? AttributeArguments.Max : AttributeArguments.Min, _parameter),
                $"'{_parameter.Name}' is {TypeWord(type)} and cannot have a Min or Max");
            return (null, null, false);
        }
        foreach (var (bound, property) in new[] { (min, AttributeArguments.Min), (max, AttributeArguments.Max) })
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
            _reader.Report(CatalogProblemDescriptors.InvalidRange, _reader.ArgumentLocation(_attribute, AttributeArguments.Min, _parameter),
                $"'{_parameter.Name}' has Min {Units.FormatCanonical(minimum, type)} above Max {Units.FormatCanonical(maximum, type)}");
            return (null, null, false);
        }
        return (Finite(min), Finite(max), true);
    }

    private static bool IsNumeric(ParamType type) =>
        type is ParamType.Int or ParamType.Float or ParamType.Seed || Units.IsUnitBearing(type);

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
        if (_attribute is not null && AttributeArguments.Argument(_attribute, AttributeArguments.Default) is { Value: string written })
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
                if (member is not null) return new SymbolValue(CSharpNames.ToSnakeCase(member.Name));
                _reader.Report(CatalogProblemDescriptors.InvalidDefault, _reader.DefaultLocation(_parameter),
                    $"'{_parameter.Name}' defaults to {value}, which is not a member of '{_parameter.Type.Name}'");
                return null;
            case ParamType.Size:
                // C# can give a struct parameter only 'default', which for Size is 0x0.
                _reader.Report(CatalogProblemDescriptors.InvalidDefault, _reader.DefaultLocation(_parameter),
                    $"'{_parameter.Name}' defaults to 0x0, which is not a size; give one with [SymParam(Default = \"{ValueGrammar.SizeExample}\")]");
                return null;
            case ParamType.Color:
                return new ColorValue("#00000000");
            default:
                return NumericDefault(type, value, min, max);
        }
    }

    /// <summary>A default written as in .sym files (the language's one grammar), for the types whose C# default cannot be a constant.</summary>
    private Value? ReadWrittenDefault(ParamType type, string written)
    {
        var location = _reader.ArgumentLocation(_attribute!, AttributeArguments.Default, _parameter);
        Value? value = type switch
        {
            ParamType.Size when ValueGrammar.TryParseSize(written, out var width, out var height) => new SizeValue(width, height),
            ParamType.Color when ValueGrammar.TryParseColor(written, out var r, out var g, out var b, out var a) => new ColorValue(ValueGrammar.FormatColor(r, g, b, a)),
            _ => null,
        };
        if (type is not (ParamType.Size or ParamType.Color))
            _reader.Report(CatalogProblemDescriptors.KindMismatch, location,
                $"'{_parameter.Name}' is {TypeWord(type)}; [SymParam(Default)] is for Size and Color parameters, others take the C# default value");
        else if (value is null)
            _reader.Report(CatalogProblemDescriptors.InvalidDefault, location,
                type == ParamType.Size
                    ? $"'{_parameter.Name}' has Default '{written}', which is not a size such as {ValueGrammar.SizeExample}"
                    : $"'{_parameter.Name}' has Default '{written}', which is not a colour such as {ValueGrammar.ColorExample}");
        return value;
    }

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
        // Against the declared bounds only: a C# long read as an Int is held by its own C# type here.
        if (min is { } lower && n < lower || max is { } upper && n > upper || double.IsNaN(n))
        {
            var domain = new ParameterDomain(type, null, min is { } low ? Numeric.Of(low) : null, max is { } high ? Numeric.Of(high) : null);
            _reader.Report(CatalogProblemDescriptors.InvalidDefault, _reader.DefaultLocation(_parameter),
                ParameterValues.DefaultOutOfRange(new NumberValue(n), _parameter.Name, domain));
            return null;
        }
        var unit = Units.CanonicalSymbol(type);
        return unit.Length == 0 ? new NumberValue(n) : new QuantityValue(n, unit);
    }
}
