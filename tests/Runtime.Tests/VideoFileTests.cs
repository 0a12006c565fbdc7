using System.Text.Json;
using SymbolicGen.Runtime.IO;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;

namespace SymbolicGen.Runtime.Tests;

public sealed class VideoFileTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ITestOutputHelper _output;

    public VideoFileTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _folder.Dispose();

    /// <summary>ffprobe's own view of a file (streams with counted frames, and the format).</summary>
    private static JsonElement Probe(string path) =>
        JsonDocument.Parse(Tool.RunText("ffprobe", "-v", "error", "-count_frames", "-show_streams", "-show_format", "-of", "json", path)).RootElement;

    private static JsonElement Stream(JsonElement probe, string type) =>
        probe.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("codec_type").GetString() == type);

    private static double Number(JsonElement element, string property) =>
        double.Parse(element.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The mean |a − b| of two videos' frames, as values 0 to 1.</summary>
    private static double MeanAbsoluteDifference(torch.Tensor a, torch.Tensor b)
    {
        using var scope = torch.NewDisposeScope();
        return TensorMedia.Dequantize(a).sub(TensorMedia.Dequantize(b)).abs().mean().item<float>();
    }

    private static double Correlation(float[] a, float[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < n; i++)
        {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.Sqrt(aa * bb);
    }

    [Fact]
    public async Task An_MP4_with_sound_is_H264_and_AAC_with_the_right_frames_and_reads_back_close()
    {
        var path = _folder.File("film.mp4");
        var sound = Synthetic.SineInterleaved(2, 96000, 48000);
        await LiveTensors.AssertNoLeakAsync(async () =>
        {
            using var video = Synthetic.MovingSquare(96, 64, 48, 24, Audio.FromInterleaved(sound, 2, 48000));
            await VideoFile.WriteAsync(video, path);

            var probe = Probe(path);
            var v = Stream(probe, "video");
            var a = Stream(probe, "audio");
            Assert.Equal(("h264", "yuv420p", 96, 64), (v.GetProperty("codec_name").GetString(), v.GetProperty("pix_fmt").GetString(), v.GetProperty("width").GetInt32(), v.GetProperty("height").GetInt32()));
            Assert.Equal("24/1", v.GetProperty("r_frame_rate").GetString());
            Assert.Equal("48", v.GetProperty("nb_read_frames").GetString());
            Assert.Equal(2.0, Number(v, "duration"), 0.01);
            Assert.Equal(("aac", 2, "48000"), (a.GetProperty("codec_name").GetString(), a.GetProperty("channels").GetInt32(), a.GetProperty("sample_rate").GetString()));
            Assert.Equal(2.0, Number(probe.GetProperty("format"), "duration"), 0.05);
            Assert.Equal(new[] { "film.mp4" }, _folder.Names());

            using var back = await VideoFile.ReadAsync(path);
            Assert.Equal((48, 3, 64, 96, 24.0), (back.FrameCount, back.Channels, back.Height, back.Width, back.Fps));
            var error = MeanAbsoluteDifference(video.Tensor, back.Tensor);
            _output.WriteLine($"mean absolute frame error {error:0.0000}");
            Assert.True(error < 0.02, $"mean absolute frame error {error}");
            // The square is where it was: frame 47's brightest column is near the right edge.
            using (var frame = back.Frame(47))
            {
                using var scope = torch.NewDisposeScope();
                var column = frame.Tensor[0].sum(0L).argmax().item<long>(); // sum(0) would bind to sum(ScalarType)
                Assert.InRange(column, 80, 95);
            }

            var audio = Assert.IsType<Audio>(back.Audio);
            Assert.Equal((2, 48000), (audio.Channels, audio.SampleRate));
            Assert.Equal(96000, audio.SampleCount, 1024.0);
            var decoded = audio.ToInterleaved();
            var correlation = Correlation(sound, decoded);
            _output.WriteLine($"audio correlation {correlation:0.0000}");
            Assert.True(correlation > 0.95, $"audio correlation {correlation}");
        });
    }

    [Fact]
    public async Task A_silent_video_has_no_audio_stream_and_keeps_an_NTSC_rate()
    {
        var path = _folder.File("silent.mp4");
        using (var video = Synthetic.MovingSquare(32, 32, 10, 30000.0 / 1001))
            await VideoFile.WriteAsync(video, path);

        var probe = Probe(path);
        Assert.DoesNotContain(probe.GetProperty("streams").EnumerateArray(), s => s.GetProperty("codec_type").GetString() == "audio");
        Assert.Equal("30000/1001", Stream(probe, "video").GetProperty("r_frame_rate").GetString());

        using var back = await VideoFile.ReadAsync(path);
        Assert.Null(back.Audio);
        Assert.Equal(10, back.FrameCount);
        Assert.Equal(30000.0 / 1001, back.Fps, 1e-6);
    }

    [Fact]
    public async Task Odd_sizes_are_padded_to_even_and_alpha_is_dropped()
    {
        var path = _folder.File("odd.mp4");
        using (var video = Video.FromTensor(torch.rand(3, 4, 17, 33), 10))
            await VideoFile.WriteAsync(video, path);
        var info = await VideoFile.ProbeAsync(path);
        Assert.Equal((34, 18, "h264", (string?)null), (info.Width, info.Height, info.VideoCodec, info.AudioCodec));
    }

    [Theory]
    [InlineData("webm", "libvpx-vp9", "libopus")]
    [InlineData("mkv", "libx264", "flac")]
    public async Task Common_files_made_by_ffmpeg_read_frame_for_frame_as_ffmpeg_decodes_them(string container, string videoCodec, string audioCodec)
    {
        var path = _folder.File("clip." + container);
        Tool.Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
            "-f", "lavfi", "-i", "testsrc2=size=80x60:rate=25:duration=1", "-f", "lavfi", "-i", "sine=frequency=660:sample_rate=48000:duration=1",
            "-c:v", videoCodec, "-c:a", audioCodec, "-y", path);
        var firstFrame = Tool.Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1");

        await LiveTensors.AssertNoLeakAsync(async () =>
        {
            using var video = await VideoFile.ReadAsync(path);
            Assert.Equal((25, 80, 60, 25.0), (video.FrameCount, video.Width, video.Height, video.Fps));
            using (var scope = torch.NewDisposeScope())
                Assert.Equal(firstFrame, video.Tensor[0].permute(1, 2, 0).contiguous().data<byte>().ToArray()); // ffmpeg's bytes, as they are
            using (var frame = video.Frame(0)) Assert.Equal(firstFrame, frame.ToPixels());
            var audio = Assert.IsType<Audio>(video.Audio);
            Assert.Equal(48000, audio.SampleRate);
            Assert.Equal(1.0, audio.Seconds, 0.05);
            Assert.True(audio.ToInterleaved().Max() > 0.05f);
        });
    }

    [Fact]
    public async Task Without_ffmpeg_video_IO_fails_with_one_line_that_says_how_to_install_it()
    {
        var missing = new VideoFileOptions { FFmpegPath = "/nonexistent/ffmpeg", FFprobePath = "/nonexistent/ffprobe" };
        var path = _folder.File("never.mp4");
        using var video = Synthetic.MovingSquare(16, 16, 2, 10);

        var write = await Assert.ThrowsAsync<MediaToolNotFoundException>(() => VideoFile.WriteAsync(video, path, missing));
        Assert.DoesNotContain('\n', write.Message);
        Assert.Contains("apt-get install ffmpeg", write.Message);
        Assert.StartsWith("'/nonexistent/ffmpeg' was not found", write.Message);
        Assert.Empty(_folder.Names());

        var existing = _folder.File("exists.mp4");
        File.WriteAllText(existing, "not really a video");
        var read = await Assert.ThrowsAsync<MediaToolNotFoundException>(() => VideoFile.ReadAsync(existing, missing));
        Assert.Equal("/nonexistent/ffprobe", read.Tool);
        Assert.Contains("apt-get install ffmpeg", read.Message);

        // A file that is there but cannot run says so.
        var notExecutable = _folder.File("ffmpeg-not-executable");
        File.WriteAllText(notExecutable, "");
        var denied = await Assert.ThrowsAsync<MediaToolNotFoundException>(() => VideoFile.WriteAsync(video, path, new VideoFileOptions { FFmpegPath = notExecutable }));
        Assert.StartsWith($"'{notExecutable}' could not be started (", denied.Message);
        Assert.DoesNotContain('\n', denied.Message);

        // Images and audio do not need ffmpeg.
        using var frame = video.Frame(0);
        ImageFile.Write(frame, _folder.File("frame.png"));
    }

    [Fact]
    public async Task Bad_input_is_an_error_naming_the_file()
    {
        var text = _folder.File("notes.mp4");
        File.WriteAllText(text, "these are notes, not a video");
        var e = await Assert.ThrowsAsync<MediaFormatException>(() => VideoFile.ReadAsync(text));
        Assert.StartsWith(text + ": not a video ffprobe can read", e.Message);
        _output.WriteLine(e.Message);

        var wav = _folder.File("sound.wav");
        using (var audio = Synthetic.Sine(1, 800, 8000)) WavFile.Write(audio, wav);
        Assert.Equal(wav + ": has no video stream", (await Assert.ThrowsAsync<MediaFormatException>(() => VideoFile.ReadAsync(wav))).Message);

        var missing = _folder.File("missing.mp4");
        Assert.Equal(missing + ": no such file", (await Assert.ThrowsAsync<FileNotFoundException>(() => VideoFile.ReadAsync(missing))).Message);
    }

    [Fact]
    public async Task A_video_too_large_for_memory_is_refused_before_decoding()
    {
        var path = _folder.File("small.mp4");
        using (var video = Synthetic.MovingSquare(32, 32, 10, 10)) await VideoFile.WriteAsync(video, path);
        var e = await Assert.ThrowsAsync<MediaFormatException>(() => VideoFile.ReadAsync(path, new VideoFileOptions { MaxDecodedBytes = 1000 }));
        Assert.Contains("MaxDecodedBytes", e.Message);
    }

    [Fact]
    public async Task A_failing_ffmpeg_leaves_the_destination_as_it_was()
    {
        var path = _folder.File("keep.mp4");
        File.WriteAllText(path, "the previous film");
        using var video = Synthetic.MovingSquare(32, 32, 5, 10, Synthetic.Sine(1, 8000, 16000));

        var e = await Assert.ThrowsAsync<MediaFormatException>(() => VideoFile.WriteAsync(video, path, new VideoFileOptions { Preset = "no-such-preset" }));

        Assert.StartsWith(path + ": ffmpeg could not write the video (", e.Message);
        _output.WriteLine(e.Message);
        Assert.Equal("the previous film", File.ReadAllText(path));
        Assert.Equal(new[] { "keep.mp4" }, _folder.Names());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the stand-in ffmpeg is a shell script
    public async Task Cancelling_a_write_stops_ffmpeg_and_leaves_nothing_behind()
    {
        // A stand-in ffmpeg that starts the output file, then stalls without reading its input.
        var fake = _folder.File("stalling-ffmpeg.sh");
        File.WriteAllText(fake, "#!/bin/sh\nfor last; do :; done\necho partial > \"$last\"\nexec sleep 60\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = _folder.File("film.mp4");
        File.WriteAllText(path, "the previous film");

        await LiveTensors.AssertNoLeakAsync(async () =>
        {
            using var video = Synthetic.MovingSquare(128, 128, 20, 10, Synthetic.Sine(2, 4800, 48000));
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            var started = DateTime.UtcNow;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => VideoFile.WriteAsync(video, path, new VideoFileOptions { FFmpegPath = fake }, cancel.Token));
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        });

        Assert.Equal("the previous film", File.ReadAllText(path));
        Assert.Equal(new[] { "film.mp4", "stalling-ffmpeg.sh" }, _folder.Names());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the stand-in ffmpeg is a shell script
    public async Task Cancelling_a_read_leaves_no_live_tensors()
    {
        var path = _folder.File("clip.mp4");
        using (var video = Synthetic.MovingSquare(32, 32, 10, 10, Synthetic.Sine(1, 8000, 8000))) await VideoFile.WriteAsync(video, path);
        var fake = _folder.File("slow-ffmpeg.sh");
        File.WriteAllText(fake, "#!/bin/sh\nhead -c 3072 /dev/zero\nexec sleep 60\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        await LiveTensors.AssertNoLeakAsync(async () =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => VideoFile.ReadAsync(path, new VideoFileOptions { FFmpegPath = fake }, cancel.Token));
        });
    }
}
