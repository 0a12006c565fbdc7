using SymbolicGen.Runtime.Functions;
using TorchSharp;
using Xunit;
using static SymbolicGen.Runtime.Tests.Functions.Video.VideoTestMedia;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Tests.Functions.Video;

public sealed class FramesAndSoundTests
{
    [Fact]
    public void ExtractFrame_takes_the_frame_by_index_or_by_time_and_outlives_the_video()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            var video = Random(10, 12, 8, 4); // 2.5 s
            using var byIndex = VideoFunctions.ExtractFrame(video, index: 7);
            using var byTime = VideoFunctions.ExtractFrame(video, time: 1.2);      // 1.2 s × 4 fps = frame 4.8 -> 4
            using var onFrame = VideoFunctions.ExtractFrame(video, time: 0.75);    // exactly frame 3
            using var atEnd = VideoFunctions.ExtractFrame(video, time: 2.5);       // the end shows the last frame
            using var scope = NewDisposeScope();
            // The images are the frames' levels / 255, in float32.
            Assert.Equal(ScalarType.Float32, byIndex.Tensor.dtype);
            Assert.Equal(0f, MaxDifference(byIndex.Tensor, video.Tensor[7].to(ScalarType.Float32).div(255f)));
            Assert.Equal(0f, MaxDifference(byTime.Tensor, Unit(video.Tensor[4])));
            Assert.Equal(0f, MaxDifference(onFrame.Tensor, Unit(video.Tensor[3])));
            Assert.Equal(0f, MaxDifference(atEnd.Tensor, Unit(video.Tensor[9])));
            var copy = Unit(video.Tensor[7]);
            video.Dispose();
            Assert.Equal(0f, MaxDifference(byIndex.Tensor, copy));
        });
    }

    [Fact]
    public void ExtractFrame_refuses_an_index_or_time_past_the_end()
    {
        using var video = Random(10, 12, 8, 4);
        Assert.StartsWith("ExtractFrame: the video has frames 0 to 9; got index 10",
            Assert.Throws<ArgumentOutOfRangeException>(() => VideoFunctions.ExtractFrame(video, index: 10)).Message);
        Assert.StartsWith("ExtractFrame: time 2.6 s is past the end of the video (2.5 s)",
            Assert.Throws<ArgumentOutOfRangeException>(() => VideoFunctions.ExtractFrame(video, time: 2.6)).Message);
    }

    [Fact]
    public void AddAudio_trim_cuts_a_longer_track_to_the_video_s_length()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var video = Random(12, 8, 6, 24); // 0.5 s
            using var audio = Ramp(16000, 16000, channels: 2); // 1 s
            using var result = VideoFunctions.AddAudio(video, audio, AudioFit.Trim);
            using var scope = NewDisposeScope();
            var track = result.Audio!;
            Assert.Equal((2, 16000, 8000L), (track.Channels, track.SampleRate, track.SampleCount));
            Assert.Equal(0f, MaxDifference(track.Tensor, audio.Tensor.narrow(1, 0, 8000)));
            Assert.Equal(0f, MaxDifference(result.Tensor, video.Tensor));
        });
    }

    [Fact]
    public void AddAudio_loop_repeats_and_pad_silences_a_shorter_track_and_trim_pads_it_too()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var video = Random(25, 8, 6, 10); // 2.5 s
            using var audio = Ramp(8000, 8000); // 1 s
            using var looped = VideoFunctions.AddAudio(video, audio, AudioFit.Loop);
            using var padded = VideoFunctions.AddAudio(video, audio, AudioFit.Pad);
            using var trimmed = VideoFunctions.AddAudio(video, audio, AudioFit.Trim);
            using var scope = NewDisposeScope();
            foreach (var result in new[] { looped, padded, trimmed }) Assert.Equal(20000L, result.Audio!.SampleCount);
            Assert.Equal(0f, MaxDifference(looped.Audio!.Tensor.narrow(1, 8000, 8000), audio.Tensor));
            Assert.Equal(0f, MaxDifference(looped.Audio.Tensor.narrow(1, 16000, 4000), audio.Tensor.narrow(1, 0, 4000)));
            Assert.Equal(0f, MaxDifference(padded.Audio!.Tensor.narrow(1, 0, 8000), audio.Tensor));
            Assert.Equal(0f, Rms(padded.Audio.Tensor, 8000, 12000));
            Assert.Equal(0f, MaxDifference(trimmed.Audio!.Tensor, padded.Audio.Tensor));
        });
    }

    [Fact]
    public void AddAudio_replaces_a_track_and_leaves_its_inputs_alone()
    {
        LiveTensors.AssertNoLeak(() =>
        {
            using var video = Random(10, 8, 6, 10, audio: Ramp(4000, 8000));
            using var audio = Synthetic.Sine(1, 11025, 11025);
            using (var result = VideoFunctions.AddAudio(video, audio))
            {
                Assert.Equal((11025, 11025L), (result.Audio!.SampleRate, result.Audio.SampleCount));
                Assert.Equal(0f, MaxDifference(result.Audio.Tensor, audio.Tensor));
            }
            Assert.False(audio.IsDisposed);
            Assert.Equal((8000, 4000L), (video.Audio!.SampleRate, video.Audio.SampleCount));
            Assert.False(video.IsDisposed);
        });
    }
}
