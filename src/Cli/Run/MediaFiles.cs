using System.Security.Cryptography;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Runtime;
using SymbolicGen.Runtime.IO;
using TorchSharp;

namespace SymbolicGen.Cli.Run;

/// <summary>Reads flow inputs from files and writes flow outputs to files, chosen by media type.</summary>
internal static class MediaFiles
{
    // What a file holds, by extension: used by `run` to read inputs and by `draft` to type them. Formats
    // listed here that the runtime cannot decode (webp…) still type a draft's input correctly and fail in
    // `run` with a message naming the file. Audio other than PCM WAV is decoded by ffmpeg.
    private static readonly Dictionary<string, PortType> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = PortType.Image, [".jpg"] = PortType.Image, [".jpeg"] = PortType.Image, [".bmp"] = PortType.Image,
        [".webp"] = PortType.Image, [".gif"] = PortType.Image, [".tif"] = PortType.Image, [".tiff"] = PortType.Image,
        [".wav"] = PortType.Audio, [".mp3"] = PortType.Audio, [".flac"] = PortType.Audio, [".ogg"] = PortType.Audio,
        [".opus"] = PortType.Audio, [".m4a"] = PortType.Audio, [".aac"] = PortType.Audio, [".aif"] = PortType.Audio,
        [".aiff"] = PortType.Audio, [".wma"] = PortType.Audio,
        [".mp4"] = PortType.Video, [".mov"] = PortType.Video, [".mkv"] = PortType.Video, [".webm"] = PortType.Video,
        [".avi"] = PortType.Video, [".m4v"] = PortType.Video,
        [".txt"] = PortType.Text, [".md"] = PortType.Text,
    };

    /// <summary>The media type a file holds, judged by its extension; null when unknown.</summary>
    public static PortType? ModalityOf(string path) => ByExtension.TryGetValue(Path.GetExtension(path), out var m) ? m : null;

    /// <summary>The file <c>{folder}/assets/{name}.{ext}</c> holding <paramref name="modality"/>, or null (first extension in a fixed order wins).</summary>
    public static string? FindAsset(string folder, string name, PortType modality) =>
        ByExtension.Where(e => e.Value == modality || modality == PortType.Mask && e.Value == PortType.Image)
            .Select(e => Path.Combine(folder, "assets", name + e.Key))
            .FirstOrDefault(File.Exists);

    /// <summary>Reads <paramref name="path"/> as <paramref name="expected"/> (a Mask reads as the image's first channel).</summary>
    public static async Task<object> ReadAsync(string path, PortType expected, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new CliException($"'{path}' does not exist");
        var actual = ModalityOf(path);
        var compatible = actual == expected || (expected == PortType.Mask && actual == PortType.Image);
        if (!compatible)
            throw new CliException($"'{path}' is {(actual is null ? "not a known media file" : "an " + actual)}, but the input needs {expected}");
        try
        {
            if (expected == PortType.Image) return ImageFile.Read(path);
            if (expected == PortType.Mask)
            {
                using var image = ImageFile.Read(path);
                using (torch.NewDisposeScope())
                    return Mask.FromTensor(image.Tensor[..1].clone());
            }
            if (expected == PortType.Audio) return await AudioFile.ReadAsync(path, cancellationToken: cancellationToken);
            if (expected == PortType.Video) return await VideoFile.ReadAsync(path, cancellationToken: cancellationToken);
            return new Text(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (Exception e) when (e is IOException or MediaToolNotFoundException)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>A content hash of the file, so the run cache recognises the same input across runs.</summary>
    public static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    /// <summary>Writes <paramref name="value"/> as <c>{folder}/{name}.{ext}</c> and returns the path and a description.</summary>
    public static async Task<(string Path, string Description)> WriteAsync(string folder, string name, object? value, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        try
        {
            switch (value)
            {
                case Image image:
                    var png = Path.Combine(folder, name + ".png");
                    ImageFile.Write(image, png);
                    return (png, $"Image {image.Width}x{image.Height}");
                case Mask mask:
                    var maskPng = Path.Combine(folder, name + ".png");
                    using (torch.NewDisposeScope())
                    using (var asImage = Image.FromTensor(mask.Tensor.repeat(3, 1, 1)))
                        ImageFile.Write(asImage, maskPng);
                    return (maskPng, $"Mask {mask.Width}x{mask.Height}");
                case Audio audio:
                    var wav = Path.Combine(folder, name + ".wav");
                    WavFile.Write(audio, wav);
                    return (wav, $"Audio {audio.Seconds:0.##} s, {audio.SampleRate} Hz, {audio.Channels} ch");
                case Video video:
                    var mp4 = Path.Combine(folder, name + ".mp4");
                    await VideoFile.WriteAsync(video, mp4, cancellationToken: cancellationToken);
                    return (mp4, $"Video {video.Width}x{video.Height}, {video.Seconds:0.##} s, {video.Fps:0.##} fps{(video.Audio is null ? "" : ", with audio")}");
                case Text or string:
                    var txt = Path.Combine(folder, name + ".txt");
                    await File.WriteAllTextAsync(txt, value.ToString(), cancellationToken);
                    return (txt, "Text");
                default:
                    throw new CliException($"output '{name}' has no value to write");
            }
        }
        catch (Exception e) when (e is IOException or MediaToolNotFoundException)
        {
            throw new CliException(e.Message);
        }
    }
}
