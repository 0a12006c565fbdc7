using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SymbolicGen.Runtime.Functions;

/// <summary>
/// Frame-tensor helpers shared by the video functions. Every returned tensor lives in the caller's dispose
/// scope; inputs are never modified.
/// </summary>
internal static class VideoOps
{
    /// <summary>Frames processed per step when a whole video is resized or copied (bounds temporaries).</summary>
    public const int FrameChunk = 8;

    /// <summary>A frame count for a length in seconds: round half away from zero, at least 1.</summary>
    public static int FrameCount(double seconds, double fps) =>
        (int)Math.Max(1, Math.Min(int.MaxValue, Math.Round(seconds * fps, MidpointRounding.AwayFromZero)));

    /// <summary>
    /// Frames [n, C, H, W], uint8 levels or float32 values, converted to <paramref name="channels"/> (RGBA to
    /// RGB drops alpha; RGB to RGBA adds an opaque alpha) and resized to <paramref name="height"/> x
    /// <paramref name="width"/> (bilinear, antialiased when shrinking; levels are resized in float and
    /// quantised back). The result has the input's type; it is the input itself when nothing changes.
    /// </summary>
    public static Tensor Conform(Tensor frames, int channels, int height, int width)
    {
        var result = frames;
        var levels = frames.dtype == ScalarType.Byte;
        var c = result.shape[1];
        if (c != channels)
        {
            result = channels < c
                ? result.narrow(1, 0, channels)
                : torch.cat(new[] { result, torch.full(new long[] { result.shape[0], 1, result.shape[2], result.shape[3] }, levels ? 255 : 1, dtype: result.dtype) }, 1);
        }
        if (result.shape[2] != height || result.shape[3] != width)
        {
            var shrinking = height < result.shape[2] || width < result.shape[3];
            var resized = F.interpolate(levels ? TensorMedia.Dequantize(result) : result, new long[] { height, width },
                mode: InterpolationMode.Bilinear, align_corners: false, antialias: shrinking);
            result = levels ? TensorMedia.Quantize(resized) : resized;
        }
        return result;
    }

    /// <summary>
    /// Copies <paramref name="source"/>'s frames at <paramref name="indices"/> (conformed to
    /// <paramref name="destination"/>'s channels and size) into <paramref name="destination"/>, chunk by chunk:
    /// levels are moved as they are unless they have to be resized.
    /// </summary>
    public static void CopyFrames(Tensor source, long[] indices, Tensor destination, CancellationToken cancellationToken)
    {
        var channels = (int)destination.shape[1];
        var height = (int)destination.shape[2];
        var width = (int)destination.shape[3];
        for (var start = 0; start < indices.Length; start += FrameChunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var count = Math.Min(FrameChunk, indices.Length - start);
            var chunk = SelectFrames(source, indices, start, count);
            destination.narrow(0, start, count).copy_(Conform(chunk, channels, height, width));
        }
    }

    /// <summary>Frames <c>indices[start .. start + count)</c> of <paramref name="source"/>: a view when they are consecutive.</summary>
    public static Tensor SelectFrames(Tensor source, long[] indices, int start, int count)
    {
        var consecutive = true;
        for (var i = 1; i < count && consecutive; i++) consecutive = indices[start + i] == indices[start] + i;
        if (consecutive) return source.narrow(0, indices[start], count);
        var chosen = new long[count];
        Array.Copy(indices, start, chosen, 0, count);
        return source.index_select(0, torch.tensor(chosen));
    }

    /// <summary>0, 1, …, count - 1.</summary>
    public static long[] Range(long start, int count)
    {
        var indices = new long[count];
        for (var i = 0; i < count; i++) indices[i] = start + i;
        return indices;
    }

    /// <summary>
    /// The source frame shown at each output frame when <paramref name="countIn"/> frames at
    /// <paramref name="fpsIn"/> are played at <paramref name="fpsOut"/>: output frame j shows the source frame
    /// under its centre, time (j + ½) / fpsOut. The output lasts as long as the input (rounded to whole frames).
    /// </summary>
    public static long[] RetimeIndices(int countIn, double fpsIn, double fpsOut)
    {
        if (fpsIn == fpsOut) return Range(0, countIn);
        var countOut = FrameCount(countIn / fpsIn, fpsOut);
        var indices = new long[countOut];
        for (var j = 0; j < countOut; j++)
            indices[j] = Math.Clamp((long)Math.Floor((j + 0.5) * fpsIn / fpsOut), 0, countIn - 1);
        return indices;
    }

    /// <summary>Weights as a [n, 1, 1, 1] tensor, to blend n frames at once.</summary>
    public static Tensor FrameWeights(float[] weights) => torch.tensor(weights).view(weights.Length, 1, 1, 1);

    /// <summary>Rec. 601 luma of frames [n, C, H, W] (alpha ignored) as [n, 1, H, W].</summary>
    public static Tensor Luma(Tensor frames)
    {
        var rgb = frames.narrow(1, 0, 3);
        var weights = torch.tensor(new[] { 0.299f, 0.587f, 0.114f }).view(1, 3, 1, 1);
        return rgb.mul(weights).sum(1L, keepdim: true);
    }
}

/// <summary>Sample-tensor helpers for the sound tracks of videos. Returned tensors live in the caller's scope.</summary>
internal static class TrackOps
{
    /// <summary>A sample count for a length in seconds (rounded to the nearest sample).</summary>
    public static long SampleCount(double seconds, int sampleRate) =>
        (long)Math.Round(seconds * sampleRate, MidpointRounding.AwayFromZero);

    /// <summary>Samples [C, S] made exactly <paramref name="target"/> long: cut, repeated or followed by silence.</summary>
    public static Tensor Fit(Tensor samples, long target, AudioFit fit)
    {
        var length = samples.shape[1];
        if (length == target) return samples;
        if (length > target) return samples.narrow(1, 0, target);
        if (fit == AudioFit.Loop && length > 0)
        {
            var repeats = (target + length - 1) / length;
            return samples.repeat(1, repeats).narrow(1, 0, target);
        }
        return F.pad(samples, new long[] { 0, target - length });
    }

    /// <summary>
    /// Samples [C, S] stretched or squeezed to <paramref name="target"/> samples by linear interpolation
    /// (with a triangle antialiasing filter when shrinking): a simple resampler, not a band-limited one.
    /// </summary>
    public static Tensor Resample(Tensor samples, long target)
    {
        var length = samples.shape[1];
        if (length == target) return samples;
        var channels = samples.shape[0];
        if (target == 0 || length == 0) return torch.zeros(channels, target);
        if (length == 1) return samples.expand(channels, target).contiguous();
        var image = samples.view(1, channels, 1, length);
        var stretched = F.interpolate(image, new long[] { 1, target }, mode: InterpolationMode.Bilinear,
            align_corners: false, antialias: target < length);
        return stretched.view(channels, target);
    }

    /// <summary>
    /// Samples with <paramref name="channels"/> channels: mono is copied to every channel; to mono, channels
    /// are averaged; otherwise the first channels are kept, or channels repeated in turn to add more.
    /// </summary>
    public static Tensor MatchChannels(Tensor samples, int channels)
    {
        var have = (int)samples.shape[0];
        if (have == channels) return samples;
        if (have == 1) return samples.expand(channels, samples.shape[1]);
        if (channels == 1) return samples.mean(new long[] { 0 }, keepdim: true);
        if (have > channels) return samples.narrow(0, 0, channels);
        var order = new long[channels];
        for (var c = 0; c < channels; c++) order[c] = c % have;
        return samples.index_select(0, torch.tensor(order));
    }

    /// <summary>
    /// <paramref name="video"/>'s sound track as [<paramref name="channels"/>, S] samples at
    /// <paramref name="sampleRate"/>, exactly <paramref name="seconds"/> long (cut or followed by silence);
    /// silence when the video has none.
    /// </summary>
    public static Tensor TrackOf(Video video, double seconds, int sampleRate, int channels)
    {
        var target = SampleCount(seconds, sampleRate);
        if (video.Audio is not { } audio) return torch.zeros(channels, target);
        // Rate conversion goes through the audio library's band-limited resampler, the one AudioMix uses.
        var atRate = audio.SampleRate == sampleRate
            ? audio.Tensor
            : AudioResampler.Resample(audio.Tensor, audio.SampleRate, sampleRate, CancellationToken.None);
        var samples = MatchChannels(atRate, channels);
        return Fit(samples, target, AudioFit.Pad);
    }

    /// <summary>
    /// The sample rate and channel count for a track made from two videos' tracks: the first track's rate,
    /// the larger channel count; null when neither video has sound.
    /// </summary>
    public static (int SampleRate, int Channels)? CommonFormat(Video a, Video b)
    {
        var first = a.Audio ?? b.Audio;
        if (first is null) return null;
        var channels = Math.Max(a.Audio?.Channels ?? 1, b.Audio?.Channels ?? 1);
        return (first.SampleRate, channels);
    }
}
