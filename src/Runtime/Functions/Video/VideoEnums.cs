namespace SymbolicGen.Runtime.Functions;

/// <summary>The camera move of <see cref="VideoFunctions.ImageToVideo"/> (the flagship contract's order).</summary>
public enum CameraMotion
{
    /// <summary>No movement: every frame is the image.</summary>
    Still,
    /// <summary>Move towards the centre: the view narrows from the whole image to its central 1 / (1 + zoom).</summary>
    ZoomIn,
    /// <summary>Move away from the centre: the reverse of <see cref="ZoomIn"/>.</summary>
    ZoomOut,
    /// <summary>Pan to the left: a view magnified by 1 + zoom travels from the right edge to the left edge.</summary>
    PanLeft,
    /// <summary>Pan to the right: a view magnified by 1 + zoom travels from the left edge to the right edge.</summary>
    PanRight,
    /// <summary>Pan upwards: a view magnified by 1 + zoom travels from the bottom edge to the top edge.</summary>
    PanUp,
    /// <summary>Pan downwards: a view magnified by 1 + zoom travels from the top edge to the bottom edge.</summary>
    PanDown,
}

/// <summary>How <see cref="VideoFunctions.AddAudio"/> fits audio to the video's length (the flagship contract's order).</summary>
public enum AudioFit
{
    /// <summary>Cut the audio at the end of the video (a shorter track is followed by silence).</summary>
    Trim,
    /// <summary>Repeat the audio until the video ends.</summary>
    Loop,
    /// <summary>Follow the audio with silence until the video ends (a longer track is cut).</summary>
    Pad,
}

/// <summary>How <see cref="VideoFunctions.FrameInterpolate"/> makes the frames between two frames.</summary>
public enum FrameInterpolationMode
{
    /// <summary>The average of the two neighbours (moving things appear twice, half transparent).</summary>
    Blend,
    /// <summary>Block-matching motion estimation, then both neighbours warped halfway and averaged.</summary>
    Motion,
}

/// <summary>How <see cref="VideoFunctions.ChangeSpeed"/> picks a frame at a time between two source frames.</summary>
public enum FrameSampling
{
    /// <summary>The nearest source frame.</summary>
    Nearest,
    /// <summary>A linear blend of the two source frames around that time.</summary>
    Blend,
}
