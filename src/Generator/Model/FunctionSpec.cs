using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;

namespace SymbolicGen.Generator.Model;

/// <summary>How a C# value reaches a <c>[SymFunction]</c> method's parameter from a <c>NodeCall</c>.</summary>
internal enum ClrKind
{
    /// <summary>A media input.</summary>
    Media,
    /// <summary><c>int</c>.</summary>
    Int32,
    /// <summary><c>long</c>.</summary>
    Int64,
    /// <summary><c>double</c>.</summary>
    Double,
    /// <summary><c>float</c>.</summary>
    Single,
    /// <summary><c>bool</c>.</summary>
    Boolean,
    /// <summary><c>string</c>.</summary>
    String,
    /// <summary>A C# enum, mapped from its snake_case value name.</summary>
    Enum,
    /// <summary><c>SymbolicGen.Runtime.Size</c>.</summary>
    Size,
    /// <summary><c>SymbolicGen.Runtime.Color</c>.</summary>
    Color,
    /// <summary>The executor's cancellation token.</summary>
    Cancellation,
    /// <summary>The executor's progress sink.</summary>
    Progress,
    /// <summary>A service from the run's <c>RunOptions.Services</c>.</summary>
    Service,
}

/// <summary>An enum value name and the C# member it stands for.</summary>
/// <param name="Value">The value as written in .sym files (<c>zoom_in</c>).</param>
/// <param name="Member">The member's name in C# (<c>ZoomIn</c>), escaped if it is a keyword.</param>
internal sealed record EnumMemberSpec(string Value, string Member);

/// <summary>One C# parameter of a <c>[SymFunction]</c> method, in declared order.</summary>
/// <param name="Role">Input, parameter, service or plumbing.</param>
/// <param name="Name">The input's or parameter's name in .sym files; null for services and plumbing.</param>
/// <param name="Kind">How the value is read.</param>
/// <param name="Type">The C# type, fully qualified with <c>global::</c> (without a nullable annotation).</param>
/// <param name="Optional">An optional (nullable) media input or service.</param>
/// <param name="EnumMembers">For <see cref="ClrKind.Enum"/>: the value names and members, in the catalog's order.</param>
internal sealed record ArgumentSpec(ArgumentRole Role, string? Name, ClrKind Kind, string Type, bool Optional, EquatableArray<EnumMemberSpec> EnumMembers);

/// <summary>A function the generated registry invokes: its catalog entry and how to call its method.</summary>
/// <param name="Info">The catalog entry, emitted as C# so that the registry carries the catalog.</param>
/// <param name="ContainingType">The method's type, fully qualified with <c>global::</c>.</param>
/// <param name="MethodName">The method's name, escaped if it is a keyword.</param>
/// <param name="Arguments">The method's parameters in declared order.</param>
/// <param name="Return">Direct, Task or ValueTask.</param>
/// <param name="TupleArity">The number of tuple elements returned, or 0 for a single output.</param>
/// <param name="Declaration">Where the method is declared, for messages ("Consumer.Sounds.Tone").</param>
internal sealed record FunctionSpec(
    FunctionInfo Info,
    string ContainingType,
    string MethodName,
    EquatableArray<ArgumentSpec> Arguments,
    ReturnShape Return,
    int TupleArity,
    string Declaration);

/// <summary>
/// The functions of a compilation, read once per compilation: the catalog .sym files are checked against,
/// and the methods the generated registry calls.
/// </summary>
/// <param name="Catalog">Every function of the source, the references and the catalog files (what the analyzer checks against).</param>
/// <param name="Source">The functions declared in the compilation's own source that generated code can call.</param>
/// <param name="Referenced">The functions of referenced assemblies that the registry invokes directly (not those the runtime's <c>BuiltInFunctions</c> registers).</param>
/// <param name="UsesBuiltIns">The runtime provides <c>SymbolicGen.Runtime.BuiltInFunctions.Register</c>.</param>
/// <param name="Diagnostics">Methods that generated code cannot call, and internal errors.</param>
/// <param name="Served">
/// The functions of the catalog files that the catalog kept (a backend runs them) and the port types the files define,
/// which the registry registers so that generated pipelines compile their flows against the same catalog.
/// </param>
internal sealed record FunctionsModel(
    FunctionCatalog Catalog,
    EquatableArray<FunctionSpec> Source,
    EquatableArray<FunctionSpec> Referenced,
    bool UsesBuiltIns,
    EquatableArray<DiagnosticInfo> Diagnostics,
    FunctionCatalog? Served = null);

/// <summary>
/// The functions of the assemblies a compilation references, in the reader's order, and how the registry calls
/// those it invokes itself (not the runtime's when its <c>BuiltInFunctions</c> registers them).
/// </summary>
/// <param name="Functions">Every function of the referenced assemblies, in the reader's order.</param>
/// <param name="Specs">How to call those the registry invokes itself.</param>
/// <param name="UsesBuiltIns">The runtime provides <c>SymbolicGen.Runtime.BuiltInFunctions.Register</c>.</param>
/// <param name="Failure">An internal error while reading them (SYM0403), or null.</param>
internal sealed record ReferencedFunctions(EquatableArray<FunctionInfo> Functions, EquatableArray<FunctionSpec> Specs, bool UsesBuiltIns, DiagnosticInfo? Failure = null);

/// <summary>
/// A <c>[SymFunction]</c> method of the compilation's own source, found by the attribute alone.
/// <see cref="TypeKey"/> and <see cref="MemberIndex"/> put it in the reader's order (types by full name, then
/// members in declaration order), so that the generator's catalog is the analyzer's.
/// </summary>
/// <param name="TypeKey">The containing type's full name.</param>
/// <param name="MemberIndex">The method's place among the type's members.</param>
/// <param name="Function">The function; null when reading the method failed (<paramref name="Problem"/> says why).</param>
/// <param name="Spec">How to call it; null when generated code cannot (<paramref name="Problem"/> says why).</param>
/// <param name="Problem">Why generated code cannot call it (SYM0404), or an internal error (SYM0403).</param>
internal sealed record SourceFunction(string TypeKey, int MemberIndex, FunctionInfo? Function, FunctionSpec? Spec, DiagnosticInfo? Problem);
