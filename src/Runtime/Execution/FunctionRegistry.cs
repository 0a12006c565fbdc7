using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// Runs one function application: reads the inputs and canonical parameters from
/// <paramref name="call"/> and returns new output values by port name. The function must not dispose
/// or change its inputs; it may return one of them unchanged.
/// </summary>
public delegate ValueTask<NodeOutputs> FunctionInvoker(NodeCall call);

/// <summary>A function the executor can run: its catalog entry (ports, parameters, version) and its invoker.</summary>
public sealed class RegisteredFunction
{
    internal RegisteredFunction(FunctionInfo info, FunctionInvoker invoker)
    {
        Info = info;
        Invoker = invoker;
        InputNames = Names(info.Inputs);
        OutputNames = Names(info.Outputs);
        var parameters = new string[info.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++) parameters[i] = info.Parameters[i].Name;
        ParameterNames = parameters;
    }

    /// <summary>The function's name in <c>.sym</c> files.</summary>
    public string Name => Info.Name;

    /// <summary>The version of the function's behaviour; part of every cache key.</summary>
    public int Version => Info.Version;

    /// <summary>Ports and parameters, as the checker knows them.</summary>
    public FunctionInfo Info { get; }

    /// <summary>Runs the function.</summary>
    public FunctionInvoker Invoker { get; }

    internal string[] InputNames { get; }

    internal string[] OutputNames { get; }

    internal string[] ParameterNames { get; }

    internal static int IndexOf(string[] names, string name)
    {
        for (var i = 0; i < names.Length; i++)
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }

    private static string[] Names(Language.EquatableArray<PortInfo> ports)
    {
        var names = new string[ports.Count];
        for (var i = 0; i < names.Length; i++) names[i] = ports[i].Name;
        return names;
    }
}

/// <summary>
/// The functions (and value serializers) an executor can use, by name. Generated code fills one from
/// the <see cref="SymFunctionAttribute"/> methods it finds, so nothing is invoked by reflection; tests
/// and hosts may add functions by hand. Fill it before running flows: it is not safe to change while
/// runs are in progress.
/// </summary>
public sealed class FunctionRegistry
{
    private readonly Dictionary<string, RegisteredFunction> _functions = new(StringComparer.Ordinal);
    private readonly List<RegisteredFunction> _ordered = new();
    // The runtime's own media always reach the disk cache; hosts add serializers for their own types.
    private readonly List<IValueSerializer> _serializers = new() { MediaSerializer.Instance };

    /// <summary>The functions in the order they were added.</summary>
    public IReadOnlyList<RegisteredFunction> Functions => _ordered;

    /// <summary>The serializers the disk cache uses, in the order they were added (the first that accepts a value writes it).</summary>
    public IReadOnlyList<IValueSerializer> Serializers => _serializers;

    /// <summary>Adds a function.</summary>
    /// <exception cref="ArgumentException">A function with that name is already registered.</exception>
    public FunctionRegistry Add(FunctionInfo info, FunctionInvoker invoker)
    {
        if (info is null) throw new ArgumentNullException(nameof(info));
        if (invoker is null) throw new ArgumentNullException(nameof(invoker));
        if (_functions.ContainsKey(info.Name)) throw new ArgumentException($"function '{info.Name}' is already registered", nameof(info));
        var function = new RegisteredFunction(info, invoker);
        _functions.Add(info.Name, function);
        _ordered.Add(function);
        return this;
    }

    /// <summary>Adds a serializer for the disk cache.</summary>
    /// <exception cref="ArgumentException">A serializer with the same <see cref="IValueSerializer.Id"/> is already registered.</exception>
    public FunctionRegistry AddSerializer(IValueSerializer serializer)
    {
        if (serializer is null) throw new ArgumentNullException(nameof(serializer));
        foreach (var existing in _serializers)
            if (existing.Id == serializer.Id) throw new ArgumentException($"a serializer with id '{serializer.Id}' is already registered", nameof(serializer));
        _serializers.Add(serializer);
        return this;
    }

    /// <summary>The function named <paramref name="name"/> (case-sensitive), or null.</summary>
    public RegisteredFunction? Find(string name) => _functions.TryGetValue(name, out var f) ? f : null;

    /// <summary>A catalog of the registered functions, to check <c>.sym</c> files against.</summary>
    public FunctionCatalog ToCatalog()
    {
        var infos = new FunctionInfo[_ordered.Count];
        for (var i = 0; i < infos.Length; i++) infos[i] = _ordered[i].Info;
        return new FunctionCatalog(infos);
    }
}
