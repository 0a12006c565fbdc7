using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

public static partial class VideoFunctions
{
    /// <summary>
    /// Plays <paramref name="b"/> after <paramref name="a"/>. The result has a's frame rate, channels and
    /// size: b is retimed to a's frame rate (nearest frame) and resized to a's size (bilinear) when they
    /// differ. When either video has sound, the result has a track that follows the frames (silence where a
    /// video has none).
    /// </summary>
    /// <param name="a">The first video.</param>
    /// <param name="b">The video played after it.</param>
    /// <param name="cancellationToken">Observed between groups of frames.</param>
    /// <returns>A new video that the caller owns.</returns>
    [SymFunction(Summary = "Play one video after another", Category = "video", Version = 2)]
    public static Video Concat(
        [SymPort(Summary = "The first video")] Video a,
        [SymPort(Summary = "The video played after it")] Video b,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var bIndices = VideoOps.RetimeIndices(b.FrameCount, b.Fps, a.Fps);
        var total = (long)a.FrameCount + bIndices.Length;

        using var scope = NewDisposeScope();
        var frames = torch.empty(new long[] { total, a.Channels, a.Height, a.Width }, ScalarType.Byte);
        VideoOps.CopyFrames(a.Tensor, VideoOps.Range(0, a.FrameCount), frames.narrow(0, 0, a.FrameCount), cancellationToken);
        VideoOps.CopyFrames(b.Tensor, bIndices, frames.narrow(0, a.FrameCount, bIndices.Length), cancellationToken);

        Tensor? track = null;
        var format = TrackOps.CommonFormat(a, b);
        if (format is (int rate, int channels))
        {
            track = torch.cat(new[]
            {
                TrackOps.TrackOf(a, a.FrameCount / a.Fps, rate, channels),
                TrackOps.TrackOf(b, bIndices.Length / a.Fps, rate, channels),
            }, 1);
        }
        return NewVideo(frames, a.Fps, track, format?.SampleRate ?? 0);
    }

    /// <summary>
    /// Joins two videos with a cross-dissolve: the last <paramref name="duration"/> of <paramref name="a"/>
    /// overlaps the first <paramref name="duration"/> of <paramref name="b"/>, b's weight rising linearly from
    /// near 0 to near 1 (overlap frame k of K has weight (k + 1) / (K + 1)). The result is K frames shorter
    /// than a and b played one after the other; b is conformed to a as in <see cref="Concat"/>. The blend is
    /// computed in float, a chunk of frames at a time, and quantised once. Sound crossfades over the same
    /// overlap with equal-power gains.
    /// </summary>
    /// <param name="a">The outgoing video.</param>
    /// <param name="b">The incoming video.</param>
    /// <param name="duration">The overlap in seconds (0 to 60), rounded to whole frames at a's frame rate; 0 is a cut.</param>
    /// <param name="cancellationToken">Observed between groups of frames.</param>
    /// <returns>A new video that the caller owns.</returns>
    /// <exception cref="ArgumentException">The overlap is longer than one of the videos.</exception>
    [SymFunction(Summary = "Cross-dissolve from one video into another", Category = "video", Version = 2)]
    public static Video Crossfade(
        [SymPort(Summary = "The outgoing video")] Video a,
        [SymPort(Summary = "The incoming video")] Video b,
        [SymParam(SymKind.Duration, Min = 0, Max = 60, Summary = "How long the two videos overlap")] double duration = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ParameterGuard.InDomain(nameof(Crossfade), "duration", duration);
        var bIndices = VideoOps.RetimeIndices(b.FrameCount, b.Fps, a.Fps);
        var overlap = (int)Math.Round(duration * a.Fps, MidpointRounding.AwayFromZero);
        if (overlap > a.FrameCount || overlap > bIndices.Length)
        {
            var (which, frames) = overlap > a.FrameCount ? ("a", a.FrameCount) : ("b", bIndices.Length);
            throw new ArgumentException(FormattableString.Invariant(
                $"Crossfade: the overlap of {duration} s ({overlap} frames at {a.Fps:0.###} fps) is longer than video {which} ({frames} frames)"),
                nameof(duration));
        }
        var total = (long)a.FrameCount + bIndices.Length - overlap;

        using var scope = NewDisposeScope();
        var output = torch.empty(new long[] { total, a.Channels, a.Height, a.Width }, ScalarType.Byte);
        var blendStart = a.FrameCount - overlap;
        VideoOps.CopyFrames(a.Tensor, VideoOps.Range(0, blendStart), output.narrow(0, 0, blendStart), cancellationToken);
        for (var k = 0; k < overlap; k += VideoOps.FrameChunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var chunkScope = NewDisposeScope();
            var n = Math.Min(VideoOps.FrameChunk, overlap - k);
            var outgoing = TensorMedia.Dequantize(a.Tensor.narrow(0, blendStart + k, n));
            var incoming = VideoOps.Conform(TensorMedia.Dequantize(VideoOps.SelectFrames(b.Tensor, bIndices, k, n)), a.Channels, a.Height, a.Width);
            var weights = new float[n];
            for (var i = 0; i < n; i++) weights[i] = (float)((k + i + 1.0) / (overlap + 1.0));
            output.narrow(0, blendStart + k, n).copy_(TensorMedia.Quantize(outgoing.lerp_(incoming, VideoOps.FrameWeights(weights))));
        }
        var rest = bIndices.Length - overlap;
        if (rest > 0)
        {
            var restIndices = new long[rest];
            Array.Copy(bIndices, overlap, restIndices, 0, rest);
            VideoOps.CopyFrames(b.Tensor, restIndices, output.narrow(0, a.FrameCount, rest), cancellationToken);
        }

        Tensor? track = null;
        var format = TrackOps.CommonFormat(a, b);
        if (format is (int rate, int channels))
        {
            var first = TrackOps.TrackOf(a, a.FrameCount / a.Fps, rate, channels);
            var second = TrackOps.TrackOf(b, bIndices.Length / a.Fps, rate, channels);
            var shared = Math.Min(TrackOps.SampleCount(overlap / a.Fps, rate), Math.Min(first.shape[1], second.shape[1]));
            var headLength = first.shape[1] - shared;
            var w = torch.arange(shared, dtype: ScalarType.Float64).add(0.5).div(Math.Max(1, shared)).mul(Math.PI / 2);
            var mixed = first.narrow(1, headLength, shared).mul(w.cos().to(ScalarType.Float32))
                .add(second.narrow(1, 0, shared).mul(w.sin().to(ScalarType.Float32)));
            track = torch.cat(new[] { first.narrow(1, 0, headLength), mixed, second.narrow(1, shared, second.shape[1] - shared) }, 1);
        }
        return NewVideo(output, a.Fps, track, format?.SampleRate ?? 0);
    }

    /// <summary>
    /// Plays a video backwards: the frames in reverse order and, when it has sound, the sound reversed too
    /// (first fitted to the frames' length, so that picture and sound stay together).
    /// </summary>
    /// <param name="video">The video.</param>
    /// <param name="cancellationToken">Observed between groups of frames.</param>
    /// <returns>A new video that the caller owns.</returns>
    [SymFunction(Summary = "Play a video backwards", Category = "video", Version = 2)]
    public static Video Reverse(
        [SymPort(Summary = "The video")] Video video,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        var indices = new long[video.FrameCount];
        for (var i = 0; i < indices.Length; i++) indices[i] = indices.Length - 1 - i;

        using var scope = NewDisposeScope();
        var frames = torch.empty(video.Tensor.shape, ScalarType.Byte);
        VideoOps.CopyFrames(video.Tensor, indices, frames, cancellationToken);
        Tensor? track = null;
        if (video.Audio is { } audio)
            track = TrackOps.TrackOf(video, video.Seconds, audio.SampleRate, audio.Channels).flip(1);
        return NewVideo(frames, video.Fps, track, video.Audio?.SampleRate ?? 0);
    }

    /// <summary>
    /// Repeats a video: <paramref name="count"/> times, or, when <paramref name="duration"/> is above 0, as
    /// often as it takes to last exactly that long (the last repeat cut short). Sound, fitted to the
    /// frames' length, repeats with the frames.
    /// </summary>
    /// <param name="video">The video.</param>
    /// <param name="count">How many times the video plays (1 to 1000); ignored when <paramref name="duration"/> is above 0.</param>
    /// <param name="duration">The length to fill in seconds (0 to 3600), rounded to whole frames; 0 means "use count".</param>
    /// <param name="cancellationToken">Observed between groups of frames.</param>
    /// <returns>A new video that the caller owns.</returns>
    [SymFunction(Summary = "Repeat a video a number of times or to a length", Category = "video", Version = 2)]
    public static Video Loop(
        [SymPort(Summary = "The video")] Video video,
        [SymParam(Min = 1, Max = 1000, Summary = "How many times the video plays (when duration is 0)")] int count = 2,
        [SymParam(SymKind.Duration, Min = 0, Max = 3600, Summary = "The length to fill by repeating; 0 means use count")] double duration = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        ParameterGuard.InDomain(nameof(Loop), "count", count);
        ParameterGuard.InDomain(nameof(Loop), "duration", duration);
        var total = duration > 0 ? VideoOps.FrameCount(duration, video.Fps) : (long)video.FrameCount * count;
        if (total > int.MaxValue) throw new ArgumentException($"Loop: {total} frames are too many", nameof(count));
        var indices = new long[total];
        for (var i = 0; i < indices.Length; i++) indices[i] = i % video.FrameCount;

        using var scope = NewDisposeScope();
        var frames = torch.empty(new long[] { total, video.Channels, video.Height, video.Width }, ScalarType.Byte);
        VideoOps.CopyFrames(video.Tensor, indices, frames, cancellationToken);
        Tensor? track = null;
        if (video.Audio is { } audio)
        {
            var period = TrackOps.TrackOf(video, video.Seconds, audio.SampleRate, audio.Channels);
            track = TrackOps.Fit(period, TrackOps.SampleCount(total / video.Fps, audio.SampleRate), AudioFit.Loop);
        }
        return NewVideo(frames, video.Fps, track, video.Audio?.SampleRate ?? 0);
    }

    /// <summary>
    /// A video from frames and an optional track (both in the caller's scope; both are detached from it).
    /// The track is copied into its own contiguous storage.
    /// </summary>
    private static Video NewVideo(Tensor frames, double fps, Tensor? track, int sampleRate)
    {
        var audio = track is null ? null : Audio.FromTensor(track.contiguous().clone(), sampleRate);
        try
        {
            return Video.FromTensor(frames, fps, audio);
        }
        catch
        {
            audio?.Dispose();
            throw;
        }
    }
}
