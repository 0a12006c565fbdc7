using SymbolicGen.Runtime.Functions;
using TorchSharp;
using Xunit;
using static SymbolicGen.Runtime.Tests.Functions.Video.VideoTestMedia;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SymbolicGen.Runtime.Tests.Functions.Video;

public sealed class SequencingTests
{
    [Fact]
    public void Concat_plays_a_then_b_frame_for_frame()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var a = Random(5, 16, 12, 10, seed: 1);
            using var b = Random(3, 16, 12, 10, seed: 2);
            using var joined = VideoFunctions.Concat(a, b);
            using var scope = NewDisposeScope();
            Assert.Equal((8, 10.0), (joined.FrameCount, joined.Fps));
            Assert.Equal(0f, MaxDifference(joined.Tensor.narrow(0, 0, 5), a.Tensor));
            Assert.Equal(0f, MaxDifference(joined.Tensor.narrow(0, 5, 3), b.Tensor));
            Assert.Null(joined.Audio);
        });
    }

    [Fact]
    public void Concat_retimes_b_to_a_s_frame_rate_and_resizes_it_to_a_s_size_and_channels()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var a = Random(4, 16, 12, 10, seed: 1);
            // 6 frames at 20 fps last 0.3 s: 3 frames at 10 fps, showing b's frames 1, 3, 5 (the ones under each new frame's centre).
            using var b = Random(6, 32, 24, 20, seed: 2, channels: 4);
            using var joined = VideoFunctions.Concat(a, b);
            Assert.Equal((7, 3, 12, 16), (joined.FrameCount, joined.Channels, joined.Height, joined.Width));
            using var scope = NewDisposeScope();
            Assert.Equal(0f, MaxDifference(joined.Tensor.narrow(0, 0, 4), a.Tensor));
            var picked = Unit(b.Tensor.index_select(0, torch.tensor(new long[] { 1, 3, 5 })).narrow(1, 0, 3));
            var expected = F.interpolate(picked, new long[] { 12, 16 }, mode: InterpolationMode.Bilinear, align_corners: false, antialias: true);
            AssertRounded(joined.Tensor.narrow(0, 4, 3), expected.mul(255));
        });
    }

    [Fact]
    public void Concat_joins_the_sound_tracks_with_silence_for_a_video_without_one()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            // a: 5 frames at 10 fps = 0.5 s with a 0.3 s tone (padded); b: 0.4 s of picture, no sound.
            using var a = Random(5, 8, 8, 10, audio: Synthetic.Sine(2, 2400, 8000));
            using var b = Random(4, 8, 8, 10, seed: 3);
            using var joined = VideoFunctions.Concat(a, b);
            using var scope = NewDisposeScope();
            var track = joined.Audio!;
            Assert.Equal((2, 8000, 7200L), (track.Channels, track.SampleRate, track.SampleCount));
            Assert.Equal(0f, MaxDifference(track.Tensor.narrow(1, 0, 2400), a.Audio!.Tensor));
            Assert.Equal(0f, Rms(track.Tensor, 2400, 4800));
        });
    }

    [Fact]
    public void Crossfade_overlaps_the_videos_and_its_midpoint_is_their_average_rounded()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var a = Random(6, 16, 12, 10, seed: 1);
            using var b = Random(5, 16, 12, 10, seed: 2);
            // 0.3 s at 10 fps: frames 3-5 of a overlap frames 0-2 of b with b weighted ¼, ½, ¾.
            using var faded = VideoFunctions.Crossfade(a, b, 0.3);
            Assert.Equal(6 + 5 - 3, faded.FrameCount);
            using var scope = NewDisposeScope();
            Assert.Equal(0f, MaxDifference(faded.Tensor.narrow(0, 0, 3), a.Tensor.narrow(0, 0, 3)));
            // The exact blends in levels, rounded to nearest by the video (halves may go either way).
            var (fa, fb) = (a.Tensor.to(ScalarType.Float64), b.Tensor.to(ScalarType.Float64));
            AssertRounded(faded.Tensor[3], fa[3].mul(0.75).add(fb[0].mul(0.25)));
            AssertRounded(faded.Tensor[4], fa[4].add(fb[1]).div(2));
            AssertRounded(faded.Tensor[5], fa[5].mul(0.25).add(fb[2].mul(0.75)));
            Assert.Equal(0f, MaxDifference(faded.Tensor.narrow(0, 6, 2), b.Tensor.narrow(0, 3, 2)));
        });
    }

    [Fact]
    public void Crossfade_of_zero_seconds_is_a_cut_and_a_too_long_overlap_is_refused()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var a = Random(4, 8, 8, 10, seed: 1);
            using var b = Random(3, 8, 8, 10, seed: 2);
            using var cut = VideoFunctions.Crossfade(a, b, 0);
            using var concat = VideoFunctions.Concat(a, b);
            Assert.Equal(0f, MaxDifference(cut.Tensor, concat.Tensor));
            var e = Assert.Throws<ArgumentException>(() => VideoFunctions.Crossfade(a, b, 0.5));
            Assert.StartsWith("Crossfade: the overlap of 0.5 s (5 frames at 10 fps) is longer than video a (4 frames)", e.Message);
        });
    }

    [Fact]
    public void Crossfade_fades_the_sound_with_equal_power_over_the_overlap()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            // a: 1 s with a tone; b: 1 s without sound; 0.5 s overlap -> 1.5 s.
            using var a = Levels(10, 8, 8, 10, 51, 0, audio: Synthetic.Sine(1, 8000, 8000, 400));
            using var b = Levels(10, 8, 8, 10, 204, 0);
            using var faded = VideoFunctions.Crossfade(a, b, 0.5);
            using var scope = NewDisposeScope();
            var track = faded.Audio!;
            Assert.Equal(12000L, track.SampleCount);
            var full = 0.5f / MathF.Sqrt(2);
            Assert.Equal(full, Rms(track.Tensor, 0, 4000), 3);                 // before the overlap: a at full level
            // Halfway through the overlap a's gain is cos(45°): the level drops by 3 dB, not 6 dB.
            Assert.Equal(full * MathF.Cos(MathF.PI / 4), Rms(track.Tensor, 5800, 400), 2);
            Assert.Equal(0f, Rms(track.Tensor, 9000, 3000));                    // after it: b's silence
        });
    }

    [Fact]
    public void Reverse_plays_frames_and_sound_backwards_and_twice_gives_the_original()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var video = Random(7, 12, 9, 10, audio: Ramp(5600, 8000));
            using var reversed = VideoFunctions.Reverse(video);
            using var back = VideoFunctions.Reverse(reversed);
            using var scope = NewDisposeScope();
            for (var i = 0; i < 7; i++) Assert.Equal(0f, MaxDifference(reversed.Tensor[i], video.Tensor[6 - i]));
            Assert.Equal(0f, MaxDifference(back.Tensor, video.Tensor));
            Assert.Equal(0f, MaxDifference(reversed.Audio!.Tensor, video.Audio!.Tensor.flip(1)));
            Assert.Equal(0f, MaxDifference(back.Audio!.Tensor, video.Audio!.Tensor));
        });
    }

    [Fact]
    public void Loop_repeats_count_times_or_fills_a_duration()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var video = Random(5, 8, 6, 10, audio: Ramp(4000, 8000));
            using var thrice = VideoFunctions.Loop(video, count: 3);
            using var filled = VideoFunctions.Loop(video, count: 1, duration: 1.25);
            using var scope = NewDisposeScope();
            Assert.Equal(15, thrice.FrameCount);
            for (var i = 0; i < 15; i++) Assert.Equal(0f, MaxDifference(thrice.Tensor[i], video.Tensor[i % 5]));
            Assert.Equal(12000L, thrice.Audio!.SampleCount);
            Assert.Equal(0f, MaxDifference(thrice.Audio.Tensor.narrow(1, 8000, 4000), video.Audio!.Tensor));

            // 1.25 s at 10 fps is 12.5 frames: 13 (rounded away from zero), the last repeat cut after 3 frames.
            Assert.Equal(13, filled.FrameCount);
            Assert.Equal(0f, MaxDifference(filled.Tensor[12], video.Tensor[2]));
            Assert.Equal(10400L, filled.Audio!.SampleCount);
        });
    }
}
