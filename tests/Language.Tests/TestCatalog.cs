using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Language.Tests;

/// <summary>
/// Function catalogs for tests. <see cref="Flagship"/> is exactly the contract table of issue 2 (names,
/// ports, parameter types, canonical units, defaults, inclusive ranges in canonical units, enum values);
/// <see cref="Extended"/> adds functions that exercise rules the flagship functions cannot reach.
/// </summary>
public static class TestCatalog
{
    /// <summary>ImageBlend, ImageToVideo, Birdsong, WaterAmbience, AudioMix, AddAudio.</summary>
    public static FunctionCatalog Flagship { get; } = new(FlagshipFunctions());

    /// <summary>The flagship functions plus Segment, TextOverlay, Resize, TextToImage and Upscale.</summary>
    public static FunctionCatalog Extended { get; } = Flagship.With(ExtraFunctions());

    private static IEnumerable<FunctionInfo> FlagshipFunctions()
    {
        yield return Function("ImageBlend",
            Ports(Port("a", PortType.Image), Port("b", PortType.Image)),
            Ports(Port("image", PortType.Image)),
            Param("weight", ParamType.Ratio, new NumberValue(0.5), 0, 1),
            Enum("mode", "laplacian", "alpha", "laplacian", "multiply", "screen", "overlay"));

        yield return Function("ImageToVideo",
            Ports(Port("image", PortType.Image)),
            Ports(Port("video", PortType.Video)),
            Param("duration", ParamType.Duration, new QuantityValue(4, "s"), 0.5, 60),
            Param("fps", ParamType.FrameRate, new QuantityValue(24, "fps"), 1, 120),
            Enum("motion", "zoom_in", "still", "zoom_in", "zoom_out", "pan_left", "pan_right", "pan_up", "pan_down"),
            Param("zoom", ParamType.Ratio, new NumberValue(0.15), 0, 0.5));

        yield return Function("Birdsong",
            Ports(),
            Ports(Port("audio", PortType.Audio)),
            Param("duration", ParamType.Duration, new QuantityValue(4, "s"), 0.1, 600),
            Param("density", ParamType.Ratio, new NumberValue(0.5), 0, 1),
            Param("seed", ParamType.Seed, new NumberValue(0)),
            Param("sample_rate", ParamType.Frequency, new QuantityValue(44100, "Hz"), 8000, 192000));

        yield return Function("WaterAmbience",
            Ports(),
            Ports(Port("audio", PortType.Audio)),
            Param("duration", ParamType.Duration, new QuantityValue(4, "s"), 0.1, 600),
            Param("flow", ParamType.Ratio, new NumberValue(0.5), 0, 1),
            Param("seed", ParamType.Seed, new NumberValue(0)),
            Param("sample_rate", ParamType.Frequency, new QuantityValue(44100, "Hz"), 8000, 192000));

        yield return Function("AudioMix",
            Ports(Port("a", PortType.Audio), Port("b", PortType.Audio)),
            Ports(Port("audio", PortType.Audio)),
            Param("gain_a", ParamType.Gain, new QuantityValue(0, "dB"), -60, 12),
            Param("gain_b", ParamType.Gain, new QuantityValue(0, "dB"), -60, 12));

        yield return Function("AddAudio",
            Ports(Port("video", PortType.Video), Port("audio", PortType.Audio)),
            Ports(Port("video", PortType.Video)),
            Enum("fit", "trim", "trim", "loop", "pad"));
    }

    private static IEnumerable<FunctionInfo> ExtraFunctions()
    {
        // Several outputs: destructuring, '.port' selection, SYM0105.
        yield return Function("Segment",
            Ports(Port("image", PortType.Image)),
            Ports(Port("fg", PortType.Image), Port("mask", PortType.Mask)));

        // A Text input (string literals may feed it) and Length / Color parameters.
        yield return Function("TextOverlay",
            Ports(Port("image", PortType.Image), Port("text", PortType.Text)),
            Ports(Port("image", PortType.Image)),
            Param("size", ParamType.Length, new QuantityValue(48, "px"), 4, 512),
            Param("color", ParamType.Color, new ColorValue("#ffffff")));

        // A Size parameter and a required enum parameter (no default).
        yield return Function("Resize",
            Ports(Port("image", PortType.Image)),
            Ports(Port("image", PortType.Image)),
            Param("size", ParamType.Size, new SizeValue(1024, 576)),
            new ParameterInfo("method", ParamType.Enum, EnumValues: EquatableArray.Of("bilinear", "bicubic", "lanczos", "area")));

        // An optional input; also the Text -> Image bridge.
        yield return Function("TextToImage",
            Ports(Port("prompt", PortType.Text), new PortInfo("reference", PortType.Image, Optional: true)),
            Ports(Port("image", PortType.Image)),
            Param("seed", ParamType.Seed, new NumberValue(0)));

        // Int, Float, Bool and String parameters.
        yield return Function("Upscale",
            Ports(Port("image", PortType.Image)),
            Ports(Port("image", PortType.Image)),
            Param("factor", ParamType.Int, new NumberValue(2), 1, 8),
            Param("sharpness", ParamType.Float, new NumberValue(0.5), 0, 1),
            Param("tiled", ParamType.Bool, new BoolValue(false)),
            Param("model", ParamType.String, new StringValue("esrgan")));
    }

    private static FunctionInfo Function(string name, EquatableArray<PortInfo> inputs, EquatableArray<PortInfo> outputs, params ParameterInfo[] parameters) =>
        new(name, inputs, outputs, EquatableArray<ParameterInfo>.Own(parameters));

    private static EquatableArray<PortInfo> Ports(params PortInfo[] ports) => EquatableArray<PortInfo>.Own(ports);

    private static PortInfo Port(string name, PortType modality) => new(name, modality);

    private static ParameterInfo Param(string name, ParamType type, Value @default, double? min = null, double? max = null) =>
        new(name, type, @default, min, max);

    private static ParameterInfo Enum(string name, string @default, params string[] values) =>
        new(name, ParamType.Enum, new SymbolValue(@default), EnumValues: EquatableArray<string>.Own(values));
}
