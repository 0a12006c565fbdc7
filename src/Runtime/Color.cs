using System;
using System.Diagnostics.CodeAnalysis;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Runtime;

/// <summary>
/// An sRGB colour with alpha, written <c>#1e90ff</c> or <c>#18f</c> (opaque) or <c>#1e90ff80</c> (with alpha) in
/// <c>.sym</c> files.
/// </summary>
public readonly struct Color : IEquatable<Color>, IParsable<Color>
{
    /// <summary>Creates a colour from its channels; <paramref name="a"/> 255 is opaque.</summary>
    public Color(byte r, byte g, byte b, byte a = 255)
    {
        R = r;
        G = g;
        B = b;
        A = a;
    }

    /// <summary>Red, 0 to 255.</summary>
    public byte R { get; }

    /// <summary>Green, 0 to 255.</summary>
    public byte G { get; }

    /// <summary>Blue, 0 to 255.</summary>
    public byte B { get; }

    /// <summary>Alpha, 0 (transparent) to 255 (opaque).</summary>
    public byte A { get; }

    /// <summary>Parses <c>#rgb</c>, <c>#rrggbb</c> or <c>#rrggbbaa</c> (hex digits in either case), as <c>.sym</c> files write colours.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a colour.</exception>
    public static Color Parse(string text) =>
        TryParse(text, out var color) ? color : throw new FormatException($"'{text}' is not a colour such as {ValueGrammar.ColorExample}");

    /// <summary>Parses <c>#rgb</c>, <c>#rrggbb</c> or <c>#rrggbbaa</c>; false when <paramref name="text"/> is not a colour.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Color color)
    {
        var ok = ValueGrammar.TryParseColor(text, out var r, out var g, out var b, out var a);
        color = ok ? new Color(r, g, b, a) : default;
        return ok;
    }

    /// <inheritdoc/>
    static Color IParsable<Color>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool IParsable<Color>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Color result) =>
        TryParse(s, out result);

    /// <summary>The colour as lower-case <c>#rrggbb</c>, or <c>#rrggbbaa</c> when it is not opaque.</summary>
    public override string ToString() => ValueGrammar.FormatColor(R, G, B, A);

    /// <inheritdoc/>
    public bool Equals(Color other) => R == other.R && G == other.G && B == other.B && A == other.A;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Color other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(R, G, B, A);

    /// <summary>Equality.</summary>
    public static bool operator ==(Color left, Color right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Color left, Color right) => !left.Equals(right);
}
