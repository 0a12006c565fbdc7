using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SymbolicGen.Runtime.Functions;

/// <summary>The video functions: clips from images, joins, transitions, retiming and sound tracks.</summary>
public static partial class VideoFunctions
{
    /// <summary>
    /// Horizontal bands each frame is cut into, resampled together as one grid_sample batch (grid_sample
    /// parallelises over the batch); 0 picks one per torch thread (2 to 8).
    /// </summary>
    internal static int KenBurnsBands;

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
        // One frame per grid_sample call, cut into bands that form the batch: the threads share the frame,
        // and the temporaries (grid and result, about 40 MB at 1080p) are the same size every call, so the
        // allocator reuses them instead of mapping fresh pages per call.
        var bands = (int)Math.Min(height, KenBurnsBands > 0 ? KenBurnsBands : Math.Clamp(torch.get_num_threads(), 2, 8));
        var rows = (height + bands - 1) / bands;
        var batch = input.expand(bands, channels, height, width);
        var ux = Normalised(width, width);
        var uy = Normalised(height, bands * rows);
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var frameScope = NewDisposeScope();
            var target = frames[i];
            var (scale, cx, cy) = path[i];
            if ((scale, cx, cy) == (1, 0, 0))
            {
                target.copy_(source);
            }
            else
            {
                var gx = torch.tensor(Affine(ux, scale, cx), new long[] { 1, 1, width }).expand(bands, rows, width);
                var gy = torch.tensor(Affine(uy, scale, cy), new long[] { bands, rows, 1 }).expand(bands, rows, width);
                var sampled = F.grid_sample(batch, torch.stack(new[] { gx, gy }, 3), GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
                if (bands * rows == height)
                {
                    target.view(channels, bands, rows, width).copy_(sampled.permute(1, 0, 2, 3));
                }
                else
                {
                    for (var band = 0; band < bands; band++)
                    {
                        var length = Math.Min(rows, height - band * rows);
                        if (length > 0) target.narrow(1, band * rows, length).copy_(sampled[band].narrow(1, 0, length));
                    }
                }
            }
            progress?.Report((double)(i + 1) / count);
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

    /// <summary>Normalised pixel centres u = (2j + 1) / size − 1 for j = 0 … count − 1 (j ≥ size continues the line).</summary>
    private static double[] Normalised(long size, long count)
    {
        var u = new double[count];
        for (var j = 0; j < count; j++) u[j] = (2.0 * j + 1) / size - 1;
        return u;
    }

    /// <summary>grid_sample coordinates <paramref name="centre"/> + <paramref name="scale"/> × u.</summary>
    private static float[] Affine(double[] u, double scale, double centre)
    {
        var result = new float[u.Length];
        for (var j = 0; j < u.Length; j++) result[j] = (float)(centre + scale * u[j]);
        return result;
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
