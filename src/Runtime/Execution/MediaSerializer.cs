using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Execution;

/// <summary>
/// Writes the runtime's media (<see cref="Image"/>, <see cref="Mask"/>, <see cref="Audio"/>,
/// <see cref="Video"/> with its soundtrack, <see cref="Text"/>) for the disk cache: a kind tag, the
/// rate, the element type and shape, then the raw elements (float32, or uint8 for video frames), so a
/// value reads back bit for bit.
/// </summary>
public sealed class MediaSerializer : IValueSerializer
{
    private enum Kind : byte { Image = 1, Mask = 2, Audio = 3, Video = 4, Text = 5 }

    /// <summary>The one instance (the serializer has no state).</summary>
    public static MediaSerializer Instance { get; } = new();

    /// <inheritdoc/>
    public string Id => "symgen-media/2";

    /// <inheritdoc/>
    public bool CanWrite(object value) => value is Image or Mask or Audio or Video or Text;

    /// <inheritdoc/>
    public ValueTask WriteAsync(object value, Stream stream, CancellationToken cancellationToken)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        Write(writer, value, cancellationToken);
        return default;
    }

    /// <inheritdoc/>
    public ValueTask<object> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        return new ValueTask<object>(Read(reader, cancellationToken));
    }

    private static void Write(BinaryWriter writer, object value, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (value)
        {
            case Image image: writer.Write((byte)Kind.Image); WriteTensor(writer, image.Tensor); break;
            case Mask mask: writer.Write((byte)Kind.Mask); WriteTensor(writer, mask.Tensor); break;
            case Audio audio: writer.Write((byte)Kind.Audio); writer.Write(audio.SampleRate); WriteTensor(writer, audio.Tensor); break;
            case Video video:
                writer.Write((byte)Kind.Video);
                writer.Write(video.Fps);
                WriteTensor(writer, video.Tensor);
                writer.Write(video.Audio is not null);
                if (video.Audio is not null) Write(writer, video.Audio, cancellationToken);
                break;
            case Text text: writer.Write((byte)Kind.Text); writer.Write(text.Value); break;
            default: throw new ArgumentException($"{value.GetType().Name} is not a media value", nameof(value));
        }
    }

    private static object Read(BinaryReader reader, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch ((Kind)reader.ReadByte())
        {
            case Kind.Image: return Image.FromTensor(ReadTensor(reader));
            case Kind.Mask: return Mask.FromTensor(ReadTensor(reader));
            case Kind.Audio:
                var rate = reader.ReadInt32();
                return Audio.FromTensor(ReadTensor(reader), rate);
            case Kind.Video:
                var fps = reader.ReadDouble();
                var frames = ReadTensor(reader);
                Audio? soundtrack = null;
                try
                {
                    if (reader.ReadBoolean()) soundtrack = (Audio)Read(reader, cancellationToken);
                    return Video.FromTensor(frames, fps, soundtrack);
                }
                catch
                {
                    frames.Dispose();
                    soundtrack?.Dispose();
                    throw;
                }
            case Kind.Text: return new Text(reader.ReadString());
            default: throw new InvalidDataException("not a media value written by this serializer");
        }
    }

    // Frame by frame (row by row along the first dimension), straight from and into the tensor's memory,
    // so a long video never needs a copy in managed memory.
    private static void WriteTensor(BinaryWriter writer, Tensor tensor)
    {
        writer.Write((byte)tensor.dtype);
        writer.Write(tensor.dim());
        foreach (var size in tensor.shape) writer.Write(size);
        for (long i = 0; i < tensor.shape[0]; i++)
        {
            using var scope = torch.NewDisposeScope();
            writer.Write(tensor[i].cpu().contiguous().bytes);
        }
    }

    private static Tensor ReadTensor(BinaryReader reader)
    {
        var type = (ScalarType)reader.ReadByte();
        if (type is not (ScalarType.Float32 or ScalarType.Byte)) throw new InvalidDataException($"not a media tensor: element type {type}");
        var shape = new long[reader.ReadInt64()];
        for (var i = 0; i < shape.Length; i++) shape[i] = reader.ReadInt64();
        var result = torch.empty(shape, type);
        try
        {
            for (long i = 0; i < shape[0]; i++)
            {
                using var row = result[i];
                reader.BaseStream.ReadExactly(row.bytes);
            }
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }
}
