using SymbolicGen.Runtime;
using SymbolicGen.Runtime.IO;
using TorchSharp;
using Xunit;

namespace SymbolicGen.Cli.Tests;

/// <summary><c>symgen run</c> with audio inputs in formats only ffmpeg decodes (MP3, FLAC), made by the real ffmpeg.</summary>
public sealed class AudioInputRunTests : IDisposable
{
    private const int Rate = 44100;
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    // Gain of +6 dB doubles the amplitude (x1.995).
    private const string Flow = """
        flow Louder(song: Audio) -> (out: Audio) {
            out = Gain(song, gain: 6dB)
        }
        """;

    /// <summary>One second of stereo tone (440 Hz left, 880 Hz right, amplitude 0.25) encoded by ffmpeg as <paramref name="name"/>.</summary>
    private async Task<string> Tone(string name)
    {
        var wav = Path.Combine(_cli.Scratch, name + ".wav");
        var samples = new float[2 * Rate];
        for (var i = 0; i < Rate; i++)
        {
            samples[2 * i] = (float)(0.25 * Math.Sin(2 * Math.PI * 440 * i / Rate));
            samples[2 * i + 1] = (float)(0.25 * Math.Sin(2 * Math.PI * 880 * i / Rate));
        }
        using (var tone = Audio.FromInterleaved(samples, 2, Rate)) WavFile.Write(tone, wav);
        var path = Path.Combine(_cli.Scratch, name);
        await Cli.Tool("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-i", wav, "-y", path);
        return path;
    }

    /// <summary>Checks the doubled tone in out.wav: rate, channels, length within codec padding, each channel's pitch and level.</summary>
    private static void AssertLouderTone(string outDir, double lengthTolerance)
    {
        using var audio = WavFile.Read(Path.Combine(outDir, "out.wav"));
        Assert.Equal((2, Rate), (audio.Channels, audio.SampleRate));
        Assert.Equal(1.0, audio.Seconds, lengthTolerance);
        using var scope = torch.NewDisposeScope();
        foreach (var (channel, frequency) in new[] { (0, 440.0), (1, 880.0) })
        {
            var samples = audio.Tensor[channel];
            var bin = torch.fft.rfft(samples).abs().argmax().item<long>();
            Assert.Equal(frequency, (double)bin * Rate / audio.SampleCount, 2.0);
            var rms = samples.square().mean().sqrt().item<float>();
            Assert.Equal(0.25 * 1.995 / Math.Sqrt(2), rms, 0.02);
        }
    }

    [Fact]
    public async Task An_mp3_given_with_in_is_decoded_and_runs_through_the_flow()
    {
        var flow = _cli.WriteFile("Louder.sym", Flow);
        var outDir = Path.Combine(_cli.Scratch, "out");

        var (exit, output, error) = _cli.Run("run", flow, "--in", $"song={await Tone("tone.mp3")}", "--out", outDir);

        Assert.True(exit == 0, error);
        Assert.Contains($"wrote {Path.Combine(outDir, "out.wav")} (Audio 1 s, {Rate} Hz, 2 ch)", output);
        AssertLouderTone(outDir, 0.06);
    }

    [Fact]
    public async Task A_flac_in_the_assets_folder_is_the_default_input()
    {
        var flow = _cli.WriteFile("Louder.sym", Flow);
        var asset = Path.Combine(_cli.Scratch, "assets", "song.flac");
        Directory.CreateDirectory(Path.GetDirectoryName(asset)!);
        File.Move(await Tone("tone.flac"), asset);
        var outDir = Path.Combine(_cli.Scratch, "out");

        var (exit, _, error) = _cli.Run("run", flow, "--out", outDir);

        Assert.True(exit == 0, error);
        Assert.Contains($"using {Path.GetRelativePath(Environment.CurrentDirectory, asset)} for 'song'", error);
        AssertLouderTone(outDir, 0);
    }

    [Fact]
    public void A_damaged_or_missing_audio_input_is_a_one_line_error_naming_the_file()
    {
        var flow = _cli.WriteFile("Louder.sym", Flow);
        var garbage = _cli.WriteFile("song.mp3", "this is not an mp3, just text with a misleading name");

        var (exit, _, error) = _cli.Run("run", flow, "--in", $"song={garbage}", "--out", Path.Combine(_cli.Scratch, "out"));

        Assert.Equal(2, exit);
        Assert.StartsWith($"symgen: error: {garbage}: not an audio file ffprobe can read (", error);
        Assert.Single(error.TrimEnd().Split('\n'));

        var missing = Path.Combine(_cli.Scratch, "nowhere.mp3");
        (exit, _, error) = _cli.Run("run", flow, "--in", $"song={missing}");
        Assert.Equal(2, exit);
        Assert.Equal($"symgen: error: '{missing}' does not exist", error.Trim());
    }
}
