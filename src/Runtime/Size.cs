using System;
using System.Diagnostics.CodeAnalysis;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Runtime;

/// <summary>A width and height in pixels, written <c>1024x576</c> in <c>.sym</c> files.</summary>
public readonly struct Size : IEquatable<Size>, IParsable<Size>
{
    /// <summary>Creates a size; both sides are at least one pixel.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is less than one pixel.</exception>
    public Size(int width, int height)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "A width is at least 1 pixel");
        if (height < 1) throw new ArgumentOutOfRangeException(nameof(height), height, "A height is at least 1 pixel");
        Width = width;
        Height = height;
    }

    /// <summary>Width in pixels (0 only for <c>default</c>).</summary>
    public int Width { get; }

    /// <summary>Height in pixels (0 only for <c>default</c>).</summary>
    public int Height { get; }

    /// <summary>Parses <c>WIDTHxHEIGHT</c>, such as <c>1024x576</c>.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a size.</exception>
    public static Size Parse(string text) =>
        TryParse(text, out var size) ? size : throw new FormatException($"'{text}' is not a size such as {ValueGrammar.SizeExample}");

    /// <summary>Parses <c>WIDTHxHEIGHT</c>, such as <c>1024x576</c>; false when <paramref name="text"/> is not a size.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Size size)
    {
        var ok = ValueGrammar.TryParseSize(text, out var width, out var height) && width >= 1 && height >= 1;
        size = ok ? new Size(width, height) : default;
        return ok;
    }

    /// <inheritdoc/>
    static Size IParsable<Size>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool IParsable<Size>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Size result) =>
        TryParse(s, out result);

    /// <summary>The size as <c>WIDTHxHEIGHT</c>, such as <c>1024x576</c>.</summary>
    public override string ToString() => ValueGrammar.FormatSize(Width, Height);

    /// <inheritdoc/>
    public bool Equals(Size other) => Width == other.Width && Height == other.Height;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Size other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Width, Height);

    /// <summary>Equality.</summary>
    public static bool operator ==(Size left, Size right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Size left, Size right) => !left.Equals(right);
}
