using System;
using System.Collections.Generic;
using System.Linq;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// What a run checks before any node runs (DESIGN §5, preflight): every node's required services are in
/// <see cref="RunOptions.Services"/>, and every function without a C# body has its backend. A flow that fails here
/// computes nothing, and the error names each node at fault and how to configure it.
/// </summary>
internal static class Preflight
{
    /// <exception cref="FlowExecutionException">Some node cannot run; the message has one line per such node.</exception>
    public static void Check(ExecutionPlan plan, FunctionRegistry registry, RunOptions options)
    {
        List<(ExecutionNode Node, string Message)>? problems = null;
        foreach (var node in plan.Nodes)
        {
            var function = node.Function;
            if (function.IsServedByBackend && function.Info.Backend is { } backend && registry.FindBackend(backend) is null)
                (problems ??= new()).Add((node.Node, "cannot run: " + MissingBackend(function.Name, backend)));
            foreach (var service in function.Services)
            {
                if (service.IsOptional || options.Services?.GetService(service.ServiceType) is not null) continue;
                (problems ??= new()).Add((node.Node, "cannot run: " + MissingService(function.Name, service.ServiceType) +
                    (options.Services is null ? " (none is set)" : "")));
            }
        }
        if (problems is null) return;
        var first = problems[0];
        var others = problems.Skip(1).Select(p => new FlowExecutionException(plan.Flow.Name, p.Node, p.Message).Message);
        throw new FlowExecutionException(plan.Flow.Name, first.Node, string.Join(Environment.NewLine, new[] { first.Message }.Concat(others)));
    }

    /// <summary>Why a function cannot get its service: <c>Speak needs the service Consumer.IVoice; register one in RunOptions.Services</c>.</summary>
    public static string MissingService(string function, Type service) =>
        $"{function} needs the service {Describe(service)}; register one in RunOptions.Services";

    /// <summary>Why a function without a C# body cannot run: <c>comfy.KSampler runs on the 'comfyui' backend, and none is registered; …</c>.</summary>
    public static string MissingBackend(string function, string backend) =>
        $"{function} has no C# body and runs on the '{backend}' backend, which is not registered; add it with FunctionRegistry.AddBackend";

    // C#'s spelling of a type, for messages: Consumer.IVoice, System.Collections.Generic.IList<string>.
    private static string Describe(Type type)
    {
        if (!type.IsGenericType) return type.FullName ?? type.Name;
        var name = type.GetGenericTypeDefinition().FullName ?? type.Name;
        var tick = name.IndexOf('`');
        return (tick < 0 ? name : name.Substring(0, tick)) + "<" + string.Join(", ", type.GetGenericArguments().Select(Describe)) + ">";
    }
}
