using System;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SymbolicGen.Runtime.Functions;

/// <summary>
/// The tensor building blocks of the image functions: filtering, resampling, pyramids, colour spaces.
/// Every method works on float32 tensors and returns new tensors in the caller's dispose scope; inputs
/// are never modified. Batched images are [N, C, H, W]; a single image is [C, H, W].
/// </summary>
internal static class ImageKernels
{
    /// <summary>Rec. 709 luma weights (of the sRGB-encoded values).</summary>
    public static readonly float[] Rec709 = { 0.2126f, 0.7152f, 0.0722f };

    /// <summary>Rec. 709 luma of the colour channels: [C, H, W] to [1, H, W], or [N, C, H, W] to [N, 1, H, W].</summary>
    public static Tensor Luma(Tensor image)
    {
        var (h, w) = (image.shape[^2], image.shape[^1]);
        using var weights = tensor(Rec709, new long[] { 1, 3 });
        if (image.dim() == 3) return weights.matmul(image.narrow(0, 0, 3).reshape(3, h * w)).view(1, h, w);
        var n = image.shape[0];
        return weights.matmul(image.narrow(1, 0, 3).reshape(n, 3, h * w)).view(n, 1, h, w);
    }

    /// <summary>
    /// Indices into an axis of <paramref name="size"/> samples for positions <paramref name="from"/> to
    /// <paramref name="from"/> + <paramref name="count"/> - 1, mirrored at the ends without repeating the
    /// edge sample (dcb|abcd|cba) as often as needed, or clamped to the edge.
    /// </summary>
    public static Tensor ExtendIndex(long size, long from, long count, bool mirror)
    {
        var index = new long[count];
        var period = 2 * (size - 1);
        for (long i = 0; i < count; i++)
        {
            var p = from + i;
            if (!mirror || size == 1)
            {
                index[i] = Math.Clamp(p, 0, size - 1);
                continue;
            }
            p %= period;
            if (p < 0) p += period;
            index[i] = p < size ? p : period - p;
        }
        return tensor(index, ScalarType.Int64);
    }

    /// <summary>
    /// Extends the last two axes of <paramref name="x"/> by <paramref name="left"/>, <paramref name="top"/>,
    /// <paramref name="right"/> and <paramref name="bottom"/> samples, mirrored (any amount, mirroring
    /// again past the far side) or repeating the edge.
    /// </summary>
    public static Tensor Extend(Tensor x, long left, long top, long right, long bottom, bool mirror)
    {
        var h = x.shape[^2];
        var w = x.shape[^1];
        var dims = x.dim();
        var result = x;
        if (left > 0 || right > 0)
        {
            using var columns = ExtendIndex(w, -left, w + left + right, mirror);
            result = result.index_select(dims - 1, columns);
        }
        if (top > 0 || bottom > 0)
        {
            using var rows = ExtendIndex(h, -top, h + top + bottom, mirror);
            var extended = result.index_select(dims - 2, rows);
            if (!ReferenceEquals(result, x)) result.Dispose();
            result = extended;
        }
        return ReferenceEquals(result, x) ? x.alias() : result;
    }

    /// <summary>Reflect padding of [N, C, H, W]: torch's own when the image is large enough, else repeated mirroring.</summary>
    private static Tensor ReflectPad(Tensor nchw, long padW, long padH)
    {
        if (padW < nchw.shape[3] && padH < nchw.shape[2])
            return F.pad(nchw, new[] { padW, padW, padH, padH }, PaddingModes.Reflect);
        return Extend(nchw, padW, padH, padW, padH, mirror: true);
    }

    /// <summary>A normalised 1-D Gaussian of standard deviation <paramref name="sigma"/> samples, radius ceil(3 sigma).</summary>
    public static float[] GaussianWeights(double sigma)
    {
        var radius = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var weights = new float[2 * radius + 1];
        double sum = 0;
        for (var i = -radius; i <= radius; i++) sum += weights[i + radius] = (float)Math.Exp(-0.5 * i * i / (sigma * sigma));
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)(weights[i] / sum);
        return weights;
    }

    /// <summary>
    /// Convolves every channel of [N, C, H, W] with the 1-D kernel <paramref name="horizontal"/> along
    /// the rows and <paramref name="vertical"/> along the columns (odd lengths; null skips an axis),
    /// reflecting at the borders. The result has the input's shape. (A sum of shifted views: on CPU this
    /// is several times faster than conv2d for single-channel kernels.)
    /// </summary>
    public static Tensor SeparableFilter(Tensor nchw, float[]? horizontal, float[]? vertical)
    {
        using var scope = NewDisposeScope();
        var x = nchw;
        if (horizontal is not null) x = Filter1D(x, 3, horizontal);
        if (vertical is not null) x = Filter1D(x, 2, vertical);
        return (ReferenceEquals(x, nchw) ? x.clone() : x).MoveToOuterDisposeScope();
    }

    /// <summary>Convolves axis <paramref name="dim"/> (2 or 3) of [N, C, H, W] with an odd-length kernel, reflecting at the ends.</summary>
    private static Tensor Filter1D(Tensor nchw, int dim, float[] kernel)
    {
        var radius = kernel.Length / 2;
        var size = nchw.shape[dim];
        var padded = dim == 3 ? ReflectPad(nchw, radius, 0) : ReflectPad(nchw, 0, radius);
        var result = padded.narrow(dim, 0, size).mul(kernel[0]);
        for (var k = 1; k < kernel.Length; k++) result.add_(padded.narrow(dim, k, size), alpha: kernel[k]);
        return result;
    }

    /// <summary>
    /// Gaussian blur of every channel of [N, C, H, W] with standard deviation <paramref name="sigma"/>
    /// pixels (separable, reflecting at the borders). From sigma 4 on it blurs a 2×, 4×, … reduced copy
    /// and enlarges it again, which gives the same result up to a small interpolation error at a
    /// fraction of the cost.
    /// </summary>
    public static Tensor GaussianBlur(Tensor nchw, double sigma)
    {
        if (sigma < 0.05) return nchw.clone();
        var (h, w) = (nchw.shape[2], nchw.shape[3]);
        // A reduction by r (a box filter, variance r^2/12 in full-size pixels), a blur of
        // sqrt(sigma^2 - r^2/12)/r on the small copy and a smooth enlargement blur by sigma in all;
        // the small copy keeps at least 2 of its pixels per sigma, so it stays well sampled.
        var reduce = 1;
        while (sigma / (reduce * 2) >= 2 && h / (reduce * 2) >= 8 && w / (reduce * 2) >= 8) reduce *= 2;
        if (reduce == 1)
        {
            var weights = GaussianWeights(sigma);
            return SeparableFilter(nchw, w > 1 ? weights : null, h > 1 ? weights : null);
        }
        using var scope = NewDisposeScope();
        var small = F.interpolate(nchw, new[] { h / reduce, w / reduce }, mode: InterpolationMode.Area);
        var rest = Math.Sqrt(Math.Max(sigma * sigma - reduce * reduce / 12.0, 0)) / reduce;
        var weightsSmall = GaussianWeights(rest);
        var blurred = SeparableFilter(small, weightsSmall, weightsSmall);
        return F.interpolate(blurred, new[] { h, w }, mode: InterpolationMode.Bicubic, align_corners: false).MoveToOuterDisposeScope();
    }

    /// <summary>Resizes [N, C, H, W] to <paramref name="height"/> × <paramref name="width"/>; values are not clamped.</summary>
    public static Tensor Resize(Tensor nchw, long height, long width, ResizeMethod method)
    {
        var (h, w) = (nchw.shape[2], nchw.shape[3]);
        if (h == height && w == width) return nchw.clone();
        var shrinking = height < h || width < w;
        return method switch
        {
            ResizeMethod.Bilinear => F.interpolate(nchw, new[] { height, width }, mode: InterpolationMode.Bilinear, align_corners: false, antialias: shrinking),
            ResizeMethod.Bicubic => F.interpolate(nchw, new[] { height, width }, mode: InterpolationMode.Bicubic, align_corners: false, antialias: shrinking),
            ResizeMethod.Area => F.interpolate(nchw, new[] { height, width }, mode: InterpolationMode.Area),
            ResizeMethod.Lanczos => Lanczos(nchw, height, width),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown resize method"),
        };
    }

    /// <summary>Lanczos-3 resampling of [N, C, H, W], one separable pass per axis.</summary>
    public static Tensor Lanczos(Tensor nchw, long height, long width)
    {
        using var scope = NewDisposeScope();
        var x = nchw;
        if (x.shape[3] != width) x = LanczosAxis(x, 3, width);
        if (x.shape[2] != height) x = LanczosAxis(x, 2, height);
        return (ReferenceEquals(x, nchw) ? x.clone() : x).MoveToOuterDisposeScope();
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    /// <summary>
    /// Resamples axis <paramref name="dim"/> (2 or 3) of [N, C, H, W] to <paramref name="outSize"/> samples
    /// with a Lanczos-3 kernel, widened by the reduction factor when shrinking (so that it also removes
    /// what would alias); sample centres at (i + 0.5) / scale, the edge sample repeated beyond the ends,
    /// weights normalised per output sample. When the sizes have a small ratio p:q (2:1, 3:2, 1:4, …)
    /// the weights repeat every p outputs, and each of the p phases is a sum of strided views (no
    /// gathering); otherwise every tap gathers its samples.
    /// </summary>
    private static Tensor LanczosAxis(Tensor x, int dim, long outSize)
    {
        const int Lobes = 3;
        const int MaxPhases = 16;
        var inSize = x.shape[dim];
        var scale = (double)outSize / inSize;
        var stretch = Math.Max(1.0, 1.0 / scale);
        var support = Lobes * stretch;
        var taps = (int)Math.Ceiling(support) * 2 + 1;

        // The first input sample and the normalised weights for an output sample centred at 'centre'.
        (long First, float[] Weights) Taps(double centre)
        {
            var first = (long)Math.Floor(centre - support + 0.5);
            var row = new double[taps];
            double sum = 0;
            for (var k = 0; k < taps; k++)
            {
                var t = (first + k + 0.5 - centre) / stretch;
                row[k] = Math.Abs(t) < Lobes ? Sinc(t) * Sinc(t / Lobes) : 0;
                sum += row[k];
            }
            var weights = new float[taps];
            for (var k = 0; k < taps; k++) weights[k] = (float)(row[k] / sum);
            return (first, weights);
        }

        using var scope = NewDisposeScope();
        var g = Gcd(inSize, outSize);
        var (phases, step, repeats) = (outSize / g, inSize / g, g);
        if (phases <= MaxPhases)
        {
            // Output P·j + r is centred at Q·j + centre_r: phase r reads every Q-th sample from first_r + k.
            var rows = new (long First, float[] Weights)[phases];
            for (var r = 0; r < phases; r++) rows[r] = Taps((r + 0.5) / scale);
            var padLeft = Math.Max(0, -MinFirst(rows));
            var padRight = Math.Max(0, step * (repeats - 1) + MaxFirst(rows) + taps - inSize);
            var padded = EdgePad(x, dim, padLeft, padRight);
            var parts = new Tensor[phases];
            for (var r = 0; r < phases; r++)
            {
                Tensor? sum = null;
                for (var k = 0; k < taps; k++)
                {
                    var start = padLeft + rows[r].First + k;
                    var view = padded.slice(dim, start, start + step * (repeats - 1) + 1, step);
                    if (sum is null) sum = view.mul(rows[r].Weights[k]);
                    else sum.add_(view, alpha: rows[r].Weights[k]);
                }
                parts[r] = sum!;
            }
            var shape = (long[])x.shape.Clone();
            shape[dim] = outSize;
            var result = phases == 1 ? parts[0] : stack(parts, dim + 1).reshape(shape);
            return result.MoveToOuterDisposeScope();
        }

        var index = new long[taps][];
        var weight = new float[taps][];
        for (var k = 0; k < taps; k++)
        {
            index[k] = new long[outSize];
            weight[k] = new float[outSize];
        }
        for (var i = 0; i < outSize; i++)
        {
            var (first, weights) = Taps((i + 0.5) / scale);
            for (var k = 0; k < taps; k++)
            {
                index[k][i] = Math.Clamp(first + k, 0, inSize - 1);
                weight[k][i] = weights[k];
            }
        }
        var weightShape = new long[] { 1, 1, 1, 1 };
        weightShape[dim] = outSize;
        Tensor? gathered = null;
        for (var k = 0; k < taps; k++)
        {
            var term = x.index_select(dim, tensor(index[k], ScalarType.Int64)).mul_(tensor(weight[k], weightShape));
            gathered = gathered is null ? term : gathered.add_(term);
        }
        return gathered!.MoveToOuterDisposeScope();
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    private static long MinFirst((long First, float[] Weights)[] rows)
    {
        var min = long.MaxValue;
        foreach (var row in rows) min = Math.Min(min, row.First);
        return min;
    }

    private static long MaxFirst((long First, float[] Weights)[] rows)
    {
        var max = long.MinValue;
        foreach (var row in rows) max = Math.Max(max, row.First);
        return max;
    }

    /// <summary>[N, C, H, W] with axis <paramref name="dim"/> (2 or 3) extended by repeating its end samples.</summary>
    private static Tensor EdgePad(Tensor nchw, int dim, long left, long right)
    {
        if (left == 0 && right == 0) return nchw.alias();
        var pad = dim == 3 ? new[] { left, right, 0L, 0L } : new[] { 0L, 0L, left, right };
        return F.pad(nchw, pad, PaddingModes.Replicate);
    }

    /// <summary>
    /// One pyramid reduction of [N, C, H, W] (H, W at least 2): the mean of each 4×4 block at stride 2
    /// (a [1 1 1 1]/4 filter each way, which removes the frequencies that would alias; blocks at the
    /// border average their pixels inside the image), giving ceil(H/2) × ceil(W/2).
    /// </summary>
    public static Tensor PyramidDown(Tensor nchw) =>
        F.avg_pool2d(nchw, new long[] { 4, 4 }, new long[] { 2, 2 }, new long[] { 1, 1 }, ceil_mode: true, count_include_pad: false);

    /// <summary>A pyramid expansion: [N, C, h, w] enlarged to <paramref name="height"/> × <paramref name="width"/> (bilinear).</summary>
    public static Tensor PyramidUp(Tensor nchw, long height, long width) =>
        F.interpolate(nchw, new[] { height, width }, mode: InterpolationMode.Bilinear, align_corners: false);

    /// <summary>How many pyramid levels below full size keep the smallest level at least 8 pixels, up to <paramref name="max"/>.</summary>
    public static int PyramidDepth(long height, long width, int max)
    {
        var levels = 0;
        var side = Math.Min(height, width);
        while (levels < max && (side + 1) / 2 >= 8)
        {
            side = (side + 1) / 2;
            levels++;
        }
        return levels;
    }

    /// <summary>0 below <paramref name="edge0"/>, 1 above <paramref name="edge1"/>, a smooth cubic between.</summary>
    public static Tensor SmoothStep(Tensor x, double edge0, double edge1)
    {
        var t = x.sub(edge0).div_(Math.Max(edge1 - edge0, 1e-12)).clamp_(0, 1);
        return t.mul(t).mul_(t.mul(-2).add_(3));
    }

    // sRGB D65 <-> CIE XYZ (IEC 61966-2-1), and the D65 white point.
    private static readonly float[] RgbToXyz =
    {
        0.4124564f, 0.3575761f, 0.1804375f,
        0.2126729f, 0.7151522f, 0.0721750f,
        0.0193339f, 0.1191920f, 0.9503041f,
    };
    private static readonly float[] XyzToRgb =
    {
        3.2404542f, -1.5371385f, -0.4985314f,
        -0.9692660f, 1.8760108f, 0.0415560f,
        0.0556434f, -0.2040259f, 1.0572252f,
    };
    private static readonly float[] White = { 0.95047f, 1f, 1.08883f };
    private const double Delta = 6.0 / 29;

    /// <summary>Applies a row-major 3×3 matrix to the three channels of [3, H, W].</summary>
    public static Tensor Transform3(Tensor chw, float[] matrix)
    {
        using var m = tensor(matrix, new long[] { 3, 3 });
        var (h, w) = (chw.shape[1], chw.shape[2]);
        return m.matmul(chw.reshape(3, h * w)).reshape(3, h, w);
    }

    /// <summary>sRGB-encoded [3, H, W] (0 to 1) to linear light.</summary>
    public static Tensor SrgbToLinear(Tensor srgb)
    {
        using var scope = NewDisposeScope();
        var c = srgb.clamp(0, 1);
        var low = c.div(12.92);
        var high = c.add(0.055).div_(1.055).pow_(2.4);
        return where(c.le(0.04045), low, high).MoveToOuterDisposeScope();
    }

    /// <summary>Linear light [3, H, W] to sRGB encoding (negative values become 0).</summary>
    public static Tensor LinearToSrgb(Tensor linear)
    {
        using var scope = NewDisposeScope();
        var l = linear.clamp_min(0);
        var low = l.mul(12.92);
        var high = l.pow(1 / 2.4).mul_(1.055).sub_(0.055);
        return where(l.le(0.0031308), low, high).MoveToOuterDisposeScope();
    }

    /// <summary>sRGB [3, H, W] to CIE L*a*b* (D65): L in 0..100, a and b roughly -128..127.</summary>
    public static Tensor SrgbToLab(Tensor srgb)
    {
        using var scope = NewDisposeScope();
        var xyz = Transform3(SrgbToLinear(srgb), RgbToXyz).div_(tensor(White, new long[] { 3, 1, 1 }));
        var cube = xyz.clamp_min(Delta * Delta * Delta).pow_(1.0 / 3);
        var linear = xyz.div(3 * Delta * Delta).add_(4.0 / 29);
        var f = where(xyz.gt(Delta * Delta * Delta), cube, linear);
        var (fx, fy, fz) = (f[0], f[1], f[2]);
        var l = fy.mul(116).sub_(16);
        var a = fx.sub(fy).mul_(500);
        var b = fy.sub(fz).mul_(200);
        return stack(new[] { l, a, b }).MoveToOuterDisposeScope();
    }

    /// <summary>CIE L*a*b* (D65) [3, H, W] to sRGB, not clamped to 0..1 (out-of-gamut colours exceed it).</summary>
    public static Tensor LabToSrgb(Tensor lab)
    {
        using var scope = NewDisposeScope();
        var fy = lab[0].add(16).div_(116);
        var fx = fy.add(lab[1].div(500));
        var fz = fy.sub(lab[2].div(200));
        var f = stack(new[] { fx, fy, fz });
        var cube = f.pow(3);
        var linear = f.sub(4.0 / 29).mul_(3 * Delta * Delta);
        var xyz = where(f.gt(Delta), cube, linear).mul_(tensor(White, new long[] { 3, 1, 1 }));
        return LinearToSrgb(Transform3(xyz, XyzToRgb)).MoveToOuterDisposeScope();
    }

    /// <summary>[C, H, W] with C = 3 gains an opaque alpha channel; C = 4 is copied.</summary>
    public static Tensor WithAlpha(Tensor chw)
    {
        if (chw.shape[0] == 4) return chw.alias();
        using var alpha = ones(1, chw.shape[1], chw.shape[2]);
        return cat(new[] { chw, alpha }, 0);
    }

    /// <summary>The colour's channels 0 to 1, as [C, 1, 1] with C = 3 or 4.</summary>
    public static Tensor ColorTensor(Color color, int channels) => channels == 4
        ? tensor(new[] { color.R / 255f, color.G / 255f, color.B / 255f, color.A / 255f }, new long[] { 4, 1, 1 })
        : tensor(new[] { color.R / 255f, color.G / 255f, color.B / 255f }, new long[] { 3, 1, 1 });
}
