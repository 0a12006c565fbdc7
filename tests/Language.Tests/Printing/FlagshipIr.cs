using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;

namespace SymbolicGen.Language.Tests.Printing;

/// <summary>The IR of DESIGN §3.3's dataflow JungleRuins, built by hand so that printer tests do not depend on the parser.</summary>
internal static class FlagshipIr
{
    public const string Comment = "Blend a jungle photo with ancient ruins, animate it, score it with birdsong and water.";

    public static SymFile Flagship { get; } = new(EquatableArray.Of(Flow()));

    private static Flow Flow()
    {
        var seconds = new ParameterRefValue("seconds");
        return new Flow(
            "JungleRuins",
            SyntaxStyle.Dataflow,
            EquatableArray.Of(new FlowPort("jungle", PortType.Image), new FlowPort("ruins", PortType.Image)),
            EquatableArray.Of(new FlowParameter("seconds", ParamType.Duration, new QuantityValue(6, "s"))),
            EquatableArray.Of(new FlowPort("film", PortType.Video), new FlowPort("poster", PortType.Image)),
            EquatableArray.Of(
                Node("poster", "ImageBlend", Arg("weight", new NumberValue(0.45)), Arg("mode", new SymbolValue("laplacian"))),
                Node("clip", "ImageToVideo", Arg("duration", seconds), Arg("fps", new QuantityValue(24, "fps")), Arg("motion", new SymbolValue("zoom_in"))),
                Node("birds", "Birdsong", Arg("duration", seconds), Arg("density", new NumberValue(0.7))),
                Node("water", "WaterAmbience", Arg("duration", seconds), Arg("flow", new NumberValue(0.5))),
                Node("sound", "AudioMix", Arg("gain_b", new QuantityValue(-6, "dB"))),
                Node("film", "AddAudio")),
            EquatableArray.Of(
                Link(null, "jungle", "poster", "a"),
                Link(null, "ruins", "poster", "b"),
                Link("poster", "image", "clip", "image"),
                Link("birds", "audio", "sound", "a"),
                Link("water", "audio", "sound", "b"),
                Link("clip", "video", "film", "video"),
                Link("sound", "audio", "film", "audio"),
                Link("film", "video", null, "film"),
                Link("poster", "image", null, "poster")),
            Comments: EquatableArray.Of(Comment));
    }

    public static Node Node(string name, string function, params Argument[] arguments) =>
        new(name, function, EquatableArray<Argument>.Own(arguments));

    public static Argument Arg(string name, Value value) => new(name, value);

    public static Link Link(string? sourceNode, string sourcePort, string? targetNode, string targetPort) =>
        new(new PortSource(sourceNode, sourcePort), new PortTarget(targetNode, targetPort));
}
