using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Cli;

/// <summary>The functions <c>symgen run</c> can execute.</summary>
internal static class FunctionRegistries
{
    /// <summary>The runtime's built-in function library.</summary>
    public static FunctionRegistry BuiltIns() => new();
}
