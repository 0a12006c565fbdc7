using System.Threading.Tasks;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// Runs functions that have no C# body: those a catalog file declares for a backend (<see cref="FunctionInfo.Backend"/>,
/// such as <c>"comfyui"</c>), registered with <see cref="FunctionRegistry.AddServed"/>. Add one with
/// <see cref="FunctionRegistry.AddBackend"/>; the executor checks before any node runs that every such node has its
/// backend. This is the extension point backend packages implement.
/// </summary>
public interface IFunctionBackend
{
    /// <summary>The name catalog files give (<c>"comfyui"</c>), compared exactly.</summary>
    string Name { get; }

    /// <summary>Runs one node of a function this backend serves: reads the call's inputs and parameters, returns its outputs.</summary>
    ValueTask<NodeOutputs> InvokeAsync(NodeCall call);
}
