using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

public static partial class VideoFunctions
{
    /// <summary>
    /// Plays a video faster (<paramref name="factor"/> above 1) or slower (below 1) at the same frame rate:
    /// output frame j shows source time j × factor (in frames), as the nearest frame or a blend of the two
    /// around it (computed in float, a chunk of frames at a time, and quantised once). The result has
    /// round(frames / factor) frames. Sound, when kept, is resampled by the same
    /// factor like a tape played faster or slower, so its pitch changes with the speed.
    /// </summary>
    /// <param name="video">The video.</param>
    /// <param name="factor">Speed multiplier (0.1 to 10): 2 plays twice as fast, 0.5 at half speed.</param>
    /// <param name="sampling">How frames between two source frames are made.</param>
    /// <param name="keepAudio">Keep the sound (resampled, pitch shifted); false drops it.</param>
    /// <param name="cancellationToken">Observed between groups of frames.</param>
    /// <returns>A new video that the caller owns.</returns>
    [SymFunction(Summary = "Play a video faster or slower", Category = "video", Version = 2)]
    public static Video ChangeSpeed(
        [SymPort(Summary = "The video")] Video video,
        [SymParam(Min = 0.1, Max = 10, Summary = "Speed multiplier: 2 is twice as fast, 0.5 half speed")] double factor = 2,
        [SymParam(Summary = "How frames between two source frames are made")] FrameSampling sampling = FrameSampling.Blend,
        [SymParam(Summary = "Keep the sound, resampled with the frames (its pitch changes); false drops it")] bool keepAudio = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        ParameterGuard.InDomain(nameof(ChangeSpeed), "factor", factor);
        if (!Enum.IsDefined(sampling)) throw new ArgumentOutOfRangeException(nameof(sampling), sampling, "ChangeSpeed: unknown sampling");
        var count = VideoOps.FrameCount(video.FrameCount / factor, 1);
        var last = video.FrameCount - 1;
        var lower = new long[count];
        var upper = new long[count];
        var weights = new float[count];
        for (var j = 0; j < count; j++)
        {
            var position = Math.Min(j * factor, last);
            if (sampling == FrameSampling.Nearest)
            {
                lower[j] = upper[j] = Math.Min(last, (long)Math.Round(position, MidpointRounding.AwayFromZero));
            }
            else
            {
                lower[j] = (long)Math.Floor(position);
                upper[j] = Math.Min(last, lower[j] + 1);
                weights[j] = (float)(position - lower[j]);
            }
        }

        using var scope = NewDisposeScope();
        var frames = torch.empty(new long[] { count, video.Channels, video.Height, video.Width }, ScalarType.Byte);
        for (var start = 0; start < count; start += VideoOps.FrameChunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var chunkScope = NewDisposeScope();
            var n = Math.Min(VideoOps.FrameChunk, count - start);
            var earlier = VideoOps.SelectFrames(video.Tensor, lower, start, n);
            var blended = false;
            for (var i = start; i < start + n && !blended; i++) blended = weights[i] != 0;
            if (blended)
            {
                var later = TensorMedia.Dequantize(VideoOps.SelectFrames(video.Tensor, upper, start, n));
                var weighted = TensorMedia.Dequantize(earlier).lerp_(later, VideoOps.FrameWeights(weights.AsSpan(start, n).ToArray()));
                earlier = TensorMedia.Quantize(weighted);
            }
            frames.narrow(0, start, n).copy_(earlier);
        }
        Tensor? track = null;
        if (keepAudio && video.Audio is { } audio)
            track = TrackOps.Resample(audio.Tensor, (long)Math.Round(audio.SampleCount / factor, MidpointRounding.AwayFromZero));
        return NewVideo(frames, video.Fps, track, video.Audio?.SampleRate ?? 0);
    }

    /// <summary>
    /// Doubles a video's frame rate by making a frame halfway between every two neighbours; the result has
    /// twice as many frames (the last frame is shown twice) and lasts as long. <see cref="FrameInterpolationMode.Blend"/>
    /// averages the neighbours. <see cref="FrameInterpolationMode.Motion"/> estimates motion without optical
    /// flow: hierarchical block matching on a luma pyramid finds, for each 8 × 8 block of the new frame, the
    /// symmetric shift that best matches the two neighbours; the block shifts are smoothed into a per-pixel
    /// field and both neighbours are warped halfway along it (bilinear grid_sample) and averaged. In-between
    /// frames are computed in float, a few at a time, and quantised once. The sound is kept.
    /// </summary>
    /// <param name="video">The video.</param>
    /// <param name="mode">How the in-between frames are made.</param>
    /// <param name="progress">Receives the fraction of frame pairs done.</param>
    /// <param name="cancellationToken">Observed between frame pairs.</param>
    /// <returns>A new video that the caller owns.</returns>
    [SymFunction(Summary = "Double a video's frame rate with in-between frames", Category = "video", Version = 2)]
    public static Video FrameInterpolate(
        [SymPort(Summary = "The video")] Video video,
        [SymParam(Summary = "How the in-between frames are made: blend averages, motion follows moving things")] FrameInterpolationMode mode = FrameInterpolationMode.Motion,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        if (!Enum.IsDefined(mode)) throw new ArgumentOutOfRangeException(nameof(mode), mode, "FrameInterpolate: unknown mode");
        var count = video.FrameCount;
        var source = video.Tensor;

        using var scope = NewDisposeScope();
        var frames = torch.empty(new long[] { 2L * count, video.Channels, video.Height, video.Width }, ScalarType.Byte);
        var pairs = frames.view(count, 2, video.Channels, video.Height, video.Width);
        pairs.select(1, 0).copy_(source);
        pairs[count - 1, 1].copy_(source[count - 1]);
        var step = mode == FrameInterpolationMode.Motion ? MotionInterpolation.PairChunk : VideoOps.FrameChunk;
        for (var start = 0; start < count - 1; start += step)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var chunkScope = NewDisposeScope();
            var n = Math.Min(step, count - 1 - start);
            var before = TensorMedia.Dequantize(source.narrow(0, start, n));
            var after = TensorMedia.Dequantize(source.narrow(0, start + 1, n));
            var middle = mode == FrameInterpolationMode.Blend ? before.lerp_(after, torch.tensor(0.5f)) : MotionInterpolation.Halfway(before, after);
            pairs.select(1, 1).narrow(0, start, n).copy_(TensorMedia.Quantize(middle));
            progress?.Report((double)(start + n) / Math.Max(1, count - 1));
        }
        progress?.Report(1);
        var track = video.Audio?.Tensor;
        return NewVideo(frames, video.Fps * 2, track, video.Audio?.SampleRate ?? 0);
    }
}
