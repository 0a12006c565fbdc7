using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Diagnostics;

/// <summary>The fixed identity of a kind of diagnostic: id, default severity and a short title.</summary>
public sealed record DiagnosticDescriptor(string Id, Severity Severity, string Title)
{
    /// <summary>Creates a diagnostic of this kind.</summary>
    public Diagnostic Create(SourceSpan span, string message, params CodeFix[] fixes) =>
        new(Id, Severity, message, span, EquatableArray<CodeFix>.Own(fixes.OrderByDescending(f => f.IsSafe).ToArray()));
}

/// <summary>Every diagnostic the language reports. Ids are stable; docs/diagnostics.md documents each.</summary>
public static class DiagnosticDescriptors
{
    /// <summary>Syntax error: expected …, found ….</summary>
    public static readonly DiagnosticDescriptor SyntaxError = new("SYM0001", Severity.Error, "Syntax error");
    /// <summary>Bad token: unterminated string, invalid character, unknown unit.</summary>
    public static readonly DiagnosticDescriptor BadToken = new("SYM0002", Severity.Error, "Bad token");
    /// <summary>Unknown function.</summary>
    public static readonly DiagnosticDescriptor UnknownFunction = new("SYM0101", Severity.Error, "Unknown function");
    /// <summary>Unknown input or parameter of a function.</summary>
    public static readonly DiagnosticDescriptor UnknownArgument = new("SYM0102", Severity.Error, "Unknown input or parameter");
    /// <summary>Duplicate name.</summary>
    public static readonly DiagnosticDescriptor DuplicateName = new("SYM0103", Severity.Error, "Duplicate name");
    /// <summary>Undefined name.</summary>
    public static readonly DiagnosticDescriptor UndefinedName = new("SYM0104", Severity.Error, "Undefined name");
    /// <summary>A node with several outputs used where one value is needed.</summary>
    public static readonly DiagnosticDescriptor AmbiguousOutput = new("SYM0105", Severity.Error, "Several outputs");
    /// <summary>Too many positional arguments.</summary>
    public static readonly DiagnosticDescriptor TooManyArguments = new("SYM0106", Severity.Error, "Too many positional arguments");
    /// <summary>An unqualified function name that several used namespaces have.</summary>
    public static readonly DiagnosticDescriptor AmbiguousFunction = new("SYM0107", Severity.Error, "Ambiguous function name");
    /// <summary>Modality mismatch.</summary>
    public static readonly DiagnosticDescriptor ModalityMismatch = new("SYM0201", Severity.Error, "Modality mismatch");
    /// <summary>Parameter type mismatch.</summary>
    public static readonly DiagnosticDescriptor TypeMismatch = new("SYM0202", Severity.Error, "Parameter type mismatch");
    /// <summary>Value out of range.</summary>
    public static readonly DiagnosticDescriptor OutOfRange = new("SYM0203", Severity.Error, "Value out of range");
    /// <summary>Wrong unit kind.</summary>
    public static readonly DiagnosticDescriptor WrongUnit = new("SYM0204", Severity.Error, "Wrong unit kind");
    /// <summary>Unknown enum value.</summary>
    public static readonly DiagnosticDescriptor UnknownEnumValue = new("SYM0205", Severity.Error, "Unknown enum value");
    /// <summary>Number without unit for a unit-bearing parameter.</summary>
    public static readonly DiagnosticDescriptor MissingUnit = new("SYM0206", Severity.Warning, "Number without unit");
    /// <summary>Frames without a frame rate.</summary>
    public static readonly DiagnosticDescriptor FramesWithoutRate = new("SYM0207", Severity.Error, "Frames without a frame rate");
    /// <summary>Cycle.</summary>
    public static readonly DiagnosticDescriptor Cycle = new("SYM0301", Severity.Error, "Cycle");
    /// <summary>Required input not connected.</summary>
    public static readonly DiagnosticDescriptor InputNotConnected = new("SYM0302", Severity.Error, "Required input not connected");
    /// <summary>Input connected more than once.</summary>
    public static readonly DiagnosticDescriptor InputConnectedTwice = new("SYM0303", Severity.Error, "Input connected more than once");
    /// <summary>Node contributes to no flow output.</summary>
    public static readonly DiagnosticDescriptor UnusedNode = new("SYM0304", Severity.Warning, "Node contributes to no output");
    /// <summary>Flow output not assigned, or assigned twice.</summary>
    public static readonly DiagnosticDescriptor OutputAssignment = new("SYM0305", Severity.Error, "Flow output not assigned or assigned twice");
    /// <summary>Flow input never used.</summary>
    public static readonly DiagnosticDescriptor UnusedInput = new("SYM0306", Severity.Warning, "Flow input never used");
    /// <summary>Internal error: a bug in SymbolicGen, reported instead of thrown.</summary>
    public static readonly DiagnosticDescriptor InternalError = new("SYM0901", Severity.Error, "Internal error");

    /// <summary>All descriptors, by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        SyntaxError, BadToken, UnknownFunction, UnknownArgument, DuplicateName, UndefinedName, AmbiguousOutput,
        TooManyArguments, AmbiguousFunction, ModalityMismatch, TypeMismatch, OutOfRange, WrongUnit, UnknownEnumValue, MissingUnit,
        FramesWithoutRate, Cycle, InputNotConnected, InputConnectedTwice, UnusedNode, OutputAssignment, UnusedInput,
        InternalError,
    };
}
