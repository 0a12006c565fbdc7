using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using SymbolicGen.Runtime.IO;
using static TorchSharp.torch;

namespace SymbolicGen.Runtime.Functions;

/// <summary>Text to speech through the espeak-ng program.</summary>
public static class AudioSpeech
{
    private static readonly Regex VoiceName = new("^[A-Za-z0-9][A-Za-z0-9_+/-]*$", RegexOptions.CultureInvariant);

    /// <summary>The espeak-ng executable: a name looked up on PATH, or a path. Tests point it elsewhere.</summary>
    internal static string Executable { get; set; } = "espeak-ng";

    /// <summary>The one-line message for a missing espeak-ng.</summary>
    internal static string NotInstalled(string executable) =>
        $"Speech: the text-to-speech program '{executable}' was not found; install it with 'apt-get install espeak-ng' (Debian, Ubuntu) or 'brew install espeak-ng' (macOS)";

    /// <summary>Speaks text aloud.</summary>
    /// <param name="text">What to say.</param>
    /// <param name="voice">An espeak-ng voice (<c>espeak-ng --voices</c> lists them), such as <c>en</c>, <c>en-us</c>, <c>de</c> or <c>en+f3</c>.</param>
    /// <param name="speed">Speaking rate in words per minute.</param>
    /// <param name="pitch">Voice pitch from 0 to 99; 50 is the voice's normal pitch.</param>
    /// <param name="sampleRate">Samples per second of the result (espeak-ng speaks at 22050 Hz; the result is resampled).</param>
    /// <param name="cancellationToken">Stops espeak-ng.</param>
    /// <returns>Mono speech.</returns>
    /// <exception cref="InvalidOperationException">espeak-ng is not installed, or it failed (an unknown voice, say).</exception>
    [SymFunction(Summary = "Speak text aloud (espeak-ng text to speech)", Category = "audio")]
    public static async Task<Audio> SpeechAsync(
        Text text,
        [SymParam(Summary = "espeak-ng voice, such as en, en-us, de or fr")] string voice = "en",
        [SymParam(Min = 80, Max = 450, Summary = "Speaking rate in words per minute")] int speed = 175,
        [SymParam(Min = 0, Max = 99, Summary = "Voice pitch; 50 is the voice's normal pitch")] int pitch = 50,
        [SymParam(SymKind.Frequency, Min = 8000, Max = 192000, Summary = "Samples per second")] int sampleRate = 44100,
        CancellationToken cancellationToken = default)
    {
        const string name = "Speech";
        if (text is null) throw new ArgumentNullException(nameof(text), $"{name}: input 'text' is missing");
        if (string.IsNullOrWhiteSpace(text.Value)) throw new ArgumentException($"{name}: the text is empty; there is nothing to say", nameof(text));
        if (voice is null || !VoiceName.IsMatch(voice))
            throw new ArgumentException($"{name}: '{voice}' is not a voice name; use one that 'espeak-ng --voices' lists, such as en, en-us or de", nameof(voice));
        ParameterGuard.InDomain(name, "speed", speed);
        ParameterGuard.InDomain(name, "pitch", pitch);
        AudioDsp.SampleRate(name, sampleRate);

        var folder = Path.Combine(Path.GetTempPath(), "symgen-speech-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "text.txt");
            var output = Path.Combine(folder, "speech.wav");
            await File.WriteAllTextAsync(input, text.Value, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            var arguments = new[]
            {
                "-v", voice, "-s", speed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-p", pitch.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-b", "1", // the text file is UTF-8
                "-f", input, "-w", output,
            };
            ToolProcess espeak;
            try
            {
                espeak = ToolProcess.Start(Executable, arguments, writeInput: false, readOutput: false, cancellationToken);
            }
            catch (MediaToolNotFoundException e)
            {
                throw new InvalidOperationException(NotInstalled(Executable), e);
            }
            using (espeak)
            {
                var exitCode = await espeak.FinishAsync(cancellationToken).ConfigureAwait(false);
                if (exitCode != 0 || !File.Exists(output))
                {
                    var problem = espeak.ErrorSummary;
                    throw new InvalidOperationException(problem.Contains("voice", StringComparison.OrdinalIgnoreCase)
                        ? $"{name}: espeak-ng has no voice '{voice}' ('espeak-ng --voices' lists the voices)"
                        : $"{name}: espeak-ng failed ({problem})");
                }
            }
            using var spoken = WavFile.Read(output);
            if (spoken.SampleRate == sampleRate && spoken.Channels == 1) return spoken.Clone();
            using var scope = NewDisposeScope();
            var mono = spoken.Channels == 1 ? spoken.Tensor : spoken.Tensor.mean(new long[] { 0 }, keepdim: true);
            return Audio.FromTensor(AudioResampler.Resample(mono, spoken.SampleRate, sampleRate, cancellationToken), sampleRate);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
