using System.Globalization;
using System.Numerics;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Printing;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Execution.Tests.Agreement;

/// <summary>
/// Values to write for a parameter, as a <c>.sym</c> author could: on and around the domain's edges, in every unit and
/// spelling the language accepts (and some it does not), so that checker and runtime are compared where they could
/// disagree.
/// </summary>
internal static class ValueCases
{
    /// <summary>Every case for <paramref name="parameter"/>: the text to write after <c>name: </c>.</summary>
    public static IEnumerable<string> For(ParameterInfo parameter)
    {
        var domain = parameter.Domain;
        return domain.Kind switch
        {
            ParamType.Enum => EnumCases(domain),
            ParamType.Bool => ["true", "false", "1", "\"true\"", "yes"],
            ParamType.String => ["\"\"", "\"a caption\"", "\"\"\"a long\nprompt\"\"\"", "\"quote \\\" and \\u00e9\"", "42", "true", "word"],
            ParamType.Size => ["1x1", "1024x576", "2147483647x1", "0x5", "\"1024x576\"", "1024", "#abc"],
            ParamType.Color => ["#abc", "#ABC", "#1e90ff", "#1E90FF", "#1e90ff80", "#00000000", "\"#1e90ff\"", "1e90", "red"],
            _ => NumericCases(domain),
        };
    }

    /// <summary>Random numbers near the domain's range, for the property-based part: the number and the units to write it in.</summary>
    public static IEnumerable<string> Spellings(ParameterDomain domain, double canonical)
    {
        yield return Write(canonical);
        foreach (var unit in UnitsOf(domain.Kind))
            if (FromCanonical(canonical, unit) is { } written) yield return Write(written) + unit.Symbol;
    }

    private static IEnumerable<string> EnumCases(ParameterDomain domain)
    {
        foreach (var word in domain.Allowed) yield return word;
        var first = domain.Allowed.Count > 0 ? domain.Allowed[0] : "x";
        yield return "\"" + first + "\"";        // a string where a word belongs
        yield return first.ToUpperInvariant();   // words are case-sensitive
        yield return first + "x";                // misspelt
        yield return "3";
    }

    private static IEnumerable<string> NumericCases(ParameterDomain domain)
    {
        var (min, max) = domain.EffectiveRange;
        var points = new List<Numeric> { Numeric.Of(0), Numeric.Of(1), Numeric.Of(-1), Numeric.Of(0.5), Numeric.Of(1e300), Numeric.Of(-1e300) };
        foreach (var bound in new[] { min, max })
        {
            if (bound is not { } b) continue;
            points.Add(b);
            if (b.IsInteger)
            {
                points.Add(Numeric.Of(b.Integer!.Value + 1));
                points.Add(Numeric.Of(b.Integer!.Value - 1));
            }
            var d = b.Double;
            points.Add(Numeric.Of(BitIncrement(d)));
            points.Add(Numeric.Of(BitDecrement(d)));
            points.Add(Numeric.Of(d + Math.Max(1e-3, Math.Abs(d) * 1e-3)));
            points.Add(Numeric.Of(d - Math.Max(1e-3, Math.Abs(d) * 1e-3)));
        }
        if (min is { } lo && max is { } hi) points.Add(Numeric.Of((lo.Double + hi.Double) / 2));
        if (domain.IsInteger)
        {
            // Exact integers past every CLR type a seed could be stored in, and a fraction.
            points.AddRange([Numeric.Of(int.MaxValue + 1L), Numeric.Of(long.MaxValue), Numeric.Of(new BigInteger(long.MaxValue) + 1),
                Numeric.Of(ulong.MaxValue), Numeric.Of(new BigInteger(ulong.MaxValue) + 1), Numeric.Of(9007199254740993L), Numeric.Of(2.5)]);
        }

        foreach (var point in points.Distinct())
        {
            yield return point.ToString();
            if (point.IsInteger) continue;
            foreach (var spelling in Spellings(domain, point.Double).Skip(1)) yield return spelling;
        }
        // Units of another kind, unknown units and words.
        yield return domain.Kind == ParamType.Frequency ? "6s" : "440Hz";
        yield return "3parsecs";
        yield return "\"1\"";
        yield return "true";
        if (domain.Kind == ParamType.Duration) yield return "12f";
    }

    // The units of a kind as written glued to a number (frames need the node's rate, so they are written separately).
    private static IEnumerable<Unit> UnitsOf(ParamType kind) =>
        Units.SymbolNames.Select(s => Units.FromSymbol(s)!).Where(u => u.Kind == kind && !u.IsFrames);

    private static double? FromCanonical(double canonical, Unit unit)
    {
        if (unit.IsLinearGain) return canonical < 700 ? Math.Pow(10, canonical / 20) : null;
        var written = canonical / unit.Factor;
        return double.IsFinite(written) ? written : null;
    }

    private static string Write(double number) => SymPrinter.Number(number);

    private static double BitIncrement(double d) => double.IsFinite(d) ? Math.BitIncrement(d) : d;

    private static double BitDecrement(double d) => double.IsFinite(d) ? Math.BitDecrement(d) : d;

    /// <summary>A CLR value of the C# type a generated setter takes for <paramref name="domain"/>, or null when none can hold it.</summary>
    public static object? SetterValue(ParameterDomain domain, Numeric number) => domain.Kind switch
    {
        ParamType.Int when number.Integer is { } i && i >= int.MinValue && i <= int.MaxValue => (int)i,
        ParamType.Seed when number.Integer is { } i && i >= long.MinValue && i <= long.MaxValue => (long)i,
        ParamType.Int or ParamType.Seed => null,
        _ => number.Double,
    };

    /// <summary>A value <paramref name="domain"/> accepts, as written.</summary>
    public static string Accepted(ParameterDomain domain) => domain.Kind switch
    {
        ParamType.Enum => domain.Allowed[0],
        ParamType.Bool => "true",
        ParamType.String => "\"x\"",
        ParamType.Size => "64x64",
        ParamType.Color => "#000",
        _ => (domain.EffectiveRange.Min is { } min && min.Double > -1e9 ? min : Numeric.Of(domain.IsInteger ? 1 : 0.5)).ToString() + Units.CanonicalSymbol(domain.Kind),
    };

    /// <summary>Invariant text of a double, for messages.</summary>
    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
