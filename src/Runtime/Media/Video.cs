using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime;

/// <summary>
/// Video: frames as an 8-bit tensor [T, C, H, W] (uint8, C = 3 or 4, levels 0 to 255, sRGB, alpha not
/// premultiplied: what codecs and ffmpeg deliver, a quarter of float32's memory) at <see cref="Fps"/>
/// frames per second, with optional <see cref="Audio"/>. Owns its frames and its audio until disposed
/// (see <see cref="TensorMedia"/>). Level v stands for the <see cref="Image"/> value v / 255.
/// </summary>
public sealed class Video : TensorMedia
{
    private Audio? _audio;

    private Video(Tensor frames, double fps, Audio? audio) : base(frames)
    {
        FrameCount = (int)frames.shape[0];
        Channels = (int)frames.shape[1];
        Height = (int)frames.shape[2];
        Width = (int)frames.shape[3];
        Fps = fps;
        _audio = audio;
    }

    /// <summary>The number of frames, at least 1.</summary>
    public int FrameCount { get; }

    /// <summary>3 (RGB) or 4 (RGBA).</summary>
    public int Channels { get; }

    /// <summary>Height in pixels, at least 1.</summary>
    public int Height { get; }

    /// <summary>Width in pixels, at least 1.</summary>
    public int Width { get; }

    /// <summary>Width and height.</summary>
    public Size Size => new(Width, Height);

    /// <summary>Frames per second.</summary>
    public double Fps { get; }

    /// <summary><see cref="FrameCount"/> / <see cref="Fps"/>, in seconds.</summary>
    public double Seconds => FrameCount / Fps;

    /// <summary>The length of the frames (rounded to the nearest 100 ns tick); the audio may be shorter or longer.</summary>
    public TimeSpan Duration => TimeSpan.FromTicks((long)Math.Round(Seconds * TimeSpan.TicksPerSecond));

    /// <summary>The sound track, owned by this video (do not dispose it), or null.</summary>
    /// <exception cref="ObjectDisposedException">The video has been disposed.</exception>
    public Audio? Audio => IsDisposed ? throw new ObjectDisposedException(nameof(Video), "This Video has been disposed") : _audio;

    /// <summary>
    /// Wraps <paramref name="frames"/> ([T, C, H, W], T, H, W at least 1, C = 3 or 4) and takes ownership of
    /// it and of <paramref name="audio"/>. uint8 frames are kept as they are. float32 frames (values 0 to 1,
    /// as in <see cref="Image"/>) are a convenience: they are quantised into a new uint8 tensor (clamped to
    /// 0..1, times 255, rounded to nearest with halves to even; NaN becomes 0) and the float tensor, which
    /// the factory owns, is disposed at once.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has another type or shape, or the audio is disposed; ownership stays with the caller.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fps"/> is not a positive number.</exception>
    public static Video FromTensor(Tensor frames, double fps, Audio? audio = null)
    {
        const string what = "Video frames are a uint8 (or float32, quantised) tensor [T, C, H, W] with T, H, W at least 1 and C = 3 or 4";
        Require(frames, 4, what, nameof(frames), ScalarType.Byte, ScalarType.Float32);
        var shape = frames.shape;
        if (shape[0] < 1 || shape[1] is not (3 or 4) || shape[2] < 1 || shape[3] < 1 || shape[0] > int.MaxValue || shape[2] > int.MaxValue || shape[3] > int.MaxValue)
            throw new ArgumentException($"{what}; got {Describe(frames)}", nameof(frames));
        if (!(fps > 0) || double.IsInfinity(fps)) throw new ArgumentOutOfRangeException(nameof(fps), fps, "A frame rate is a positive number");
        if (audio is { IsDisposed: true }) throw new ArgumentException("The audio has been disposed", nameof(audio));
        if (frames.dtype == ScalarType.Byte) return new Video(frames, fps, audio);
        Tensor levels;
        using (NewDisposeScope()) levels = Quantize(frames).MoveToOuterDisposeScope();
        frames.Dispose();
        return new Video(levels, fps, audio);
    }

    /// <summary>
    /// Frame <paramref name="index"/> as a float32 image that the caller owns: a converted copy (level / 255),
    /// so it does not keep the video's frames alive.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a frame.</exception>
    public Image Frame(int index)
    {
        if (index < 0 || index >= FrameCount) throw new ArgumentOutOfRangeException(nameof(index), index, $"The video has frames 0 to {FrameCount - 1}");
        using var scope = NewDisposeScope();
        return Image.FromTensor(Dequantize(Tensor[index]));
    }

    /// <summary>
    /// This video with another sound track (or none), as a new video that the caller owns. Frames and audio
    /// are shared, not copied; <paramref name="audio"/> stays the caller's.
    /// </summary>
    public Video WithAudio(Audio? audio)
    {
        using var scope = NewDisposeScope();
        var frames = Tensor.alias();
        var track = audio?.Share();
        return new Video(frames, Fps, track);
    }

    /// <summary>A deep copy (frames and audio) that the caller owns.</summary>
    public Video Clone()
    {
        using var scope = NewDisposeScope();
        var frames = Tensor.clone();
        var track = _audio?.Clone();
        return new Video(frames, Fps, track);
    }

    /// <summary>Such as <c>Video 1920x1080 24 fps 144 frames, with audio</c>.</summary>
    public override string ToString() =>
        IsDisposed ? "Video (disposed)" : FormattableString.Invariant($"Video {Width}x{Height} {Fps:0.###} fps {FrameCount} frames{(_audio is null ? "" : ", with audio")}");

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) Interlocked.Exchange(ref _audio, null)?.Dispose();
        base.Dispose(disposing);
    }
}
