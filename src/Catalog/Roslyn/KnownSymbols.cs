using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Catalog.Roslyn;

/// <summary>
/// The types a <c>[SymFunction]</c> declaration is read with, resolved once per compilation by their metadata
/// names: the runtime's attributes, media types, <c>Size</c>, <c>Color</c> and executor types, and the framework's
/// <c>CancellationToken</c>, <c>IProgress&lt;double&gt;</c>, <c>Task</c> and <c>ValueTask</c>. Everything that
/// recognises a type compares symbols with this table (<see cref="SymbolEqualityComparer.Default"/>), never names;
/// the catalog reader and the generator share it.
/// </summary>
/// <remarks>
/// A type the compilation cannot see (the runtime not referenced, or two assemblies defining it) is null, and
/// nothing is recognised as it. The table holds symbols, so it lives only as long as its compilation: hosts
/// keep it out of cached models.
/// </remarks>
public sealed class KnownSymbols
{
    /// <summary>The runtime's namespace, where the attributes and the media types live.</summary>
    public const string RuntimeNamespace = "SymbolicGen.Runtime";

    /// <summary>The metadata name of the attribute that declares a function.</summary>
    public const string SymFunctionAttributeName = RuntimeNamespace + ".SymFunctionAttribute";

    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> ByCompilation = new();

    private KnownSymbols(Compilation compilation)
    {
        SymFunctionAttribute = new KnownType(compilation, SymFunctionAttributeName);
        SymParamAttribute = Runtime(compilation, "SymParamAttribute");
        SymPortAttribute = Runtime(compilation, "SymPortAttribute");
        SymServiceAttribute = Runtime(compilation, "SymServiceAttribute");
        Size = Runtime(compilation, "Size");
        Color = Runtime(compilation, "Color");
        Text = Runtime(compilation, "Text");
        Image = Runtime(compilation, "Image");
        Mask = Runtime(compilation, "Mask");
        Audio = Runtime(compilation, "Audio");
        Video = Runtime(compilation, "Video");
        FunctionRegistry = new KnownType(compilation, RuntimeNamespace + ".Execution.FunctionRegistry");
        BuiltInFunctions = new KnownType(compilation, RuntimeNamespace + ".BuiltInFunctions");
        CancellationToken = new KnownType(compilation, "System.Threading.CancellationToken");
        Task = new KnownType(compilation, "System.Threading.Tasks.Task");
        TaskOfT = new KnownType(compilation, "System.Threading.Tasks.Task`1");
        ValueTask = new KnownType(compilation, "System.Threading.Tasks.ValueTask");
        ValueTaskOfT = new KnownType(compilation, "System.Threading.Tasks.ValueTask`1");
        var @double = compilation.GetSpecialType(SpecialType.System_Double);
        ProgressOfDouble = new KnownType(compilation, "System.IProgress`1", t => t.Construct(@double));
    }

    /// <summary>The table of <paramref name="compilation"/>, made once per compilation.</summary>
    public static KnownSymbols For(Compilation compilation) => ByCompilation.GetValue(compilation, c => new KnownSymbols(c));

    /// <summary><c>SymbolicGen.Runtime.SymFunctionAttribute</c>.</summary>
    public KnownType SymFunctionAttribute { get; }

    /// <summary><c>SymbolicGen.Runtime.SymParamAttribute</c>.</summary>
    public KnownType SymParamAttribute { get; }

    /// <summary><c>SymbolicGen.Runtime.SymPortAttribute</c>.</summary>
    public KnownType SymPortAttribute { get; }

    /// <summary><c>SymbolicGen.Runtime.SymServiceAttribute</c>.</summary>
    public KnownType SymServiceAttribute { get; }

    /// <summary><c>SymbolicGen.Runtime.Size</c>.</summary>
    public KnownType Size { get; }

    /// <summary><c>SymbolicGen.Runtime.Color</c>.</summary>
    public KnownType Color { get; }

    /// <summary><c>SymbolicGen.Runtime.Text</c>.</summary>
    public KnownType Text { get; }

    /// <summary><c>SymbolicGen.Runtime.Image</c>.</summary>
    public KnownType Image { get; }

    /// <summary><c>SymbolicGen.Runtime.Mask</c>.</summary>
    public KnownType Mask { get; }

    /// <summary><c>SymbolicGen.Runtime.Audio</c>.</summary>
    public KnownType Audio { get; }

    /// <summary><c>SymbolicGen.Runtime.Video</c>.</summary>
    public KnownType Video { get; }

    /// <summary><c>SymbolicGen.Runtime.Execution.FunctionRegistry</c>: the executor's types are available.</summary>
    public KnownType FunctionRegistry { get; }

    /// <summary><c>SymbolicGen.Runtime.BuiltInFunctions</c>, which registers the runtime's own functions.</summary>
    public KnownType BuiltInFunctions { get; }

    /// <summary><c>System.Threading.CancellationToken</c>.</summary>
    public KnownType CancellationToken { get; }

    /// <summary><c>System.IProgress&lt;double&gt;</c>.</summary>
    public KnownType ProgressOfDouble { get; }

    /// <summary><c>System.Threading.Tasks.Task</c>.</summary>
    public KnownType Task { get; }

    /// <summary><c>System.Threading.Tasks.Task&lt;T&gt;</c> (unconstructed).</summary>
    public KnownType TaskOfT { get; }

    /// <summary><c>System.Threading.Tasks.ValueTask</c>.</summary>
    public KnownType ValueTask { get; }

    /// <summary><c>System.Threading.Tasks.ValueTask&lt;T&gt;</c> (unconstructed).</summary>
    public KnownType ValueTaskOfT { get; }

    /// <summary>The assembly that declares the attributes (the runtime), or null.</summary>
    public IAssemblySymbol? RuntimeAssembly => SymFunctionAttribute.Symbol?.ContainingAssembly;

    /// <summary>The port type of a media parameter or result (<c>Image</c> → <see cref="PortType.Image"/>), or null.</summary>
    public PortType? MediaOf(ITypeSymbol type) =>
        Image.Matches(type) ? PortType.Image :
        Text.Matches(type) ? PortType.Text :
        Audio.Matches(type) ? PortType.Audio :
        Video.Matches(type) ? PortType.Video :
        Mask.Matches(type) ? PortType.Mask :
        null;

    /// <summary>True for <c>CancellationToken</c>.</summary>
    public bool IsCancellationToken(ITypeSymbol type) => CancellationToken.Matches(type);

    /// <summary>True for <c>IProgress&lt;double&gt;</c> (nullable or not: symbols compare without annotations).</summary>
    public bool IsProgress(ITypeSymbol type) => ProgressOfDouble.Matches(type);

    /// <summary>
    /// How a method returns <paramref name="type"/>: directly, or in a <c>Task&lt;T&gt;</c> / <c>ValueTask&lt;T&gt;</c> whose
    /// result is <c>Result</c>; a non-generic task or <c>void</c> has no result (null).
    /// </summary>
    public (ReturnShape Shape, ITypeSymbol? Result) Unwrap(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Void || Task.Matches(type) || ValueTask.Matches(type)) return (ReturnShape.Value, null);
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
        {
            if (TaskOfT.Matches(named.ConstructedFrom)) return (ReturnShape.Task, named.TypeArguments[0]);
            if (ValueTaskOfT.Matches(named.ConstructedFrom)) return (ReturnShape.ValueTask, named.TypeArguments[0]);
        }
        return (ReturnShape.Value, type);
    }

    /// <summary>The first application of <paramref name="known"/> among <paramref name="attributes"/>, or null.</summary>
    public static AttributeData? Find(ImmutableArray<AttributeData> attributes, KnownType known)
    {
        foreach (var attribute in attributes)
            if (attribute.AttributeClass is { } type && known.Matches(type)) return attribute;
        return null;
    }

    private static KnownType Runtime(Compilation compilation, string name) => new(compilation, RuntimeNamespace + "." + name);
}

/// <summary>
/// One type of <see cref="KnownSymbols"/>: every definition of its metadata name the compilation sees (usually one;
/// an assembly may carry a copy of a runtime type, and declarations in source stand in for referenced ones in tests).
/// </summary>
public sealed class KnownType
{
    private readonly ImmutableArray<INamedTypeSymbol> _definitions;

    internal KnownType(Compilation compilation, string metadataName, Func<INamedTypeSymbol, INamedTypeSymbol>? construct = null)
    {
        var definitions = compilation.GetTypesByMetadataName(metadataName);
        if (construct is not null) definitions = definitions.Select(construct).ToImmutableArray();
        _definitions = definitions;
        // The one the compilation itself would bind (its own source first), else the first one found.
        var preferred = compilation.GetTypeByMetadataName(metadataName);
        Symbol = preferred is null ? definitions.FirstOrDefault() : construct is null ? preferred : construct(preferred);
    }

    /// <summary>The definition the compilation binds the name to (its own, else a referenced one), or null when none.</summary>
    public INamedTypeSymbol? Symbol { get; }

    /// <summary>True when the compilation sees the type at all.</summary>
    public bool Exists => !_definitions.IsDefaultOrEmpty;

    /// <summary>True when <paramref name="type"/> is one of the type's definitions (nullable annotations ignored).</summary>
    public bool Matches(ITypeSymbol? type)
    {
        if (type is null) return false;
        foreach (var definition in _definitions)
            if (SymbolEqualityComparer.Default.Equals(type, definition)) return true;
        return false;
    }
}

/// <summary>How a <c>[SymFunction]</c> method returns its outputs.</summary>
public enum ReturnShape
{
    /// <summary>Directly.</summary>
    Value,
    /// <summary>In a <c>Task&lt;T&gt;</c>.</summary>
    Task,
    /// <summary>In a <c>ValueTask&lt;T&gt;</c>.</summary>
    ValueTask,
}
