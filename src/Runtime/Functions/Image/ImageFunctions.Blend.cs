using System;
using System.Collections.Generic;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

/// <summary>
/// The image functions: real implementations on CPU TorchSharp tensors. Every function leaves its inputs
/// untouched and returns new media that the caller owns.
/// </summary>
public static partial class ImageFunctions
{
    /// <summary>How many pyramid levels the Laplacian blend uses at most (a 1080p image: 1080 → 34 pixels).</summary>
    private const int BlendLevels = 6;

    /// <summary>
    /// Blends <paramref name="b"/> into <paramref name="a"/>. When the sizes differ, b is scaled to cover
    /// a's size (keeping its aspect) and centre-cropped. An RGBA input makes the result RGBA.
    /// </summary>
    /// <param name="a">The first image; it sets the result's size.</param>
    /// <param name="b">The second image.</param>
    /// <param name="weight">Share of b: 0 gives a, 1 gives b (alpha, laplacian) or the full effect (multiply, screen, overlay).</param>
    /// <param name="mode">
    /// alpha: a·(1 − w) + b·w. laplacian: a multiband blend (Burt and Adelson) of the two images'
    /// Laplacian pyramids through the Gaussian pyramid of a per-pixel share of b that follows each image's
    /// local detail (w·detail_b / (w·detail_b + (1 − w)·detail_a)), so that the detail of both survives and
    /// every scale blends without seams. multiply, screen, overlay: the blend formula on the colour
    /// channels, mixed into a by w.
    /// </param>
    /// <param name="cancellationToken">Observed between pyramid levels.</param>
    [SymFunction(Summary = "Blend two images into one", Category = "image")]
    public static Image ImageBlend(
        Image a,
        Image b,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "Share of b in the result")] double weight = 0.5,
        [SymParam(Summary = "How the images are combined")] BlendMode mode = BlendMode.Laplacian,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ParameterGuard.InDomain(nameof(ImageBlend), "weight", weight);
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = NewDisposeScope();
        var channels = Math.Max(a.Channels, b.Channels);
        var ta = channels == 4 ? ImageKernels.WithAlpha(a.Tensor) : a.Tensor;
        var tb = CoverTensor(b.Tensor, a.Height, a.Width);
        if (channels == 4) tb = ImageKernels.WithAlpha(tb);
        var w = (float)weight;
        Tensor result;
        switch (mode)
        {
            case BlendMode.Alpha:
                result = Mix(ta, tb, w);
                break;
            case BlendMode.Laplacian:
                result = LaplacianBlend(ta, tb, w, cancellationToken);
                break;
            case BlendMode.Multiply:
            case BlendMode.Screen:
            case BlendMode.Overlay:
                var (ca, cb) = (ta.narrow(0, 0, 3), tb.narrow(0, 0, 3));
                var effect = mode switch
                {
                    BlendMode.Multiply => ca.mul(cb),
                    BlendMode.Screen => Screen(ca, cb),
                    _ => where(ca.lt(0.5), ca.mul(cb).mul_(2), Screen(ca, cb).mul_(2).sub_(1)),
                };
                var colour = Mix(ca, effect, w);
                result = channels == 4 ? cat(new[] { colour, Mix(ta.narrow(0, 3, 1), tb.narrow(0, 3, 1), w) }, 0) : colour;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "ImageBlend: unknown blend mode");
        }
        return Image.FromTensor(result.clamp(0, 1).contiguous());
    }

    /// <summary>x·(1 − w) + y·w: exactly x at w = 0 and y at w = 1.</summary>
    private static Tensor Mix(Tensor x, Tensor y, float w) => x.mul(1 - w).add_(y.mul(w));

    /// <summary>1 − (1 − a)(1 − b).</summary>
    private static Tensor Screen(Tensor a, Tensor b) => a.neg().add_(1).mul_(b.neg().add_(1)).neg_().add_(1);

    /// <summary>
    /// The multiband blend of [C, H, W] images <paramref name="a"/> and <paramref name="b"/> (same shape)
    /// through a detail-following mask; see <see cref="ImageBlend"/>. Each band of the result is
    /// La + M·(Lb − La) = La + M·L(b − a), and the bands of a alone collapse to a, so the result is a plus
    /// the collapsed pyramid of (b − a) weighted band by band: one pyramid instead of two, and exactly a
    /// where the mask is 0.
    /// </summary>
    private static Tensor LaplacianBlend(Tensor a, Tensor b, float weight, CancellationToken cancellationToken)
    {
        var (h, w) = (a.shape[1], a.shape[2]);
        var share = DetailShare(a, b, weight);                              // [1, 1, h', w'], share of b
        var mask = share.shape[2] == h && share.shape[3] == w ? share : ImageKernels.PyramidUp(share, h, w);
        var levels = ImageKernels.PyramidDepth(h, w, BlendLevels);
        var bands = new List<Tensor>(levels);
        var current = b.sub(a).unsqueeze(0);                                // [1, C, H, W]
        for (var level = 0; level < levels; level++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var levelScope = NewDisposeScope();
            var down = ImageKernels.PyramidDown(current);
            bands.Add(current.sub(ImageKernels.PyramidUp(down, current.shape[2], current.shape[3])).mul_(mask).MoveToOuterDisposeScope());
            current = down.MoveToOuterDisposeScope();
            // The share was computed at the first reduced size: use it there rather than reduce it again.
            mask = (level == 0 && share.shape[2] == down.shape[2] && share.shape[3] == down.shape[3] ? share.alias() : ImageKernels.PyramidDown(mask))
                .MoveToOuterDisposeScope();
        }
        var result = current.mul(mask);
        for (var level = levels - 1; level >= 0; level--)
        {
            var band = bands[level];
            result = ImageKernels.PyramidUp(result, band.shape[2], band.shape[3]).add_(band);
        }
        return result.squeeze(0).add_(a);
    }

    /// <summary>
    /// The per-pixel share of <paramref name="b"/>, at half size (full size for images under 4 pixels):
    /// each image's local detail (the magnitude of the luma Laplacian averaged over 4×4 blocks, plus a
    /// floor so that flat areas share by the weight alone), weighted by 1 − <paramref name="weight"/>
    /// and <paramref name="weight"/>. Exactly 0 at weight 0 and 1 at weight 1.
    /// </summary>
    private static Tensor DetailShare(Tensor a, Tensor b, float weight)
    {
        var (h, w) = (a.shape[1], a.shape[2]);
        var luma = stack(new[] { ImageKernels.Luma(a), ImageKernels.Luma(b) }); // [2, 1, H, W]
        var p = ImageKernels.Extend(luma, 1, 1, 1, 1, mirror: false);
        var laplacian = p.narrow(2, 1, h).narrow(3, 0, w)
            .add(p.narrow(2, 1, h).narrow(3, 2, w))
            .add_(p.narrow(2, 0, h).narrow(3, 1, w))
            .add_(p.narrow(2, 2, h).narrow(3, 1, w))
            .sub_(luma.mul(4))
            .abs_();
        var detail = (h >= 4 && w >= 4 ? ImageKernels.PyramidDown(laplacian) : laplacian).add_(0.004);
        var shareA = detail.narrow(0, 0, 1).mul(1 - weight);
        var shareB = detail.narrow(0, 1, 1).mul(weight);
        return shareB.div(shareA.add(shareB));
    }

    /// <summary>
    /// [C, H, W] scaled (bicubic, antialiased) to cover <paramref name="height"/> × <paramref name="width"/>
    /// with its aspect kept, then centre-cropped to exactly that size; the tensor itself when it fits.
    /// </summary>
    private static Tensor CoverTensor(Tensor chw, long height, long width)
    {
        var (h, w) = (chw.shape[1], chw.shape[2]);
        if (h == height && w == width) return chw;
        var scale = Math.Max((double)height / h, (double)width / w);
        var scaledH = Math.Max(height, (long)Math.Round(h * scale));
        var scaledW = Math.Max(width, (long)Math.Round(w * scale));
        var scaled = ImageKernels.Resize(chw.unsqueeze(0), scaledH, scaledW, ResizeMethod.Bicubic).squeeze(0).clamp_(0, 1);
        return scaled.narrow(1, (scaledH - height) / 2, height).narrow(2, (scaledW - width) / 2, width);
    }
}
