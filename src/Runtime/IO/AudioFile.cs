using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace SymbolicGen.Runtime.IO;

/// <summary>
/// Reads audio files of any format ffmpeg decodes (MP3, FLAC, Ogg Vorbis and Opus, M4A/AAC, AIFF, A-law
/// WAV…). PCM and float WAV files are read by <see cref="WavFile"/> without ffmpeg; everything else goes
/// through the ffmpeg and ffprobe executables, as video does. Writing is <see cref="WavFile.Write"/>.
/// </summary>
public static class AudioFile
{
    /// <summary>
    /// Reads an audio file, or the first audio stream of any media file, at its own sample rate and channels,
    /// as float32 samples (nominally -1..1). The format is told from the content, not the extension. The
    /// caller owns the result.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Where ffmpeg and ffprobe are, and <see cref="VideoFileOptions.MaxDecodedBytes"/>; the other settings are for video.</param>
    /// <param name="cancellationToken">Stops ffmpeg; nothing is left behind.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MediaFormatException">The file is damaged, holds no audio, or is too large for <see cref="VideoFileOptions.MaxDecodedBytes"/>.</exception>
    /// <exception cref="MediaToolNotFoundException">The file needs ffmpeg (it is not PCM or float WAV) and ffmpeg or ffprobe is not installed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static async Task<Audio> ReadAsync(string path, VideoFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        AtomicFile.RequireExists(path);
        cancellationToken.ThrowIfCancellationRequested();
        // Reading only the header first spares loading a large compressed file twice.
        if (StartsAsWav(path) && WavFile.TryDecode(AtomicFile.ReadAllBytes(path), path) is { } native) return native;

        options ??= VideoFileOptions.Default;
        var stream = await MediaProbe.DescribeAsync(path, "an audio file", MediaProbe.FirstAudioStream, options, cancellationToken).ConfigureAwait(false)
            ?? throw new MediaFormatException(path, "has no audio stream");
        if (stream.Channels < 1 || stream.SampleRate < 1)
            throw new MediaFormatException(path, $"ffprobe reports {stream.Channels} channels at {stream.SampleRate} Hz for its {stream.Codec ?? "unknown"} audio");
        var audio = await DecodeAsync(path, stream.Channels, stream.SampleRate, options, cancellationToken).ConfigureAwait(false);
        if (audio.SampleCount == 0)
        {
            audio.Dispose();
            throw new MediaFormatException(path, $"its {stream.Codec ?? "unknown"} audio decodes to no samples (the file may be truncated)");
        }
        return audio;
    }

    private static bool StartsAsWav(string path)
    {
        Span<byte> header = stackalloc byte[12];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && WavFile.IsRiffWave(header);
    }

    /// <summary>
    /// Decodes the first audio stream of <paramref name="path"/> with ffmpeg as <paramref name="channels"/>
    /// channels at <paramref name="sampleRate"/> (what ffprobe reported, so that the raw samples need no header).
    /// </summary>
    internal static async Task<Audio> DecodeAsync(string path, int channels, int sampleRate, VideoFileOptions options, CancellationToken cancellationToken)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Audio decoding through ffmpeg assumes a little-endian machine");
        // A MemoryStream and the float array behind the tensor hold at most Array.MaxLength bytes.
        var limit = Math.Min(options.MaxDecodedBytes, Array.MaxLength);
        try
        {
            using var ffmpeg = ToolProcess.Start(options.FFmpegPath,
                new[]
                {
                    "-hide_banner", "-nostdin", "-loglevel", "error", "-i", Path.GetFullPath(path), "-map", "0:a:0",
                    "-ac", channels.ToString(CultureInfo.InvariantCulture), "-ar", sampleRate.ToString(CultureInfo.InvariantCulture),
                    "-f", "f32le", "-acodec", "pcm_f32le", "pipe:1",
                },
                writeInput: false, readOutput: true, cancellationToken);
            using var pcm = new MemoryStream();
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await ffmpeg.Output.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (pcm.Length + read > limit)
                    throw new MediaFormatException(path, FormattableString.Invariant(
                        $"its audio would need more than {limit / (double)(1L << 30):0.0} GiB as float32 (VideoFileOptions.MaxDecodedBytes, at most 2 GiB); trim it first"));
                pcm.Write(buffer, 0, read);
            }
            var exitCode = await ffmpeg.FinishAsync(cancellationToken).ConfigureAwait(false);
            if (exitCode != 0) throw new MediaFormatException(path, $"ffmpeg could not decode the audio ({ffmpeg.ErrorSummary})");
            var bytes = pcm.GetBuffer().AsSpan(0, (int)pcm.Length);
            var frameBytes = channels * sizeof(float);
            var samples = MemoryMarshal.Cast<byte, float>(bytes[..(bytes.Length / frameBytes * frameBytes)]);
            return Audio.FromInterleaved(samples, channels, sampleRate);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
