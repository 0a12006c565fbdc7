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
    private static readonly Dictionary<string, Modality> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = Modality.Image, [".jpg"] = Modality.Image, [".jpeg"] = Modality.Image, [".bmp"] = Modality.Image,
        [".webp"] = Modality.Image, [".gif"] = Modality.Image, [".tif"] = Modality.Image, [".tiff"] = Modality.Image,
        [".wav"] = Modality.Audio, [".mp3"] = Modality.Audio, [".flac"] = Modality.Audio, [".ogg"] = Modality.Audio,
        [".opus"] = Modality.Audio, [".m4a"] = Modality.Audio, [".aac"] = Modality.Audio, [".aif"] = Modality.Audio,
        [".aiff"] = Modality.Audio, [".wma"] = Modality.Audio,
        [".mp4"] = Modality.Video, [".mov"] = Modality.Video, [".mkv"] = Modality.Video, [".webm"] = Modality.Video,
        [".avi"] = Modality.Video, [".m4v"] = Modality.Video,
        [".txt"] = Modality.Text, [".md"] = Modality.Text,
    };

    /// <summary>The media type a file holds, judged by its extension; null when unknown.</summary>
    public static Modality? ModalityOf(string path) => ByExtension.TryGetValue(Path.GetExtension(path), out var m) ? m : null;

    /// <summary>The file <c>{folder}/assets/{name}.{ext}</c> holding <paramref name="modality"/>, or null (first extension in a fixed order wins).</summary>
    public static string? FindAsset(string folder, string name, Modality modality) =>
        ByExtension.Where(e => e.Value == modality || modality == Modality.Mask && e.Value == Modality.Image)
            .Select(e => Path.Combine(folder, "assets", name + e.Key))
            .FirstOrDefault(File.Exists);

    /// <summary>Reads <paramref name="path"/> as <paramref name="expected"/> (a Mask reads as the image's first channel).</summary>
    public static async Task<object> ReadAsync(string path, Modality expected, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new CliException($"'{path}' does not exist");
        var actual = ModalityOf(path);
        var compatible = actual == expected || (expected == Modality.Mask && actual == Modality.Image);
        if (!compatible)
            throw new CliException($"'{path}' is {(actual is null ? "not a known media file" : "an " + actual)}, but the input needs {expected}");
        try
        {
            switch (expected)
            {
                case Modality.Image:
                    return ImageFile.Read(path);
                case Modality.Mask:
                    using (var image = ImageFile.Read(path))
                    using (torch.NewDisposeScope())
                        return Mask.FromTensor(image.Tensor[..1].clone());
                case Modality.Audio:
                    return await AudioFile.ReadAsync(path, cancellationToken: cancellationToken);
                case Modality.Video:
                    return await VideoFile.ReadAsync(path, cancellationToken: cancellationToken);
                default:
                    return new Text(await File.ReadAllTextAsync(path, cancellationToken));
            }
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
