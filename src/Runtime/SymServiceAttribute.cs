using System;

namespace SymbolicGen.Runtime;

/// <summary>
/// Marks a parameter of a <see cref="SymFunctionAttribute"/> method as a service the executor supplies from
/// <see cref="Execution.RunOptions.Services"/>, for a class type (a parameter of an interface type, other than
/// <c>IProgress&lt;double&gt;</c>, is a service without it). A service is neither an input nor a parameter: flows
/// never write it, and the checker does not see it. A nullable service (<c>IVoice? voice = null</c>) is optional
/// and null when none is registered; a missing required one stops the run before any node runs.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SymServiceAttribute : Attribute
{
}
