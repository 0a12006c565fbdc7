using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using Xunit;

namespace SymbolicGen.Language.Tests;

public class TestCatalogTests
{
    [Fact]
    public void Flagship_holds_exactly_the_six_contract_functions()
    {
        Assert.Equal(
            new[] { "ImageBlend", "ImageToVideo", "Birdsong", "WaterAmbience", "AudioMix", "AddAudio" },
            TestCatalog.Flagship.Functions.Select(f => f.Name));
    }

    [Fact]
    public void Flagship_signatures_match_the_contract_table()
    {
        var toVideo = TestCatalog.Flagship.Find("ImageToVideo")!;
        Assert.Equal(new[] { "image" }, toVideo.Inputs.Select(p => p.Name));
        Assert.Equal(PortType.Video, toVideo.Outputs.Single().Type);
        var duration = toVideo.FindParameter("duration")!;
        Assert.Equal((ParamType.Duration, 0.5, 60.0), (duration.Type, duration.Min!.Value, duration.Max!.Value));
        Assert.Equal(new QuantityValue(4, "s"), duration.Default);
        Assert.Equal(new QuantityValue(24, "fps"), toVideo.FindParameter("fps")!.Default);
        Assert.Equal(7, toVideo.FindParameter("motion")!.EnumValues.Count);

        var birdsong = TestCatalog.Flagship.Find("Birdsong")!;
        Assert.Empty(birdsong.Inputs);
        Assert.Equal(new QuantityValue(44100, "Hz"), birdsong.FindParameter("sample_rate")!.Default);
        Assert.Equal((8000.0, 192000.0), (birdsong.FindParameter("sample_rate")!.Min!.Value, birdsong.FindParameter("sample_rate")!.Max!.Value));

        var mix = TestCatalog.Flagship.Find("AudioMix")!;
        Assert.Equal((-60.0, 12.0), (mix.FindParameter("gain_b")!.Min!.Value, mix.FindParameter("gain_b")!.Max!.Value));
        Assert.Equal(new SymbolValue("trim"), TestCatalog.Flagship.Find("AddAudio")!.FindParameter("fit")!.Default);
        Assert.Equal(new SymbolValue("laplacian"), TestCatalog.Flagship.Find("ImageBlend")!.FindParameter("mode")!.Default);
    }

    [Fact]
    public void Extended_adds_test_functions_after_the_flagship()
    {
        Assert.Equal(TestCatalog.Flagship.Functions, TestCatalog.Extended.Functions.Take(6).ToEquatableArray());
        Assert.True(TestCatalog.Extended.Find("TextToImage")!.FindInput("reference")!.Optional);
        Assert.True(TestCatalog.Extended.Find("Resize")!.FindParameter("method")!.Required);
    }
}
