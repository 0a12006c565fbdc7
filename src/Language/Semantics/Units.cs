using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Language.Semantics;

/// <summary>
/// A unit the language knows. A quantity converts to its <see cref="Kind"/>'s canonical unit as
/// <c>number × Factor</c>, except frames (divided by the node's frame rate) and linear gain
/// (<c>20·log10(x)</c> dB).
/// </summary>
/// <param name="Symbol">Canonical spelling, used when printing (<c>s</c>, <c>kHz</c>, <c>dB</c>…).</param>
/// <param name="Kind">The parameter type the unit measures.</param>
/// <param name="Factor">Multiplier to the canonical unit.</param>
public sealed record Unit(string Symbol, ParamType Kind, double Factor)
{
    /// <summary>True for frames, which need a frame rate to become seconds.</summary>
    public bool IsFrames => Symbol == "f";

    /// <summary>True for linear gain (<c>x</c>), converted logarithmically to dB.</summary>
    public bool IsLinearGain => Symbol == "x";
}

/// <summary>The units of DESIGN §3.2 and their conversions.</summary>
public static class Units
{
    private static readonly Unit[] All =
    {
        new("s", ParamType.Duration, 1),
        new("ms", ParamType.Duration, 0.001),
        new("min", ParamType.Duration, 60),
        new("f", ParamType.Duration, 1),
        new("fps", ParamType.FrameRate, 1),
        new("Hz", ParamType.Frequency, 1),
        new("kHz", ParamType.Frequency, 1000),
        new("dB", ParamType.Gain, 1),
        new("x", ParamType.Gain, 1),
        new("px", ParamType.Length, 1),
        new("%", ParamType.Ratio, 0.01),
    };

    // Spellings accepted glued to a number (6s, 2kHz, -6dB); matched case-insensitively so that
    // 440hz or -6db are not rejected for their capitalisation.
    private static readonly Dictionary<string, Unit> Symbols =
        All.ToDictionary(u => u.Symbol, u => u, StringComparer.OrdinalIgnoreCase);

    // Words the pseudo-natural syntax accepts after a space: "6 seconds", "-6 dB", "24 fps".
    private static readonly Dictionary<string, Unit> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["s"] = Symbols["s"], ["sec"] = Symbols["s"], ["second"] = Symbols["s"], ["seconds"] = Symbols["s"],
        ["ms"] = Symbols["ms"], ["millisecond"] = Symbols["ms"], ["milliseconds"] = Symbols["ms"],
        ["min"] = Symbols["min"], ["minute"] = Symbols["min"], ["minutes"] = Symbols["min"],
        ["f"] = Symbols["f"], ["frame"] = Symbols["f"], ["frames"] = Symbols["f"],
        ["fps"] = Symbols["fps"],
        ["hz"] = Symbols["Hz"], ["hertz"] = Symbols["Hz"], ["khz"] = Symbols["kHz"], ["kilohertz"] = Symbols["kHz"],
        ["db"] = Symbols["dB"], ["decibel"] = Symbols["dB"], ["decibels"] = Symbols["dB"],
        ["x"] = Symbols["x"], ["times"] = Symbols["x"],
        ["px"] = Symbols["px"], ["pixel"] = Symbols["px"], ["pixels"] = Symbols["px"],
        ["%"] = Symbols["%"], ["percent"] = Symbols["%"],
    };

    /// <summary>The unit written glued to a number (<c>6s</c>), or null when unknown.</summary>
    public static Unit? FromSymbol(string symbol) => Symbols.TryGetValue(symbol, out var u) ? u : null;

    /// <summary>The unit written as a word after a number in pseudo-natural (<c>6 seconds</c>), or null.</summary>
    public static Unit? FromWord(string word) => Words.TryGetValue(word, out var u) ? u : null;

    /// <summary>All canonical unit symbols (for suggestions).</summary>
    public static IEnumerable<string> SymbolNames => All.Select(u => u.Symbol);

    /// <summary>True for the parameter types that carry a unit.</summary>
    public static bool IsUnitBearing(ParamType type) =>
        type is ParamType.Duration or ParamType.FrameRate or ParamType.Frequency or ParamType.Gain or ParamType.Length or ParamType.Ratio;

    /// <summary>The canonical unit symbol of a unit-bearing type (<c>""</c> for a ratio, which is a plain fraction).</summary>
    public static string CanonicalSymbol(ParamType type) => type switch
    {
        ParamType.Duration => "s",
        ParamType.FrameRate => "fps",
        ParamType.Frequency => "Hz",
        ParamType.Gain => "dB",
        ParamType.Length => "px",
        _ => "",
    };

    /// <summary>
    /// Converts <paramref name="number"/> written in <paramref name="unit"/> to the canonical unit.
    /// <paramref name="framesPerSecond"/> is needed only for frames; returns null when frames have no rate.
    /// A non-positive linear gain converts to negative infinity dB.
    /// </summary>
    public static double? ToCanonical(double number, Unit unit, double? framesPerSecond = null)
    {
        if (unit.IsFrames) return framesPerSecond is > 0 ? number / framesPerSecond.Value : null;
        if (unit.IsLinearGain) return number > 0 ? 20 * Math.Log10(number) : double.NegativeInfinity;
        return number * unit.Factor;
    }

    /// <summary>Formats a canonical value for messages: <c>5 s</c>, <c>44100 Hz</c>, <c>-6 dB</c>, <c>0.5</c>.</summary>
    public static string FormatCanonical(double value, ParamType type)
    {
        var number = FormatNumber(value);
        var symbol = CanonicalSymbol(type);
        return symbol.Length == 0 ? number : number + " " + symbol;
    }

    /// <summary>Formats an exact canonical value for messages: whole numbers in all their digits, others as <see cref="FormatCanonical(double, ParamType)"/>.</summary>
    public static string FormatCanonical(Numeric value, ParamType type)
    {
        if (!value.IsInteger) return FormatCanonical(value.Double, type);
        var symbol = CanonicalSymbol(type);
        var number = value.ToString();
        return symbol.Length == 0 ? number : number + " " + symbol;
    }

    /// <summary>
    /// An inclusive range in the type's canonical unit, for messages and docs: <c>0.5 s to 60 s</c>,
    /// <c>at least 1 Hz</c>, <c>at most 12 dB</c>; null when unbounded.
    /// </summary>
    public static string? FormatRange(double? min, double? max, ParamType type) =>
        FormatRange(min is { } lower ? Numeric.Of(lower) : null, max is { } upper ? Numeric.Of(upper) : null, type);

    /// <summary>An exact inclusive range in the type's canonical unit (see <see cref="FormatRange(double?, double?, ParamType)"/>).</summary>
    public static string? FormatRange(Numeric? min, Numeric? max, ParamType type) => (min, max) switch
    {
        ({ } lower, { } upper) => FormatCanonical(lower, type) + " to " + FormatCanonical(upper, type),
        ({ } lower, null) => "at least " + FormatCanonical(lower, type),
        (null, { } upper) => "at most " + FormatCanonical(upper, type),
        _ => null,
    };

    /// <summary>Shortest round-trip invariant formatting, with at most 6 significant decimals for readability of derived values.</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsNegativeInfinity(value)) return "-inf";
        if (double.IsPositiveInfinity(value)) return "inf";
        var rounded = Math.Round(value, 6);
        return rounded.ToString("0.######", CultureInfo.InvariantCulture);
    }
}
