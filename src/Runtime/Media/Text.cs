using System;

namespace SymbolicGen.Runtime;

/// <summary>Text flowing between functions (a prompt, a caption, a transcript): an immutable string.</summary>
public sealed class Text : IEquatable<Text>
{
    /// <summary>Wraps <paramref name="value"/>.</summary>
    public Text(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The text.</summary>
    public string Value { get; }

    /// <summary>Wraps a string.</summary>
    public static implicit operator Text(string value) => new(value);

    /// <summary>The string.</summary>
    public static implicit operator string(Text text) => (text ?? throw new ArgumentNullException(nameof(text))).Value;

    /// <inheritdoc/>
    public bool Equals(Text? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Text other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The text itself.</summary>
    public override string ToString() => Value;
}
