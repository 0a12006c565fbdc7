using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

public static partial class VideoFunctions
{
    /// <summary>
    /// One frame of a video as an image: frame <paramref name="index"/> when it is 0 or more, otherwise the
    /// frame on screen at <paramref name="time"/> (frame floor(time × fps); the video's exact end gives the
    /// last frame). The image is a float32 copy of the frame (level / 255), so it does not keep the video's
    /// frames alive.
    /// </summary>
    /// <param name="video">The video.</param>
    /// <param name="time">When, in seconds from the start (0 to 3600); used when <paramref name="index"/> is -1.</param>
    /// <param name="index">A frame number counted from 0, or -1 to use <paramref name="time"/>.</param>
    /// <param name="cancellationToken">Observed before the work starts.</param>
    /// <returns>A new image that the caller owns.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time or index is past the end of the video.</exception>
    [SymFunction(Summary = "Take one frame of a video as an image", Category = "video", Version = 2)]
    public static Image ExtractFrame(
        [SymPort(Summary = "The video")] Video video,
        [SymParam(SymKind.Duration, Min = 0, Max = 3600, Summary = "When the frame is shown, from the start (used when index is -1)")] double time = 0,
        [SymParam(Min = -1, Max = int.MaxValue, Summary = "A frame number counted from 0, or -1 to use time")] int index = -1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        cancellationToken.ThrowIfCancellationRequested();
        int frame;
        if (index >= 0)
        {
            if (index >= video.FrameCount)
                throw new ArgumentOutOfRangeException(nameof(index), index, $"ExtractFrame: the video has frames 0 to {video.FrameCount - 1}; got index {index}");
            frame = index;
        }
        else
        {
            if (index != -1) throw new ArgumentOutOfRangeException(nameof(index), index, "ExtractFrame: index is a frame number from 0, or -1 to use time");
            ParameterGuard.InDomain(nameof(ExtractFrame), "time", time);
            // A tolerance of a millionth of a frame absorbs the rounding of times written as frame / fps.
            var position = (long)Math.Floor(time * video.Fps + 1e-6);
            if (position >= video.FrameCount)
            {
                if (time > video.Seconds + 1e-9)
                    throw new ArgumentOutOfRangeException(nameof(time), time,
                        FormattableString.Invariant($"ExtractFrame: time {time} s is past the end of the video ({video.Seconds:0.###} s)"));
                position = video.FrameCount - 1;
            }
            frame = (int)position;
        }
        return video.Frame(frame);
    }

    /// <summary>
    /// Puts a sound track under a video, replacing any it had, fitted to the video's length: trim cuts a
    /// longer track (and follows a shorter one with silence), loop repeats a shorter track, pad follows it
    /// with silence (and cuts a longer one). The track keeps its sample rate and channels. The frames are
    /// shared with the input video, not copied (media are never modified in place).
    /// </summary>
    /// <param name="video">The video.</param>
    /// <param name="audio">The sound track.</param>
    /// <param name="fit">How the track is fitted to the video's length.</param>
    /// <param name="cancellationToken">Observed before the work starts.</param>
    /// <returns>A new video that the caller owns.</returns>
    [SymFunction(Summary = "Put an audio track under a video", Category = "video", Version = 2)]
    public static Video AddAudio(
        [SymPort(Summary = "The video")] Video video,
        [SymPort(Summary = "The sound track")] Audio audio,
        [SymParam(Summary = "How the audio is fitted to the video's length")] AudioFit fit = AudioFit.Trim,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(audio);
        if (!Enum.IsDefined(fit)) throw new ArgumentOutOfRangeException(nameof(fit), fit, "AddAudio: unknown fit");
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = NewDisposeScope();
        var target = TrackOps.SampleCount(video.Seconds, audio.SampleRate);
        var samples = TrackOps.Fit(audio.Tensor, target, fit).clone();
        using var track = Audio.FromTensor(samples, audio.SampleRate);
        return video.WithAudio(track);
    }
}
