using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace SymbolicGen.Runtime.IO;

/// <summary>How <see cref="WavFile.Write"/> stores samples.</summary>
public enum WavSampleFormat
{
    /// <summary>16-bit signed integer PCM (CD quality; the most compatible).</summary>
    Pcm16,
    /// <summary>24-bit signed integer PCM.</summary>
    Pcm24,
    /// <summary>32-bit signed integer PCM.</summary>
    Pcm32,
    /// <summary>32-bit IEEE float: lossless for <see cref="Audio"/>'s samples, values beyond ±1 kept.</summary>
    Float32,
}

/// <summary>
/// Reads and writes WAV files: integer PCM (8, 16, 24 and 32-bit) and IEEE float (32 and 64-bit), any
/// number of channels, plain or WAVE_FORMAT_EXTENSIBLE. To read an audio file of any format, use
/// <see cref="AudioFile.ReadAsync"/>, which reads these WAV files here and hands the rest to ffmpeg.
/// </summary>
public static class WavFile
{
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>Reads a WAV file; integer samples are scaled to -1..1 (divided by 2^(bits-1)). The caller owns the result.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MediaFormatException">The file is not a WAV file, has a damaged or unsupported header, or is truncated.</exception>
    public static Audio Read(string path) => Decode(AtomicFile.ReadAllBytes(path), path);

    /// <summary>Decodes WAV bytes (see <see cref="Read"/>); <paramref name="name"/> names them in errors.</summary>
    /// <exception cref="MediaFormatException">The bytes are not a WAV file, have a damaged or unsupported header, or are truncated.</exception>
    public static Audio Decode(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Decode(bytes, name, unsupportedIsError: true)!;
    }

    /// <summary>
    /// Decodes WAV bytes in a format this reader handles; null when they are something else (not RIFF/WAVE,
    /// RF64, compressed or unusual samples), which ffmpeg may still decode.
    /// </summary>
    /// <exception cref="MediaFormatException">The bytes are a WAV file of a handled format with a damaged header or truncated samples.</exception>
    internal static Audio? TryDecode(ReadOnlySpan<byte> data, string name) => Decode(data, name, unsupportedIsError: false);

    /// <summary>Whether <paramref name="header"/> (a file's first 12 bytes or more) starts like a RIFF/WAVE file.</summary>
    internal static bool IsRiffWave(ReadOnlySpan<byte> header) =>
        header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header.Slice(8, 4).SequenceEqual("WAVE"u8);

    private static Audio? Decode(ReadOnlySpan<byte> data, string name, bool unsupportedIsError)
    {
        if (!IsRiffWave(data))
        {
            if (!unsupportedIsError) return null;
            var problem = data.Length >= 4 && data[..4].SequenceEqual("RF64"u8)
                ? "RF64 (WAV over 4 GB) is not supported"
                : "not a WAV file (it does not start with a RIFF/WAVE header)";
            throw new MediaFormatException(name, problem);
        }

        ushort format = 0, channels = 0, blockAlign = 0, bits = 0;
        uint sampleRate = 0;
        var haveFormat = false;
        var position = 12;
        while (true)
        {
            if (position + 8 > data.Length)
                throw new MediaFormatException(name, haveFormat ? "no 'data' chunk (the file may be truncated)" : "no 'fmt ' chunk (the file may be truncated)");
            var id = Encoding.ASCII.GetString(data.Slice(position, 4));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(position + 4, 4));
            var body = position + 8;
            var available = data.Length - body;

            if (id == "fmt ")
            {
                if (size < 16 || size > available)
                    throw new MediaFormatException(name, size < 16 ? $"a 'fmt ' chunk of {size} bytes; at least 16 expected" : "the 'fmt ' chunk runs past the end of the file");
                var fmt = data.Slice(body, (int)size);
                format = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
                sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
                blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
                if (format == FormatExtensible)
                {
                    // cbSize u16, wValidBitsPerSample u16, dwChannelMask u32, SubFormat GUID (its first two bytes are the format code).
                    if (size < 40) throw new MediaFormatException(name, $"a WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk of {size} bytes; 40 expected");
                    format = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
                }
                haveFormat = true;
            }
            else if (id == "data")
            {
                if (!haveFormat) throw new MediaFormatException(name, "the 'data' chunk comes before any 'fmt ' chunk");
                if (!Supported(format, bits))
                {
                    if (!unsupportedIsError) return null;
                    throw new MediaFormatException(name, format is FormatPcm or FormatFloat
                        ? $"{bits}-bit {(format == FormatPcm ? "PCM" : "float")} samples are not supported; PCM of 8, 16, 24 or 32 bits and float of 32 or 64 bits are"
                        : $"WAV format code {format} (compressed audio) is not supported; PCM and IEEE float are");
                }
                Validate(name, channels, sampleRate, blockAlign, bits);
                long length = size;
                if (size > available)
                {
                    // Streaming writers leave the size at 0xFFFFFFFF: the samples run to the end of the file.
                    if (size != uint.MaxValue)
                        throw new MediaFormatException(name, $"truncated: the 'data' chunk declares {size} bytes but only {available} follow");
                    length = available;
                }
                var frames = length / blockAlign;
                return ToAudio(data.Slice(body, (int)(frames * blockAlign)), format, channels, (int)sampleRate, bits, frames);
            }
            else if (size > available)
            {
                throw new MediaFormatException(name, $"the '{Printable(id)}' chunk runs past the end of the file");
            }
            position = body + (int)size + (int)(size & 1);
        }
    }

    private static bool Supported(ushort format, ushort bits) =>
        (format == FormatPcm && bits is 8 or 16 or 24 or 32) || (format == FormatFloat && bits is 32 or 64);

    private static void Validate(string name, ushort channels, uint sampleRate, ushort blockAlign, ushort bits)
    {
        if (channels == 0) throw new MediaFormatException(name, "the header says 0 channels");
        if (sampleRate == 0 || sampleRate > int.MaxValue) throw new MediaFormatException(name, $"the header says a sample rate of {sampleRate} Hz");
        if (blockAlign != channels * (bits / 8))
            throw new MediaFormatException(name, $"the header's block size of {blockAlign} bytes does not match {channels} channels of {bits} bits");
    }

    private static Audio ToAudio(ReadOnlySpan<byte> samples, ushort format, int channels, int sampleRate, int bits, long frames)
    {
        var planar = new float[checked(frames * channels)];
        var bytesPerSample = bits / 8;
        for (long frame = 0; frame < frames; frame++)
        {
            for (var channel = 0; channel < channels; channel++)
            {
                var s = samples.Slice((int)((frame * channels + channel) * bytesPerSample), bytesPerSample);
                planar[channel * frames + frame] = (format, bits) switch
                {
                    (FormatPcm, 8) => (s[0] - 128) / 128f,
                    (FormatPcm, 16) => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768f,
                    (FormatPcm, 24) => (s[0] | s[1] << 8 | (sbyte)s[2] << 16) / 8388608f,
                    (FormatPcm, 32) => (float)(BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648.0),
                    (FormatFloat, 32) => BinaryPrimitives.ReadSingleLittleEndian(s),
                    _ => (float)BinaryPrimitives.ReadDoubleLittleEndian(s),
                };
            }
        }
        using var scope = TorchSharp.torch.NewDisposeScope();
        var tensor = TorchSharp.torch.tensor(planar, new[] { (long)channels, frames });
        return Audio.FromTensor(tensor, sampleRate);
    }

    /// <summary>
    /// Writes <paramref name="audio"/> as a WAV file, whole or not at all (through a temporary file in the
    /// same folder). Integer formats clamp to -1..1 and round; NaN becomes 0.
    /// </summary>
    /// <param name="audio">The audio; it stays the caller's.</param>
    /// <param name="path">The file to write or replace.</param>
    /// <param name="format">How samples are stored.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="NotSupportedException">The audio needs more than 4 GB.</exception>
    public static void Write(Audio audio, string path, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllBytes(path, Encode(audio, format, path));
    }

    /// <summary>Encodes <paramref name="audio"/> as WAV bytes.</summary>
    public static byte[] Encode(Audio audio, WavSampleFormat format = WavSampleFormat.Pcm16) => Encode(audio, format, "audio");

    private static byte[] Encode(Audio audio, WavSampleFormat format, string name)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var (bits, code) = format switch
        {
            WavSampleFormat.Pcm16 => (16, FormatPcm),
            WavSampleFormat.Pcm24 => (24, FormatPcm),
            WavSampleFormat.Pcm32 => (32, FormatPcm),
            WavSampleFormat.Float32 => (32, FormatFloat),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a WAV sample format"),
        };
        var channels = audio.Channels;
        if (channels > ushort.MaxValue) throw new NotSupportedException($"{name}: WAV holds at most {ushort.MaxValue} channels");
        var interleaved = audio.ToInterleaved();
        var bytesPerSample = bits / 8;
        var dataBytes = (long)interleaved.Length * bytesPerSample;
        var extensible = channels > 2;
        var fmtSize = extensible ? 40 : (code == FormatPcm ? 16 : 18);
        var total = 12 + 8 + fmtSize + 8 + dataBytes + (dataBytes & 1);
        if (total - 8 > uint.MaxValue) throw new NotSupportedException($"{name}: {audio} needs more than the 4 GB a WAV file can hold");

        var output = new byte[total];
        var o = output.AsSpan();
        "RIFF"u8.CopyTo(o);
        BinaryPrimitives.WriteUInt32LittleEndian(o[4..], (uint)(total - 8));
        "WAVE"u8.CopyTo(o[8..]);
        "fmt "u8.CopyTo(o[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(o[16..], (uint)fmtSize);
        var fmt = o.Slice(20, fmtSize);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, extensible ? FormatExtensible : code);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[2..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[4..], (uint)audio.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[8..], (uint)(audio.SampleRate * (long)channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[12..], (ushort)(channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[14..], (ushort)bits);
        if (fmtSize >= 18) BinaryPrimitives.WriteUInt16LittleEndian(fmt[16..], (ushort)(fmtSize - 18));
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt[18..], (ushort)bits);
            BinaryPrimitives.WriteUInt32LittleEndian(fmt[20..], ChannelMask(channels));
            // KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT: {0000000X-0000-0010-8000-00aa00389b71}.
            BinaryPrimitives.WriteUInt16LittleEndian(fmt[24..], code);
            new byte[] { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71 }.CopyTo(fmt[26..]);
        }
        var dataHeader = 20 + fmtSize;
        "data"u8.CopyTo(o[dataHeader..]);
        BinaryPrimitives.WriteUInt32LittleEndian(o[(dataHeader + 4)..], (uint)dataBytes);
        var samples = o.Slice(dataHeader + 8, (int)dataBytes);
        for (var i = 0; i < interleaved.Length; i++)
        {
            var v = interleaved[i];
            var s = samples.Slice(i * bytesPerSample, bytesPerSample);
            switch (format)
            {
                case WavSampleFormat.Pcm16:
                    BinaryPrimitives.WriteInt16LittleEndian(s, (short)Quantize(v, 32768.0));
                    break;
                case WavSampleFormat.Pcm24:
                    var q = (int)Quantize(v, 8388608.0);
                    s[0] = (byte)q;
                    s[1] = (byte)(q >> 8);
                    s[2] = (byte)(q >> 16);
                    break;
                case WavSampleFormat.Pcm32:
                    BinaryPrimitives.WriteInt32LittleEndian(s, (int)Quantize(v, 2147483648.0));
                    break;
                default:
                    BinaryPrimitives.WriteSingleLittleEndian(s, v);
                    break;
            }
        }
        return output;
    }

    /// <summary>v in -1..1 to an integer in [-scale, scale - 1], rounded to nearest.</summary>
    private static long Quantize(float v, double scale) =>
        (long)Math.Clamp(Math.Round(v * scale), -scale, scale - 1);

    /// <summary>The usual speaker layout for up to 8 channels (mono, stereo, 2.1, quad, 5.0, 5.1, 6.1, 7.1); 0 (unspecified) beyond.</summary>
    private static uint ChannelMask(int channels) => channels switch
    {
        1 => 0x4,
        2 => 0x3,
        3 => 0xB,
        4 => 0x33,
        5 => 0x37,
        6 => 0x3F,
        7 => 0x13F,
        8 => 0x63F,
        _ => 0,
    };

    private static string Printable(string id)
    {
        var chars = id.ToCharArray();
        for (var i = 0; i < chars.Length; i++) if (chars[i] is < ' ' or > '~') chars[i] = '?';
        return new string(chars);
    }
}
