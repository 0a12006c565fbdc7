using System;
using System.Collections.Generic;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Syntax;

namespace SymbolicGen.Language.Semantics;

/// <summary>
/// Resolves the function names written in one file (docs/language.md, "Qualified names and using"): a
/// name that is exactly a function's or a flow's name means it; otherwise an unqualified name means the
/// one function of that simple name in the namespaces the file's <c>using</c> lines name. Several such
/// functions are an ambiguity (SYM0107), none an unknown function (SYM0101) whose suggestions know
/// namespaces. Lookups are dictionary reads, so that a catalog of thousands of imported functions costs
/// no more per name than the built-ins do.
/// </summary>
internal sealed class FunctionResolver
{
    // At most this many functions of the same simple name are suggested for an unknown name.
    private const int MaxSameName = 5;

    private readonly FunctionCatalog _catalog;
    private readonly List<string> _usings = new();
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private FunctionResolver(FunctionCatalog catalog) => _catalog = catalog;

    /// <summary>
    /// A resolver over <paramref name="catalog"/> (the file's flows included) and the file's valid
    /// <paramref name="usings"/>; a namespace no function is in (SYM0104) or one used twice (SYM0103) is reported.
    /// </summary>
    public static FunctionResolver Create(EquatableArray<UsingSyntax> usings, FunctionCatalog catalog, List<Diagnostic> diagnostics)
    {
        var resolver = new FunctionResolver(catalog);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in usings)
        {
            var name = line.Namespace;
            if (!seen.Add(name.Text))
                diagnostics.Add(DiagnosticDescriptors.DuplicateName.Create(name.Span, $"namespace '{name.Text}' is already used"));
            else if (!catalog.HasNamespace(name.Text))
                diagnostics.Add(resolver.UnknownNamespace(name));
            else if (resolver._used.Add(name.Text))
                resolver._usings.Add(name.Text);
        }
        return resolver;
    }

    /// <summary>True when some function of the catalog is in namespace <paramref name="name"/>.</summary>
    public bool IsNamespace(string name) => _catalog.HasNamespace(name);

    /// <summary>True when <paramref name="name"/> is exactly the name of a function or flow.</summary>
    public bool IsFunction(string name) => _catalog.Find(name) is not null;

    /// <summary>What <paramref name="name"/> calls; null with the diagnostic that says why in <paramref name="problem"/>.</summary>
    public FunctionInfo? Resolve(Identifier name, out Diagnostic? problem)
    {
        problem = null;
        if (_catalog.Find(name.Text) is { } exact) return exact;

        var written = QualifiedName.Of(name.Text);
        if (!written.IsQualified && _usings.Count > 0)
        {
            var found = _catalog.FindBySimpleName(name.Text)
                .Where(f => f.Namespace is { } ns && _used.Contains(ns))
                .OrderBy(f => _usings.IndexOf(f.Namespace!))
                .ToList();
            if (found.Count == 1) return found[0];
            if (found.Count > 1)
            {
                problem = Ambiguous(name, found);
                return null;
            }
        }
        problem = Unknown(name, written);
        return null;
    }

    private Diagnostic Ambiguous(Identifier name, List<FunctionInfo> found)
    {
        var names = found.Select(f => f.Name).ToList();
        var namespaces = Wording.QuotedList(found.Select(f => f.Namespace!));
        // Which one was meant is a choice, so the fixes are offered, not applied.
        var fixes = names.Select(n => new CodeFix($"replace '{name.Text}' with '{n}'", EquatableArray.Of(new TextEdit(name.Span, n)), false)).ToArray();
        return DiagnosticDescriptors.AmbiguousFunction.Create(name.Span,
            $"function '{name.Text}' is in {namespaces}, which this file uses; write {Wording.QuotedList(names, "or")}", fixes);
    }

    // A function of the same simple name elsewhere is what a missing or wrong namespace meant
    // (`KSampler` for `comfy.KSampler`, `comfy.ImageBlend` for `ImageBlend`); otherwise close spellings.
    private Diagnostic Unknown(Identifier name, QualifiedName written)
    {
        var same = _catalog.FindBySimpleName(written.SimpleName).Select(f => f.Name).Where(n => n != name.Text).Take(MaxSameName).ToList();
        if (same.Count == 0) same = Suggestions.Closest(name.Text, Spellings(written)).ToList();
        // A misspelt simple name may mean a function of a namespace the file does not use: `KSamplr`.
        if (same.Count == 0 && !written.IsQualified)
            same = Suggestions.Closest(name.Text, QualifiedSimpleNames())
                .SelectMany(n => _catalog.FindBySimpleName(n).Where(f => f.Namespace is not null).Select(f => f.Name))
                .Take(MaxSameName)
                .ToList();
        var (suffix, fixes) = Suggestions.Meant(name.Text, name.Span, same);
        return DiagnosticDescriptors.UnknownFunction.Create(name.Span, $"unknown function '{name.Text}'{suffix}", fixes);
    }

    private IEnumerable<string> QualifiedSimpleNames()
    {
        foreach (var function in _catalog.Functions)
            if (function.Name.IndexOf('.') >= 0) yield return function.SimpleName;
    }

    // Every function's full name and, for an unqualified name, the simple names that `using` lines make
    // writable. Suggestions.Closest compares lengths before spelling, which keeps a large catalog cheap.
    private IEnumerable<string> Spellings(QualifiedName written)
    {
        var simpleNamesToo = !written.IsQualified && _usings.Count > 0;
        foreach (var function in _catalog.Functions)
        {
            yield return function.Name;
            if (simpleNamesToo && function.Namespace is { } ns && _used.Contains(ns)) yield return function.SimpleName;
        }
    }

    private Diagnostic UnknownNamespace(Identifier name)
    {
        var text = name.Text;
        IReadOnlyList<string> meant;
        string problem;
        if (_catalog.Find(text) is { } function)
        {
            meant = function.Namespace is { } owner ? new[] { owner } : Array.Empty<string>();
            problem = $"'{text}' is a function, not a namespace";
        }
        else
        {
            // `using acme` when the functions are in `acme.video`: the longer namespaces are meant.
            var longer = _catalog.Namespaces.Where(n => n.StartsWith(text + ".", StringComparison.Ordinal)).ToList();
            meant = longer.Count > 0 ? longer : Suggestions.Closest(text, _catalog.Namespaces);
            problem = $"unknown namespace '{text}': no function of the catalog is in it";
        }
        var (suffix, fixes) = Suggestions.Meant(text, name.Span, meant);
        if (fixes.Length == 0)
        {
            var all = _catalog.Namespaces.Take(11).ToList();
            suffix = all.Count == 0 ? "; the catalog has no namespaces"
                : all.Count <= 10 ? "; the namespaces are " + Wording.QuotedList(all)
                : "";
        }
        return DiagnosticDescriptors.UndefinedName.Create(name.Span, problem + suffix, fixes);
    }
}
