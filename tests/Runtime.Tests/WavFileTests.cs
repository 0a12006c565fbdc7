using System.Buffers.Binary;
using SymbolicGen.Runtime.IO;
using Xunit;

namespace SymbolicGen.Runtime.Tests;

public sealed class WavFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// Samples on the <paramref name="bits"/>-bit grid (so integer formats can round-trip them exactly),
    /// including both extremes.
    /// </summary>
    private static float[] GridSamples(int channels, int frames, int bits)
    {
        var scale = Math.Pow(2, bits - 1);
        var samples = Synthetic.SineInterleaved(channels, frames, 48000, 997);
        for (var i = 0; i < samples.Length; i++) samples[i] = (float)(Math.Round(samples[i] * 1.9 * scale) / scale);
        samples[0] = -1f;
        samples[^1] = (float)((scale - 1) / scale);
        return samples;
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 16, 1)]
    [InlineData(WavSampleFormat.Pcm16, 16, 2)]
    [InlineData(WavSampleFormat.Pcm24, 24, 1)]
    [InlineData(WavSampleFormat.Pcm24, 24, 2)]
    [InlineData(WavSampleFormat.Pcm16, 16, 6)]
    [InlineData(WavSampleFormat.Pcm24, 24, 6)]
    [InlineData(WavSampleFormat.Float32, 32, 1)]
    [InlineData(WavSampleFormat.Float32, 32, 2)]
    [InlineData(WavSampleFormat.Float32, 32, 6)]
    public void Samples_round_trip_exactly(WavSampleFormat format, int bits, int channels)
    {
        var samples = format == WavSampleFormat.Float32 ? Synthetic.SineInterleaved(channels, 4801, 48000) : GridSamples(channels, 4801, bits);
        if (format == WavSampleFormat.Float32) samples[3] = 1.75f; // float keeps values beyond ±1
        var path = _folder.File("round-trip.wav");
        LiveTensors.AssertNoLeak(() =>
        {
            using (var audio = Audio.FromInterleaved(samples, channels, 48000)) WavFile.Write(audio, path, format);
            using var back = WavFile.Read(path);
            Assert.Equal((channels, 4801L, 48000), (back.Channels, back.SampleCount, back.SampleRate));
            Assert.Equal(samples, back.ToInterleaved());
        });
        Assert.Equal(new[] { "round-trip.wav" }, _folder.Names());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Pcm32_round_trips_to_float_precision(int channels)
    {
        var samples = Synthetic.SineInterleaved(channels, 1000, 44100);
        var path = _folder.File("pcm32.wav");
        using (var audio = Audio.FromInterleaved(samples, channels, 44100)) WavFile.Write(audio, path, WavSampleFormat.Pcm32);
        using var back = WavFile.Read(path);
        var actual = back.ToInterleaved();
        for (var i = 0; i < samples.Length; i++) Assert.Equal(samples[i], actual[i], 1e-7f);
    }

    [Fact]
    public void Integer_formats_clamp_and_round()
    {
        using var audio = Audio.FromInterleaved(new[] { 2f, -3f, 0.25f + 0.4f / 32768, float.NaN }, 1, 8000);
        var wav = WavFile.Encode(audio);
        var data = wav[^8..];
        Assert.Equal(new short[] { 32767, -32768, 8192, 0 },
            Enumerable.Range(0, 4).Select(i => BinaryPrimitives.ReadInt16LittleEndian(data.AsSpan(2 * i))).ToArray());
    }

    [Theory]
    [InlineData("pcm_u8", 8)]
    [InlineData("pcm_s16le", 16)]
    [InlineData("pcm_s24le", 24)]
    [InlineData("pcm_s32le", 32)]
    [InlineData("pcm_f32le", 32)]
    [InlineData("pcm_f64le", 64)]
    public void Files_written_by_ffmpeg_read_as_ffmpeg_decodes_them(string codec, int bits)
    {
        var path = _folder.File(codec + ".wav");
        Tool.Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=22050:duration=0.2",
            "-af", "volume=4", "-ac", "2", "-c:a", codec, "-y", path);
        var expected = Tool.DecodeAudio(path);

        using var audio = WavFile.Read(path);

        Assert.Equal((2, 22050), (audio.Channels, audio.SampleRate));
        Assert.Equal(4410, audio.SampleCount);
        var actual = audio.ToInterleaved();
        Assert.Equal(expected.Length, actual.Length);
        var tolerance = bits == 8 ? 1e-2f : 1e-6f;
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], tolerance);
        Assert.True(actual.Max() > 0.3f, $"peak {actual.Max()}");
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 2)]
    [InlineData(WavSampleFormat.Pcm24, 2)]
    [InlineData(WavSampleFormat.Pcm32, 1)]
    [InlineData(WavSampleFormat.Float32, 2)]
    [InlineData(WavSampleFormat.Pcm16, 6)]
    [InlineData(WavSampleFormat.Float32, 6)]
    public void Files_written_here_decode_in_ffmpeg_to_the_same_samples(WavSampleFormat format, int channels)
    {
        var samples = GridSamples(channels, 2000, 16);
        var path = _folder.File("ours.wav");
        using (var audio = Audio.FromInterleaved(samples, channels, 32000)) WavFile.Write(audio, path, format);

        var decoded = Tool.DecodeAudio(path);

        Assert.Equal(samples.Length, decoded.Length);
        for (var i = 0; i < samples.Length; i++) Assert.Equal(samples[i], decoded[i], 1e-6f);
        Assert.Contains($"\"channels\": {channels}", Tool.RunText("ffprobe", "-v", "error", "-show_streams", "-of", "json", path));
    }

    [Fact]
    public void A_wrong_header_is_a_format_error_naming_the_file()
    {
        var path = _folder.File("wrong.wav");
        using (var audio = Synthetic.Sine(1, 100, 8000)) WavFile.Write(audio, path);
        var bytes = File.ReadAllBytes(path);
        bytes[8] = (byte)'X'; // WAVE -> XAVE
        File.WriteAllBytes(path, bytes);

        LiveTensors.AssertNoLeak(() =>
        {
            var e = Assert.Throws<MediaFormatException>(() => WavFile.Read(path));
            Assert.Equal(path + ": not a WAV file (it does not start with a RIFF/WAVE header)", e.Message);
            Assert.Equal(path, e.FilePath);
        });
    }

    [Fact]
    public void Damaged_and_unsupported_headers_say_what_is_wrong()
    {
        using var audio = Synthetic.Sine(2, 100, 8000);
        var good = WavFile.Encode(audio);

        Assert.Contains("truncated: the 'data' chunk declares 400 bytes but only 200 follow", Problem(good[..(good.Length - 200)]));
        Assert.Contains("no 'fmt ' chunk", Problem(good[..12]));
        Assert.Contains("the 'fmt ' chunk runs past the end of the file", Problem(good[..30]));

        var adpcm = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(adpcm.AsSpan(20), 2);
        Assert.Contains("WAV format code 2 (compressed audio) is not supported", Problem(adpcm));

        var noChannels = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(noChannels.AsSpan(22), 0);
        Assert.Contains("0 channels", Problem(noChannels));

        var badBlock = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(badBlock.AsSpan(32), 3);
        Assert.Contains("block size of 3 bytes does not match 2 channels of 16 bits", Problem(badBlock));

        Assert.Contains("not a WAV file", Problem(Array.Empty<byte>()));
    }

    [Fact]
    public void A_streamed_file_with_an_unknown_data_size_reads_to_the_end()
    {
        using var audio = Synthetic.Sine(1, 100, 8000);
        var wav = WavFile.Encode(audio);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40), uint.MaxValue);
        using var back = WavFile.Decode(wav, "streamed.wav");
        Assert.Equal(100, back.SampleCount);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = _folder.File("missing.wav");
        Assert.Equal(path + ": no such file", Assert.Throws<FileNotFoundException>(() => WavFile.Read(path)).Message);
    }

    [Fact]
    public void Zero_samples_are_allowed()
    {
        using var empty = Audio.Silence(TimeSpan.Zero, 16000, 2);
        var path = _folder.File("empty.wav");
        WavFile.Write(empty, path);
        using var back = WavFile.Read(path);
        Assert.Equal((2, 0L), (back.Channels, back.SampleCount));
    }

    private string Problem(byte[] bytes)
    {
        var path = _folder.File("damaged.wav");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<MediaFormatException>(() => WavFile.Read(path));
        Assert.StartsWith(path + ": ", e.Message);
        return e.Message;
    }
}
