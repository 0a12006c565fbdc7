using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using SymbolicGen.Runtime.IO;
using Xunit;
using Xunit.Abstractions;

namespace SymbolicGen.Runtime.Tests;

public sealed class ImageFileTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ITestOutputHelper _output;

    public ImageFileTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void A_gradient_survives_a_PNG_round_trip_exactly(int channels)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var path = _folder.File("gradient.png");
            using (var image = Synthetic.Gradient(97, 61, channels)) ImageFile.Write(image, path);

            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(path)[..4]);
            using var back = ImageFile.Read(path);
            Assert.Equal((97, 61, channels), (back.Width, back.Height, back.Channels));
            Assert.Equal(Synthetic.GradientPixels(97, 61, channels), back.ToPixels());
            Assert.Equal(new[] { "gradient.png" }, _folder.Names());
        });
    }

    [Fact]
    public void A_gradient_survives_a_JPEG_round_trip_closely()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var path = _folder.File("gradient.jpg");
            using (var image = Synthetic.Gradient(128, 96, 4)) ImageFile.Write(image, path, jpegQuality: 95);

            Assert.Equal(new byte[] { 0xFF, 0xD8 }, File.ReadAllBytes(path)[..2]);
            using var back = ImageFile.Read(path);
            Assert.Equal((128, 96, 3), (back.Width, back.Height, back.Channels));
            var expected = Synthetic.GradientPixels(128, 96, 4).Where((_, i) => i % 4 != 3).ToArray();
            var actual = back.ToPixels();
            var errors = expected.Zip(actual, (a, b) => Math.Abs(a - b)).ToArray();
            Assert.True(errors.Average() < 1.5, $"mean error {errors.Average():0.00}");
            Assert.True(errors.Max() < 16, $"max error {errors.Max()}");
        });
    }

    [Fact]
    public void Writing_replaces_an_existing_file_whole()
    {
        var path = _folder.File("out.png");
        File.WriteAllText(path, "old");
        using var image = Synthetic.Gradient(8, 8);
        ImageFile.Write(image, path);
        using var back = ImageFile.Read(path);
        Assert.Equal(image.ToPixels(), back.ToPixels());
        Assert.Equal(new[] { "out.png" }, _folder.Names());
    }

    [Fact]
    public void A_truncated_PNG_is_a_format_error_naming_the_file_and_leaks_nothing()
    {
        var path = _folder.File("truncated.png");
        using (var image = Synthetic.Gradient(64, 64)) ImageFile.Write(image, path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        LiveTensors.AssertNoLeak(() =>
        {
            var e = Assert.Throws<MediaFormatException>(() => ImageFile.Read(path));
            Assert.StartsWith(path + ": damaged or truncated PNG", e.Message);
            Assert.DoesNotContain('\0', e.Message);
            Assert.Equal(path, e.FilePath);
            _output.WriteLine(e.Message);
        });
    }

    [Fact]
    public void A_0x0_PNG_is_a_format_error_naming_the_file()
    {
        var path = _folder.File("empty.png");
        File.WriteAllBytes(path, Png(0, 0));
        var e = Assert.Throws<MediaFormatException>(() => ImageFile.Read(path));
        Assert.Equal(path + ": the image is empty (0x0)", e.Message);

        // The hand-made PNG is otherwise valid: at 2x1 it reads.
        File.WriteAllBytes(path, Png(2, 1));
        using var image = ImageFile.Read(path);
        Assert.Equal(new Size(2, 1), image.Size);
    }

    [Fact]
    public void Files_that_are_not_images_are_format_errors_naming_the_file()
    {
        var text = _folder.File("notes.png");
        File.WriteAllText(text, "these are notes, not a picture");
        Assert.StartsWith(text + ": not a PNG, JPEG", Assert.Throws<MediaFormatException>(() => ImageFile.Read(text)).Message);

        var empty = _folder.File("nothing.jpg");
        File.WriteAllBytes(empty, Array.Empty<byte>());
        Assert.Equal(empty + ": the file is empty", Assert.Throws<MediaFormatException>(() => ImageFile.Read(empty)).Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = _folder.File("missing.png");
        var e = Assert.Throws<FileNotFoundException>(() => ImageFile.Read(path));
        Assert.Equal(path + ": no such file", e.Message);
        Assert.Equal(path, e.FileName);
    }

    [Fact]
    public void Writing_into_a_missing_folder_or_an_unknown_format_writes_nothing()
    {
        using var image = Synthetic.Gradient(4, 4);
        var missing = Path.Combine(_folder.Path, "no-such-folder", "out.png");
        Assert.Contains("no-such-folder", Assert.Throws<DirectoryNotFoundException>(() => ImageFile.Write(image, missing)).Message);
        var bmp = _folder.File("out.bmp");
        Assert.Contains("'.bmp'", Assert.Throws<NotSupportedException>(() => ImageFile.Write(image, bmp)).Message);
        Assert.Empty(_folder.Names());
    }

    [Fact]
    public void A_full_HD_image_encodes_and_decodes_in_reasonable_time()
    {
        using var image = Synthetic.Gradient(1920, 1080);
        var watch = Stopwatch.StartNew();
        var png = ImageFile.Encode(image, "png");
        var encode = watch.Elapsed;
        using var back = ImageFile.Decode(png, "full-hd.png");
        _output.WriteLine($"1920x1080 PNG: {png.Length / 1024} KiB, encode {encode.TotalMilliseconds:0} ms, decode {(watch.Elapsed - encode).TotalMilliseconds:0} ms");
        Assert.Equal(image.Size, back.Size);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    /// <summary>A minimal valid RGB PNG of <paramref name="width"/> x <paramref name="height"/> black pixels, CRCs and all.</summary>
    private static byte[] Png(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(output, "IHDR", header);
        using (var raw = new MemoryStream())
        {
            using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
                for (var y = 0; y < height; y++) zlib.Write(new byte[1 + 3 * width]);
            Chunk(output, "IDAT", raw.ToArray());
        }
        Chunk(output, "IEND", Array.Empty<byte>());
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
