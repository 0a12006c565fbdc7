using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SymbolicGen.Runtime.IO;

/// <summary>An audio stream as ffprobe describes it.</summary>
/// <param name="Codec">The codec, as ffmpeg names it (<c>mp3</c>, <c>aac</c>).</param>
/// <param name="Channels">Channels, or 0 when ffprobe does not say.</param>
/// <param name="SampleRate">Samples per second, or 0 when ffprobe does not say.</param>
internal readonly record struct AudioStreamInfo(string? Codec, int Channels, int SampleRate);

/// <summary>Runs ffprobe on a media file and reads its JSON description; shared by video and audio reading.</summary>
internal static class MediaProbe
{
    /// <summary>
    /// Describes <paramref name="path"/> with ffprobe and hands the JSON (streams and format) to
    /// <paramref name="parse"/>; <paramref name="what"/> (<c>a video</c>) says what was expected in errors.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MediaFormatException">ffprobe cannot read the file, or its description cannot be understood.</exception>
    /// <exception cref="MediaToolNotFoundException">ffprobe is not installed.</exception>
    public static async Task<T> DescribeAsync<T>(string path, string what, Func<JsonElement, T> parse, VideoFileOptions options, CancellationToken cancellationToken)
    {
        AtomicFile.RequireExists(path);
        using var probe = ToolProcess.Start(options.FFprobePath,
            new[] { "-v", "error", "-print_format", "json", "-show_format", "-show_streams", Path.GetFullPath(path) },
            writeInput: false, readOutput: true, cancellationToken);
        using var reader = new StreamReader(probe.Output);
        var json = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var exitCode = await probe.FinishAsync(cancellationToken).ConfigureAwait(false);
        if (exitCode != 0) throw new MediaFormatException(path, $"not {what} ffprobe can read ({probe.ErrorSummary})");
        try
        {
            using var document = JsonDocument.Parse(json);
            return parse(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new MediaFormatException(path, $"ffprobe's description could not be understood ({e.Message})", e);
        }
    }

    /// <summary>The first audio stream in ffprobe's description, or null when there is none.</summary>
    public static AudioStreamInfo? FirstAudioStream(JsonElement root)
    {
        if (!root.TryGetProperty("streams", out var streams)) return null;
        foreach (var stream in streams.EnumerateArray())
        {
            if (!stream.TryGetProperty("codec_type", out var type) || type.GetString() != "audio") continue;
            return new AudioStreamInfo(
                stream.TryGetProperty("codec_name", out var codec) ? codec.GetString() : null,
                stream.TryGetProperty("channels", out var channels) ? channels.GetInt32() : 0,
                stream.TryGetProperty("sample_rate", out var rate) && int.TryParse(rate.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var hz) ? hz : 0);
        }
        return null;
    }
}
