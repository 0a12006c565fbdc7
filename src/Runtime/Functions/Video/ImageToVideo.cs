using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SymbolicGen.Runtime.Functions;

/// <summary>The video functions: clips from images, joins, transitions, retiming and sound tracks.</summary>
public static partial class VideoFunctions
{
    /// <summary>Frames resampled per grid_sample call (grid_sample spreads a batch over the CPU's threads).</summary>
    internal static int KenBurnsFrameChunk = 4;

    /// <summary>Output rows per grid_sample call: keeps the sampling grid and the result in the CPU cache.</summary>
    internal static int KenBurnsBandRows = 32;

    /// <summary>
    /// Animates a still image with a Ken Burns camera move: each frame is an affine resample (scale and
    /// offset, bilinear, sub-pixel exact) of the image, so the motion never snaps to whole pixels. The move
    /// eases in and out (smoothstep). The frames have the image's size and channels.
    /// </summary>
    /// <param name="image">The still image.</param>
    /// <param name="duration">Length of the clip in seconds (0.5 to 60); the clip has round(duration × fps) frames.</param>
    /// <param name="fps">Frames per second (1 to 120).</param>
    /// <param name="motion">The camera move.</param>
    /// <param name="zoom">How far the camera moves (0 to 0.5): zooms magnify by up to 1 + zoom; pans travel this fraction of the frame.</param>
    /// <param name="progress">Receives the fraction of frames done.</param>
    /// <param name="cancellationToken">Observed between groups of frames.</param>
    /// <returns>A new video without sound that the caller owns.</returns>
    [SymFunction(Summary = "Animate a still image with a camera move", Category = "video")]
    public static Video ImageToVideo(
        [SymPort(Summary = "The still image")] Image image,
        [SymParam(SymKind.Duration, Min = 0.5, Max = 60, Summary = "Length of the clip")] double duration = 4,
        [SymParam(SymKind.FrameRate, Min = 1, Max = 120, Summary = "Frames per second")] double fps = 24,
        [SymParam(Summary = "Camera move")] CameraMotion motion = CameraMotion.ZoomIn,
        [SymParam(SymKind.Ratio, Min = 0, Max = 0.5, Summary = "How far the camera moves, as a fraction of the frame")] double zoom = 0.15,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        RequireRange(nameof(ImageToVideo), nameof(duration), duration, 0.5, 60, "s");
        RequireRange(nameof(ImageToVideo), nameof(fps), fps, 1, 120, "fps");
        RequireRange(nameof(ImageToVideo), nameof(zoom), zoom, 0, 0.5, "");
        if (!Enum.IsDefined(motion)) throw new ArgumentOutOfRangeException(nameof(motion), motion, "ImageToVideo: unknown camera motion");

        var count = VideoOps.FrameCount(duration, fps);
        var path = CameraPath(count, motion, zoom);
        var source = image.Tensor;
        var (channels, height, width) = (source.shape[0], source.shape[1], source.shape[2]);

        using var scope = NewDisposeScope();
        var frames = torch.empty(new long[] { count, channels, height, width });
        var input = source.unsqueeze(0);
        var chunk = Math.Max(1, KenBurnsFrameChunk);
        var band = Math.Max(1, KenBurnsBandRows);
        for (var start = 0; start < count; start += chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var chunkScope = NewDisposeScope();
            var n = Math.Min(chunk, count - start);
            var target = frames.narrow(0, start, n);
            if (IsIdentity(path, start, n))
            {
                target.copy_(input.expand(n, channels, height, width));
            }
            else
            {
                var (gx, gy) = SamplingAxes(path, start, n, (int)width, (int)height);
                var batch = input.expand(n, channels, height, width);
                for (var row = 0L; row < height; row += band)
                {
                    using var bandScope = NewDisposeScope();
                    var rows = Math.Min(band, height - row);
                    var grid = torch.empty(new long[] { n, rows, width, 2 });
                    grid.select(3, 0).copy_(gx.expand(n, rows, width));
                    grid.select(3, 1).copy_(gy.narrow(1, row, rows).expand(n, rows, width));
                    var sampled = F.grid_sample(batch, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
                    target.narrow(2, row, rows).copy_(sampled);
                }
            }
            progress?.Report((double)(start + n) / count);
        }
        return Video.FromTensor(frames, fps);
    }

    /// <summary>
    /// Where the camera looks in each of <paramref name="count"/> frames: the visible window's size as a
    /// fraction of the image (<c>Scale</c>, at most 1) and its centre (<c>X</c>, <c>Y</c>) in the image's
    /// normalised coordinates (-1 = left/top edge, 1 = right/bottom edge). Zooms change the magnification
    /// 1 / Scale geometrically (constant perceived speed) along the eased time; pans move the centre
    /// linearly along it.
    /// </summary>
    internal static (double Scale, double X, double Y)[] CameraPath(int count, CameraMotion motion, double zoom)
    {
        var path = new (double Scale, double X, double Y)[count];
        var panScale = 1 / (1 + zoom);
        var travel = 1 - panScale;
        for (var i = 0; i < count; i++)
        {
            var e = Ease(count == 1 ? 0 : (double)i / (count - 1));
            path[i] = motion switch
            {
                CameraMotion.ZoomIn => (Math.Pow(1 + zoom, -e), 0, 0),
                CameraMotion.ZoomOut => (Math.Pow(1 + zoom, e - 1), 0, 0),
                CameraMotion.PanLeft => (panScale, travel * (1 - 2 * e), 0),
                CameraMotion.PanRight => (panScale, -travel * (1 - 2 * e), 0),
                CameraMotion.PanUp => (panScale, 0, travel * (1 - 2 * e)),
                CameraMotion.PanDown => (panScale, 0, -travel * (1 - 2 * e)),
                _ => (1, 0, 0),
            };
        }
        return path;
    }

    /// <summary>Smoothstep easing, 3t² − 2t³: starts and ends at rest, fastest halfway.</summary>
    internal static double Ease(double t) => t * t * (3 - 2 * t);

    private static bool IsIdentity((double Scale, double X, double Y)[] path, int start, int count)
    {
        for (var i = start; i < start + count; i++)
            if (path[i] != (1, 0, 0)) return false;
        return true;
    }

    /// <summary>
    /// grid_sample's x coordinates [n, 1, W] and y coordinates [n, H, 1] for frames
    /// <c>start .. start + n</c>: output pixel centre u = (2j + 1) / W − 1 samples the image at X + Scale × u.
    /// </summary>
    private static (Tensor X, Tensor Y) SamplingAxes((double Scale, double X, double Y)[] path, int start, int n, int width, int height)
    {
        var xs = new float[n * width];
        var ys = new float[n * height];
        for (var i = 0; i < n; i++)
        {
            var (scale, cx, cy) = path[start + i];
            for (var j = 0; j < width; j++) xs[i * width + j] = (float)(cx + scale * ((2.0 * j + 1) / width - 1));
            for (var j = 0; j < height; j++) ys[i * height + j] = (float)(cy + scale * ((2.0 * j + 1) / height - 1));
        }
        return (torch.tensor(xs, new long[] { n, 1, width }), torch.tensor(ys, new long[] { n, height, 1 }));
    }

    /// <summary>Throws unless <paramref name="value"/> lies in [min, max] (NaN fails).</summary>
    private static void RequireRange(string function, string parameter, double value, double min, double max, string unit)
    {
        if (!(value >= min && value <= max))
        {
            var u = unit.Length == 0 ? "" : " " + unit;
            throw new ArgumentOutOfRangeException(parameter, value,
                FormattableString.Invariant($"{function}: {parameter} must be {min}{u} to {max}{u}; got {value}{u}"));
        }
    }
}
