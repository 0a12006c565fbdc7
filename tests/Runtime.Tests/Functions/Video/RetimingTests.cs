using SymbolicGen.Runtime.Functions;
using TorchSharp;
using Xunit;
using static SymbolicGen.Runtime.Tests.Functions.Video.VideoTestMedia;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Tests.Functions.Video;

public sealed class RetimingTests
{
    [Fact]
    public void ChangeSpeed_twice_as_fast_keeps_every_other_frame_and_halves_the_sound()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var video = Random(9, 8, 6, 10, audio: Synthetic.Sine(1, 9000, 10000, 100));
            using var fast = VideoFunctions.ChangeSpeed(video, 2, FrameSampling.Nearest);
            using var scope = NewDisposeScope();
            Assert.Equal((5, 10.0), (fast.FrameCount, fast.Fps)); // 4.5 frames round to 5
            for (var j = 0; j < 5; j++) Assert.Equal(0f, MaxDifference(fast.Tensor[j], video.Tensor[2 * j]));
            Assert.Equal(4500L, fast.Audio!.SampleCount);
            // The tone now rises to 200 Hz: one period is 50 samples at 10 kHz.
            var samples = fast.Audio.Tensor[0];
            Assert.InRange(MaxDifference(samples.narrow(0, 1000, 2000), samples.narrow(0, 1050, 2000)), 0f, 0.02f);
        });
    }

    [Fact]
    public void ChangeSpeed_at_half_speed_blends_in_between_frames_and_can_drop_the_sound()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var video = Levels(4, 8, 6, 10, 20, 40, audio: Ramp(4000, 10000));
            using var slow = VideoFunctions.ChangeSpeed(video, 0.5, FrameSampling.Blend, keepAudio: false);
            using var nearest = VideoFunctions.ChangeSpeed(video, 0.5, FrameSampling.Nearest);
            using var scope = NewDisposeScope();
            Assert.Equal(8, slow.FrameCount);
            Assert.Null(slow.Audio);
            var expected = new[] { 20, 40, 60, 80, 100, 120, 140, 140 }; // source times 0, 0.5, … 3 then held
            for (var j = 0; j < 8; j++) Assert.Equal(0f, MaxDifference(slow.Tensor[j], torch.full_like(slow.Tensor[j], expected[j])));

            Assert.Equal(60f, Mean(nearest.Tensor[1])); // time 0.5 rounds to frame 1
            Assert.Equal(8000L, nearest.Audio!.SampleCount);
        });
    }

    [Fact]
    public void FrameInterpolate_blend_doubles_the_rate_with_rounded_averages_between_neighbours()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var video = Random(4, 10, 8, 12, audio: Ramp(3000, 9000));
            using var doubled = VideoFunctions.FrameInterpolate(video, FrameInterpolationMode.Blend);
            Assert.Equal((8, 24.0), (doubled.FrameCount, doubled.Fps));
            Assert.Equal(video.Seconds, doubled.Seconds, 9);
            using var scope = NewDisposeScope();
            for (var i = 0; i < 4; i++) Assert.Equal(0f, MaxDifference(doubled.Tensor[2 * i], video.Tensor[i]));
            for (var i = 0; i < 3; i++)
                AssertRounded(doubled.Tensor[2 * i + 1], video.Tensor[i].to(ScalarType.Float64).add(video.Tensor[i + 1]).div(2));
            Assert.Equal(0f, MaxDifference(doubled.Tensor[7], video.Tensor[3]));
            Assert.Equal(0f, MaxDifference(doubled.Audio!.Tensor, video.Audio!.Tensor));
        });
    }

    /// <summary>
    /// A textured background (smooth, so that it matches itself only in place) with a bright 16x16 square
    /// whose left edge is at <paramref name="left"/>.
    /// </summary>
    private static Tensor SquareFrame(int width, int height, int left, int top)
    {
        var x = torch.arange(width, dtype: ScalarType.Float32).view(1, width);
        var y = torch.arange(height, dtype: ScalarType.Float32).view(height, 1);
        var background = x.mul(0.21f).sin().mul(y.mul(0.17f).cos()).mul(0.15f).add(0.35f);
        var frame = background.expand(height, width).clone();
        frame.narrow(0, top, 16).narrow(1, left, 16).fill_(0.95f);
        return frame.unsqueeze(0).expand(3, height, width);
    }

    /// <summary>The brightness-weighted centre (x) of pixels brighter than <paramref name="threshold"/> and their count.</summary>
    private static (double X, long Count) Bright(Tensor frame, float threshold)
    {
        using var scope = NewDisposeScope();
        var luma = frame.mean(new long[] { 0 });
        var mask = luma.gt(threshold).to(ScalarType.Float32);
        var x = torch.arange(frame.shape[2], dtype: ScalarType.Float32).view(1, -1);
        var count = mask.sum().item<float>();
        return (mask.mul(x).sum().item<float>() / Math.Max(1, count), (long)count);
    }

    [Fact]
    public void FrameInterpolate_motion_puts_a_moving_square_halfway_where_blend_shows_two_ghosts()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            // The square moves 10 px right per frame: 20 -> 30 -> 40.
            using var frames = NewDisposeScope();
            var tensor = torch.stack(new[] { SquareFrame(96, 64, 20, 24), SquareFrame(96, 64, 30, 24), SquareFrame(96, 64, 40, 24) });
            using var video = Runtime.Video.FromTensor(tensor, 10);
            using var motion = VideoFunctions.FrameInterpolate(video, FrameInterpolationMode.Motion);
            using var blend = VideoFunctions.FrameInterpolate(video, FrameInterpolationMode.Blend);
            Assert.Equal((6, 20.0), (motion.FrameCount, motion.Fps));

            for (var pair = 0; pair < 2; pair++)
            {
                var expectedLeft = 25 + 10 * pair;
                // Motion: a whole, bright square centred halfway (x centre = left + 7.5).
                using var scope = NewDisposeScope();
                var middle = Unit(motion.Tensor[2 * pair + 1]);
                var (x, count) = Bright(middle, 0.8f);
                Assert.InRange(x, expectedLeft + 7.5 - 1, expectedLeft + 7.5 + 1);
                Assert.InRange(count, 16 * 16 * 3 / 4, 16 * 16 * 5 / 4);
                var centre = middle.narrow(1, 28, 8).narrow(2, expectedLeft + 4, 8);
                Assert.InRange(Mean(centre), 0.9f, 1f);
                // Blend: where the squares do not overlap only half-bright ghosts remain; full brightness only on the overlap.
                var blended = Unit(blend.Tensor[2 * pair + 1]);
                var (_, blendCount) = Bright(blended, 0.8f);
                Assert.InRange(blendCount, 0, 16 * 6 + 10);
                var ghost = blended.narrow(1, 28, 8).narrow(2, 20 + 10 * pair, 8);
                Assert.InRange(Mean(ghost), 0.5f, 0.75f);
            }
            // The original frames are untouched.
            Assert.Equal(0f, MaxDifference(motion.Tensor[2], video.Tensor[1]));
        });
    }

    [Fact]
    public void FrameInterpolate_motion_leaves_a_still_video_still()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var image = RandomImage(40, 30);
            using var still = VideoFunctions.ImageToVideo(image, 1, 3, CameraMotion.Still);
            using var doubled = VideoFunctions.FrameInterpolate(still);
            using var scope = NewDisposeScope();
            for (var i = 0; i < doubled.FrameCount; i++) Assert.Equal(0f, MaxDifference(doubled.Tensor[i], still.Tensor[0]));
        });
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    [InlineData(17, 9)]
    public void FrameInterpolate_motion_handles_frames_smaller_than_a_block(int width, int height)
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var noise = Random(3, width, height, 5);
            using var doubled = VideoFunctions.FrameInterpolate(noise);
            Assert.Equal((6, height, width), (doubled.FrameCount, doubled.Height, doubled.Width));
            using var scope = NewDisposeScope();
            for (var i = 0; i < 3; i++) Assert.Equal(0f, MaxDifference(doubled.Tensor[2 * i], noise.Tensor[i]));
            // Flat frames have nothing to follow: the in-between frames are the plain averages.
            using var flat = Levels(3, width, height, 5, 40, 80);
            using var between = VideoFunctions.FrameInterpolate(flat);
            AssertRounded(between.Tensor[1], torch.full_like(flat.Tensor[0], 80, dtype: ScalarType.Float64));
            AssertRounded(between.Tensor[3], torch.full_like(flat.Tensor[0], 160, dtype: ScalarType.Float64));
        });
    }
}
