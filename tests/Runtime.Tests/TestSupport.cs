using TorchSharp;
using Xunit;

// Live-tensor counts are process-wide, so tests that assert on them must not overlap with others.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace SymbolicGen.Runtime.Tests;

/// <summary>TorchSharp's count of tensors created and not yet disposed, in the whole process.</summary>
internal static class LiveTensors
{
    public static long Count => torch.Tensor.TotalCount;

    /// <summary>
    /// The count once tensors that earlier code dropped without disposing have been finalized, so that
    /// their finalizers cannot change the count in the middle of a measurement.
    /// </summary>
    private static long SettledCount()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Count;
    }

    /// <summary>Runs <paramref name="action"/> and asserts that it leaves no tensor alive.</summary>
    public static void AssertNoLeak(Action action)
    {
        var before = SettledCount();
        action();
        Assert.Equal(before, Count);
    }

    /// <summary>Runs <paramref name="action"/> and asserts that it leaves no tensor alive.</summary>
    public static async Task AssertNoLeakAsync(Func<Task> action)
    {
        var before = SettledCount();
        await action();
        Assert.Equal(before, Count);
    }
}

/// <summary>A fresh folder, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "symgen-runtime-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Every file in the folder, hidden ones included, by name.</summary>
    public string[] Names() => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).OfType<string>().Order().ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Synthetic media with known content.</summary>
internal static class Synthetic
{
    /// <summary>
    /// Interleaved 8-bit pixels of a smooth gradient (red across, green down, blue diagonal; alpha a radial
    /// falloff when <paramref name="channels"/> is 4).
    /// </summary>
    public static byte[] GradientPixels(int width, int height, int channels)
    {
        var pixels = new byte[width * height * channels];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var i = (y * width + x) * channels;
            pixels[i] = (byte)(255 * x / Math.Max(1, width - 1));
            pixels[i + 1] = (byte)(255 * y / Math.Max(1, height - 1));
            pixels[i + 2] = (byte)(255 * (x + y) / Math.Max(1, width + height - 2));
            if (channels == 4)
            {
                var dx = x - width / 2.0;
                var dy = y - height / 2.0;
                pixels[i + 3] = (byte)Math.Clamp(255 - 255 * Math.Sqrt(dx * dx + dy * dy) / Math.Max(width, height), 0, 255);
            }
        }
        return pixels;
    }

    public static Image Gradient(int width, int height, int channels = 3) =>
        Image.FromPixels(GradientPixels(width, height, channels), width, height, channels);

    /// <summary>Interleaved samples: channel c is a sine at <paramref name="frequency"/> × (c + 1), amplitude 0.5.</summary>
    public static float[] SineInterleaved(int channels, int samples, int sampleRate, double frequency = 440)
    {
        var data = new float[channels * samples];
        for (var i = 0; i < samples; i++)
        for (var c = 0; c < channels; c++)
            data[i * channels + c] = (float)(0.5 * Math.Sin(2 * Math.PI * frequency * (c + 1) * i / sampleRate));
        return data;
    }

    public static Audio Sine(int channels, int samples, int sampleRate, double frequency = 440) =>
        Audio.FromInterleaved(SineInterleaved(channels, samples, sampleRate, frequency), channels, sampleRate);

    /// <summary>A gradient with a bright square that moves one step to the right every frame.</summary>
    public static Video MovingSquare(int width, int height, int frames, double fps, Audio? audio = null)
    {
        using var scope = torch.NewDisposeScope();
        var list = new List<torch.Tensor>();
        for (var t = 0; t < frames; t++)
        {
            var pixels = GradientPixels(width, height, 3);
            var left = t * (width - 8) / Math.Max(1, frames - 1);
            for (var y = height / 3; y < height / 3 + 8 && y < height; y++)
            for (var x = left; x < left + 8 && x < width; x++)
            {
                var i = (y * width + x) * 3;
                pixels[i] = pixels[i + 1] = pixels[i + 2] = 250;
            }
            using var frame = Image.FromPixels(pixels, width, height, 3);
            list.Add(frame.Tensor.clone());
        }
        return Video.FromTensor(torch.stack(list), fps, audio);
    }
}

/// <summary>Runs ffmpeg or ffprobe directly, as an independent check of what the runtime wrote or read.</summary>
internal static class Tool
{
    public static byte[] Run(string tool, params string[] arguments)
    {
        var info = new System.Diagnostics.ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} failed: {error.Result}");
        return output.ToArray();
    }

    public static string RunText(string tool, params string[] arguments) => System.Text.Encoding.UTF8.GetString(Run(tool, arguments));

    /// <summary>What ffmpeg decodes from <paramref name="path"/>'s first audio stream, interleaved float32.</summary>
    public static float[] DecodeAudio(string path) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(
            Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-i", path, "-map", "0:a:0", "-f", "f32le", "-acodec", "pcm_f32le", "pipe:1")).ToArray();
}
