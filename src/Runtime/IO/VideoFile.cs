using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.IO;

/// <summary>
/// Where ffmpeg and ffprobe are, and how <see cref="VideoFile"/> encodes and decodes; <see cref="AudioFile"/>
/// uses the tool paths and <see cref="MaxDecodedBytes"/>.
/// </summary>
public sealed record VideoFileOptions
{
    /// <summary>The defaults: ffmpeg and ffprobe from PATH, H.264 at CRF 18 with the veryfast preset, AAC at 192 kbit/s.</summary>
    public static VideoFileOptions Default { get; } = new();

    /// <summary>The ffmpeg executable: a name looked up on PATH, or a path.</summary>
    public string FFmpegPath { get; init; } = "ffmpeg";

    /// <summary>The ffprobe executable: a name looked up on PATH, or a path.</summary>
    public string FFprobePath { get; init; } = "ffprobe";

    /// <summary>H.264 constant rate factor, 0 (lossless) to 51 (worst); 18 is visually lossless.</summary>
    public int Crf { get; init; } = 18;

    /// <summary>x264 preset, <c>ultrafast</c> to <c>veryslow</c>: slower presets make smaller files at the same quality.</summary>
    public string Preset { get; init; } = "veryfast";

    /// <summary>AAC bit rate in bits per second.</summary>
    public int AudioBitRate { get; init; } = 192_000;

    /// <summary>
    /// Reading refuses videos whose frames (8-bit, as <see cref="Video"/> holds them) or audio whose samples
    /// (float32) would need more memory than this (default 8 GiB: about 57 s of 1080p at 24 fps). Decoded
    /// audio is also limited to 2 GiB.
    /// </summary>
    public long MaxDecodedBytes { get; init; } = 8L << 30;
}

/// <summary>What ffprobe says about a video file.</summary>
/// <param name="Width">Displayed width in pixels (after rotation metadata).</param>
/// <param name="Height">Displayed height in pixels (after rotation metadata).</param>
/// <param name="Fps">Average frames per second.</param>
/// <param name="FrameCount">The number of frames the container declares, or null when it does not say.</param>
/// <param name="Duration">The container's duration.</param>
/// <param name="VideoCodec">The video codec, as ffmpeg names it (<c>h264</c>).</param>
/// <param name="AudioCodec">The first audio stream's codec (<c>aac</c>), or null when there is no audio.</param>
/// <param name="AudioChannels">The first audio stream's channels, or 0.</param>
/// <param name="AudioSampleRate">The first audio stream's sample rate, or 0.</param>
public sealed record VideoInfo(
    int Width, int Height, double Fps, int? FrameCount, TimeSpan Duration,
    string VideoCodec, string? AudioCodec, int AudioChannels, int AudioSampleRate);

/// <summary>
/// Reads common video files and writes MP4 (H.264, with AAC audio when the video has sound) through the
/// ffmpeg and ffprobe executables. Frames travel as raw RGB over pipes. Without ffmpeg every method throws
/// <see cref="MediaToolNotFoundException"/>, whose one-line message says how to install it.
/// </summary>
public static class VideoFile
{
    private static readonly int[] AacSampleRates = { 96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350 };

    /// <summary>Describes a video file with ffprobe.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MediaFormatException">ffprobe cannot read it, or it has no video stream.</exception>
    /// <exception cref="MediaToolNotFoundException">ffprobe is not installed.</exception>
    public static Task<VideoInfo> ProbeAsync(string path, VideoFileOptions? options = null, CancellationToken cancellationToken = default) =>
        MediaProbe.DescribeAsync(path, "a video", root => ParseProbe(root, path), options ?? VideoFileOptions.Default, cancellationToken);

    private static VideoInfo ParseProbe(JsonElement root, string path)
    {
        JsonElement? video = null;
        if (root.TryGetProperty("streams", out var streams))
        {
            foreach (var stream in streams.EnumerateArray())
            {
                var type = stream.TryGetProperty("codec_type", out var t) ? t.GetString() : null;
                // Cover art is a video stream too; it is marked as an attached picture.
                var attachedPicture = stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.GetInt32() == 1;
                if (type == "video" && !attachedPicture)
                {
                    video = stream;
                    break;
                }
            }
        }
        if (video is not { } v) throw new MediaFormatException(path, "has no video stream");

        var width = v.GetProperty("width").GetInt32();
        var height = v.GetProperty("height").GetInt32();
        if (width < 1 || height < 1) throw new MediaFormatException(path, $"the video is empty ({width}x{height})");
        if (Math.Abs(Rotation(v)) % 180 == 90) (width, height) = (height, width);
        var fps = Rate(v, "avg_frame_rate") ?? Rate(v, "r_frame_rate") ?? throw new MediaFormatException(path, "ffprobe reports no frame rate");
        int? frames = v.TryGetProperty("nb_frames", out var n) && int.TryParse(n.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : null;
        var seconds = Seconds(root.TryGetProperty("format", out var format) ? format : default) ?? Seconds(v) ?? (frames is { } f ? f / fps : 0);
        var audio = MediaProbe.FirstAudioStream(root);
        return new VideoInfo(
            width, height, fps, frames, TimeSpan.FromSeconds(seconds),
            v.TryGetProperty("codec_name", out var codec) ? codec.GetString() ?? "unknown" : "unknown",
            audio?.Codec, audio?.Channels ?? 0, audio?.SampleRate ?? 0);
    }

    private static double? Rate(JsonElement stream, string property)
    {
        if (!stream.TryGetProperty(property, out var value) || value.GetString() is not { } text) return null;
        var slash = text.IndexOf('/');
        if (slash < 0) return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && plain > 0 ? plain : null;
        return double.TryParse(text.AsSpan(0, slash), NumberStyles.Float, CultureInfo.InvariantCulture, out var num) &&
               double.TryParse(text.AsSpan(slash + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var den) && num > 0 && den > 0
            ? num / den
            : null;
    }

    private static double? Seconds(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("duration", out var d) &&
        double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : null;

    private static int Rotation(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var sideData))
            foreach (var item in sideData.EnumerateArray())
                if (item.TryGetProperty("rotation", out var r) && r.TryGetDouble(out var degrees)) return (int)Math.Round(degrees);
        if (stream.TryGetProperty("tags", out var tags) && tags.TryGetProperty("rotate", out var rotate) &&
            int.TryParse(rotate.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tagged))
            return tagged;
        return 0;
    }

    /// <summary>
    /// Reads a video: every frame (as displayed, rotation applied) as RGB, the average frame rate, and the
    /// first audio stream, if any, at its own sample rate and channels. The caller owns the result.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MediaFormatException">ffmpeg cannot read it, it has no video stream, or it is too large for <see cref="VideoFileOptions.MaxDecodedBytes"/>.</exception>
    /// <exception cref="MediaToolNotFoundException">ffmpeg or ffprobe is not installed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; ffmpeg is stopped and nothing is left behind.</exception>
    public static async Task<Video> ReadAsync(string path, VideoFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= VideoFileOptions.Default;
        var info = await ProbeAsync(path, options, cancellationToken).ConfigureAwait(false);
        var frameBytes = 3L * info.Width * info.Height;
        var expectedFrames = info.FrameCount ?? (long)Math.Ceiling(info.Duration.TotalSeconds * info.Fps);
        if (expectedFrames * frameBytes > options.MaxDecodedBytes)
            throw new MediaFormatException(path, TooLarge(expectedFrames * frameBytes, options));

        // When the frames fail, the audio decoding is stopped too.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var framesTask = ReadFramesAsync(path, info, options, cancellationToken);
        var audioTask = info.AudioCodec is null || info.AudioChannels < 1 || info.AudioSampleRate < 1
            ? null
            : AudioFile.DecodeAsync(path, info.AudioChannels, info.AudioSampleRate, options, failed.Token);
        Tensor? frames = null;
        Audio? audio = null;
        try
        {
            try
            {
                frames = await framesTask.ConfigureAwait(false);
            }
            catch
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                // Always wait for the audio, so that its tensor is disposed and its ffmpeg has ended.
                try
                {
                    if (audioTask is not null) audio = await audioTask.ConfigureAwait(false);
                }
                catch when (frames is null)
                {
                }
            }
            var video = Video.FromTensor(frames, info.Fps, audio);
            frames = null;
            audio = null;
            return video;
        }
        finally
        {
            frames?.Dispose();
            audio?.Dispose();
        }
    }

    private static string TooLarge(long bytes, VideoFileOptions options) =>
        FormattableString.Invariant($"its frames would need {bytes / (double)(1L << 30):0.0} GiB, more than VideoFileOptions.MaxDecodedBytes ({options.MaxDecodedBytes / (double)(1L << 30):0.0} GiB); trim or scale it first");

    private static async Task<Tensor> ReadFramesAsync(string path, VideoInfo info, VideoFileOptions options, CancellationToken cancellationToken)
    {
        var frameBytes = 3 * info.Width * info.Height;
        var chunkFrames = Math.Max(1, (16 << 20) / frameBytes);
        var chunks = new List<Tensor>();
        try
        {
            using (var ffmpeg = ToolProcess.Start(options.FFmpegPath,
                       new[] { "-hide_banner", "-nostdin", "-loglevel", "error", "-i", Path.GetFullPath(path), "-map", "0:v:0", "-vsync", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1" },
                       writeInput: false, readOutput: true, cancellationToken))
            {
                var buffer = new byte[chunkFrames * frameBytes];
                long total = 0;
                while (true)
                {
                    var read = await ffmpeg.Output.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                    var whole = read / frameBytes;
                    if (whole > 0)
                    {
                        total += whole;
                        if (total * frameBytes > options.MaxDecodedBytes)
                            throw new MediaFormatException(path, TooLarge(total * frameBytes, options));
                        chunks.Add(torch.tensor(buffer.AsSpan(0, whole * frameBytes).ToArray(), new long[] { whole, info.Height, info.Width, 3 }, ScalarType.Byte));
                    }
                    if (read < buffer.Length) break;
                }
                var exitCode = await ffmpeg.FinishAsync(cancellationToken).ConfigureAwait(false);
                if (exitCode != 0) throw new MediaFormatException(path, $"ffmpeg could not decode the video ({ffmpeg.ErrorSummary})");
                if (total == 0) throw new MediaFormatException(path, "the video has no frames");
                // [T, H, W, 3] chunks, transposed chunk by chunk into one [T, 3, H, W] tensor of the same bytes.
                // The result's pages are only touched as each chunk is copied in and released, so the peak
                // stays near the result's size.
                var frames = torch.empty(new long[] { total, 3, info.Height, info.Width }, ScalarType.Byte);
                try
                {
                    long offset = 0;
                    foreach (var chunk in chunks)
                    {
                        using (NewDisposeScope()) frames.narrow(0, offset, chunk.shape[0]).copy_(chunk.permute(0, 3, 1, 2));
                        offset += chunk.shape[0];
                        chunk.Dispose();
                    }
                    return frames;
                }
                catch
                {
                    frames.Dispose();
                    throw;
                }
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            foreach (var chunk in chunks) chunk.Dispose();
        }
    }

    /// <summary>
    /// Writes <paramref name="video"/> as MP4: H.264 (yuv420p; an odd width or height is padded by one
    /// black pixel; alpha is dropped) and, when it has audio, AAC. The file is written whole or not at all
    /// (through a temporary file in the same folder, which also holds the sound track while ffmpeg runs).
    /// </summary>
    /// <param name="video">The video; it stays the caller's.</param>
    /// <param name="path">The file to write or replace; it is MP4 whatever its extension.</param>
    /// <param name="options">ffmpeg's location and the encoder settings.</param>
    /// <param name="cancellationToken">Stops ffmpeg; the destination is then left as it was.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="MediaFormatException">ffmpeg failed.</exception>
    /// <exception cref="MediaToolNotFoundException">ffmpeg is not installed.</exception>
    public static async Task WriteAsync(Video video, string path, VideoFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ObjectDisposedException.ThrowIf(video.IsDisposed, video);
        options ??= VideoFileOptions.Default;
        var temp = AtomicFile.TempPathBeside(path, ".tmp.mp4");
        string? audioTemp = null;
        try
        {
            var arguments = new List<string>
            {
                "-hide_banner", "-loglevel", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", $"{video.Width}x{video.Height}", "-framerate", Rational(video.Fps), "-i", "pipe:0",
            };
            if (video.Audio is { SampleCount: > 0 } audio)
            {
                audioTemp = AtomicFile.TempPathBeside(path, ".audio.wav");
                await File.WriteAllBytesAsync(audioTemp, WavFile.Encode(audio, WavSampleFormat.Float32), cancellationToken).ConfigureAwait(false);
                arguments.AddRange(new[] { "-i", audioTemp });
            }
            arguments.AddRange(new[] { "-map", "0:v:0" });
            if (video.Width % 2 != 0 || video.Height % 2 != 0) arguments.AddRange(new[] { "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2" });
            arguments.AddRange(new[]
            {
                "-c:v", "libx264", "-preset", options.Preset, "-crf", options.Crf.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p",
            });
            if (audioTemp is not null)
            {
                arguments.AddRange(new[] { "-map", "1:a:0", "-c:a", "aac", "-b:a", options.AudioBitRate.ToString(CultureInfo.InvariantCulture) });
                if (Array.IndexOf(AacSampleRates, video.Audio!.SampleRate) < 0) arguments.AddRange(new[] { "-ar", "48000" });
            }
            arguments.AddRange(new[] { "-movflags", "+faststart", "-f", "mp4", temp });

            using (var ffmpeg = ToolProcess.Start(options.FFmpegPath, arguments, writeInput: true, readOutput: false, cancellationToken))
            {
                try
                {
                    await WriteFramesAsync(video, ffmpeg.Input, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException) when (!cancellationToken.IsCancellationRequested)
                {
                    // ffmpeg stopped reading: it failed, and its exit code and messages say why.
                }
                int exitCode;
                try
                {
                    exitCode = await ffmpeg.FinishAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                if (exitCode != 0) throw new MediaFormatException(path, $"ffmpeg could not write the video ({ffmpeg.ErrorSummary})");
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            AtomicFile.TryDelete(temp);
            if (audioTemp is not null) AtomicFile.TryDelete(audioTemp);
        }
    }

    private static async Task WriteFramesAsync(Video video, Stream input, CancellationToken cancellationToken)
    {
        var frameBytes = 3 * video.Width * video.Height;
        var chunkFrames = Math.Max(1, (16 << 20) / frameBytes);
        for (var start = 0; start < video.FrameCount; start += chunkFrames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(chunkFrames, video.FrameCount - start);
            byte[] bytes;
            using (NewDisposeScope())
            {
                var rgb = video.Tensor.narrow(0, start, count).narrow(1, 0, 3);
                bytes = rgb.cpu().permute(0, 2, 3, 1).contiguous().data<byte>().ToArray();
            }
            await input.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        await input.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A frame rate as ffmpeg reads it: an integer, an NTSC rate as <c>N/1001</c>, else a decimal.</summary>
    internal static string Rational(double fps)
    {
        if (Math.Abs(fps - Math.Round(fps)) < 1e-9) return Math.Round(fps).ToString(CultureInfo.InvariantCulture);
        var ntsc = fps * 1001;
        if (Math.Abs(ntsc - Math.Round(ntsc)) < 1e-6) return Math.Round(ntsc).ToString(CultureInfo.InvariantCulture) + "/1001";
        return fps.ToString("R", CultureInfo.InvariantCulture);
    }
}
