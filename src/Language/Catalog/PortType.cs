using System;
using System.Collections.Generic;

namespace SymbolicGen.Language.Catalog;

/// <summary>
/// The type of what flows through a port, named as in <c>.sym</c> files. The five media types are built in;
/// a catalog may define others (ComfyUI's <c>MODEL</c>, <c>LATENT</c>, <c>CONDITIONING</c>…), which are
/// opaque and checked by name. A catalog type may name the media type its values are (ComfyUI's <c>IMAGE</c>
/// is an <see cref="Image"/>), so that they cross into functions that take that media type.
/// </summary>
/// <remarks>Two port types are equal when their names are: a type is its name, whatever catalog defined it.</remarks>
public sealed class PortType : IEquatable<PortType>, IComparable<PortType>, IComparable
{
    private PortType(string name, PortType? media, string? summary)
    {
        Name = name;
        Media = media;
        Summary = summary;
    }

    /// <summary>Text (a string literal may feed it).</summary>
    public static PortType Text { get; } = new("Text", null, "Text");

    /// <summary>An RGB image.</summary>
    public static PortType Image { get; } = new("Image", null, "An RGB image");

    /// <summary>A single-channel mask.</summary>
    public static PortType Mask { get; } = new("Mask", null, "A single-channel mask");

    /// <summary>Audio samples with a sample rate.</summary>
    public static PortType Audio { get; } = new("Audio", null, "Audio samples with a sample rate");

    /// <summary>Frames with a frame rate, optionally with audio.</summary>
    public static PortType Video { get; } = new("Video", null, "Frames with a frame rate, optionally with audio");

    /// <summary>The built-in media types, in the order the language documents them.</summary>
    public static IReadOnlyList<PortType> MediaTypes { get; } = new[] { Text, Image, Mask, Audio, Video };

    /// <summary>The type's name as written in <c>.sym</c> files (<c>Image</c>, <c>LATENT</c>).</summary>
    public string Name { get; }

    /// <summary>For a catalog type, the media type its values are, or null when it is opaque; null for a media type.</summary>
    public PortType? Media { get; }

    /// <summary>One sentence saying what values of the type are.</summary>
    public string? Summary { get; }

    /// <summary>True for one of the five built-in media types.</summary>
    public bool IsMedia => Media is null && FindMedia(Name) is not null;

    /// <summary>The media type values of this type are: itself for a media type, its <see cref="Media"/> for a catalog type; null when opaque.</summary>
    public PortType? AsMedia => IsMedia ? this : Media;

    /// <summary>
    /// A type that a catalog defines. <paramref name="media"/> is the built-in media type its values are, or null
    /// for an opaque type.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty or a media type's, or <paramref name="media"/> is not a media type.</exception>
    public static PortType Define(string name, PortType? media = null, string? summary = null)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("A port type has a name", nameof(name));
        if (FindMedia(name) is not null) throw new ArgumentException($"'{name}' is a built-in media type", nameof(name));
        if (media is not null && !media.IsMedia) throw new ArgumentException($"'{media.Name}' is not a media type", nameof(media));
        return new PortType(name, media, summary);
    }

    /// <summary>The built-in media type named <paramref name="name"/> (exactly as spelt), or null.</summary>
    public static PortType? FindMedia(string name)
    {
        foreach (var type in MediaTypes)
            if (type.Name == name) return type;
        return null;
    }

    /// <summary>
    /// True when a value of type <paramref name="source"/> may feed a port of this type: the same type, or a
    /// catalog type and the media type its values are (either way).
    /// </summary>
    public bool Accepts(PortType source) =>
        Equals(source) || (Media is { } media && media.Equals(source)) || (source.Media is { } sourceMedia && sourceMedia.Equals(this));

    /// <inheritdoc/>
    public bool Equals(PortType? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PortType);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Orders the media types as the language lists them (Text, Image, Mask, Audio, Video), then catalog types by name.</summary>
    public int CompareTo(PortType? other)
    {
        if (other is null) return 1;
        var rank = Rank(this).CompareTo(Rank(other));
        return rank != 0 ? rank : string.CompareOrdinal(Name, other.Name);
    }

    int IComparable.CompareTo(object? obj) => CompareTo(obj as PortType);

    private static int Rank(PortType type)
    {
        for (var i = 0; i < MediaTypes.Count; i++)
            if (MediaTypes[i].Name == type.Name) return i;
        return MediaTypes.Count;
    }

    /// <summary>Equality by name.</summary>
    public static bool operator ==(PortType? left, PortType? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by name.</summary>
    public static bool operator !=(PortType? left, PortType? right) => !(left == right);

    /// <summary>The type's name.</summary>
    public override string ToString() => Name;
}
