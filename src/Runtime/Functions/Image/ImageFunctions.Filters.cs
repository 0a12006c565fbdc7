using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SymbolicGen.Runtime.Functions;

public static partial class ImageFunctions
{
    /// <summary>
    /// Gaussian blur: a separable convolution with a kernel of radius ⌈3σ⌉, reflecting at the borders;
    /// from σ ≈ 12 px it blurs a reduced copy and enlarges it (the same result at a fraction of the
    /// cost). RGBA is blurred premultiplied, so transparent pixels do not bleed their colour.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="sigma">The Gaussian's standard deviation in pixels; 0 copies the image.</param>
    /// <param name="cancellationToken">Checked before the work starts.</param>
    [SymFunction(Summary = "Blur an image (Gaussian)", Category = "image")]
    public static Image GaussianBlur(
        Image image,
        [SymParam(SymKind.Length, Min = 0, Max = 256, Summary = "Standard deviation of the Gaussian")] double sigma = 2,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ParameterGuard.InDomain(nameof(GaussianBlur), "sigma", sigma);
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = NewDisposeScope();
        return Image.FromTensor(BlurImageTensor(image.Tensor, sigma).contiguous());
    }

    /// <summary>[C, H, W] blurred; RGBA premultiplied while blurring.</summary>
    private static Tensor BlurImageTensor(Tensor chw, double sigma)
    {
        if (sigma < 0.05) return chw.clone();
        if (chw.shape[0] == 3) return ImageKernels.GaussianBlur(chw.unsqueeze(0), sigma).squeeze(0);
        var alpha = chw.narrow(0, 3, 1);
        var premultiplied = cat(new[] { Colour(chw).mul(alpha), alpha }, 0);
        var blurred = ImageKernels.GaussianBlur(premultiplied.unsqueeze(0), sigma).squeeze(0);
        var blurredAlpha = blurred.narrow(0, 3, 1);
        var colour = Colour(blurred).div(blurredAlpha.clamp_min(1e-6)).clamp_(0, 1);
        return cat(new[] { colour, blurredAlpha.clamp(0, 1) }, 0);
    }

    /// <summary>
    /// Unsharp mask: adds <paramref name="amount"/> × (image − Gaussian blur of σ = <paramref name="radius"/>)
    /// to the colour channels, only where the luma of that difference reaches <paramref name="threshold"/>
    /// (so that flat areas and noise stay untouched), and clamps to 0..1. Alpha is kept.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="amount">Strength: 1 doubles the local contrast of fine detail.</param>
    /// <param name="radius">σ of the blur in pixels: the size of the detail sharpened.</param>
    /// <param name="threshold">The smallest luma difference that is sharpened (0 sharpens everything).</param>
    /// <param name="cancellationToken">Checked before the work starts.</param>
    [SymFunction(Summary = "Sharpen an image (unsharp mask)", Category = "image")]
    public static Image Sharpen(
        Image image,
        [SymParam(Min = 0, Max = 10, Summary = "Strength")] double amount = 1,
        [SymParam(SymKind.Length, Min = 0.1, Max = 64, Summary = "Blur radius (sigma): the size of the detail sharpened")] double radius = 1,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "Smallest difference that is sharpened")] double threshold = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ParameterGuard.InDomain(nameof(Sharpen), "amount", amount);
        ParameterGuard.InDomain(nameof(Sharpen), "radius", radius);
        ParameterGuard.InDomain(nameof(Sharpen), "threshold", threshold);
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = NewDisposeScope();
        var rgb = Colour(image.Tensor).unsqueeze(0);
        var detail = rgb.sub(ImageKernels.GaussianBlur(rgb, radius));
        if (threshold > 0) detail = detail.mul_(ImageKernels.Luma(detail).abs_().ge(threshold));
        var sharpened = rgb.add(detail.mul_(amount)).clamp_(0, 1).squeeze(0);
        return Image.FromTensor(WithAlphaOf(sharpened, image.Tensor).contiguous());
    }

    /// <summary>
    /// Darkens towards the corners: with r the distance from the centre (0 at the centre, 1 at the
    /// corners, following the image's aspect), colours are multiplied by
    /// 1 − strength × smoothstep(radius, radius + softness, r). Alpha is kept.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="strength">How dark the edge gets: 1 black.</param>
    /// <param name="radius">Where the darkening starts: 0 at the centre, 1 at the corners.</param>
    /// <param name="softness">How far the darkening takes to reach full strength, on the same scale.</param>
    [SymFunction(Summary = "Darken an image towards its corners", Category = "image")]
    public static Image Vignette(
        Image image,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "How dark the corners get: 1 black")] double strength = 0.5,
        [SymParam(SymKind.Ratio, Min = 0, Max = 2, Summary = "Where the darkening starts: 0 centre, 1 corners")] double radius = 0.5,
        [SymParam(SymKind.Ratio, Min = 0.01, Max = 2, Summary = "How gradually the darkening sets in")] double softness = 0.5)
    {
        ArgumentNullException.ThrowIfNull(image);
        ParameterGuard.InDomain(nameof(Vignette), "strength", strength);
        ParameterGuard.InDomain(nameof(Vignette), "radius", radius);
        ParameterGuard.InDomain(nameof(Vignette), "softness", softness);
        using var scope = NewDisposeScope();
        var (h, w) = (image.Height, image.Width);
        // Pixel centres mapped to -1..1 on both axes; r = 1 at the corners.
        var x = arange(w, ScalarType.Float32).add_(0.5).mul_(2.0 / w).sub_(1).view(1, 1, w);
        var y = arange(h, ScalarType.Float32).add_(0.5).mul_(2.0 / h).sub_(1).view(1, h, 1);
        var r = x.square().add(y.square()).div_(2).sqrt_();
        var gain = ImageKernels.SmoothStep(r, radius, radius + softness).mul_(-strength).add_(1);
        return Image.FromTensor(WithAlphaOf(Colour(image.Tensor).mul(gain), image.Tensor).contiguous());
    }

    /// <summary>
    /// A mask of the edges: the Sobel gradient magnitude of the luma (reflecting at the borders), divided
    /// by its maximum so the strongest edge is 1 (a flat image gives 0). With a threshold above 0 the
    /// mask is binary: 1 where the normalised magnitude reaches it.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="threshold">0 for the continuous magnitude; above 0, the level that counts as an edge.</param>
    [SymFunction(Summary = "Mask of an image's edges (Sobel)", Category = "image")]
    public static Mask EdgeMask(
        Image image,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "0 continuous; otherwise the level that counts as an edge")] double threshold = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        ParameterGuard.InDomain(nameof(EdgeMask), "threshold", threshold);
        using var scope = NewDisposeScope();
        var (h, w) = (image.Height, image.Width);
        var p = ImageKernels.Extend(ImageKernels.Luma(image.Tensor), 1, 1, 1, 1, mirror: true);   // [1, H + 2, W + 2]
        Tensor At(int dy, int dx) => p.narrow(1, 1 + dy, h).narrow(2, 1 + dx, w);
        // Sobel: [1 2 1] smoothing across, [-1 0 1] difference along.
        var gx = At(-1, 1).sub(At(-1, -1)).add_(At(0, 1).sub(At(0, -1)).mul_(2)).add_(At(1, 1).sub(At(1, -1)));
        var gy = At(1, -1).sub(At(-1, -1)).add_(At(1, 0).sub(At(-1, 0)).mul_(2)).add_(At(1, 1).sub(At(-1, 1)));
        var magnitude = gx.square().add_(gy.square()).sqrt_();
        var peak = magnitude.max().item<float>();
        var mask = peak > 1e-6f ? magnitude.div_(peak) : zeros_like(magnitude);
        if (threshold > 0) mask = mask.ge(threshold).to(ScalarType.Float32);
        return Mask.FromTensor(mask.contiguous());
    }

    /// <summary>
    /// A mask of the bright (or, inverted, dark) areas: 1 where the Rec. 709 luma reaches the threshold,
    /// with a smooth ramp of width <paramref name="softness"/> centred on it when that is above 0.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="threshold">The luma that counts as bright.</param>
    /// <param name="softness">Width of the ramp around the threshold; 0 is a hard step.</param>
    /// <param name="invert">Mask the dark areas instead.</param>
    [SymFunction(Summary = "Mask of an image's bright areas (luma threshold)", Category = "image")]
    public static Mask ThresholdMask(
        Image image,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "Luma that counts as bright")] double threshold = 0.5,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "Width of the soft ramp around the threshold")] double softness = 0,
        [SymParam(Summary = "Mask the dark areas instead")] bool invert = false)
    {
        ArgumentNullException.ThrowIfNull(image);
        ParameterGuard.InDomain(nameof(ThresholdMask), "threshold", threshold);
        ParameterGuard.InDomain(nameof(ThresholdMask), "softness", softness);
        using var scope = NewDisposeScope();
        var luma = ImageKernels.Luma(image.Tensor.unsqueeze(0)).squeeze(0);
        var mask = softness > 0
            ? ImageKernels.SmoothStep(luma, threshold - softness / 2, threshold + softness / 2)
            : luma.ge(threshold).to(ScalarType.Float32);
        if (invert) mask = mask.neg().add_(1);
        return Mask.FromTensor(mask.contiguous());
    }

    /// <summary>
    /// Puts an image over a background through a mask (1 shows the image): the non-premultiplied
    /// "over" operator, with the image's own alpha multiplied in. Without a mask the image's alpha (or
    /// full cover) is used. The image and the mask are resized to the background's size when they
    /// differ (bicubic, bilinear). The result has the background's size, and alpha when the background has it.
    /// </summary>
    /// <param name="image">What goes on top.</param>
    /// <param name="background">What goes underneath; sets the result's size.</param>
    /// <param name="mask">Where the image shows (1) and where the background does (0).</param>
    /// <param name="feather">σ in pixels of a Gaussian blur that softens the mask's edge.</param>
    /// <param name="cancellationToken">Checked before the work starts.</param>
    [SymFunction(Summary = "Put an image over a background through a mask", Category = "image")]
    public static Image Composite(
        Image image,
        Image background,
        [SymPort(Optional = true, Summary = "Where the image shows (1) and the background does (0)")] Mask? mask = null,
        [SymParam(SymKind.Length, Min = 0, Max = 256, Summary = "Softens the mask's edge (Gaussian sigma)")] double feather = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(background);
        ParameterGuard.InDomain(nameof(Composite), "feather", feather);
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = NewDisposeScope();
        var (h, w) = (background.Height, background.Width);
        var top = image.Tensor;
        if (image.Height != h || image.Width != w)
            top = ImageKernels.Resize(top.unsqueeze(0), h, w, ResizeMethod.Bicubic).squeeze(0).clamp_(0, 1);
        var cover = image.HasAlpha ? top.narrow(0, 3, 1) : ones(1, h, w);
        if (mask is not null)
        {
            var m = mask.Tensor;
            if (mask.Height != h || mask.Width != w)
                m = ImageKernels.Resize(m.unsqueeze(0), h, w, ResizeMethod.Bilinear).squeeze(0).clamp_(0, 1);
            if (feather > 0) m = ImageKernels.GaussianBlur(m.unsqueeze(0), feather).squeeze(0);
            cover = cover.mul(m);
        }
        var bottom = background.Tensor;
        Tensor result;
        if (!background.HasAlpha)
        {
            result = Colour(bottom).lerp(Colour(top), cover);
        }
        else
        {
            var under = bottom.narrow(0, 3, 1).mul(cover.neg().add(1));
            var alpha = cover.add(under);
            var colour = Colour(top).mul(cover).add_(Colour(bottom).mul(under)).div_(alpha.clamp_min(1e-6));
            result = cat(new[] { colour, alpha }, 0);
        }
        return Image.FromTensor(result.clamp(0, 1).contiguous());
    }
}
