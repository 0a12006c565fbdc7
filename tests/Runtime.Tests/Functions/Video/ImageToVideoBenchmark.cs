using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SymbolicGen.Runtime.Functions;
using SymbolicGen.Runtime.IO;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;

namespace SymbolicGen.Runtime.Tests.Functions.Video;

/// <summary>A test that runs only when SYMGEN_BENCHMARKS=1 (timings do not belong in unit tests).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SYMGEN_BENCHMARKS") != "1") Skip = "a benchmark: set SYMGEN_BENCHMARKS=1 to run it";
    }
}

/// <summary>
/// Issue 4's figure: ImageToVideo at 1920x1080, 6 s, 24 fps (144 frames), zoom_in, against ffmpeg's
/// zoompan making the same size, frame count and (smoothstep-eased) zoom on the same machine. Run with
/// <c>SYMGEN_BENCHMARKS=1 dotnet test tests/Runtime.Tests -c Release --filter "FullyQualifiedName~ImageToVideoBenchmark" --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class ImageToVideoBenchmark(ITestOutputHelper output) : IDisposable
{
    private const int Width = 1920, Height = 1080, Frames = 144, Repeats = 3;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [BenchmarkFact]
    public void ImageToVideo_1080p_144_frames_against_ffmpeg_zoompan()
    {
        using var image = Synthetic.Gradient(Width, Height);
        var png = _folder.File("source.png");
        ImageFile.Write(image, png);
        // ffmpeg's zoom factor z = 1.15^smoothstep(t), t = on / 143, centred: the same camera path.
        const string ease = "(on/143)*(on/143)*(3-2*on/143)";
        var zoompan = $"zoompan=z='pow(1.15,{ease})':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d={Frames}:s={Width}x{Height}:fps=24";

        output.WriteLine($"machine: {Environment.ProcessorCount} cores, torch threads {torch.get_num_threads()}, load {File.ReadAllText("/proc/loadavg").Trim()}");
        using (var warm = VideoFunctions.ImageToVideo(image, 0.5, 24)) { }

        var ours = new List<(double Wall, double Cpu)>();
        var native = new List<(double Wall, double Cpu)>();
        var float32 = new List<(double Wall, double Cpu)>();
        for (var r = 0; r < Repeats; r++)
        {
            ours.Add(TimeOurs(image));
            native.Add(TimeFfmpeg(png, zoompan));
            float32.Add(TimeFfmpeg(png, zoompan + ",format=gbrpf32le"));
        }
        Report("ImageToVideo (float32 [144,3,1080,1920] in memory)", ours);
        Report("ffmpeg zoompan (8-bit gbrp frames, null sink)", native);
        Report("ffmpeg zoompan + format=gbrpf32le (float32 planar, null sink)", float32);
        output.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");

        // Other batch shapes (frames per grid_sample call, output rows per call), for tuning the defaults.
        foreach (var (chunk, band) in new[] { (2, 32), (4, 64), (8, 32), (4, Height) })
        {
            var (oldChunk, oldBand) = (VideoFunctions.KenBurnsFrameChunk, VideoFunctions.KenBurnsBandRows);
            (VideoFunctions.KenBurnsFrameChunk, VideoFunctions.KenBurnsBandRows) = (chunk, band);
            try
            {
                var runs = Enumerable.Range(0, 3).Select(_ => TimeOurs(image)).ToList();
                Report($"  frames/call {chunk}, rows/call {band}", runs);
            }
            finally
            {
                (VideoFunctions.KenBurnsFrameChunk, VideoFunctions.KenBurnsBandRows) = (oldChunk, oldBand);
            }
        }
    }

    private static (double Wall, double Cpu) TimeOurs(Image image)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using (var video = VideoFunctions.ImageToVideo(image, 6, 24, CameraMotion.ZoomIn, 0.15))
        {
            Assert.Equal(Frames, video.FrameCount);
            clock.Stop();
        }
        process.Refresh();
        return (clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>Wall and CPU seconds of one ffmpeg run, from its own -benchmark line.</summary>
    private static (double Wall, double Cpu) TimeFfmpeg(string png, string filter)
    {
        var text = Tool.RunText("bash", "-c",
            $"ffmpeg -hide_banner -nostdin -benchmark -i '{png}' -vf \"{filter}\" -frames:v {Frames} -f null - 2>&1 | grep 'bench: utime'");
        var m = Regex.Match(text, @"utime=([\d.]+)s stime=([\d.]+)s rtime=([\d.]+)s");
        Assert.True(m.Success, text);
        double Value(int g) => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        return (Value(3), Value(1) + Value(2));
    }

    private void Report(string what, List<(double Wall, double Cpu)> runs)
    {
        var walls = runs.Select(r => r.Wall).Order().ToArray();
        var cpus = runs.Select(r => r.Cpu).Order().ToArray();
        output.WriteLine(FormattableString.Invariant(
            $"{what}: wall min {walls[0]:0.000} s, median {walls[walls.Length / 2]:0.000} s; CPU min {cpus[0]:0.000} s, median {cpus[cpus.Length / 2]:0.000} s"));
    }
}
