using SymbolicGen.Runtime.IO;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;

namespace SymbolicGen.Runtime.Tests;

public sealed class AudioFileTests : IDisposable
{
    private const int Rate = 48000;
    private readonly TempFolder _folder = new();
    private readonly ITestOutputHelper _output;

    public AudioFileTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _folder.Dispose();

    private static readonly VideoFileOptions NoTools = new() { FFmpegPath = "/nonexistent/ffmpeg", FFprobePath = "/nonexistent/ffprobe" };

    /// <summary>One second of tone (channel c a sine at 440 Hz × (c + 1), amplitude 0.5) as 16-bit WAV, encoded by the real ffmpeg.</summary>
    private string Encode(string name, string codec, int channels)
    {
        var wav = _folder.File(name + ".source.wav");
        using (var tone = Synthetic.Sine(channels, Rate, Rate)) WavFile.Write(tone, wav);
        var path = _folder.File(name);
        Tool.Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-i", wav, "-c:a", codec, "-y", path);
        return path;
    }

    /// <summary>The strongest frequency in a channel, to the nearest FFT bin.</summary>
    private static double DominantFrequency(Audio audio, int channel)
    {
        using var scope = torch.NewDisposeScope();
        var bin = torch.fft.rfft(audio.Tensor[channel]).abs().argmax().item<long>();
        return (double)bin * audio.SampleRate / audio.SampleCount;
    }

    private static double Rms(Audio audio, int channel)
    {
        using var scope = torch.NewDisposeScope();
        return audio.Tensor[channel].square().mean().sqrt().item<float>();
    }

    [Theory]
    [InlineData("tone.mp3", "libmp3lame", 2, 0.06)]
    [InlineData("tone.flac", "flac", 6, 0)]
    [InlineData("tone.ogg", "libvorbis", 2, 0.06)]
    [InlineData("tone.opus", "libopus", 1, 0.06)]
    [InlineData("tone.m4a", "aac", 2, 0.06)]
    [InlineData("tone.aiff", "pcm_s16be", 2, 0)]
    [InlineData("alaw.wav", "pcm_alaw", 2, 0)]
    public async Task Files_ffmpeg_encodes_read_back_with_their_rate_channels_length_and_tone(string name, string codec, int channels, double lengthTolerance)
    {
        var path = Encode(name, codec, channels);
        await LiveTensors.AssertNoLeakAsync(async () =>
        {
            using var audio = await AudioFile.ReadAsync(path);
            _output.WriteLine($"{name}: {audio}");
            Assert.Equal((channels, Rate), (audio.Channels, audio.SampleRate));
            Assert.Equal(1.0, audio.Seconds, lengthTolerance);
            for (var c = 0; c < channels; c++)
            {
                Assert.Equal(440.0 * (c + 1), DominantFrequency(audio, c), 2.0);
                Assert.Equal(0.5 / Math.Sqrt(2), Rms(audio, c), 0.03);
            }
            // Exactly what ffmpeg itself decodes from the file.
            Assert.Equal(Tool.DecodeAudio(path), audio.ToInterleaved());
        });
    }

    [Fact]
    public async Task Lossless_files_read_sample_for_sample_as_written()
    {
        var flac = Encode("tone.flac", "flac", 2);
        using var original = WavFile.Read(_folder.File("tone.flac.source.wav"));
        using var audio = await AudioFile.ReadAsync(flac);
        Assert.Equal(original.ToInterleaved(), audio.ToInterleaved());
    }

    [Fact]
    public async Task PCM_WAV_is_read_natively_without_ffmpeg_but_other_formats_need_it()
    {
        var wav = _folder.File("tone.wav");
        var samples = Synthetic.SineInterleaved(2, 4800, Rate);
        using (var tone = Audio.FromInterleaved(samples, 2, Rate)) WavFile.Write(tone, wav, WavSampleFormat.Float32);
        using (var audio = await AudioFile.ReadAsync(wav, NoTools))
            Assert.Equal(samples, audio.ToInterleaved());

        // The content decides, not the extension: an MP3 named .wav still goes to ffmpeg.
        var named = _folder.File("really-mp3.wav");
        File.Copy(Encode("tone.mp3", "libmp3lame", 1), named);
        using (var audio = await AudioFile.ReadAsync(named)) Assert.Equal(440.0, DominantFrequency(audio, 0), 2.0);

        foreach (var path in new[] { Encode("alaw.wav", "pcm_alaw", 1), named })
        {
            var e = await Assert.ThrowsAsync<MediaToolNotFoundException>(() => AudioFile.ReadAsync(path, NoTools));
            Assert.Equal("/nonexistent/ffprobe", e.Tool);
            Assert.Contains("apt-get install ffmpeg", e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    [Fact]
    public async Task Damaged_missing_and_non_audio_files_are_errors_naming_the_file()
    {
        var garbage = _folder.File("garbage.mp3");
        File.WriteAllBytes(garbage, Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 >> 3)).ToArray());
        var e = await Assert.ThrowsAsync<MediaFormatException>(() => AudioFile.ReadAsync(garbage));
        _output.WriteLine(e.Message);
        Assert.StartsWith(garbage + ": not an audio file ffprobe can read (", e.Message);
        Assert.DoesNotContain('\n', e.Message);

        // Cut inside the first MP3 frame.
        var truncated = _folder.File("truncated.mp3");
        File.WriteAllBytes(truncated, File.ReadAllBytes(Encode("tone.mp3", "libmp3lame", 2))[..600]);
        e = await Assert.ThrowsAsync<MediaFormatException>(() => AudioFile.ReadAsync(truncated));
        _output.WriteLine(e.Message);
        Assert.StartsWith(truncated + ": ", e.Message);

        // A damaged PCM WAV is reported by the native reader, not handed to ffmpeg.
        var wav = _folder.File("cut.wav");
        using (var tone = Synthetic.Sine(1, 1000, 8000)) WavFile.Write(tone, wav);
        File.WriteAllBytes(wav, File.ReadAllBytes(wav)[..500]);
        e = await Assert.ThrowsAsync<MediaFormatException>(() => AudioFile.ReadAsync(wav, NoTools));
        Assert.StartsWith(wav + ": truncated", e.Message);

        var image = _folder.File("picture.png");
        using (var gradient = Synthetic.Gradient(8, 8)) ImageFile.Write(gradient, image);
        Assert.Equal(image + ": has no audio stream", (await Assert.ThrowsAsync<MediaFormatException>(() => AudioFile.ReadAsync(image))).Message);

        var missing = _folder.File("missing.mp3");
        Assert.Equal(missing + ": no such file", (await Assert.ThrowsAsync<FileNotFoundException>(() => AudioFile.ReadAsync(missing))).Message);
    }

    [Fact]
    public async Task A_video_file_reads_as_its_sound_track()
    {
        var path = _folder.File("clip.mp4");
        using (var video = Synthetic.MovingSquare(32, 32, 10, 10, Synthetic.Sine(2, Rate, Rate))) await VideoFile.WriteAsync(video, path);
        using var audio = await AudioFile.ReadAsync(path);
        Assert.Equal((2, Rate), (audio.Channels, audio.SampleRate));
        Assert.Equal(880.0, DominantFrequency(audio, 1), 2.0);
    }

    [Fact]
    public async Task Audio_beyond_MaxDecodedBytes_is_refused()
    {
        var path = Encode("tone.flac", "flac", 2);
        var e = await Assert.ThrowsAsync<MediaFormatException>(() => AudioFile.ReadAsync(path, new VideoFileOptions { MaxDecodedBytes = 100_000 }));
        Assert.StartsWith(path + ": its audio would need more than", e.Message);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the stand-in ffmpeg is a shell script
    public async Task Cancelling_a_read_stops_ffmpeg_and_leaves_no_live_tensors()
    {
        var path = Encode("tone.mp3", "libmp3lame", 2);
        var fake = _folder.File("slow-ffmpeg.sh");
        File.WriteAllText(fake, "#!/bin/sh\nhead -c 4096 /dev/zero\nexec sleep 60\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        await LiveTensors.AssertNoLeakAsync(async () =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AudioFile.ReadAsync(path, new VideoFileOptions { FFmpegPath = fake }, cancel.Token));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AudioFile.ReadAsync(path, cancellationToken: cancel.Token));
        });
    }
}
