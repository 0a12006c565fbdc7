using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SymbolicGen.Language.Tests;
using SymbolicGen.Runtime;
using SymbolicGen.Runtime.Functions;
using SymbolicGen.Runtime.IO;

namespace SymbolicGen.Benchmarks;

/// <summary>
/// Issue 4's figure: ImageToVideo at 1920x1080, 6 s, 24 fps (144 frames), zoom_in, against ffmpeg's
/// zoompan making the same size, frame count and smoothstep-eased zoom on the same machine, once with
/// its native 8-bit frames (like ImageToVideo's) and once converted to float32 frames.
/// </summary>
internal static partial class ImageToVideoBenchmarks
{
    private const int Width = 1920, Height = 1080, Frames = 144;
    private const double Seconds = 6, Fps = 24, Zoom = 0.15;

    // ffmpeg's zoom factor z = 1.15^smoothstep(t), t = on / 143, centred: the same camera path.
    private const string Ease = "(on/143)*(on/143)*(3-2*on/143)";
    private static readonly string Zoompan = FormattableString.Invariant(
        $"zoompan=z='pow({1 + Zoom},{Ease})':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d={Frames}:s={Width}x{Height}:fps={Fps}");

    private readonly record struct Timing(double Wall, double Cpu);

    public static void Run(int repeats)
    {
        var folder = Directory.CreateTempSubdirectory("symgen-i2v-");
        try
        {
            var assets = Path.Combine(Repository.Root, "workflows", "assets");
            using var photo = ImageFile.Read(Path.Combine(assets, "jungle.png"));
            using var image = ImageFunctions.Resize(photo, new Size(Width, Height));
            var png = Path.Combine(folder.FullName, "source.png");
            ImageFile.Write(image, png);

            Console.WriteLine();
            Console.WriteLine($"## ImageToVideo {Width}x{Height}, {Seconds} s at {Fps} fps ({Frames} frames), zoom_in {Zoom}, vs ffmpeg zoompan");
            Console.WriteLine($"{repeats} interleaved repeats after one warm-up of each; load average before: {LoadAverage()}");
            using (VideoFunctions.ImageToVideo(image, 0.5, Fps)) { }
            Ffmpeg(png, Zoompan);

            var ours = new List<Timing>();
            var floor = new List<Timing>();
            var bytes = new List<Timing>();
            var floats = new List<Timing>();
            for (var r = 0; r < repeats; r++)
            {
                ours.Add(ImageToVideo(image));
                floor.Add(Fill());
                bytes.Add(Ffmpeg(png, Zoompan));
                floats.Add(Ffmpeg(png, Zoompan + ",format=gbrpf32le"));
            }
            Console.WriteLine($"load average after: {LoadAverage()}");
            Console.WriteLine("| 144 frames, 1920x1080 | wall, best | wall, median | CPU, best | ImageToVideo / this, best | ImageToVideo / this, median |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            Row("ImageToVideo (uint8 [144,3,1080,1920] in memory)", ours, ours);
            Row("floor: a fresh uint8 [144,3,1080,1920] tensor filled with one value (torch.empty + fill_)", floor, ours);
            Row("ffmpeg zoompan, 8-bit planar frames", bytes, ours);
            Row("ffmpeg zoompan + format=gbrpf32le (float32 frames)", floats, ours);
            Console.WriteLine("wall times in run order (ImageToVideo / floor / zoompan 8-bit / zoompan float32):");
            for (var r = 0; r < repeats; r++)
                Console.WriteLine(FormattableString.Invariant($"  {ours[r].Wall:0.000} / {floor[r].Wall:0.000} / {bytes[r].Wall:0.000} / {floats[r].Wall:0.000} s"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Wall time until the video exists, and the process's CPU time over the same span.</summary>
    private static Timing ImageToVideo(Image image)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var video = VideoFunctions.ImageToVideo(image, Seconds, Fps, CameraMotion.ZoomIn, Zoom);
        clock.Stop();
        process.Refresh();
        if (video.FrameCount != Frames) throw new InvalidOperationException($"expected {Frames} frames, got {video.FrameCount}");
        return new Timing(clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>
    /// What any materialised clip of this size costs before a single pixel is computed: fresh memory for the
    /// frames, faulted in page by page, and one write of every value (torch's fill_ uses all its threads).
    /// </summary>
    private static Timing Fill()
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var frames = TorchSharp.torch.empty(new long[] { Frames, 3, Height, Width }, TorchSharp.torch.ScalarType.Byte);
        frames.fill_(128);
        clock.Stop();
        process.Refresh();
        return new Timing(clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>ffmpeg's own -benchmark figures (real and user + system time, without process start-up) for the filter into the null sink.</summary>
    private static Timing Ffmpeg(string png, string filter)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-hide_banner", "-nostdin", "-benchmark", "-i", png, "-vf", filter, "-frames:v", $"{Frames}", "-f", "null", "-" })
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var log = process.StandardError.ReadToEnd();
        process.WaitForExit();
        output.Wait();
        var m = Bench().Match(log);
        if (process.ExitCode != 0 || !m.Success) throw new InvalidOperationException("ffmpeg failed: " + log);
        double Value(int g) => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        return new Timing(Value(3), Value(1) + Value(2));
    }

    [GeneratedRegex(@"bench: utime=([\d.]+)s stime=([\d.]+)s rtime=([\d.]+)s")]
    private static partial Regex Bench();

    private static void Row(string what, List<Timing> runs, List<Timing> ours)
    {
        double Best(List<Timing> r) => r.Min(x => x.Wall);
        double Median(List<Timing> r) => r.Select(x => x.Wall).Order().ElementAt(r.Count / 2);
        Console.WriteLine(FormattableString.Invariant(
            $"| {what} | {Best(runs):0.000} s | {Median(runs):0.000} s | {runs.Min(x => x.Cpu):0.000} s | {Best(ours) / Best(runs):0.00} | {Median(ours) / Median(runs):0.00} |"));
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();
}
