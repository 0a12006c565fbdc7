using System;
using System.Collections.Generic;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

public static partial class ImageFunctions
{
    private static readonly Size DefaultResizeSize = new(1024, 576);
    private static readonly Size DefaultCanvasSize = new(1920, 1080);

    /// <summary>
    /// Resizes an image to <paramref name="size"/> (stretching it to that aspect), or by
    /// <paramref name="scale"/> when that is above 0. Bilinear and bicubic antialias when shrinking;
    /// lanczos is a separable Lanczos-3 filter widened when shrinking; area averages the covered pixels
    /// (and repeats pixels when enlarging). Results are clamped to 0..1.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="size">The result's size; C#'s <c>default</c> means 1024x576.</param>
    /// <param name="scale">When above 0: the factor for both sides (rounded to whole pixels, at least 1), and <paramref name="size"/> is ignored.</param>
    /// <param name="method">The resampling filter.</param>
    /// <param name="cancellationToken">Checked before the work starts.</param>
    [SymFunction(Summary = "Resize an image to a size or by a factor", Category = "image")]
    public static Image Resize(
        Image image,
        [SymParam(Default = "1024x576", Summary = "Width and height of the result (ignored when scale is set)")] Size size = default,
        [SymParam(SymKind.Ratio, Min = 0, Max = 16, Summary = "Scale factor for both sides; 0 uses size")] double scale = 0,
        [SymParam(Summary = "Resampling filter")] ResizeMethod method = ResizeMethod.Bicubic,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ParameterGuard.InDomain(nameof(Resize), "scale", scale);
        cancellationToken.ThrowIfCancellationRequested();
        if (size.Width == 0) size = DefaultResizeSize;
        var (width, height) = scale > 0
            ? (Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)))
            : (size.Width, size.Height);
        using var scope = NewDisposeScope();
        var result = ImageKernels.Resize(image.Tensor.unsqueeze(0), height, width, method).squeeze(0).clamp_(0, 1);
        return Image.FromTensor(result.contiguous());
    }

    /// <summary>Enlarges an image 2, 3 or 4 times with a bicubic or Lanczos-3 filter (clamped to 0..1).</summary>
    /// <param name="image">The image.</param>
    /// <param name="factor">How many times wider and taller the result is.</param>
    /// <param name="method">The interpolation filter.</param>
    /// <param name="cancellationToken">Checked before the work starts.</param>
    [SymFunction(Summary = "Enlarge an image 2 or 4 times", Category = "image")]
    public static Image Upscale(
        Image image,
        [SymParam(Min = 2, Max = 4, Summary = "How many times wider and taller the result is")] int factor = 2,
        [SymParam(Summary = "Interpolation filter")] UpscaleMethod method = UpscaleMethod.Lanczos,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ParameterGuard.InDomain(nameof(Upscale), "factor", factor);
        if ((long)image.Width * factor > int.MaxValue || (long)image.Height * factor > int.MaxValue)
            throw new ArgumentException($"Upscale: a {image.Width}x{image.Height} image is too large to enlarge {factor} times", nameof(image));
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = NewDisposeScope();
        var resize = method == UpscaleMethod.Lanczos ? ResizeMethod.Lanczos : ResizeMethod.Bicubic;
        var result = ImageKernels.Resize(image.Tensor.unsqueeze(0), (long)image.Height * factor, (long)image.Width * factor, resize);
        return Image.FromTensor(result.squeeze(0).clamp_(0, 1).contiguous());
    }

    /// <summary>Cuts a rectangle out of an image; the rectangle must lie inside the image.</summary>
    /// <param name="image">The image.</param>
    /// <param name="size">The rectangle's width and height.</param>
    /// <param name="x">The rectangle's left edge, in pixels from the image's left edge.</param>
    /// <param name="y">The rectangle's top edge, in pixels from the image's top edge.</param>
    [SymFunction(Summary = "Cut a rectangle out of an image", Category = "image")]
    public static Image Crop(
        Image image,
        [SymParam(Summary = "Width and height of the rectangle")] Size size,
        [SymParam(SymKind.Length, Min = 0, Summary = "Left edge of the rectangle")] int x = 0,
        [SymParam(SymKind.Length, Min = 0, Summary = "Top edge of the rectangle")] int y = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (size.Width == 0) throw new ArgumentException("Crop: the size is empty; give one such as 512x512", nameof(size));
        if (x < 0 || y < 0 || (long)x + size.Width > image.Width || (long)y + size.Height > image.Height)
            throw new ArgumentOutOfRangeException(nameof(size),
                $"Crop: the {size} rectangle at ({x}, {y}) does not fit inside the {image.Width}x{image.Height} image");
        using var scope = NewDisposeScope();
        return Image.FromTensor(image.Tensor.narrow(1, y, size.Height).narrow(2, x, size.Width).contiguous());
    }

    /// <summary>
    /// Adds a border: one colour (an RGB image becomes RGBA when the colour is not opaque), the image
    /// mirrored at its edges (as often as needed for borders wider than the image), or the edge pixels repeated.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="left">Pixels added on the left.</param>
    /// <param name="top">Pixels added on top.</param>
    /// <param name="right">Pixels added on the right.</param>
    /// <param name="bottom">Pixels added at the bottom.</param>
    /// <param name="mode">What fills the border.</param>
    /// <param name="color">The border colour of <see cref="PadMode.Constant"/>; flows default to #000000, C#'s <c>default</c> is transparent black.</param>
    [SymFunction(Summary = "Add a border around an image", Category = "image")]
    public static Image Pad(
        Image image,
        [SymParam(SymKind.Length, Min = 0, Max = 16384, Summary = "Pixels added on the left")] int left = 0,
        [SymParam(SymKind.Length, Min = 0, Max = 16384, Summary = "Pixels added on top")] int top = 0,
        [SymParam(SymKind.Length, Min = 0, Max = 16384, Summary = "Pixels added on the right")] int right = 0,
        [SymParam(SymKind.Length, Min = 0, Max = 16384, Summary = "Pixels added at the bottom")] int bottom = 0,
        [SymParam(Summary = "What fills the border")] PadMode mode = PadMode.Constant,
        [SymParam(Default = "#000000", Summary = "Border colour (constant mode)")] Color color = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ParameterGuard.InDomain(nameof(Pad), "left", left);
        ParameterGuard.InDomain(nameof(Pad), "top", top);
        ParameterGuard.InDomain(nameof(Pad), "right", right);
        ParameterGuard.InDomain(nameof(Pad), "bottom", bottom);
        using var scope = NewDisposeScope();
        if (mode != PadMode.Constant)
            return Image.FromTensor(ImageKernels.Extend(image.Tensor, left, top, right, bottom, mode == PadMode.Reflect).contiguous());
        var channels = image.HasAlpha || color.A != 255 ? 4 : 3;
        var source = channels == 4 ? ImageKernels.WithAlpha(image.Tensor) : image.Tensor;
        var canvas = ImageKernels.ColorTensor(color, channels).expand(channels, image.Height + top + bottom, image.Width + left + right).clone();
        canvas.narrow(1, top, image.Height).narrow(2, left, image.Width).copy_(source);
        return Image.FromTensor(canvas);
    }

    /// <summary>
    /// Extends the canvas to <paramref name="size"/> (or just enough to reach <paramref name="aspect"/>)
    /// and fills the new area from the image's own edges: the image mirrored outwards, blurred more the
    /// farther a pixel lies from the original (the blur radius is <paramref name="blur"/> × the distance,
    /// built from a Gaussian pyramid), so that the fill continues the edge seamlessly and fades into soft
    /// colour. The original pixels are kept exactly. Also returns a mask of the new area (0 over the
    /// original, rising to 1 over <paramref name="feather"/> pixels outside it), ready for an inpainting step.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="size">The canvas size, at least the image's; C#'s <c>default</c> means 1920x1080.</param>
    /// <param name="aspect">When above 0: the canvas is the image extended along one axis to this width:height ratio, and <paramref name="size"/> is ignored.</param>
    /// <param name="alignX">Where the image sits across the canvas: 0 left, 0.5 centre, 1 right.</param>
    /// <param name="alignY">Where the image sits down the canvas: 0 top, 0.5 centre, 1 bottom.</param>
    /// <param name="blur">How fast the fill softens: its blur radius as a fraction of the distance from the original.</param>
    /// <param name="feather">Width of the mask's ramp from 0 to 1 outside the original, in pixels.</param>
    /// <param name="cancellationToken">Observed between pyramid levels.</param>
    [SymFunction(Summary = "Extend the canvas with an edge-aware fill", Category = "image")]
    public static (Image image, Mask mask) Outpaint(
        Image image,
        [SymParam(Default = "1920x1080", Summary = "Canvas size (ignored when aspect is set)")] Size size = default,
        [SymParam(Min = 0, Max = 10, Summary = "Width:height ratio to extend to; 0 uses size")] double aspect = 0,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "Horizontal place of the image: 0 left, 1 right")] double alignX = 0.5,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "Vertical place of the image: 0 top, 1 bottom")] double alignY = 0.5,
        [SymParam(SymKind.Ratio, Min = 0, Max = 2, Summary = "Blur radius of the fill as a fraction of the distance from the image")] double blur = 0.25,
        [SymParam(SymKind.Length, Min = 0, Max = 1024, Summary = "Width of the mask's soft edge")] double feather = 32,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ParameterGuard.InDomain(nameof(Outpaint), "aspect", aspect);
        ParameterGuard.InDomain(nameof(Outpaint), "align_x", alignX);
        ParameterGuard.InDomain(nameof(Outpaint), "align_y", alignY);
        ParameterGuard.InDomain(nameof(Outpaint), "blur", blur);
        ParameterGuard.InDomain(nameof(Outpaint), "feather", feather);
        if (size.Width == 0) size = DefaultCanvasSize;
        var (w, h) = (image.Width, image.Height);
        int canvasW, canvasH;
        if (aspect > 0)
        {
            // Extend only the axis that is too short for the ratio.
            (canvasW, canvasH) = aspect > (double)w / h
                ? (Math.Max(w, (int)Math.Round(h * aspect)), h)
                : (w, Math.Max(h, (int)Math.Round(w / aspect)));
        }
        else
        {
            (canvasW, canvasH) = (size.Width, size.Height);
            if (canvasW < w || canvasH < h)
                throw new ArgumentException($"Outpaint: the {size} canvas is smaller than the {w}x{h} image; Crop or Resize it first", nameof(size));
        }
        cancellationToken.ThrowIfCancellationRequested();
        var left = (int)Math.Round((canvasW - w) * alignX);
        var top = (int)Math.Round((canvasH - h) * alignY);

        using var scope = NewDisposeScope();
        var mirrored = ImageKernels.Extend(image.Tensor, left, top, canvasW - w - left, canvasH - h - top, mirror: true).unsqueeze(0);
        // Distance of every canvas pixel from the original rectangle (0 inside).
        var dx = DistanceOutside(canvasW, left, w).view(1, 1, 1, canvasW);
        var dy = DistanceOutside(canvasH, top, h).view(1, 1, canvasH, 1);
        var distance = dx.square().add(dy.square()).sqrt_();                 // [1, 1, H, W]
        // Pyramid level whose blur matches radius blur·d: level k blurs about 2^k - 1 pixels.
        var level = distance.mul(blur).add_(1).log2_();
        var filled = ProgressiveBlur(mirrored, level, cancellationToken).squeeze(0);
        var mask = feather > 0 ? ImageKernels.SmoothStep(distance, 0, feather) : distance.gt(0).to(ScalarType.Float32);
        return (Image.FromTensor(filled.clamp_(0, 1).contiguous()), Mask.FromTensor(mask.squeeze(0).contiguous()));
    }

    /// <summary>For positions 0 to <paramref name="count"/> - 1: how far each lies outside [start, start + length).</summary>
    private static Tensor DistanceOutside(int count, int start, int length)
    {
        var position = arange(count, ScalarType.Float32);
        return position.sub(start + length - 1).clamp_min_(0).add_(position.neg().add_(start).clamp_min_(0));
    }

    /// <summary>
    /// [1, C, H, W] blurred per pixel by pyramid level <paramref name="level"/> ([1, 1, H, W], 0 = sharp,
    /// fractional levels interpolate): the coarsest level is enlarged step by step and, at each level,
    /// mixed into that level's image where the requested level lies above it. Pixels at level 0 keep
    /// their values exactly.
    /// </summary>
    private static Tensor ProgressiveBlur(Tensor image, Tensor level, CancellationToken cancellationToken)
    {
        var depth = ImageKernels.PyramidDepth(image.shape[2], image.shape[3], 12);
        var images = new List<Tensor> { image };
        var levels = new List<Tensor> { level };
        for (var k = 0; k < depth; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            images.Add(ImageKernels.PyramidDown(images[k]));
            levels.Add(ImageKernels.PyramidDown(levels[k]));
        }
        var result = images[depth];
        for (var k = depth - 1; k >= 0; k--)
        {
            var enlarged = ImageKernels.PyramidUp(result, images[k].shape[2], images[k].shape[3]);
            result = images[k].lerp(enlarged, levels[k].sub(k).clamp_(0, 1));
        }
        return result;
    }
}
