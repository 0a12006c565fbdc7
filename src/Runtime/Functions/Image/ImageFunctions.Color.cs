using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

public static partial class ImageFunctions
{
    /// <summary>
    /// Adjusts colour, in this order: brightness (added), contrast (scaled about the image's mean luma),
    /// saturation (scaled about each pixel's luma), hue (a rotation of the colour cube about its grey
    /// axis, so 120° turns red into green), clamping to 0..1, then gamma (value^(1/gamma)). Alpha is kept.
    /// The defaults change nothing.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="brightness">Added to every colour channel.</param>
    /// <param name="contrast">Factor on the distance from the mean luma: 0 grey, 1 unchanged.</param>
    /// <param name="saturation">Factor on the distance from each pixel's luma: 0 grey, 1 unchanged.</param>
    /// <param name="gamma">Exponent 1/gamma on the result: above 1 brightens the midtones.</param>
    /// <param name="hue">Hue rotation in degrees.</param>
    [SymFunction(Summary = "Adjust brightness, contrast, saturation, gamma and hue", Category = "image")]
    public static Image ColorAdjust(
        Image image,
        [SymParam(SymKind.Ratio, Min = -1, Max = 1, Summary = "Added to every colour channel")] double brightness = 0,
        [SymParam(SymKind.Ratio, Min = 0, Max = 4, Summary = "Contrast factor: 0 grey, 1 unchanged")] double contrast = 1,
        [SymParam(SymKind.Ratio, Min = 0, Max = 4, Summary = "Saturation factor: 0 grey, 1 unchanged")] double saturation = 1,
        [SymParam(Min = 0.1, Max = 10, Summary = "Gamma: above 1 brightens the midtones")] double gamma = 1,
        [SymParam(Min = -180, Max = 180, Summary = "Hue rotation in degrees")] double hue = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        ParameterGuard.InDomain(nameof(ColorAdjust), "brightness", brightness);
        ParameterGuard.InDomain(nameof(ColorAdjust), "contrast", contrast);
        ParameterGuard.InDomain(nameof(ColorAdjust), "saturation", saturation);
        ParameterGuard.InDomain(nameof(ColorAdjust), "gamma", gamma);
        ParameterGuard.InDomain(nameof(ColorAdjust), "hue", hue);
        using var scope = NewDisposeScope();
        var rgb = Colour(image.Tensor);
        if (brightness != 0) rgb = rgb.add(brightness);
        if (contrast != 1)
        {
            var mean = ImageKernels.Luma(rgb.unsqueeze(0)).mean();
            rgb = rgb.sub(mean).mul_(contrast).add_(mean);
        }
        if (saturation != 1)
        {
            var luma = ImageKernels.Luma(rgb.unsqueeze(0)).squeeze(0);
            rgb = rgb.sub(luma).mul_(saturation).add_(luma);
        }
        if (hue != 0) rgb = ImageKernels.Transform3(rgb, HueRotation(hue));
        rgb = rgb.clamp(0, 1);
        if (gamma != 1) rgb = rgb.pow(1 / gamma);
        return Image.FromTensor(WithAlphaOf(rgb, image.Tensor).contiguous());
    }

    /// <summary>The rotation by <paramref name="degrees"/> about the grey axis (1, 1, 1)/√3, row-major (Rodrigues).</summary>
    private static float[] HueRotation(double degrees)
    {
        var theta = degrees * Math.PI / 180;
        var (c, s) = (Math.Cos(theta), Math.Sin(theta));
        var d = c + (1 - c) / 3;
        var p = (1 - c) / 3 + s / Math.Sqrt(3);
        var m = (1 - c) / 3 - s / Math.Sqrt(3);
        return new[] { (float)d, (float)m, (float)p, (float)p, (float)d, (float)m, (float)m, (float)p, (float)d };
    }

    /// <summary>
    /// Gives an image the colour statistics of a reference (Reinhard et al. 2001): each CIE L*a*b*
    /// channel (from sRGB through linear light and XYZ, D65) is shifted and scaled so that its mean and
    /// standard deviation (over all pixels; for references above a megapixel, over a regular sample of
    /// about a million) match the reference's, then converted back and clamped. Alpha is kept;
    /// <paramref name="strength"/> mixes the result with the original in Lab.
    /// </summary>
    /// <param name="image">The image to recolour.</param>
    /// <param name="reference">The image whose colours to take; any size.</param>
    /// <param name="strength">0 leaves the image unchanged, 1 matches the reference fully.</param>
    /// <param name="cancellationToken">Checked before the work starts.</param>
    [SymFunction(Summary = "Transfer the colour statistics of a reference image (Reinhard, in Lab)", Category = "image")]
    public static Image ColorTransfer(
        Image image,
        Image reference,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "0 unchanged, 1 full transfer")] double strength = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(reference);
        ParameterGuard.InDomain(nameof(ColorTransfer), "strength", strength);
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = NewDisposeScope();
        var source = ImageKernels.SrgbToLab(Colour(image.Tensor));
        // The reference's statistics from at most about a million of its pixels (every k-th row and column).
        var step = Math.Max(1, (long)Math.Ceiling(Math.Sqrt((double)reference.Width * reference.Height / 1_000_000)));
        var sample = step == 1 ? Colour(reference.Tensor) : Colour(reference.Tensor).slice(1, 0, reference.Height, step).slice(2, 0, reference.Width, step);
        var target = ImageKernels.SrgbToLab(sample);
        var dims = new long[] { 1, 2 };
        var (sourceMean, sourceStd) = (source.mean(dims, keepdim: true), source.std(dims, unbiased: false, keepdim: true));
        var (targetMean, targetStd) = (target.mean(dims, keepdim: true), target.std(dims, unbiased: false, keepdim: true));
        var transferred = source.sub(sourceMean).div_(sourceStd.clamp_min(1e-4)).mul_(targetStd).add_(targetMean);
        if (strength < 1) transferred = Mix(source, transferred, (float)strength);
        var rgb = ImageKernels.LabToSrgb(transferred).clamp_(0, 1);
        return Image.FromTensor(WithAlphaOf(rgb, image.Tensor).contiguous());
    }

    /// <summary>Makes an image grey: every colour channel becomes the Rec. 709 luma (0.2126 R + 0.7152 G + 0.0722 B). Alpha is kept.</summary>
    /// <param name="image">The image.</param>
    [SymFunction(Summary = "Make an image grey (Rec. 709 luma)", Category = "image")]
    public static Image Grayscale(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var scope = NewDisposeScope();
        var luma = ImageKernels.Luma(image.Tensor.unsqueeze(0)).squeeze(0);
        return Image.FromTensor(WithAlphaOf(luma.expand(3, -1, -1), image.Tensor).contiguous());
    }

    /// <summary>Inverts the colour channels (1 − value); alpha is kept.</summary>
    /// <param name="image">The image.</param>
    [SymFunction(Summary = "Invert an image's colours", Category = "image")]
    public static Image Invert(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var scope = NewDisposeScope();
        return Image.FromTensor(WithAlphaOf(Colour(image.Tensor).neg().add_(1), image.Tensor).contiguous());
    }

    /// <summary>The colour channels of [C, H, W] (a view).</summary>
    private static Tensor Colour(Tensor chw) => chw.narrow(0, 0, 3);

    /// <summary>[3, H, W] colour joined with the alpha channel of <paramref name="source"/>, if it has one.</summary>
    private static Tensor WithAlphaOf(Tensor rgb, Tensor source) =>
        source.shape[0] == 4 ? cat(new[] { rgb, source.narrow(0, 3, 1) }, 0) : rgb;
}
