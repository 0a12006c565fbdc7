using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using SymbolicGen.Language.Ir;
using SymbolicGen.Language.Semantics;

namespace SymbolicGen.Language.Catalog;

/// <summary>
/// Everything a parameter accepts, in one place: its value kind (which fixes its unit kind and canonical unit), an
/// inclusive range and a step in the canonical unit, the words of an enum, and its default. The checker, the
/// generator, drafting and the runtime all ask the domain (through <see cref="ParameterValues"/>), so that a value
/// accepted by one is accepted by all with the same canonical value, and a rejected one reads the same everywhere.
/// </summary>
/// <remarks>
/// Integers are exact (<see cref="Numeric"/>): a seed's range can be 0 to 2^64 − 1. An integer parameter with no
/// declared bound is still bounded by what it is stored in (<see cref="StorageMin"/>, <see cref="StorageMax"/>).
/// </remarks>
public sealed record ParameterDomain
{
    private static readonly Numeric Int32Min = Numeric.Of(int.MinValue), Int32Max = Numeric.Of(int.MaxValue);
    private static readonly Numeric Int64Min = Numeric.Of(long.MinValue), Int64Max = Numeric.Of(long.MaxValue);

    /// <summary>A domain of <paramref name="kind"/>; bounds are inclusive and in the kind's canonical unit.</summary>
    /// <exception cref="ArgumentException">A bound is NaN, Min is above Max, or the step is not positive.</exception>
    public ParameterDomain(ParamType kind, Value? @default = null, Numeric? min = null, Numeric? max = null, double? step = null, EquatableArray<string> allowed = default)
    {
        if (min is { IsNaN: true } || max is { IsNaN: true }) throw new ArgumentException("A bound is a number, not NaN");
        if (min is { } lower && max is { } upper && lower > upper) throw new ArgumentException($"Min {lower} is above Max {upper}");
        if (step is { } s && !(s > 0 && !double.IsInfinity(s))) throw new ArgumentException("A step is a positive number", nameof(step));
        Kind = kind;
        Default = @default;
        Min = min;
        Max = max;
        Step = step;
        Allowed = allowed;
    }

    /// <summary>The value kind; unit-bearing kinds convert written units to <see cref="CanonicalUnit"/>.</summary>
    public ParamType Kind { get; }

    /// <summary>The value as written when the parameter is not given; null when it must be given.</summary>
    public Value? Default { get; init; }

    /// <summary>The smallest accepted value (inclusive, canonical unit), or null.</summary>
    public Numeric? Min { get; }

    /// <summary>The largest accepted value (inclusive, canonical unit), or null.</summary>
    public Numeric? Max { get; }

    /// <summary>Accepted numbers are <see cref="Min"/> (or 0) plus a whole number of steps; null for any number.</summary>
    public double? Step { get; }

    /// <summary>The words an enum accepts, in declared order (empty for other kinds).</summary>
    public EquatableArray<string> Allowed { get; }

    /// <summary>The canonical unit's symbol (<c>s</c>, <c>Hz</c>, <c>dB</c>); empty for kinds without a unit and for ratios.</summary>
    public string CanonicalUnit => Units.CanonicalSymbol(Kind);

    /// <summary>True when values carry a unit (<c>6s</c>, <c>-6dB</c>).</summary>
    public bool IsUnitBearing => Units.IsUnitBearing(Kind);

    /// <summary>True for whole-number kinds (<see cref="ParamType.Int"/>, <see cref="ParamType.Seed"/>).</summary>
    public bool IsInteger => Kind is ParamType.Int or ParamType.Seed;

    /// <summary>True for kinds whose values are numbers.</summary>
    public bool IsNumeric => IsInteger || Kind == ParamType.Float || IsUnitBearing;

    /// <summary>
    /// True for a seed whose declared maximum is past <c>long</c> (ComfyUI's 0 to 2^64 − 1): it is held in an unsigned
    /// 64-bit integer. Decided by the maximum alone, so that a signed seed declared with <c>Min = 0</c> stays signed.
    /// </summary>
    public bool IsUnsigned => Kind == ParamType.Seed && Max is { } max && max > Int64Max;

    /// <summary>
    /// The smallest value the parameter can hold: an <see cref="ParamType.Int"/> is a 32-bit integer, a
    /// <see cref="ParamType.Seed"/> a signed 64-bit one, or an unsigned one (<see cref="IsUnsigned"/>); null for others.
    /// </summary>
    public Numeric? StorageMin => Kind switch
    {
        ParamType.Int => Int32Min,
        ParamType.Seed => IsUnsigned ? Numeric.Of(0) : Int64Min,
        _ => null,
    };

    /// <summary>The largest value the parameter can hold (see <see cref="StorageMin"/>).</summary>
    public Numeric? StorageMax => Kind switch
    {
        ParamType.Int => Int32Max,
        ParamType.Seed => IsUnsigned ? Numeric.Of(ulong.MaxValue) : Int64Max,
        _ => null,
    };

    /// <summary>The bounds a value is checked against: the declared ones, narrowed by storage for integers.</summary>
    public (Numeric? Min, Numeric? Max) EffectiveRange => (Tighter(Min, StorageMin, max: false), Tighter(Max, StorageMax, max: true));

    /// <summary>
    /// What the domain accepts, in words, for messages and docs: <c>0.5 s to 60 s</c>, <c>at least 1 Hz</c>,
    /// <c>64 to 2048 in steps of 8</c>, <c>alpha or laplacian</c>; <c>any number</c> when unbounded.
    /// </summary>
    public string Accepted
    {
        get
        {
            if (Kind == ParamType.Enum) return Wording.Join(Allowed, "or");
            if (Kind == ParamType.Size) return "a size of at least 1x1";
            var (min, max) = EffectiveRange;
            var range = Units.FormatRange(min, max, Kind) ?? "any number";
            return Step is { } step ? range + " in steps of " + Units.FormatNumber(step) : range;
        }
    }

    /// <summary>
    /// Why the canonical value <paramref name="value"/> is not accepted (<see cref="Accepted"/>), or null when it is:
    /// numbers against the range and step, enum words against <see cref="Allowed"/>, sizes against 1x1.
    /// </summary>
    public string? Rejects(Value value)
    {
        switch (value)
        {
            case NumberValue number when IsNumeric:
                return Contains(number.Exact) ? null : Accepted;
            case SymbolValue word when Kind == ParamType.Enum:
                return Allowed.Count == 0 || Enumerable.Contains(Allowed, word.Name) ? null : Accepted;
            case SizeValue size when Kind == ParamType.Size:
                return size.Width >= 1 && size.Height >= 1 ? null : Accepted;
            default:
                return null;
        }
    }

    /// <summary>True when <paramref name="number"/> is within the effective range and on the step (not NaN).</summary>
    public bool Contains(Numeric number)
    {
        if (number.IsNaN) return false;
        var (min, max) = EffectiveRange;
        if (min is { } lower && number < lower) return false;
        if (max is { } upper && number > upper) return false;
        if (IsInteger && !number.IsInteger) return false;
        return Step is not { } step || OnStep(number, step);
    }

    private bool OnStep(Numeric number, double step)
    {
        var origin = Min ?? Numeric.Of(0);
        if (number.IsInteger && origin.IsInteger && step == Math.Floor(step))
            return BigInteger.Remainder(number.Integer!.Value - origin.Integer!.Value, new BigInteger(step)).IsZero;
        var steps = (number.Double - origin.Double) / step;
        return Math.Abs(steps - Math.Round(steps)) <= 1e-9 * Math.Max(1, Math.Abs(steps));
    }

    private static Numeric? Tighter(Numeric? declared, Numeric? storage, bool max) =>
        declared is not { } d ? storage : storage is not { } s ? d : max ? (d < s ? d : s) : (d > s ? d : s);

    /// <inheritdoc/>
    public override string ToString() =>
        Kind + (Accepted is var accepted && accepted != "any number" ? " (" + accepted + ")" : "") +
        (Default is null ? "" : " = " + Default.ToString());
}
