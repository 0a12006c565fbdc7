using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using StbImageSharp;
using StbImageWriteSharp;

namespace SymbolicGen.Runtime.IO;

/// <summary>Reads and writes images: PNG and JPEG (reading also BMP, GIF's first frame, TGA and PSD).</summary>
public static class ImageFile
{
    /// <summary>
    /// Reads an image; the format comes from the content, not the name. Images with alpha become RGBA,
    /// all others RGB (grey is expanded); 16-bit channels are reduced to 8 bits. The caller owns the result.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MediaFormatException">The file is not an image in a supported format, is damaged, or is empty (0×0).</exception>
    public static Image Read(string path) => Decode(AtomicFile.ReadAllBytes(path), path);

    /// <summary>Decodes an encoded image (see <see cref="Read"/>); <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="MediaFormatException">The bytes are not an image in a supported format, are damaged, or describe an empty image.</exception>
    public static Image Decode(byte[] encoded, string name)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.Length == 0) throw new MediaFormatException(name, "the file is empty");
        var format = Sniff(encoded);
        ImageResult result;
        try
        {
            if (ImageInfo.FromStream(new MemoryStream(encoded, writable: false)) is not { } info)
            {
                if (format == "PNG" && encoded.Length >= 24 && (BinaryPrimitives.ReadInt32BigEndian(encoded.AsSpan(16)) == 0 || BinaryPrimitives.ReadInt32BigEndian(encoded.AsSpan(20)) == 0))
                    throw new MediaFormatException(name, $"the image is empty ({BinaryPrimitives.ReadInt32BigEndian(encoded.AsSpan(16))}x{BinaryPrimitives.ReadInt32BigEndian(encoded.AsSpan(20))})");
                throw new MediaFormatException(name, format is null ? "not a PNG, JPEG, BMP, GIF, TGA or PSD image" : $"damaged {format} image (its header cannot be read)");
            }
            if (info.Width < 1 || info.Height < 1)
                throw new MediaFormatException(name, $"the image is empty ({info.Width}x{info.Height})");
            var alpha = info.ColorComponents is StbImageSharp.ColorComponents.GreyAlpha or StbImageSharp.ColorComponents.RedGreenBlueAlpha;
            result = ImageResult.FromMemory(encoded, alpha ? StbImageSharp.ColorComponents.RedGreenBlueAlpha : StbImageSharp.ColorComponents.RedGreenBlue);
        }
        catch (MediaFormatException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // stb's reasons are terse ("bad zlib header") and sometimes unprintable.
            var reason = new string(e.Message.Where(c => c >= ' ').ToArray()).Trim();
            throw new MediaFormatException(name, $"damaged or truncated {format ?? "image"}{(reason.Length > 0 ? $" ({reason})" : "")}", e);
        }
        if (result.Width < 1 || result.Height < 1)
            throw new MediaFormatException(name, $"the image is empty ({result.Width}x{result.Height})");
        var channels = result.Comp == StbImageSharp.ColorComponents.RedGreenBlueAlpha ? 4 : 3;
        if (result.Data is null || result.Data.Length < (long)result.Width * result.Height * channels)
            throw new MediaFormatException(name, "damaged image (too little pixel data)");
        return Image.FromPixels(result.Data.AsSpan(0, result.Width * result.Height * channels), result.Width, result.Height, channels);
    }

    /// <summary>
    /// Writes <paramref name="image"/> as PNG or JPEG, chosen by the extension (<c>.png</c>, <c>.jpg</c>,
    /// <c>.jpeg</c>). JPEG has no alpha: an RGBA image is written without it. The file is written whole or
    /// not at all (through a temporary file in the same folder).
    /// </summary>
    /// <param name="image">The image; it stays the caller's.</param>
    /// <param name="path">The file to write or replace.</param>
    /// <param name="jpegQuality">JPEG quality, 1 to 100.</param>
    /// <exception cref="NotSupportedException">The extension is not .png, .jpg or .jpeg.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static void Write(Image image, string path, int jpegQuality = 92)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (jpegQuality is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(jpegQuality), jpegQuality, "JPEG quality is 1 to 100");
        var format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "png",
            ".jpg" or ".jpeg" => "jpeg",
            var other => throw new NotSupportedException($"{path}: cannot write '{other}' images; use .png or .jpg"),
        };
        AtomicFile.WriteAllBytes(path, Encode(image, format, jpegQuality));
    }

    /// <summary>Encodes <paramref name="image"/> as <c>png</c> or <c>jpeg</c>.</summary>
    public static byte[] Encode(Image image, string format, int jpegQuality = 92)
    {
        ArgumentNullException.ThrowIfNull(image);
        var pixels = image.ToPixels();
        var channels = image.Channels;
        using var output = new MemoryStream();
        var writer = new ImageWriter();
        switch (format)
        {
            case "png":
                writer.WritePng(pixels, image.Width, image.Height,
                    channels == 4 ? StbImageWriteSharp.ColorComponents.RedGreenBlueAlpha : StbImageWriteSharp.ColorComponents.RedGreenBlue, output);
                break;
            case "jpeg":
                if (channels == 4) pixels = DropAlpha(pixels);
                writer.WriteJpg(pixels, image.Width, image.Height, StbImageWriteSharp.ColorComponents.RedGreenBlue, output, jpegQuality);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "The format is png or jpeg");
        }
        return output.ToArray();
    }

    /// <summary>The format named by the first bytes, or null (TGA has no signature).</summary>
    private static string? Sniff(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "PNG"
        : bytes.StartsWith(new byte[] { 0xFF, 0xD8 }) ? "JPEG"
        : bytes.StartsWith("BM"u8) ? "BMP"
        : bytes.StartsWith("GIF8"u8) ? "GIF"
        : bytes.StartsWith("8BPS"u8) ? "PSD"
        : null;

    private static byte[] DropAlpha(byte[] rgba)
    {
        var rgb = new byte[rgba.Length / 4 * 3];
        for (int i = 0, j = 0; i < rgba.Length; i += 4, j += 3)
        {
            rgb[j] = rgba[i];
            rgb[j + 1] = rgba[i + 1];
            rgb[j + 2] = rgba[i + 2];
        }
        return rgb;
    }
}
