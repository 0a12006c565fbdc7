using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Tests;

public sealed class MediaTests
{
    /// <summary>The value of a one-element tensor computed by <paramref name="compute"/>; every tensor it makes is disposed.</summary>
    private static float Value(Func<Tensor> compute)
    {
        using var scope = torch.NewDisposeScope();
        return compute().to(ScalarType.Float32).item<float>();
    }

    [Fact]
    public void An_image_has_its_tensor_s_shape_and_owns_it_until_disposed()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var image = Image.FromTensor(torch.rand(4, 30, 50));
            Assert.Equal((4, 30, 50, true), (image.Channels, image.Height, image.Width, image.HasAlpha));
            Assert.Equal(new Size(50, 30), image.Size);
            Assert.Equal("Image 50x30 RGBA", image.ToString());
            var tensor = image.Tensor;
            image.Dispose();
            Assert.True(image.IsDisposed);
            Assert.True(tensor.IsInvalid);
            Assert.Throws<ObjectDisposedException>(() => image.Tensor);
            image.Dispose();
        });
    }

    [Theory]
    [InlineData(new long[] { 3, 0, 0 })]
    [InlineData(new long[] { 2, 4, 4 })]
    [InlineData(new long[] { 4, 4 })]
    [InlineData(new long[] { 3, 5, 0 })]
    public void FromTensor_rejects_what_is_not_an_image_and_takes_nothing(long[] shape)
    {
        using var tensor = torch.zeros(shape);
        var e = Assert.Throws<ArgumentException>(() => Image.FromTensor(tensor));
        Assert.Contains("[" + string.Join(", ", shape) + "]", e.Message);
        Assert.False(tensor.IsInvalid);
    }

    [Fact]
    public void FromTensor_rejects_other_element_types()
    {
        using var tensor = torch.zeros(new long[] { 3, 2, 2 }, ScalarType.Float64);
        Assert.Contains("float64", Assert.Throws<ArgumentException>(() => Image.FromTensor(tensor)).Message);
    }

    [Fact]
    public void Pixels_round_trip_exactly_and_lie_in_0_to_1()
    {
        var pixels = Synthetic.GradientPixels(17, 9, 4);
        using var image = Image.FromPixels(pixels, 17, 9, 4);
        Assert.Equal(pixels, image.ToPixels());
        Assert.Equal(0f, Value(() => image.Tensor.min()));
        Assert.Equal(1f, Value(() => image.Tensor.max()));
        // [C, H, W]: channel 0 is red, which grows to the right.
        Assert.Equal(1f, Value(() => image.Tensor[0, 0, 16]));
        Assert.Equal(0f, Value(() => image.Tensor[0, 8, 0]));
    }

    [Fact]
    public void ToPixels_clamps_rounds_and_maps_NaN_to_0()
    {
        using var image = Image.FromTensor(torch.tensor(new[] { -0.5f, 0.5f, 2f, float.NaN, 1f / 255 * 0.49f, 1f / 255 * 0.51f }, new long[] { 3, 1, 2 }));
        // [3, 1, 2]: pixel 0 is (-0.5, 2, 0.49/255), pixel 1 is (0.5, NaN, 0.51/255).
        Assert.Equal(new byte[] { 0, 255, 0, 128, 0, 1 }, image.ToPixels());
    }

    [Fact]
    public void A_solid_image_is_rgb_when_opaque_and_rgba_otherwise()
    {
        using var opaque = Image.Solid(new Size(4, 3), Color.Parse("#ff8000"));
        using var clear = Image.Solid(new Size(4, 3), Color.Parse("#ff800080"));
        Assert.Equal(3, opaque.Channels);
        Assert.Equal(4, clear.Channels);
        Assert.Equal(new byte[] { 255, 128, 0 }, opaque.ToPixels()[..3]);
        Assert.Equal(new byte[] { 255, 128, 0, 128 }, clear.ToPixels()[^4..]);
    }

    [Fact]
    public void A_clone_is_independent_of_its_original()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var original = Synthetic.Gradient(8, 8);
            var copy = original.Clone();
            original.Dispose();
            Assert.Equal(Synthetic.GradientPixels(8, 8, 3), copy.ToPixels());
            copy.Dispose();
        });
    }

    [Fact]
    public void A_result_built_inside_a_dispose_scope_outlives_the_scope_and_intermediates_do_not()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            Image result;
            using (torch.NewDisposeScope())
            {
                var a = torch.ones(3, 4, 4);
                var b = a.mul(0.25f).add(0.25f);
                result = Image.FromTensor(b.clamp(0, 1));
            }
            Assert.False(result.Tensor.IsInvalid);
            Assert.Equal(0.5f, Value(() => result.Tensor.mean()));
            result.Dispose();
        });
    }

    [Fact]
    public void A_mask_is_one_channel()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var mask = Mask.Filled(new Size(5, 2), 0.25f);
            Assert.Equal((5, 2), (mask.Width, mask.Height));
            Assert.Equal(new long[] { 1, 2, 5 }, mask.Tensor.shape);
            using var copy = mask.Clone();
            Assert.Equal(0.25f, Value(() => copy.Tensor.mean()));
            using var wrong = torch.zeros(3, 2, 2);
            Assert.Throws<ArgumentException>(() => Mask.FromTensor(wrong));
            Assert.Throws<ArgumentOutOfRangeException>(() => Mask.Filled(new Size(1, 1), 1.5f));
        });
    }

    [Fact]
    public void Audio_knows_its_duration_and_round_trips_interleaved_samples()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var samples = Synthetic.SineInterleaved(2, 24000, 48000);
            using var audio = Audio.FromInterleaved(samples, 2, 48000);
            Assert.Equal((2, 24000L, 48000), (audio.Channels, audio.SampleCount, audio.SampleRate));
            Assert.Equal(TimeSpan.FromSeconds(0.5), audio.Duration);
            Assert.Equal(0.5, audio.Seconds);
            Assert.Equal(samples, audio.ToInterleaved());
            // Planar [channels, samples]: channel 1 is the second of each interleaved pair.
            Assert.Equal(samples[1001], Value(() => audio.Tensor[1, 500]));
            Assert.Equal("Audio 2ch 48000 Hz 0.500 s", audio.ToString());
        });
    }

    [Fact]
    public void Silence_is_zero_and_as_long_as_asked()
    {
        using var silence = Audio.Silence(TimeSpan.FromMilliseconds(250), 44100, 1);
        Assert.Equal(11025, silence.SampleCount);
        Assert.Equal(0f, Value(() => silence.Tensor.abs().max()));
    }

    [Fact]
    public void Audio_rejects_bad_shapes_and_rates()
    {
        using var tensor = torch.zeros(2, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => Audio.FromTensor(tensor, 0));
        using var flat = torch.zeros(10);
        Assert.Throws<ArgumentException>(() => Audio.FromTensor(flat, 48000));
        Assert.Throws<ArgumentException>(() => Audio.FromInterleaved(new float[5], 2, 48000));
        Assert.False(tensor.IsInvalid);
    }

    [Fact]
    public void A_video_owns_its_frames_and_its_audio()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var audio = Synthetic.Sine(2, 4800, 48000);
            var frames = torch.randint(0, 256, new long[] { 12, 3, 6, 8 }, ScalarType.Byte);
            var video = Video.FromTensor(frames, 24, audio);
            Assert.Same(frames, video.Tensor); // 8-bit frames are kept as they are
            Assert.Equal((12, 3, 6, 8), (video.FrameCount, video.Channels, video.Height, video.Width));
            Assert.Equal(TimeSpan.FromSeconds(0.5), video.Duration);
            Assert.Same(audio, video.Audio);
            Assert.Equal("Video 8x6 24 fps 12 frames, with audio", video.ToString());
            video.Dispose();
            Assert.True(audio.IsDisposed);
            Assert.True(frames.IsInvalid);
            Assert.Throws<ObjectDisposedException>(() => video.Audio);
        });
    }

    [Fact]
    public void Frames_are_float_copies_and_WithAudio_shares_storage_and_both_have_their_own_lifetimes()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var video = Synthetic.MovingSquare(16, 12, 5, 10);
            var frame = video.Frame(4);
            using var sound = Synthetic.Sine(1, 100, 1000);
            var withSound = video.WithAudio(sound);
            video.Dispose();

            // The frame and the new video still work after the original is gone.
            Assert.Equal(new Size(16, 12), frame.Size);
            Assert.Equal(ScalarType.Float32, frame.Tensor.dtype);
            Assert.Equal(0f, Value(() => withSound.Tensor[4].to(ScalarType.Float32).div(255f).sub(frame.Tensor).abs().max()));
            Assert.NotNull(withSound.Audio);
            Assert.NotSame(sound, withSound.Audio);
            withSound.Dispose();
            Assert.False(sound.IsDisposed);
            Assert.Equal(100, sound.SampleCount);
            frame.Dispose();
        });
    }

    [Fact]
    public void A_cloned_video_is_deep()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var video = Video.FromTensor(torch.rand(2, 3, 4, 4), 30, Synthetic.Sine(1, 10, 1000));
            var copy = video.Clone();
            var sum = Value(() => video.Tensor.sum());
            video.Dispose();
            Assert.Equal(ScalarType.Byte, copy.Tensor.dtype);
            Assert.Equal(sum, Value(() => copy.Tensor.sum()));
            Assert.False(copy.Audio!.IsDisposed);
            copy.Dispose();
        });
    }

    [Fact]
    public void Video_rejects_bad_frames_and_frame_rates_and_keeps_nothing()
    {
        foreach (var type in new[] { ScalarType.Byte, ScalarType.Float32 })
        {
            using var frames = torch.zeros(new long[] { 2, 3, 4, 4 }, type);
            Assert.Throws<ArgumentOutOfRangeException>(() => Video.FromTensor(frames, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => Video.FromTensor(frames, double.NaN));
            var audio = Synthetic.Sine(1, 10, 1000);
            audio.Dispose();
            Assert.Throws<ArgumentException>(() => Video.FromTensor(frames, 24, audio));
            Assert.False(frames.IsInvalid);
        }
        foreach (var (shape, type) in new (long[], ScalarType)[]
        {
            (new long[] { 0, 3, 4, 4 }, ScalarType.Byte),    // no frames
            (new long[] { 2, 2, 4, 4 }, ScalarType.Byte),    // two channels
            (new long[] { 3, 4, 4 }, ScalarType.Byte),       // one frame without the T dimension
            (new long[] { 2, 3, 0, 4 }, ScalarType.Float32), // no rows
            (new long[] { 2, 3, 4, 4 }, ScalarType.Float64), // another element type
            (new long[] { 2, 3, 4, 4 }, ScalarType.Int32),
            (new long[] { 2, 3, 4, 4 }, ScalarType.Int8),
        })
        {
            using var frames = torch.zeros(shape, type);
            var e = Assert.Throws<ArgumentException>(() => Video.FromTensor(frames, 24));
            Assert.Equal("frames", e.ParamName);
            Assert.StartsWith("Video frames are a uint8 (or float32, quantised) tensor [T, C, H, W]", e.Message);
            Assert.Contains("got " + type.ToString().ToLowerInvariant() + " [" + string.Join(", ", shape) + "]", e.Message);
            Assert.False(frames.IsInvalid);
        }
    }

    [Fact]
    public void Float_frames_are_quantised_to_the_nearest_level_and_released()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            float[] values = [0f, 1f, 0.5f, 0.2f, 100.4f / 255, 100.6f / 255, 254.49f / 255, 254.51f / 255, -0.1f, 1.7f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1e-3f];
            byte[] levels = [0, 255, 128, 51, 100, 101, 254, 255, 0, 255, 0, 255, 0, 0];
            Tensor frames;
            using (NewDisposeScope()) frames = torch.tensor(values).view(1, 1, 1, values.Length).expand(2, 3, 1, values.Length).contiguous().MoveToOuterDisposeScope();
            using var video = Video.FromTensor(frames, 24);
            Assert.True(frames.IsInvalid); // the video took the float tensor and released it once converted
            Assert.Equal(ScalarType.Byte, video.Tensor.dtype);
            Assert.Equal((2, 3, 1, values.Length), (video.FrameCount, video.Channels, video.Height, video.Width));
            using var scope = NewDisposeScope();
            for (var t = 0; t < 2; t++)
            for (var c = 0; c < 3; c++)
                Assert.Equal(levels, video.Tensor[t, c, 0].data<byte>().ToArray());
            // A frame back as an image is level / 255.
            using var frame = video.Frame(1);
            Assert.Equal(levels.Select(l => l / 255f).ToArray(), frame.Tensor[2, 0].data<float>().ToArray());
        });
    }

    [Fact]
    public void Text_is_a_string()
    {
        Text text = "a jungle at dawn";
        string back = text;
        Assert.Equal("a jungle at dawn", back);
        Assert.Equal(new Text("a jungle at dawn"), text);
        Assert.Throws<ArgumentNullException>(() => new Text(null!));
    }
}
