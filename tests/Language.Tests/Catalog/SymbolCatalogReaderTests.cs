using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using Xunit;
using static SymbolicGen.Language.Tests.Catalog.CatalogCompilation;

namespace SymbolicGen.Language.Tests.Catalog;

public class SymbolCatalogReaderTests
{
    [Fact]
    public void Media_parameters_are_inputs_in_declared_order_and_the_rest_are_parameters()
    {
        var function = ReadSingle("""
            public static class F
            {
                [SymFunction]
                public static Image Composite(Image background, double opacity, Mask mask, Image foreground) => background;
            }
            """);

        Assert.Equal("Composite", function.Name);
        Assert.Equal(
            new[] { new PortInfo("background", PortType.Image), new PortInfo("mask", PortType.Mask), new PortInfo("foreground", PortType.Image) },
            function.Inputs);
        Assert.Equal(new[] { new ParameterInfo("opacity", ParamType.Float) }, function.Parameters);
        Assert.Equal(new[] { new PortInfo("image", PortType.Image) }, function.Outputs);
    }

    [Fact]
    public void Every_modality_is_recognised_by_its_runtime_type()
    {
        var function = ReadSingle("""
            public static class F
            {
                [SymFunction]
                public static Video Render(Text prompt, Image image, Mask mask, Audio audio) => null!;
            }
            """);

        Assert.Equal(new[] { PortType.Text, PortType.Image, PortType.Mask, PortType.Audio }, function.Inputs.Select(p => p.Type));
        Assert.Equal(new PortInfo("video", PortType.Video), Assert.Single(function.Outputs));
    }

    [Fact]
    public void SymPort_names_describes_and_makes_inputs_optional()
    {
        var function = ReadSingle("""
            public static class F
            {
                [SymFunction]
                [return: SymPort("poster", Summary = "The finished poster")]
                public static Image Poster(
                    [SymPort("photo", Summary = "What to frame")] Image source,
                    [SymPort(Optional = true)] Mask matte,
                    Image? logo = null) => source;
            }
            """);

        Assert.Equal(
            new[]
            {
                new PortInfo("photo", PortType.Image, false, "What to frame"),
                new PortInfo("matte", PortType.Mask, true),
                new PortInfo("logo", PortType.Image, true),
            },
            function.Inputs);
        Assert.Equal(new[] { new PortInfo("poster", PortType.Image, false, "The finished poster") }, function.Outputs);
    }

    [Fact]
    public void A_nullable_input_without_a_default_is_required()
    {
        var function = ReadSingle("""
            public static class F
            {
                [SymFunction]
                public static Image Pick(Image? image) => image!;
            }
            """);

        Assert.False(Assert.Single(function.Inputs).Optional);
    }

    [Theory]
    [InlineData("Image", "Image", "image")]
    [InlineData("Task<Image>", "Image", "image")]
    [InlineData("ValueTask<Audio>", "Audio", "audio")]
    [InlineData("Task<Video?>", "Video", "video")]
    [InlineData("Mask", "Mask", "mask")]
    [InlineData("Task<Text>", "Text", "text")]
    public void A_media_return_type_is_one_output_named_after_its_modality(string returnType, string typeName, string name)
    {
        var modality = PortType.FindMedia(typeName)!;
        var function = ReadSingle($$"""
            public abstract class F
            {
                [SymFunction]
                public abstract {{returnType}} Make();
            }
            """);

        Assert.Equal(new[] { new PortInfo(name, modality) }, function.Outputs);
    }

    [Fact]
    public void A_tuple_return_type_gives_one_output_per_element_named_by_the_element_names()
    {
        var function = ReadSingle("""
            public static class F
            {
                [SymFunction]
                public static Task<(Image foreground, Mask cutOut, Audio soundTrack)> Split(Video video) => null!;
            }
            """);

        Assert.Equal(
            new[] { new PortInfo("foreground", PortType.Image), new PortInfo("cut_out", PortType.Mask), new PortInfo("sound_track", PortType.Audio) },
            function.Outputs);
    }

    [Fact]
    public void Cancellation_tokens_and_progress_are_plumbing_not_parameters()
    {
        var method = Compile("""
            public static class F
            {
                [SymFunction]
                public static Task<Image> Sharpen(Image image, IProgress<double> progress, double amount, CancellationToken cancellationToken) => null!;
            }
            """).GetTypeByMetadataName("F")!.GetMembers("Sharpen").OfType<Microsoft.CodeAnalysis.IMethodSymbol>().Single();

        var result = SymbolCatalogReader.ReadFunction(method);

        Assert.Empty(result.Problems);
        Assert.Equal(new[] { "amount" }, result.Function!.Parameters.Select(p => p.Name));
        Assert.Equal(
            new[]
            {
                new MethodArgument(ArgumentRole.Input, "image"),
                new MethodArgument(ArgumentRole.Progress, null),
                new MethodArgument(ArgumentRole.Parameter, "amount"),
                new MethodArgument(ArgumentRole.Cancellation, null),
            },
            result.Arguments);
    }

    [Fact]
    public void A_method_without_SymFunction_reads_as_nothing()
    {
        var method = Compile("public static class F { public static Image Plain(Image image) => image; }")
            .GetTypeByMetadataName("F")!.GetMembers("Plain").OfType<Microsoft.CodeAnalysis.IMethodSymbol>().Single();

        var result = SymbolCatalogReader.ReadFunction(method);

        Assert.Null(result.Function);
        Assert.Empty(result.Arguments);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Plain_CSharp_types_map_to_parameter_types_with_their_defaults()
    {
        var function = ReadSingle("""
            public enum Style { Flat, ZoomIn, HDRGlow }
            public static class F
            {
                [SymFunction]
                public static Image Paint(
                    Image image,
                    Size size,
                    int count = 3,
                    long big = 5000000000,
                    double amount = 0.25,
                    float weight = 0.45f,
                    bool invert = true,
                    string label = "jungle ruins",
                    Style style = Style.ZoomIn,
                    Color tint = default,
                    int zero = 0) => image;
            }
            """);

        Assert.Equal(
            new[]
            {
                new ParameterInfo("size", ParamType.Size),
                new ParameterInfo("count", ParamType.Int, new NumberValue(3)),
                new ParameterInfo("big", ParamType.Int, new NumberValue(5000000000)),
                new ParameterInfo("amount", ParamType.Float, new NumberValue(0.25)),
                new ParameterInfo("weight", ParamType.Float, new NumberValue(0.45)),
                new ParameterInfo("invert", ParamType.Bool, new BoolValue(true)),
                new ParameterInfo("label", ParamType.String, new StringValue("jungle ruins")),
                new ParameterInfo("style", ParamType.Enum, new SymbolValue("zoom_in"), EnumValues: EquatableArray.Of("flat", "zoom_in", "hdr_glow")),
                new ParameterInfo("tint", ParamType.Color, new ColorValue("#00000000")),
                new ParameterInfo("zero", ParamType.Int, new NumberValue(0)),
            },
            function.Parameters);
        Assert.True(function.FindParameter("size")!.Required);
    }

    [Fact]
    public void Parameters_without_a_default_are_required()
    {
        var function = ReadSingle("""
            public static class F
            {
                [SymFunction]
                public static Image Crop(Image image, int left, Size size, string? note = "") => image;
            }
            """);

        Assert.Equal(new[] { true, true, false }, function.Parameters.Select(p => p.Required));
    }

    [Theory]
    [InlineData("SymKind.Duration", "double", "4", ParamType.Duration, "s")]
    [InlineData("SymKind.FrameRate", "int", "24", ParamType.FrameRate, "fps")]
    [InlineData("SymKind.Frequency", "int", "44100", ParamType.Frequency, "Hz")]
    [InlineData("SymKind.Gain", "double", "-6", ParamType.Gain, "dB")]
    [InlineData("SymKind.Length", "long", "512", ParamType.Length, "px")]
    [InlineData("SymKind.Duration", "float", "0.1f", ParamType.Duration, "s")]
    public void Unit_kinds_make_unit_bearing_parameters_with_canonical_quantity_defaults(
        string kind, string clrType, string defaultText, ParamType type, string unit)
    {
        var function = ReadSingle($$"""
            public static class F
            {
                [SymFunction]
                public static Audio Tone([SymParam({{kind}})] {{clrType}} value = {{defaultText}}) => null!;
            }
            """);

        var parameter = Assert.Single(function.Parameters);
        Assert.Equal(type, parameter.Type);
        var expected = double.Parse(defaultText.TrimEnd('f'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new QuantityValue(expected, unit), parameter.Default);
    }

    [Fact]
    public void A_ratio_default_is_a_plain_number()
    {
        var function = ReadSingle("""
            public static class F
            {
                [SymFunction]
                public static Image Fade(Image image, [SymParam(SymKind.Ratio, Min = 0, Max = 1)] double amount = 0.5) => image;
            }
            """);

        Assert.Equal(new ParameterInfo("amount", ParamType.Ratio, new NumberValue(0.5), 0, 1), Assert.Single(function.Parameters));
    }

    [Fact]
    public void Seeds_are_int_or_long_parameters_with_the_Seed_kind()
    {
        var function = ReadSingle("""
            public static class F
            {
                [SymFunction]
                public static Image Noise([SymParam(Kind = SymKind.Seed)] int seed = 7, [SymParam(SymKind.Seed)] long other = 0, long plain = 1) => null!;
            }
            """);

        Assert.Equal(
            new[]
            {
                new ParameterInfo("seed", ParamType.Seed, new NumberValue(7)),
                new ParameterInfo("other", ParamType.Seed, new NumberValue(0)),
                new ParameterInfo("plain", ParamType.Int, new NumberValue(1)),
            },
            function.Parameters);
    }

    [Fact]
    public void Min_and_Max_are_read_only_when_set_and_infinite_bounds_are_unbounded()
    {
        var function = ReadSingle("""
            public static class F
            {
                [SymFunction]
                public static Image Levels(
                    Image image,
                    [SymParam(Min = 1)] int low = 1,
                    [SymParam(Max = 10.5)] double high = 2,
                    [SymParam(SymKind.Gain, Min = double.NegativeInfinity, Max = 12)] double gain = 0,
                    [SymParam(Summary = "No range")] double free = -3) => image;
            }
            """);

        Assert.Equal(
            new[]
            {
                new ParameterInfo("low", ParamType.Int, new NumberValue(1), Min: 1),
                new ParameterInfo("high", ParamType.Float, new NumberValue(2), Max: 10.5),
                new ParameterInfo("gain", ParamType.Gain, new QuantityValue(0, "dB"), Max: 12),
                new ParameterInfo("free", ParamType.Float, new NumberValue(-3), Summary: "No range"),
            },
            function.Parameters);
    }

    [Fact]
    public void Names_default_to_snake_case_and_SymParam_Name_overrides_them()
    {
        var function = ReadSingle("""
            public static class F
            {
                [SymFunction]
                public static Audio Mix(Audio trackA, [SymParam(SymKind.Gain)] double gainB = 0, [SymParam(Name = "Rate")] int sampleRate = 1) => trackA;
            }
            """);

        Assert.Equal("track_a", Assert.Single(function.Inputs).Name);
        Assert.Equal(new[] { "gain_b", "Rate" }, function.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void The_function_attribute_gives_name_summary_category_and_version()
    {
        var catalog = Read("""
            public static class F
            {
                [SymFunction("Glow", Summary = "Make it glow", Category = "image", Version = 3)]
                public static Image Bloom(Image image) => image;

                [SymFunction]
                public static Task<Image> SharpenAsync(Image image) => null!;

                [SymFunction]
                public static Image Async(Image image) => image;
            }
            """).Catalog;

        Assert.Equal(new[] { "Glow", "Sharpen", "Async" }, catalog.Functions.Select(f => f.Name));
        var glow = catalog.Find("Glow")!;
        Assert.Equal(("Make it glow", "image", 3), (glow.Summary, glow.Category, glow.Version));
        var sharpen = catalog.Find("Sharpen")!;
        Assert.Equal((null, null, 1), (sharpen.Summary, sharpen.Category, sharpen.Version));
    }

    [Fact]
    public void Static_instance_and_interface_methods_are_all_functions()
    {
        var catalog = Read("""
            public interface IEffects
            {
                [SymFunction] Image Blur(Image image);
            }
            public class Effects
            {
                [SymFunction] public Image Grain(Image image) => image;
                [SymFunction] public static Image Invert(Image image) => image;
                public Image NotAFunction(Image image) => image;
                public class Nested
                {
                    [SymFunction] public Image Vignette(Image image) => image;
                }
            }
            """).Catalog;

        Assert.Equal(new[] { "Grain", "Invert", "Vignette", "Blur" }, catalog.Functions.Select(f => f.Name));
    }

    [Fact]
    public void Functions_are_ordered_by_type_name_then_declaration()
    {
        var catalog = Read("""
            namespace Zeta { public static class A { [SymFunction] public static Image Zed(Image i) => i; } }
            namespace Alpha
            {
                public static class B
                {
                    [SymFunction] public static Image Second(Image i) => i;
                    [SymFunction] public static Image First(Image i) => i;
                }
                public static class A { [SymFunction] public static Image Last(Image i) => i; }
            }
            """).Catalog;

        Assert.Equal(new[] { "Last", "Second", "First", "Zed" }, catalog.Functions.Select(f => f.Name));
    }

    [Fact]
    public void Referenced_assemblies_are_read_before_source_and_only_their_public_surface()
    {
        var library = Emit(Compile("""
            public static class Library
            {
                [SymFunction] public static Image Shared(Image image) => image;
                [SymFunction] internal static Image Hidden(Image image) => image;
            }
            internal static class Internal
            {
                [SymFunction] public static Image AlsoHidden(Image image) => image;
            }
            """, "Library", declareMediaTypes: false));
        var user = Compile("""
            public static class User
            {
                [SymFunction] internal static Audio Own(Audio audio) => audio;
            }
            """, "User", declareMediaTypes: false, library);

        var result = SymbolCatalogReader.Read(user, a => a.Name == "Library");

        Assert.Empty(result.Problems);
        Assert.Equal(new[] { "Shared", "Own" }, result.Catalog.Functions.Select(f => f.Name));
    }

    [Theory]
    [InlineData("ZoomIn", "zoom_in")]
    [InlineData("zoomIn", "zoom_in")]
    [InlineData("zoom_in", "zoom_in")]
    [InlineData("Alpha", "alpha")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("sampleRate", "sample_rate")]
    [InlineData("gainB", "gain_b")]
    [InlineData("Mode2D", "mode2_d")]
    [InlineData("PanUp", "pan_up")]
    [InlineData("x", "x")]
    public void Names_convert_to_snake_case(string name, string expected) =>
        Assert.Equal(expected, SymbolCatalogReader.ToSnakeCase(name));
}
