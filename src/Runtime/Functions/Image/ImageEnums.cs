namespace SymbolicGen.Runtime.Functions;

/// <summary>How <see cref="ImageFunctions.ImageBlend"/> combines its two images (the flagship contract's order).</summary>
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

/// <summary>The resampling filter of <see cref="ImageFunctions.Resize"/>.</summary>
public enum ResizeMethod
{
    /// <summary>Linear interpolation (antialiased when shrinking).</summary>
    Bilinear,
    /// <summary>Cubic convolution, a = -0.75 (antialiased when shrinking).</summary>
    Bicubic,
    /// <summary>Lanczos-3 windowed sinc, the sharpest.</summary>
    Lanczos,
    /// <summary>The mean of the source pixels each result pixel covers (for shrinking).</summary>
    Area,
}

/// <summary>The filter of <see cref="ImageFunctions.Upscale"/>.</summary>
public enum UpscaleMethod
{
    /// <summary>Cubic convolution.</summary>
    Bicubic,
    /// <summary>Lanczos-3 windowed sinc.</summary>
    Lanczos,
}

/// <summary>What <see cref="ImageFunctions.Pad"/> fills the border with.</summary>
public enum PadMode
{
    /// <summary>One colour.</summary>
    Constant,
    /// <summary>The image mirrored at its edges.</summary>
    Reflect,
    /// <summary>The edge pixels repeated.</summary>
    Edge,
}

/// <summary>Where <see cref="ImageFunctions.TextOverlay"/> puts its caption.</summary>
public enum TextPosition
{
    /// <summary>Along the top edge.</summary>
    Top,
    /// <summary>In the middle.</summary>
    Center,
    /// <summary>Along the bottom edge.</summary>
    Bottom,
}
