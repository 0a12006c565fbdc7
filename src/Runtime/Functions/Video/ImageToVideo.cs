using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

/// <summary>The video functions: clips from images, joins, transitions, retiming and sound tracks.</summary>
public static partial class VideoFunctions
{
    /// <summary>
    /// Animates a still image with a Ken Burns camera move: each frame is an affine resample (scale and
    /// offset, bilinear, sub-pixel exact) of the image, so the motion never snaps to whole pixels, quantised
    /// to the video's 8-bit levels. The move eases in and out (smoothstep). The frames have the image's size
    /// and channels.
    /// </summary>
    /// <param name="image">The still image.</param>
    /// <param name="duration">Length of the clip in seconds (0.5 to 60); the clip has round(duration × fps) frames.</param>
    /// <param name="fps">Frames per second (1 to 120).</param>
    /// <param name="motion">The camera move.</param>
    /// <param name="zoom">How far the camera moves (0 to 0.5): zooms magnify by up to 1 + zoom; pans travel this fraction of the frame.</param>
    /// <param name="progress">Receives the fraction of frames done.</param>
    /// <param name="cancellationToken">Observed between groups of frames.</param>
    /// <returns>A new video without sound that the caller owns.</returns>
    [SymFunction(Summary = "Animate a still image with a camera move", Category = "video", Version = 2)]
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
        ParameterGuard.InDomain(nameof(ImageToVideo), "duration", duration);
        ParameterGuard.InDomain(nameof(ImageToVideo), "fps", fps);
        ParameterGuard.InDomain(nameof(ImageToVideo), "zoom", zoom);
        if (!Enum.IsDefined(motion)) throw new ArgumentOutOfRangeException(nameof(motion), motion, "ImageToVideo: unknown camera motion");

        cancellationToken.ThrowIfCancellationRequested();
        var count = VideoOps.FrameCount(duration, fps);
        var path = CameraPath(count, motion, zoom);
        var (channels, height, width) = (image.Tensor.shape[0], image.Tensor.shape[1], image.Tensor.shape[2]);
        using var source = image.Tensor.contiguous();
        var frames = torch.empty(new long[] { count, channels, height, width }, ScalarType.Byte);
        try
        {
            KenBurnsResampler.Render(source, frames, path, progress, cancellationToken);
        }
        catch
        {
            frames.Dispose();
            throw;
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
}
