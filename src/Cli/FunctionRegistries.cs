using SymbolicGen.Runtime;
using SymbolicGen.Runtime.Execution;

namespace SymbolicGen.Cli;

/// <summary>The functions <c>symgen run</c> can execute.</summary>
internal static class FunctionRegistries
{
    /// <summary>The runtime's built-in function library, registered by generated code (no reflection).</summary>
    public static FunctionRegistry BuiltIns()
    {
        var registry = new FunctionRegistry();
        BuiltInFunctions.Register(registry);
        return registry;
    }
}
