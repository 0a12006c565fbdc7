using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Generator.Model;

/// <summary>
/// A <c>.sym</c> additional file as the pipeline sees it: its path and text, nothing of Roslyn; or, when the
/// file could not be read, why (a SYM0403 diagnostic).
/// </summary>
internal sealed record SymFileInput(string Path, string Text, DiagnosticInfo? ReadFailure = null);

/// <summary>A flow parameter as its generated property shows it.</summary>
/// <param name="Name">The name in the .sym file.</param>
/// <param name="Domain">What it accepts (the intersection of the ranges of the parameters it feeds); unit-bearing kinds are numbers in the canonical unit.</param>
/// <param name="Initial">
/// The value the property starts with, in canonical form (a <see cref="NumberValue"/> in the canonical unit,
/// or a string, symbol, bool, size or colour value); null when there is none the generator can compute
/// (a required flow parameter, a value in frames without a known frame rate), and the property is nullable.
/// </param>
/// <param name="Required">A flow parameter without default: a run needs a value.</param>
/// <param name="Summary">The function's summary of the parameter.</param>
/// <param name="Written">How the value is written in the file (<c>6s</c>, <c>laplacian</c>), or null when not written.</param>
/// <param name="Location">Where the parameter is declared.</param>
internal sealed record ParameterModel(
    string Name,
    ParameterDomain Domain,
    Value? Initial,
    bool Required,
    string? Summary,
    string? Written,
    LocationInfo Location);

/// <summary>A flow input or output.</summary>
internal sealed record PortModel(string Name, PortType Type, LocationInfo Location);

/// <summary>A parameter of a node, for the documentation of its node object.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Written">How the file writes it (<c>0.45</c>, <c>seconds</c>), or null when the file does not set it.</param>
internal sealed record NodeArgument(string Name, string? Written);

/// <summary>A node of a flow as its node object shows it.</summary>
/// <param name="Name">The node's name.</param>
/// <param name="Function">The function or flow it calls.</param>
/// <param name="Line">The 1-based line of the node's statement.</param>
/// <param name="CallsFlow">It calls another flow of the file (its node object is that flow's <c>CallNode</c>).</param>
/// <param name="NodeClass">For a function: the class of its node objects (<see cref="Emit.NodeClasses"/>), or null when it has none.</param>
/// <param name="Summary">The function's summary.</param>
/// <param name="Comments">The comment lines above the node.</param>
/// <param name="Arguments">Every parameter of the function or flow it calls, in declared order.</param>
/// <param name="Location">The node's name.</param>
internal sealed record NodeModel(
    string Name,
    string Function,
    int Line,
    bool CallsFlow,
    string? NodeClass,
    string? Summary,
    EquatableArray<string> Comments,
    EquatableArray<NodeArgument> Arguments,
    LocationInfo Location);

/// <summary>
/// An error-free flow, with everything its pipeline class needs. <see cref="Flow"/> compares by meaning
/// (its spans always compare equal), so positions are carried explicitly: lines and locations.
/// </summary>
/// <param name="Flow">The flow's IR.</param>
/// <param name="Inputs">The flow's inputs, in declared order.</param>
/// <param name="Outputs">The flow's outputs, in declared order.</param>
/// <param name="Parameters">The flow's parameters with the ranges of the parameters they feed.</param>
/// <param name="Nodes">The nodes, in <see cref="Flow"/>'s order.</param>
/// <param name="Callees">The flows of the file it calls, directly or not, in file order.</param>
/// <param name="Called">Another flow of the file calls it, so it has a <c>CallNode</c> class.</param>
/// <param name="Location">The flow's name in its header.</param>
internal sealed record FlowModel(
    Flow Flow,
    EquatableArray<PortModel> Inputs,
    EquatableArray<PortModel> Outputs,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<NodeModel> Nodes,
    EquatableArray<string> Callees,
    bool Called,
    LocationInfo Location);

/// <summary>
/// A compiled <c>.sym</c> file: its text (which generated pipelines embed), the flows to generate (those
/// without errors) and the generator's own problems.
/// </summary>
internal sealed record FileModel(string Path, string Text, EquatableArray<FlowModel> Flows, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A type name a file generates for a flow, for collisions between files.</summary>
internal sealed record GeneratedName(string Name, string Path, string Flow);

/// <summary>Every generated flow type name of the compilation, in path order.</summary>
internal sealed record NameIndex(EquatableArray<GeneratedName> Names);

/// <summary>The functions with parameters that generated pipelines call (whose node classes they use), in ordinal order.</summary>
internal sealed record UsedFunctions(EquatableArray<string> Names);

/// <summary>A file's generated source (null when nothing is generated) and the generator diagnostics for it.</summary>
internal sealed record EmittedFile(string HintName, string? Source, EquatableArray<DiagnosticInfo> Diagnostics);
