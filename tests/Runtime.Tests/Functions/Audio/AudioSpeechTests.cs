using SymbolicGen.Runtime.Functions;
using Xunit;
using static SymbolicGen.Runtime.Tests.Functions.AudioAnalysis;

namespace SymbolicGen.Runtime.Tests.Functions;

/// <summary>Speech through espeak-ng (which .ci/run installs).</summary>
public sealed class AudioSpeechTests
{
    [Fact]
    public async Task Speech_says_the_text_in_a_plausible_time_with_voice_band_energy()
    {
        await LiveTensors.AssertNoLeakAsync(async () =>
        {
            using var speech = await AudioSpeech.SpeechAsync("Hello world, this is a test of the speech function.");
            Assert.Equal((1, 44100), (speech.Channels, speech.SampleRate));
            // Eleven words at 175 words per minute: about 3.8 s, plus pauses.
            Assert.InRange(speech.Seconds, 2, 7);
            var x = Channel(speech);
            Assert.True(Db(Rms(x)) > -35, $"RMS {Db(Rms(x)):0.0} dBFS");
            Assert.True(Peak(x) <= 1);
            var spectrum = PowerSpectrum(x);
            var voice = BandPower(spectrum, 80, 5000, 44100) / BandPower(spectrum, 0, 22050, 44100);
            Assert.True(voice > 0.8, $"only {voice:P0} of the energy is in the voice band");
            // Speech has pauses between words: the level of 20 ms frames varies a lot.
            var frames = FrameRms(x, 882);
            Assert.True(frames.Count(f => f < frames.Max() * 0.05) > frames.Length / 20);
        });
    }

    [Fact]
    public async Task A_faster_speed_says_it_in_less_time_and_the_sample_rate_is_as_asked()
    {
        const string text = "The quick brown fox jumps over the lazy dog, again and again and again.";
        using var slow = await AudioSpeech.SpeechAsync(text, speed: 120, sampleRate: 16000);
        using var fast = await AudioSpeech.SpeechAsync(text, speed: 350, sampleRate: 16000);
        Assert.Equal(16000, slow.SampleRate);
        Assert.True(fast.Seconds < slow.Seconds * 0.6, $"{fast.Seconds:0.00} s vs {slow.Seconds:0.00} s");
    }

    [Fact]
    public async Task A_missing_espeak_gives_one_line_that_says_how_to_install_it()
    {
        var saved = AudioSpeech.Executable;
        AudioSpeech.Executable = "espeak-ng-that-does-not-exist";
        try
        {
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AudioSpeech.SpeechAsync("Hello"));
            Assert.Contains("apt-get install espeak-ng", e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
        finally
        {
            AudioSpeech.Executable = saved;
        }
    }

    [Fact]
    public async Task Bad_voices_and_empty_text_are_explained()
    {
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => AudioSpeech.SpeechAsync("Hello", voice: "xx-nosuchvoice"));
        Assert.Contains("no voice 'xx-nosuchvoice'", unknown.Message);
        var odd = await Assert.ThrowsAsync<ArgumentException>(() => AudioSpeech.SpeechAsync("Hello", voice: "--help"));
        Assert.Contains("not a voice name", odd.Message);
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => AudioSpeech.SpeechAsync("  "));
        Assert.Contains("Speech: the text is empty", empty.Message);
    }

    [Fact]
    public async Task Speech_honours_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AudioSpeech.SpeechAsync("Hello", cancellationToken: cancelled.Token));
    }
}
