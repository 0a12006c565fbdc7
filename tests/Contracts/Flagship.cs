// The contract of the six functions the flagship flow (workflows/JungleRuins.sym) calls, as fixed by
// issue 2: names, ports, parameters, units, defaults and ranges, as [SymFunction] declarations. The
// runtime's built-ins must read into exactly this catalog; the tests compare them.
using System;
using System.Threading;
using System.Threading.Tasks;
using SymbolicGen.Runtime;

namespace SymbolicGen.Contracts;

/// <summary>How <see cref="IFlagshipFunctions.ImageBlendAsync"/> combines its two images.</summary>
public enum BlendMode
{
    /// <summary>Weighted average.</summary>
    Alpha,
    /// <summary>Laplacian-pyramid blend: seamless at every scale.</summary>
    Laplacian,
    /// <summary>Multiply (darkens).</summary>
    Multiply,
    /// <summary>Screen (lightens).</summary>
    Screen,
    /// <summary>Overlay (adds contrast).</summary>
    Overlay,
}

/// <summary>The camera move of <see cref="IFlagshipFunctions.ImageToVideoAsync"/>.</summary>
public enum CameraMotion
{
    /// <summary>No movement.</summary>
    Still,
    /// <summary>Move towards the centre.</summary>
    ZoomIn,
    /// <summary>Move away from the centre.</summary>
    ZoomOut,
    /// <summary>Pan to the left.</summary>
    PanLeft,
    /// <summary>Pan to the right.</summary>
    PanRight,
    /// <summary>Pan upwards.</summary>
    PanUp,
    /// <summary>Pan downwards.</summary>
    PanDown,
}

/// <summary>How <see cref="IFlagshipFunctions.AddAudioAsync"/> fits audio to the video's length.</summary>
public enum AudioFit
{
    /// <summary>Cut the audio at the end of the video.</summary>
    Trim,
    /// <summary>Repeat the audio until the video ends.</summary>
    Loop,
    /// <summary>Follow the audio with silence until the video ends.</summary>
    Pad,
}

/// <summary>The flagship flow's functions.</summary>
public interface IFlagshipFunctions
{
    /// <summary>Blends two images into one.</summary>
    [SymFunction(Summary = "Blend two images into one", Category = "image")]
    Task<Image> ImageBlendAsync(
        Image a,
        Image b,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "Share of b in the result")] double weight = 0.5,
        [SymParam(Summary = "How the images are combined")] BlendMode mode = BlendMode.Laplacian,
        CancellationToken cancellationToken = default);

    /// <summary>Animates a still image with a camera move.</summary>
    [SymFunction(Summary = "Animate a still image with a camera move", Category = "video")]
    Task<Video> ImageToVideoAsync(
        Image image,
        [SymParam(SymKind.Duration, Min = 0.5, Max = 60, Summary = "Length of the clip")] double duration = 4,
        [SymParam(SymKind.FrameRate, Min = 1, Max = 120, Summary = "Frames per second")] double fps = 24,
        [SymParam(Summary = "Camera move")] CameraMotion motion = CameraMotion.ZoomIn,
        [SymParam(SymKind.Ratio, Min = 0, Max = 0.5, Summary = "How far the camera moves, as a fraction of the frame")] double zoom = 0.15,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>Synthesises birdsong.</summary>
    [SymFunction(Summary = "Synthesise birdsong", Category = "audio")]
    Task<Audio> BirdsongAsync(
        [SymParam(SymKind.Duration, Min = 0.1, Max = 600, Summary = "Length of the audio")] double duration = 4,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "How many birds sing at once")] double density = 0.5,
        [SymParam(SymKind.Seed, Summary = "Random seed")] long seed = 0,
        [SymParam(SymKind.Frequency, Min = 8000, Max = 192000, Summary = "Samples per second")] int sampleRate = 44100,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>Synthesises running water.</summary>
    [SymFunction(Summary = "Synthesise running water", Category = "audio")]
    Task<Audio> WaterAmbienceAsync(
        [SymParam(SymKind.Duration, Min = 0.1, Max = 600, Summary = "Length of the audio")] double duration = 4,
        [SymParam(SymKind.Ratio, Min = 0, Max = 1, Summary = "From a trickle to a torrent")] double flow = 0.5,
        [SymParam(SymKind.Seed, Summary = "Random seed")] long seed = 0,
        [SymParam(SymKind.Frequency, Min = 8000, Max = 192000, Summary = "Samples per second")] int sampleRate = 44100,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>Mixes two audio tracks.</summary>
    [SymFunction(Summary = "Mix two audio tracks", Category = "audio")]
    Task<Audio> AudioMixAsync(
        Audio a,
        Audio b,
        [SymParam(SymKind.Gain, Min = -60, Max = 12, Summary = "Gain applied to a")] double gainA = 0,
        [SymParam(SymKind.Gain, Min = -60, Max = 12, Summary = "Gain applied to b")] double gainB = 0,
        CancellationToken cancellationToken = default);

    /// <summary>Puts an audio track under a video.</summary>
    [SymFunction(Summary = "Put an audio track under a video", Category = "video")]
    Task<Video> AddAudioAsync(
        Video video,
        Audio audio,
        [SymParam(Summary = "How the audio is fitted to the video's length")] AudioFit fit = AudioFit.Trim,
        CancellationToken cancellationToken = default);
}
