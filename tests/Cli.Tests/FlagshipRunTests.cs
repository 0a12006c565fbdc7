using System.Text.Json;
using SymbolicGen.Runtime;
using SymbolicGen.Runtime.IO;
using TorchSharp;
using Xunit;

namespace SymbolicGen.Cli.Tests;

/// <summary>The README's main job: JungleRuins from the sample photos to film.mp4 and poster.png, checked with ffprobe and on content.</summary>
public sealed class FlagshipRunTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task JungleRuins_writes_a_6_second_24_fps_film_with_sound_and_a_poster_of_both_photos()
    {
        var outDir = Path.Combine(_cli.Scratch, "out");

        var (exit, output, error) = _cli.Run("run", Path.Combine(Cli.Workflows, "JungleRuins.sym"), "--out", outDir);

        Assert.True(exit == 0, error);
        Assert.Contains("wrote " + Path.Combine(outDir, "film.mp4"), output);
        Assert.Contains("wrote " + Path.Combine(outDir, "poster.png"), output);
        Assert.Contains("[6/6] finished", error);

        using var probe = JsonDocument.Parse(await Cli.Tool("ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", Path.Combine(outDir, "film.mp4")));
        var streams = probe.RootElement.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.Single(s => s.GetProperty("codec_type").GetString() == "video");
        var audio = streams.Single(s => s.GetProperty("codec_type").GetString() == "audio");
        Assert.Equal("h264", video.GetProperty("codec_name").GetString());
        Assert.Equal("24/1", video.GetProperty("r_frame_rate").GetString());
        Assert.Equal("aac", audio.GetProperty("codec_name").GetString());
        var duration = double.Parse(probe.RootElement.GetProperty("format").GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(duration, 5.9, 6.1);

        // The poster is a blend of both photos: it correlates with each of them.
        using var poster = ImageFile.Read(Path.Combine(outDir, "poster.png"));
        using var jungle = ImageFile.Read(Path.Combine(Cli.Workflows, "assets", "jungle.png"));
        using var ruins = ImageFile.Read(Path.Combine(Cli.Workflows, "assets", "ruins.png"));
        Assert.InRange(Correlation(poster, jungle), 0.2, 1.0);
        Assert.InRange(Correlation(poster, ruins), 0.2, 1.0);

        // The soundtrack is not silent and much of its energy is in the birdsong band (2-8 kHz).
        var wav = Path.Combine(_cli.Scratch, "sound.wav");
        await Cli.Tool("ffmpeg", "-v", "error", "-i", Path.Combine(outDir, "film.mp4"), "-vn", "-ac", "1", "-ar", "44100", wav);
        using var sound = WavFile.Read(wav);
        var (rms, birdBand) = Spectrum(sound);
        Assert.InRange(rms, 0.01, 1.0);
        Assert.InRange(birdBand, 0.1, 1.0);
    }

    private static double Correlation(Image a, Image b)
    {
        using var scope = torch.NewDisposeScope();
        var x = a.Tensor.mean([0L]).flatten();
        var y = b.Tensor.mean([0L]).flatten();
        x = x - x.mean();
        y = y - y.mean();
        return (x * y).sum().item<float>() / Math.Sqrt((x * x).sum().item<float>() * (y * y).sum().item<float>());
    }

    private static (double Rms, double BirdBandShare) Spectrum(Audio audio)
    {
        using var scope = torch.NewDisposeScope();
        var samples = audio.Tensor[0];
        var rms = Math.Sqrt((samples * samples).mean().item<float>());
        var power = torch.fft.rfft(samples).abs().pow(2);
        var hzPerBin = (double)audio.SampleRate / samples.shape[0];
        var band = power[(int)(2000 / hzPerBin)..(int)(8000 / hzPerBin)].sum().item<float>();
        return (rms, band / power.sum().item<float>());
    }
}
