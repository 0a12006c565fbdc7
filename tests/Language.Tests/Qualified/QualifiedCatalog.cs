using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Language.Tests.Qualified;

/// <summary>
/// The extended test catalog plus imported functions in namespaces: <c>KSampler</c> in both <c>comfy</c>
/// and <c>other</c>, functions only <c>comfy</c> has, one in the dotted namespace <c>acme.video</c>, and
/// <c>other.Upscale</c>, whose simple name is a built-in's.
/// </summary>
public static class QualifiedCatalog
{
    public static FunctionCatalog Catalog { get; } = TestCatalog.Extended.With(new[]
    {
        new FunctionInfo("comfy.KSampler",
            EquatableArray.Of(new PortInfo("model", PortType.Image)),
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new ParameterInfo("seed", ParamType.Seed, new NumberValue(0)), new ParameterInfo("steps", ParamType.Int, new NumberValue(20), 1, 150))),
        new FunctionInfo("other.KSampler",
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new ParameterInfo("cfg", ParamType.Float, new NumberValue(7), 0, 30))),
        new FunctionInfo("comfy.CLIPTextEncode",
            EquatableArray.Of(new PortInfo("text", PortType.Text)),
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            default),
        new FunctionInfo("comfy.EmptyImage",
            default,
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new ParameterInfo("size", ParamType.Size, new SizeValue(512, 512)))),
        new FunctionInfo("comfy.SplitImage",
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new PortInfo("left", PortType.Image), new PortInfo("right", PortType.Image)),
            default),
        new FunctionInfo("acme.video.Fade",
            EquatableArray.Of(new PortInfo("video", PortType.Video)),
            EquatableArray.Of(new PortInfo("video", PortType.Video)),
            EquatableArray.Of(new ParameterInfo("duration", ParamType.Duration, new QuantityValue(1, "s"), 0.1, 10))),
        new FunctionInfo("other.Upscale",
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new PortInfo("image", PortType.Image)),
            EquatableArray.Of(new ParameterInfo("factor", ParamType.Int, new NumberValue(2), 1, 4))),
    });
}
