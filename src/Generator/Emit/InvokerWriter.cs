using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Generator.Model;

namespace SymbolicGen.Generator.Emit;

/// <summary>
/// Writes, for one function, the method that builds its catalog entry (<c>Info{i}</c>) and the invoker
/// (<c>Invoke{i}</c>) that reads the call's inputs and canonical parameters with <c>NodeCall</c>'s typed
/// getters and its services from the run's service provider, calls the method, awaits it when it returns a task,
/// and returns its outputs in declared order.
/// </summary>
internal static class InvokerWriter
{
    private const string Execution = "global::SymbolicGen.Runtime.Execution.";

    /// <summary>
    /// The arguments after the invoker in <c>registry.Add(Info{i}(), Invoke{i}…)</c>: the services the function asks
    /// for, which the executor checks before any node runs; empty when it asks for none.
    /// </summary>
    public static string ServiceRequirements(FunctionSpec function) =>
        string.Concat(function.Arguments.Where(a => a.Kind == ClrKind.Service).Select(a =>
            $", new {Execution}ServiceRequirement(typeof({a.Type}), {CSharp.Bool(a.Optional)})"));

    /// <summary>Writes the members for function number <paramref name="index"/>.</summary>
    public static void Write(SourceWriter writer, FunctionSpec function, int index)
    {
        var i = index.ToString(CultureInfo.InvariantCulture);
        writer.Line($"/// <summary>The catalog entry of {CSharp.Code(function.Info.Name)} ({CSharp.Code(function.Declaration)}).</summary>");
        writer.Open($"private static global::SymbolicGen.Language.Catalog.FunctionInfo Info{i}()");
        IrWriter.WriteFunction(writer, function.Info);
        writer.Close();
        writer.Line();

        var async = function.Return != ReturnShape.Value;
        writer.Line($"/// <summary>Runs {CSharp.Code(function.Info.Name)} by calling {CSharp.Code(function.Declaration)}.</summary>");
        writer.Open($"private static {(async ? "async " : "")}global::System.Threading.Tasks.ValueTask<{Execution}NodeOutputs> Invoke{i}({Execution}NodeCall call)");
        var arguments = function.Arguments.Select((a, j) => Argument(a, i, j)).ToList();
        var call = $"{function.ContainingType}.{function.MethodName}(";
        var prefix = "var result = " + (async ? "await " : "");
        if (arguments.Count == 0)
        {
            writer.Line(prefix + call + ")" + (async ? ".ConfigureAwait(false)" : "") + ";");
        }
        else
        {
            writer.Line(prefix + call).Indent();
            for (var j = 0; j < arguments.Count; j++)
                writer.Line(arguments[j] + (j == arguments.Count - 1 ? ")" + (async ? ".ConfigureAwait(false)" : "") + ";" : ","));
            writer.Unindent();
        }
        var outputs = function.TupleArity == 0
            ? "result"
            : CSharp.Arguments(Enumerable.Range(1, function.TupleArity).Select(n => "result.Item" + n.ToString(CultureInfo.InvariantCulture)));
        var value = $"{Execution}NodeOutputs.InOrder({outputs})";
        writer.Line(async ? "return " + value + ";" : $"return new global::System.Threading.Tasks.ValueTask<{Execution}NodeOutputs>({value});");
        writer.Close();

        for (var j = 0; j < function.Arguments.Count; j++)
        {
            var argument = function.Arguments[j];
            if (argument.Kind != ClrKind.Enum) continue;
            writer.Line();
            WriteEnum(writer, function, argument, EnumMethod(i, j));
        }
    }

    private static string EnumMethod(string function, int argument) =>
        "Enum" + function + "_" + argument.ToString(CultureInfo.InvariantCulture);

    private static string Argument(ArgumentSpec argument, string function, int index)
    {
        var name = CSharp.String(argument.Name);
        return argument.Kind switch
        {
            ClrKind.Media when argument.Optional => $"({argument.Type}?)call.Input({name})",
            ClrKind.Media => $"call.Input<{argument.Type}>({name})",
            ClrKind.Int32 => $"call.GetInt32({name})",
            ClrKind.Int64 => $"call.GetInt64({name})",
            ClrKind.Double => $"call.GetDouble({name})",
            ClrKind.Single => $"(float)call.GetDouble({name})",
            ClrKind.Boolean => $"call.GetBoolean({name})",
            ClrKind.String => $"call.GetString({name})",
            ClrKind.Enum => $"{EnumMethod(function, index)}(call.GetEnum({name}))",
            ClrKind.Size => $"call.GetSize({name})",
            ClrKind.Color => $"call.GetColor({name})",
            ClrKind.Cancellation => "call.CancellationToken",
            // Services by their type, straight from the run's IServiceProvider (no reflection); a required one was
            // checked before any node ran, so GetRequiredService only guards calls made outside the executor.
            ClrKind.Service when argument.Optional => $"({argument.Type}?)call.GetService(typeof({argument.Type}))",
            ClrKind.Service => $"({argument.Type})call.GetRequiredService(typeof({argument.Type}))",
            _ => "call.Progress",
        };
    }

    // Enum values arrive as their snake_case names; each maps back to its member (the checker and the
    // executor have already rejected any other name, so the default case is a safeguard).
    private static void WriteEnum(SourceWriter writer, FunctionSpec function, ArgumentSpec argument, string method)
    {
        writer.Line($"/// <summary>The member of {CSharp.Code(argument.Type)} named {CSharp.Code(argument.Name ?? "")} in .sym files.</summary>");
        writer.Open($"private static {argument.Type} {method}(string value)");
        writer.Open("switch (value)");
        foreach (var member in argument.EnumMembers)
            writer.Line($"case {CSharp.String(member.Value)}: return {argument.Type}.{member.Member};");
        var message = $"' is not a value of '{argument.Name}' of {function.Info.Name}";
        writer.Line($"default: throw new global::System.ArgumentException(\"'\" + value + {CSharp.String(message)}, nameof(value));");
        writer.Close();
        writer.Close();
    }
}
