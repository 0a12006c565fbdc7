using System;
using System.Globalization;
using System.Numerics;

namespace SymbolicGen.Language.Ir;

/// <summary>
/// A number as the language means it: an exact integer of any size (a seed up to 2^64 − 1 stays exact) or a
/// non-integral double. Every finite whole number is held as an integer, so <c>5</c>, <c>5.0</c> and <c>5e0</c>
/// are the same value, and integers never pass through a double.
/// </summary>
public readonly struct Numeric : IEquatable<Numeric>, IComparable<Numeric>
{
    // Integers longer than this print in the double's shortest form when that reads back exactly (1E+300).
    private const int LongestPlainInteger = 21;

    private static readonly char[] ExponentMarks = { 'e', 'E' };

    private readonly BigInteger _integer;
    private readonly double _real;

    private Numeric(BigInteger integer, double real, bool isInteger)
    {
        _integer = integer;
        _real = real;
        IsInteger = isInteger;
    }

    /// <summary>True for a whole number (held exactly).</summary>
    public bool IsInteger { get; }

    /// <summary>The exact integer, or null when the number is not whole.</summary>
    public BigInteger? Integer => IsInteger ? _integer : null;

    /// <summary>The nearest double (exact for integers up to 2^53).</summary>
    public double Double => IsInteger ? (double)_integer : _real;

    /// <summary>True for NaN.</summary>
    public bool IsNaN => !IsInteger && double.IsNaN(_real);

    /// <summary>An exact integer.</summary>
    public static Numeric Of(BigInteger integer) => new(integer, 0, true);

    /// <summary>An exact integer.</summary>
    public static Numeric Of(long integer) => new(new BigInteger(integer), 0, true);

    /// <summary>An exact integer.</summary>
    public static Numeric Of(ulong integer) => new(new BigInteger(integer), 0, true);

    /// <summary>A double; a finite whole one becomes an exact integer.</summary>
    public static Numeric Of(double value) =>
        !double.IsNaN(value) && !double.IsInfinity(value) && Math.Floor(value) == value
            ? new Numeric(new BigInteger(value), 0, true)
            : new Numeric(BigInteger.Zero, value, false);

    /// <summary>
    /// Reads a number as the language writes it (<c>-?digits[.digits][e±digits]</c>) exactly: a whole number, even
    /// one written with a fraction or an exponent (<c>1.5e3</c>), is an exact integer. False when the text is not such a number.
    /// </summary>
    public static bool TryParse(string text, out Numeric value)
    {
        value = default;
        // Most numbers are plain integers that a long holds: no allocation for them.
        if (text.Length <= 18 && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var plain))
        {
            value = Of(plain);
            return true;
        }
        var exponentAt = text.IndexOfAny(ExponentMarks);
        // A fraction with a non-zero digit and no exponent is not whole: the double is the number.
        if (exponentAt < 0 && text.IndexOf('.') is var point and >= 0 && HasNonZeroDigit(text, point + 1))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction)) return false;
            value = Of(fraction);
            return true;
        }
        var mantissa = exponentAt < 0 ? text : text.Substring(0, exponentAt);
        var exponent = 0;
        if (exponentAt >= 0 && !int.TryParse(text.Substring(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            return false;
        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        if (dot >= 0) exponent -= mantissa.Length - dot - 1;
        if (digits.Length == 0 || digits == "-" || !BigInteger.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var scaled))
            return false;
        // Exact when the decimal point moves right, or when the digits it moves over are zeros; a huge exponent
        // (1e999999) is left to the double, which makes it infinity.
        if (exponent >= 0 && exponent <= 400)
        {
            value = Of(scaled * BigInteger.Pow(10, exponent));
            return true;
        }
        if (exponent < 0 && exponent >= -400 && scaled % BigInteger.Pow(10, -exponent) == 0)
        {
            value = Of(scaled / BigInteger.Pow(10, -exponent));
            return true;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)) return false;
        value = Of(real);
        return true;
    }

    private static bool HasNonZeroDigit(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
            if (text[i] is >= '1' and <= '9') return true;
        return false;
    }

    /// <summary>Reads a number as <see cref="TryParse"/> does.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a number.</exception>
    public static Numeric Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a number");

    /// <inheritdoc/>
    public bool Equals(Numeric other) =>
        IsInteger == other.IsInteger && (IsInteger ? _integer.Equals(other._integer) : _real.Equals(other._real));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Numeric other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => IsInteger ? _integer.GetHashCode() : _real.GetHashCode();

    /// <summary>
    /// Orders numbers exactly. A non-integral double is never within one of a huge integer, so comparing their
    /// doubles is exact. NaN sorts below every number (ranges reject it separately).
    /// </summary>
    public int CompareTo(Numeric other)
    {
        if (IsInteger && other.IsInteger) return _integer.CompareTo(other._integer);
        return Double.CompareTo(other.Double);
    }

    /// <summary>Less than.</summary>
    public static bool operator <(Numeric left, Numeric right) => left.CompareTo(right) < 0 && !left.IsNaN && !right.IsNaN;

    /// <summary>Greater than.</summary>
    public static bool operator >(Numeric left, Numeric right) => left.CompareTo(right) > 0 && !left.IsNaN && !right.IsNaN;

    /// <summary>Less than or equal.</summary>
    public static bool operator <=(Numeric left, Numeric right) => left.CompareTo(right) <= 0 && !left.IsNaN && !right.IsNaN;

    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(Numeric left, Numeric right) => left.CompareTo(right) >= 0 && !left.IsNaN && !right.IsNaN;

    /// <summary>Equality.</summary>
    public static bool operator ==(Numeric left, Numeric right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Numeric left, Numeric right) => !left.Equals(right);

    /// <summary>
    /// The number as the language writes it, reading back as the same value: integers in digits (a very long one
    /// that a double holds exactly in the double's shortest form, <c>1E+300</c>), others in the shortest round trip.
    /// </summary>
    public override string ToString()
    {
        if (!IsInteger) return Exponent(_real.ToString("R", CultureInfo.InvariantCulture));
        var digits = _integer.ToString(CultureInfo.InvariantCulture);
        if (digits.Length <= LongestPlainInteger) return digits;
        var asDouble = (double)_integer;
        return !double.IsInfinity(asDouble) && new BigInteger(asDouble) == _integer
            ? Exponent(asDouble.ToString("R", CultureInfo.InvariantCulture))
            : digits;
    }

    // .NET writes 1E+300; the language writes exponents in lower case (DESIGN §3.1), and reads both.
    private static string Exponent(string text) => text.Replace('E', 'e');
}
