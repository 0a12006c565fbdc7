using System;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// A service a registered function asks for (a parameter of a service type on its <c>[SymFunction]</c> method). The
/// executor checks every node's requirements against <see cref="RunOptions.Services"/> before any node runs.
/// </summary>
/// <param name="ServiceType">The type asked for, as <see cref="IServiceProvider.GetService"/> receives it.</param>
/// <param name="IsOptional">True when the function accepts null (a nullable parameter): the run goes on without one.</param>
public sealed record ServiceRequirement(Type ServiceType, bool IsOptional = false);
