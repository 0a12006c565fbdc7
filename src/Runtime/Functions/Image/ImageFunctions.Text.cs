using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

public static partial class ImageFunctions
{
    /// <summary>Where the default font is looked for, in order (Debian's fonts-dejavu-core first).</summary>
    private static readonly string[] DefaultFontFiles =
    {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/local/share/fonts/DejaVuSans.ttf",
        "/Library/Fonts/Arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "C:\\Windows\\Fonts\\arial.ttf",
    };

    /// <summary>The environment variable that names a font file for captions without a <c>font</c> parameter.</summary>
    public const string FontVariable = "SYMBOLICGEN_FONT";

    /// <summary>
    /// Renders a caption onto an image with a real font (SkiaSharp, antialiased): the text is wrapped at
    /// word boundaries to the width inside the margins, centred horizontally, and placed in a band along
    /// the top, in the middle or along the bottom, <paramref name="margin"/> pixels from the edge. Lines
    /// break at '\n' too. Only the pixels the glyphs (and their shadow) cover change.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="text">The caption.</param>
    /// <param name="size">Font size in pixels (the em height).</param>
    /// <param name="color">Text colour; its alpha sets the opacity. A fully transparent colour (C#'s <c>default</c>) means white, the flows' default.</param>
    /// <param name="position">Where the caption goes.</param>
    /// <param name="margin">Distance from the image's edges in pixels.</param>
    /// <param name="shadow">Draw a soft dark shadow under the text for legibility.</param>
    /// <param name="font">A font file (.ttf, .otf) or an installed family name; empty for $SYMBOLICGEN_FONT, then DejaVu Sans.</param>
    /// <param name="cancellationToken">Checked before the work starts.</param>
    /// <exception cref="InvalidOperationException">No font could be loaded, or SkiaSharp's native library is missing.</exception>
    [SymFunction(Summary = "Render a caption onto an image", Category = "image")]
    public static Image TextOverlay(
        Image image,
        Text text,
        [SymParam(SymKind.Length, Min = 4, Max = 512, Summary = "Font size")] int size = 48,
        [SymParam(Default = "#ffffff", Summary = "Text colour")] Color color = default,
        [SymParam(Summary = "Where the caption goes")] TextPosition position = TextPosition.Bottom,
        [SymParam(SymKind.Length, Min = 0, Max = 4096, Summary = "Distance from the image's edges")] int margin = 24,
        [SymParam(Summary = "Draw a soft shadow under the text")] bool shadow = false,
        [SymParam(Summary = "Font file or family name; empty for DejaVu Sans")] string font = "",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(text);
        ParameterGuard.InDomain(nameof(TextOverlay), "size", size);
        ParameterGuard.InDomain(nameof(TextOverlay), "margin", margin);
        cancellationToken.ThrowIfCancellationRequested();
        if (color == default) color = new Color(255, 255, 255);
        var (w, h) = (image.Width, image.Height);
        var coverage = RenderCaption(text.Value, font ?? "", size, w, h, margin, position, shadow);
        using var scope = NewDisposeScope();
        if (coverage is null) return image.Clone();
        // Two coverage planes: the glyphs and the shadow, both 0..1.
        var planes = torch.tensor(coverage, new long[] { 2, h, w }, ScalarType.Byte).to(ScalarType.Float32).div_(255);
        var ink = planes[0].unsqueeze(0).mul(color.A / 255f);
        var shade = planes[1].unsqueeze(0).mul(0.6f);
        var result = Over(image.Tensor, zeros(3, 1, 1), shade);
        result = Over(result, ImageKernels.ColorTensor(color, 3), ink);
        return Image.FromTensor(result.clamp(0, 1).contiguous());
    }

    /// <summary>Paints the colour <paramref name="rgb"/> ([3, 1, 1]) over [C, H, W] with coverage [1, H, W] (non-premultiplied "over").</summary>
    private static Tensor Over(Tensor chw, Tensor rgb, Tensor cover)
    {
        if (chw.shape[0] == 3) return chw.lerp(rgb.expand_as(chw), cover);
        var alpha = chw.narrow(0, 3, 1);
        var under = alpha.mul(cover.neg().add(1));
        var outAlpha = cover.add(under);
        var colour = rgb.mul(cover).add_(Colour(chw).mul(under)).div_(outAlpha.clamp_min(1e-6));
        return cat(new[] { colour, outAlpha }, 0);
    }

    /// <summary>
    /// The caption's coverage as two 8-bit planes (glyphs, shadow) of <paramref name="width"/> ×
    /// <paramref name="height"/>, row-major; null when there is nothing to draw.
    /// </summary>
    private static byte[]? RenderCaption(string text, string font, int size, int width, int height, int margin, TextPosition position, bool shadow)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return RenderCaptionWithSkia(text, font, size, width, height, margin, position, shadow);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            throw new InvalidOperationException(
                "TextOverlay: SkiaSharp's native library (libSkiaSharp) could not be loaded; it comes with the " +
                "SkiaSharp.NativeAssets.Linux.NoDependencies package (Linux x64/arm64). " + e.Message, e);
        }
    }

    private static byte[]? RenderCaptionWithSkia(string text, string fontName, int size, int width, int height, int margin, TextPosition position, bool shadow)
    {
        using var typeface = LoadTypeface(fontName);
        using var font = new SKFont(typeface, size) { Edging = SKFontEdging.Antialias, Subpixel = true };
        var lines = WrapText(text, font, Math.Max(1, width - 2 * margin));
        var metrics = font.Metrics;
        var lineHeight = font.Spacing;
        var blockHeight = lines.Count * lineHeight;
        float top = position switch
        {
            TextPosition.Top => margin,
            TextPosition.Center => (height - blockHeight) / 2,
            _ => height - margin - blockHeight,
        };
        var info = new SKImageInfo(width, height, SKColorType.Alpha8, SKAlphaType.Premul);
        var planes = new byte[2 * width * height];
        var offset = Math.Max(1f, size / 16f);
        for (var plane = 0; plane < (shadow ? 2 : 1); plane++)
        {
            using var bitmap = new SKBitmap(info);
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(SKColors.Transparent);
            using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
            using var blur = plane == 1 ? SKMaskFilter.CreateBlur(SKBlurStyle.Normal, offset) : null;
            paint.MaskFilter = blur;
            var shift = plane == 1 ? offset : 0;
            for (var i = 0; i < lines.Count; i++)
            {
                var baseline = top + i * lineHeight - metrics.Ascent + shift;
                canvas.DrawText(lines[i], width / 2f + shift, baseline, SKTextAlign.Center, font, paint);
            }
            canvas.Flush();
            var pixels = bitmap.GetPixelSpan();
            var rowBytes = bitmap.RowBytes;
            for (var y = 0; y < height; y++)
                pixels.Slice(y * rowBytes, width).CopyTo(planes.AsSpan(plane * width * height + y * width, width));
        }
        return planes;
    }

    /// <summary>The lines of <paramref name="text"/>: paragraphs at '\n', words wrapped greedily to <paramref name="maxWidth"/> pixels.</summary>
    private static List<string> WrapText(string text, SKFont font, float maxWidth)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && font.MeasureText(candidate) > maxWidth)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>
    /// The typeface for <paramref name="name"/>: a font file, else an installed family; for an empty
    /// name, $SYMBOLICGEN_FONT, then DejaVu Sans (and a few common system fonts). Never Skia's empty
    /// default typeface, which would draw nothing.
    /// </summary>
    private static SKTypeface LoadTypeface(string name)
    {
        var candidates = new List<string>();
        if (name.Length > 0) candidates.Add(name);
        else
        {
            if (Environment.GetEnvironmentVariable(FontVariable) is { Length: > 0 } fromEnvironment) candidates.Add(fromEnvironment);
            candidates.AddRange(DefaultFontFiles);
            candidates.Add("DejaVu Sans");
        }
        foreach (var candidate in candidates)
        {
            var typeface = File.Exists(candidate) ? SKTypeface.FromFile(candidate) : FromFamily(candidate);
            if (typeface is not null && typeface.GlyphCount > 0) return typeface;
            typeface?.Dispose();
        }
        throw new InvalidOperationException(name.Length > 0
            ? $"TextOverlay: font '{name}' is neither a readable font file nor an installed font family"
            : $"TextOverlay: no font found; install DejaVu Sans (Debian/Ubuntu: apt-get install fonts-dejavu-core) or set {FontVariable} to a .ttf file");
    }

    private static SKTypeface? FromFamily(string family) =>
        family.IndexOfAny(new[] { '/', '\\' }) >= 0 || family.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || family.EndsWith(".otf", StringComparison.OrdinalIgnoreCase)
            ? null
            : SKFontManager.Default.MatchFamily(family);
}
