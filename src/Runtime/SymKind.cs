namespace SymbolicGen.Runtime;

/// <summary>
/// What a numeric parameter measures. Values are always in the kind's canonical unit; <c>.sym</c> files
/// may write other units (<c>500ms</c>, <c>2kHz</c>, <c>50%</c>) and the checker converts them.
/// </summary>
public enum SymKind
{
    /// <summary>Decided by the C# type: a plain integer, number, bool, string, enum, <see cref="Size"/> or <see cref="Color"/>.</summary>
    Auto,
    /// <summary>A duration in seconds.</summary>
    Duration,
    /// <summary>A frame rate in frames per second.</summary>
    FrameRate,
    /// <summary>A frequency in hertz.</summary>
    Frequency,
    /// <summary>A gain in decibels.</summary>
    Gain,
    /// <summary>A length in pixels.</summary>
    Length,
    /// <summary>A fraction (<c>0.5</c>; <c>.sym</c> files may write <c>50%</c>).</summary>
    Ratio,
    /// <summary>A random seed (an <see cref="int"/> or <see cref="long"/> parameter).</summary>
    Seed,
}
