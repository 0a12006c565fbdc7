using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Generator.Emit;

/// <summary>
/// Writes a <see cref="FunctionInfo"/> as a C# expression that constructs an equal record, so that the
/// generated registry carries the catalog without reading anything at run time.
/// </summary>
internal static class IrWriter
{
    private const string Ir = "global::SymbolicGen.Language.Ir.";
    private const string Catalog = "global::SymbolicGen.Language.Catalog.";

    /// <summary>Writes <c>return new FunctionInfo(…);</c>.</summary>
    public static void WriteFunction(SourceWriter writer, FunctionInfo function)
    {
        writer.Line("return new " + Catalog + "FunctionInfo(").Indent();
        writer.Line(CSharp.String(function.Name) + ",");
        WriteArray(writer, Catalog + "PortInfo", function.Inputs.Select(PortInfo), ",");
        WriteArray(writer, Catalog + "PortInfo", function.Outputs.Select(PortInfo), ",");
        WriteArray(writer, Catalog + "ParameterInfo", function.Parameters.Select(ParameterInfo), ",");
        writer.Line(CSharp.String(function.Summary) + ",");
        writer.Line(CSharp.String(function.Category) + ",");
        writer.Line(CSharp.Int(function.Version) + ");");
        writer.Unindent();
    }

    private static void WriteArray(SourceWriter writer, string type, IEnumerable<string> items, string suffix)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            writer.Line(Empty(type) + suffix);
            return;
        }
        writer.Line("global::SymbolicGen.Language.EquatableArray.Of<" + type + ">(").Indent();
        for (var i = 0; i < list.Count; i++) writer.Line(list[i] + (i == list.Count - 1 ? ")" + suffix : ","));
        writer.Unindent();
    }

    private static string Array(string type, IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? Empty(type) : "global::SymbolicGen.Language.EquatableArray.Of<" + type + ">(" + CSharp.Arguments(list) + ")";
    }

    private static string Empty(string type) => "default(global::SymbolicGen.Language.EquatableArray<" + type + ">)";

    private static string Strings(EquatableArray<string> items) => Array("string", items.Select(CSharp.String));

    private static string OptionalValue(Value? value) => value is null ? "null" : Value(value);

    /// <summary>A value of the IR as a C# expression.</summary>
    public static string Value(Value value) => value switch
    {
        NumberValue n => $"new {Ir}NumberValue({CSharp.Numeric(n.Exact)})",
        QuantityValue q => $"new {Ir}QuantityValue({CSharp.Double(q.Number)}, {CSharp.String(q.Unit)})",
        StringValue s => $"new {Ir}StringValue({CSharp.String(s.Text)}, {CSharp.Bool(s.Block)})",
        BoolValue b => $"new {Ir}BoolValue({CSharp.Bool(b.Bool)})",
        SizeValue s => $"new {Ir}SizeValue({CSharp.Int(s.Width)}, {CSharp.Int(s.Height)})",
        ColorValue c => $"new {Ir}ColorValue({CSharp.String(c.Hex)})",
        ListValue l => $"new {Ir}ListValue({Array(Ir + "Value", l.Items.Select(Value))})",
        ReferenceValue r => $"new {Ir}ReferenceValue({CSharp.String(r.Name)}, {CSharp.String(r.Port)})",
        SymbolValue s => $"new {Ir}SymbolValue({CSharp.String(s.Name)})",
        ParameterRefValue p => $"new {Ir}ParameterRefValue({CSharp.String(p.Name)})",
        _ => throw new InvalidOperationException("unknown value " + value.GetType().Name),
    };

    private static string PortInfo(PortInfo port) =>
        $"new {Catalog}PortInfo({CSharp.String(port.Name)}, {CSharp.PortTypeExpression(port.Type)}, {CSharp.Bool(port.Optional)}, {CSharp.String(port.Summary)})";

    private static string ParameterInfo(ParameterInfo parameter)
    {
        var domain = parameter.Domain;
        return $"new {Catalog}ParameterInfo({CSharp.String(parameter.Name)}, new {Catalog}ParameterDomain({CSharp.ParamTypeExpression(domain.Kind)}, " +
               $"{OptionalValue(domain.Default)}, {OptionalNumeric(domain.Min)}, {OptionalNumeric(domain.Max)}, {CSharp.Double(domain.Step)}, {Strings(domain.Allowed)}), " +
               $"{CSharp.String(parameter.Summary)})";
    }

    private static string OptionalNumeric(Numeric? value) => value is { } v ? CSharp.Numeric(v) : "null";
}
