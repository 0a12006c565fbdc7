using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Language.Semantics;

/// <summary>
/// Shared phrasing for diagnostic messages (and the pseudo-natural printer's lists), so that every
/// message names things the same way (one line, no trailing period, names in single quotes).
/// </summary>
internal static class Wording
{
    /// <summary>The built-in media type names, as written in <c>.sym</c> files.</summary>
    public static readonly string[] MediaTypeNames = PortType.MediaTypes.Select(t => t.Name).ToArray();

    /// <summary>The parameter type names a flow parameter can be declared with (enums cannot be declared).</summary>
    public static readonly string[] ParamTypeNames = Enum.GetNames(typeof(ParamType)).Where(n => n != nameof(ParamType.Enum)).ToArray();

    /// <summary>'a' or 'an' before <paramref name="word"/>, then the word.</summary>
    public static string A(string word) =>
        (word.Length > 0 && "AEIOUaeiou".IndexOf(word[0]) >= 0 ? "an " : "a ") + word;

    /// <summary><c>'a', 'b' and 'c'</c> (or another conjunction).</summary>
    public static string QuotedList(IEnumerable<string> names, string conjunction = "and") =>
        Join(names.Select(n => "'" + n + "'"), conjunction);

    /// <summary><c>a, b and c</c> (or another conjunction).</summary>
    public static string Join(IEnumerable<string> items, string conjunction = "and")
    {
        var list = items.ToList();
        return list.Count <= 1
            ? string.Concat(list)
            : string.Join(", ", list.Take(list.Count - 1)) + " " + conjunction + " " + list[list.Count - 1];
    }

    /// <summary>The declarable parameter type of a type name, exactly as spelt, or null.</summary>
    public static ParamType? ParseParamType(string name) =>
        Array.IndexOf(ParamTypeNames, name) >= 0 ? (ParamType)Enum.Parse(typeof(ParamType), name) : null;

    /// <summary>"input 'a' of 'poster' (ImageBlend)" or "output 'film'": what a link feeds.</summary>
    public static string Target(PortTarget target, string? function) =>
        target.Node is null ? $"output '{target.Port}'" : $"input '{target.Port}' of '{target.Node}' ({function})";


    /// <summary>An internal-error diagnostic: a bug in SymbolicGen, reported where it happened.</summary>
    public static Diagnostic InternalError(SourceSpan at, string task, Exception exception)
    {
        var detail = (exception.GetType().Name + ": " + exception.Message).Replace("\r", " ").Replace("\n", " ");
        return DiagnosticDescriptors.InternalError.Create(new SourceSpan(at.Start, 0), $"internal error while {task}: {detail}");
    }
}
