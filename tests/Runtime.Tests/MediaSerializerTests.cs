using SymbolicGen.Runtime.Execution;
using TorchSharp;
using Xunit;

namespace SymbolicGen.Runtime.Tests;

public class MediaSerializerTests
{
    private static async Task<object> RoundTrip(object value)
    {
        using var stream = new MemoryStream();
        await MediaSerializer.Instance.WriteAsync(value, stream, CancellationToken.None);
        stream.Position = 0;
        return await MediaSerializer.Instance.ReadAsync(stream, CancellationToken.None);
    }

    private static bool Same(torch.Tensor a, torch.Tensor b)
    {
        using var scope = torch.NewDisposeScope();
        return a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
    }

    [Fact]
    public Task Every_media_type_reads_back_bit_for_bit_and_leaks_nothing() => LiveTensors.AssertNoLeakAsync(async () =>
    {
        using var image = Image.FromTensor(torch.rand(3, 5, 7));
        using var mask = Mask.FromTensor(torch.rand(1, 5, 7));
        using var audio = Audio.FromTensor(torch.randn(2, 300), 22050);
        using var soundtrack = Audio.FromTensor(torch.randn(1, 100), 8000);
        using var video = Video.FromTensor(torch.rand(4, 3, 6, 8), 12.5, soundtrack.Clone());

        using (var back = (Image)await RoundTrip(image)) Assert.True(Same(image.Tensor, back.Tensor));
        using (var back = (Mask)await RoundTrip(mask)) Assert.True(Same(mask.Tensor, back.Tensor));
        using (var back = (Audio)await RoundTrip(audio))
        {
            Assert.Equal(22050, back.SampleRate);
            Assert.True(Same(audio.Tensor, back.Tensor));
        }
        using (var back = (Video)await RoundTrip(video))
        {
            Assert.Equal((12.5, torch.ScalarType.Byte), (back.Fps, back.Tensor.dtype));
            Assert.True(Same(video.Tensor, back.Tensor));
            Assert.Equal(8000, back.Audio!.SampleRate);
            Assert.True(Same(soundtrack.Tensor, back.Audio.Tensor));
        }
        Assert.Equal("caption ✓", ((Text)await RoundTrip(new Text("caption ✓"))).Value);
    });

    [Fact]
    public async Task A_truncated_value_is_an_error_not_a_partial_value()
    {
        using var image = Image.FromTensor(torch.rand(3, 4, 4));
        using var stream = new MemoryStream();
        await MediaSerializer.Instance.WriteAsync(image, stream, CancellationToken.None);
        using var truncated = new MemoryStream(stream.ToArray()[..^10]);

        await Assert.ThrowsAsync<EndOfStreamException>(async () => await MediaSerializer.Instance.ReadAsync(truncated, CancellationToken.None));
    }
}
