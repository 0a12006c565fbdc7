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

/// <summary>
/// A function the executor can run: its catalog entry (ports, parameters, version), its invoker and the services it
/// asks for; or a function that a backend serves (<see cref="FunctionInfo.Backend"/>), which has no C# body.
/// </summary>
public sealed class RegisteredFunction
{
    internal RegisteredFunction(FunctionInfo info, FunctionInvoker invoker, IReadOnlyList<ServiceRequirement> services, bool servedByBackend)
    {
        Info = info;
        Invoker = invoker;
        Services = services;
        IsServedByBackend = servedByBackend;
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

    /// <summary>Runs the function (for a function a backend serves: hands the call to that backend).</summary>
    public FunctionInvoker Invoker { get; }

    /// <summary>The services the function asks for; checked for every node before any node runs.</summary>
    public IReadOnlyList<ServiceRequirement> Services { get; }

    /// <summary>True for a function without a C# body, which the backend named by <see cref="FunctionInfo.Backend"/> runs.</summary>
    public bool IsServedByBackend { get; }

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
    private readonly Dictionary<string, IFunctionBackend> _backends = new(StringComparer.Ordinal);
    private readonly List<PortType> _portTypes = new();
    // The runtime's own media always reach the disk cache; hosts add serializers for their own types.
    private readonly List<IValueSerializer> _serializers = new() { MediaSerializer.Instance };

    /// <summary>The functions in the order they were added.</summary>
    public IReadOnlyList<RegisteredFunction> Functions => _ordered;

    /// <summary>The serializers the disk cache uses, in the order they were added (the first that accepts a value writes it).</summary>
    public IReadOnlyList<IValueSerializer> Serializers => _serializers;

    /// <summary>The backends that run the functions without a C# body, in the order they were added.</summary>
    public IEnumerable<IFunctionBackend> Backends => _backends.Values;

    /// <summary>Adds a function.</summary>
    /// <exception cref="ArgumentException">A function with that name is already registered.</exception>
    public FunctionRegistry Add(FunctionInfo info, FunctionInvoker invoker) => Add(info, invoker, Array.Empty<ServiceRequirement>());

    /// <summary>Adds a function that asks for <paramref name="services"/> (generated registries pass its service parameters).</summary>
    /// <exception cref="ArgumentException">A function with that name is already registered.</exception>
    public FunctionRegistry Add(FunctionInfo info, FunctionInvoker invoker, params ServiceRequirement[] services)
    {
        if (info is null) throw new ArgumentNullException(nameof(info));
        if (invoker is null) throw new ArgumentNullException(nameof(invoker));
        return Add(new RegisteredFunction(info, invoker, (ServiceRequirement[])(services ?? Array.Empty<ServiceRequirement>()).Clone(), servedByBackend: false));
    }

    /// <summary>
    /// Adds a function without a C# body that the backend named by its <see cref="FunctionInfo.Backend"/> runs (a
    /// function of a catalog file, such as a ComfyUI node). A run that reaches it needs that backend
    /// (<see cref="AddBackend"/>); without one it stops before any node runs.
    /// </summary>
    /// <exception cref="ArgumentException">The function names no backend, or one with that name is already registered.</exception>
    public FunctionRegistry AddServed(FunctionInfo info)
    {
        if (info is null) throw new ArgumentNullException(nameof(info));
        if (info.Backend is not { Length: > 0 } backend) throw new ArgumentException($"function '{info.Name}' names no backend to serve it", nameof(info));
        return Add(new RegisteredFunction(info, call => FindBackend(backend) is { } found
            ? found.InvokeAsync(call)
            : throw new InvalidOperationException(Preflight.MissingBackend(info.Name, backend)), Array.Empty<ServiceRequirement>(), servedByBackend: true));
    }

    /// <summary>Adds the backend that runs the functions whose <see cref="FunctionInfo.Backend"/> is its <see cref="IFunctionBackend.Name"/>.</summary>
    /// <exception cref="ArgumentException">A backend with that name is already registered.</exception>
    public FunctionRegistry AddBackend(IFunctionBackend backend)
    {
        if (backend is null) throw new ArgumentNullException(nameof(backend));
        if (_backends.ContainsKey(backend.Name)) throw new ArgumentException($"a backend named '{backend.Name}' is already registered", nameof(backend));
        _backends.Add(backend.Name, backend);
        return this;
    }

    /// <summary>The backend named <paramref name="name"/>, or null.</summary>
    public IFunctionBackend? FindBackend(string name) => _backends.TryGetValue(name, out var backend) ? backend : null;

    /// <summary>
    /// Adds a port type a catalog file defines, so that flows may name it even where no registered function's port
    /// uses it (see <see cref="ToCatalog"/>); a type with the name of one already known is ignored.
    /// </summary>
    public FunctionRegistry AddPortType(PortType type)
    {
        if (type is null) throw new ArgumentNullException(nameof(type));
        _portTypes.Add(type);
        return this;
    }

    private FunctionRegistry Add(RegisteredFunction function)
    {
        if (_functions.ContainsKey(function.Name)) throw new ArgumentException($"function '{function.Name}' is already registered", "info");
        _functions.Add(function.Name, function);
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
        return new FunctionCatalog(infos, _portTypes);
    }
}
