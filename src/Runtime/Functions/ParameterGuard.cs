using System;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Runtime.Functions;

/// <summary>
/// The built-in functions' guards for callers that bypass the executor (C# code calling a function directly). A range
/// is written once, on the parameter's <c>[SymParam]</c>: the guard reads it from the catalog the generated registry
/// carries and rejects with the checker's own message (SYM0203), so a guard can never disagree with the checker.
/// </summary>
internal static class ParameterGuard
{
    private static readonly Lazy<FunctionCatalog> BuiltIns = new(() =>
    {
        var registry = new FunctionRegistry();
        BuiltInFunctions.Register(registry);
        return registry.ToCatalog();
    });

    /// <summary>Throws unless <paramref name="value"/> is in the domain of <paramref name="parameter"/> (its <c>.sym</c> name) of <paramref name="function"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or out of range; the message is the checker's.</exception>
    public static void InDomain(string function, string parameter, double value)
    {
        var info = BuiltIns.Value.Find(function)?.FindParameter(parameter)
            ?? throw new InvalidOperationException($"{function} has no parameter '{parameter}' to guard");
        if (CanonicalParameters.Rejects(value, info, function) is { } message)
            throw new ArgumentOutOfRangeException(parameter, value, message);
    }
}
