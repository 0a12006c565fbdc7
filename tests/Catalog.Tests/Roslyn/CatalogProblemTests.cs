using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Language.Catalog;
using Xunit;
using static SymbolicGen.Catalog.Tests.Roslyn.CatalogCompilation;

namespace SymbolicGen.Catalog.Tests.Roslyn;

public class CatalogProblemTests
{
    // Each case: a declaration with exactly one problem, the id, the text the problem points at, and the
    // message. A valid function beside it proves that only the invalid one is left out.
    public static TheoryData<string, string, string, string> Cases => new()
    {
        {
            "public static Image F(Image i, [SymParam(Min = 1, Max = 0)] double weight = 0.5) => i;",
            "SYM0501", "Min = 1", "'weight' has Min 1 above Max 0"
        },
        {
            "public static Image F(Image i, [SymParam(SymKind.Duration, Min = 60, Max = 0.5)] double d = 1) => i;",
            "SYM0501", "Min = 60", "'d' has Min 60 s above Max 0.5 s"
        },
        {
            "public static Image F(Image i, [SymParam(Max = double.NaN)] double weight = 0.5) => i;",
            "SYM0501", "Max = double.NaN", "'weight' has Max NaN; a bound must be a number"
        },
        {
            "public static Image F(Image i, [SymParam(SymKind.Duration, Min = 0.5, Max = 60)] double duration = 120) => i;",
            "SYM0502", "120", "'duration' defaults to 120 s; its range is 0.5 s to 60 s"
        },
        {
            "public static Image F(Image i, [SymParam(Min = 0)] int count = -1) => i;",
            "SYM0502", "-1", "'count' defaults to -1; its range is at least 0"
        },
        {
            "public static Image F(Image i, [SymParam(SymKind.Gain, Max = 12)] double gain = 20) => i;",
            "SYM0502", "20", "'gain' defaults to 20 dB; its range is at most 12 dB"
        },
        {
            "public static Image F(Image i, Fit fit = (Fit)7) => i;",
            "SYM0502", "(Fit)7", "'fit' defaults to 7, which is not a member of 'Fit'"
        },
        {
            "public static Image F(Image i, Size size = default) => i;",
            "SYM0502", "default", "'size' defaults to 0x0, which is not a size; give one with [SymParam(Default = \"1024x576\")]"
        },
        {
            "public static Image F(Image i, [SymParam(Default = \"big\")] Size size) => i;",
            "SYM0502", "Default = \"big\"", "'size' has Default 'big', which is not a size such as 1024x576"
        },
        {
            "public static Image F(Image i, [SymParam(Default = \"#12345\")] Color color) => i;",
            "SYM0502", "Default = \"#12345\"", "'color' has Default '#12345', which is not a colour such as #1e90ff"
        },
        {
            "public static Image F(Image i, [SymParam(SymKind.Ratio, Default = \"0.5\")] double amount = 0.5) => i;",
            "SYM0503", "Default = \"0.5\"", "'amount' is a Ratio; [SymParam(Default)] is for Size and Color parameters, others take the C# default value"
        },
        {
            "public static Image F(Image i, [SymParam(SymKind.Duration)] string length = \"\") => i;",
            "SYM0503", "SymKind.Duration", "'length' is a string and cannot be a Duration; Duration needs a number"
        },
        {
            "public static Image F(Image i, [SymParam(Kind = SymKind.Seed)] double seed = 0) => i;",
            "SYM0503", "Kind = SymKind.Seed", "'seed' is a number and cannot be a Seed; Seed needs an int or a long"
        },
        {
            "public static Image F(Image i, [SymParam(SymKind.Ratio)] Fit fit = Fit.Trim) => i;",
            "SYM0503", "SymKind.Ratio", "'fit' is an enum and cannot be a Ratio; Ratio needs a number"
        },
        {
            "public static Image F(Image i, [SymParam((SymKind)42)] double x = 0) => i;",
            "SYM0503", "(SymKind)42", "'x' has kind 42, which is not a member of SymKind"
        },
        {
            "public static Image F(Image i, [SymParam(Max = 3)] bool flag = false) => i;",
            "SYM0503", "Max = 3", "'flag' is a bool and cannot have a Min or Max"
        },
        {
            "public static Image F([SymParam(SymKind.Length)] Image i) => i;",
            "SYM0503", "SymParam(SymKind.Length)", "'i' is an input of type 'Image'; [SymParam] describes parameters, [SymPort] inputs"
        },
        {
            "public static Image F(Image i, DateTime when) => i;",
            "SYM0504", "DateTime",
            "'when' has type 'System.DateTime', which a function cannot take; use int, long, double, float, bool, string, an enum, Size, Color or a media type"
        },
        {
            "public static Image F(Image i, int? count = null) => i;",
            "SYM0504", "int?",
            "'count' has type 'int?', which a function cannot take; use int, long, double, float, bool, string, an enum, Size, Color or a media type"
        },
        {
            "public static Image F(Image i, [SymPort] int count) => i;",
            "SYM0504", "int", "'count' has type 'int'; [SymPort] describes media inputs (Image, Mask, Audio, Video, Text)"
        },
        {
            "public static Image F(ref Image i) => i;",
            "SYM0504", "Image", "'i' is passed by reference; function inputs and parameters are passed by value"
        },
        {
            "public static Image F(Image i, [SymParam(Summary = \"stop\")] CancellationToken token) => i;",
            "SYM0504", "SymParam(Summary = \"stop\")", "'token' is passed by the executor and is not an input or parameter; remove its [SymParam]"
        },
        {
            "public static Image F(Image i, [SymPort] IProgress<double> progress) => i;",
            "SYM0504", "SymPort", "'progress' is passed by the executor and is not an input or parameter; remove its [SymPort]"
        },
        {
            "public static Image F(Image i, string? note = null) => i;",
            "SYM0504", "null", "'note' defaults to null, which a parameter cannot have; default to \"\" instead"
        },
        {
            "public static int F(Image i) => 0;",
            "SYM0504", "int",
            "'F' returns 'int'; a function returns a media type (Image, Mask, Audio, Video, Text) or a tuple of them, optionally in a Task or ValueTask"
        },
        {
            "public static Task F(Image i) => Task.CompletedTask;",
            "SYM0504", "Task",
            "'F' returns 'System.Threading.Tasks.Task'; a function returns a media type (Image, Mask, Audio, Video, Text) or a tuple of them, optionally in a Task or ValueTask"
        },
        {
            "public static (Image, Mask) F(Image i) => default;",
            "SYM0504", "(Image, Mask)", "'F' returns a tuple without element names; name each output, e.g. (Image image, Mask mask)"
        },
        {
            "public static (Image image, int count) F(Image i) => default;",
            "SYM0504", "(Image image, int count)",
            "'F' returns 'int' in its tuple; every output must be a media type (Image, Mask, Audio, Video, Text)"
        },
        {
            "[return: SymPort(\"x\")] public static (Image a, Mask b) F(Image i) => default;",
            "SYM0504", "SymPort(\"x\")", "'F' returns a tuple; name its outputs by the tuple's element names instead of [return: SymPort]"
        },
        {
            "[return: SymPort(Optional = true)] public static Image F(Image i) => i;",
            "SYM0504", "Optional = true", "'F' marks its output optional; only inputs can be optional"
        },
        {
            "public static Image F<T>(Image i) => i;",
            "SYM0504", "F", "'F' is generic; a function's types must be fixed"
        },
        {
            "public static Image F(Image i, [SymParam(Name = \"2fast\")] int speed = 1) => i;",
            "SYM0504", "Name = \"2fast\"", "'2fast' cannot be an input or parameter name; use letters, digits and '_', not starting with a digit"
        },
        {
            "public static Image F(Image i, Empty e) => i;",
            "SYM0504", "Empty", "'Empty' has no members, so 'e' can have no value"
        },
        {
            "public static (Image bild, Mask maské) F(Image i) => default;",
            "SYM0504", "(Image bild, Mask maské)", "'maské' cannot be a port name; use letters, digits and '_', not starting with a digit"
        },
        {
            "public static Image F(Image image, [SymParam(Name = \"image\")] int size = 1) => image;",
            "SYM0505", "size", "'F' has two inputs or parameters named 'image'"
        },
        {
            "public static Image F(Image i, Clash clash = Clash.ZoomIn) => i;",
            "SYM0505", "Clash", "'Clash' has two members named 'zoom_in' in snake_case"
        },
        {
            "public static (Image fgMask, Mask fg_mask) F(Image i) => default;",
            "SYM0505", "(Image fgMask, Mask fg_mask)", "'F' has two outputs named 'fg_mask'"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_declaration_is_a_problem_at_its_location_and_is_left_out(string method, string id, string at, string message)
    {
        var result = Read($$"""
            public enum Fit { Trim, Loop }
            public enum Empty { }
            public enum Clash { ZoomIn, Zoom_In }
            public static class Functions
            {
                [SymFunction] public static Image Fine(Image image) => image;
                [SymFunction]
                {{method}}
            }
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((id, message), (problem.Id, problem.Message));
        Assert.Equal(at, TextAt(problem.Location));
        Assert.Equal(new[] { "Fine" }, result.Catalog.Functions.Select(f => f.Name));
    }

    [Fact]
    public void A_function_name_the_language_cannot_write_is_a_problem()
    {
        var problem = ReadProblem("""
            public static class F
            {
                [SymFunction("Image Blend")] public static Image Blend(Image image) => image;
            }
            """);

        Assert.Equal(("SYM0504", "'Image Blend' cannot be a function name; use letters, digits and '_', not starting with a digit"), (problem.Id, problem.Message));
        Assert.Equal("\"Image Blend\"", TextAt(problem.Location));
    }

    [Fact]
    public void Every_problem_of_a_function_is_reported_not_only_the_first()
    {
        var result = Read("""
            public static class F
            {
                [SymFunction]
                public static int Bad([SymParam(Min = 2, Max = 1)] double a, [SymParam(SymKind.Gain)] bool b, decimal c) => 0;
            }
            """);

        Assert.Equal(new[] { "SYM0501", "SYM0503", "SYM0504", "SYM0504" }, result.Problems.Select(p => p.Id));
        Assert.Empty(result.Catalog.Functions);
    }

    [Fact]
    public void Two_functions_with_the_same_name_keep_the_first_and_report_the_second()
    {
        var result = Read("""
            public static class A
            {
                [SymFunction(Summary = "first")] public static Image Blur(Image image) => image;
            }
            public static class B
            {
                [SymFunction("Blur")] public static Image Smooth(Image image) => image;
            }
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("SYM0505", "function 'Blur' is already declared by 'A.Blur'"), (problem.Id, problem.Message));
        Assert.Equal("Smooth", TextAt(problem.Location));
        Assert.Equal("first", Assert.Single(result.Catalog.Functions).Summary);
    }

    [Fact]
    public void A_source_function_named_like_a_referenced_one_is_the_duplicate()
    {
        var library = Emit(Compile("public static class Builtins { [SymFunction] public static Image Blur(Image image) => image; }", "Builtins", declareMediaTypes: false));
        var user = Compile("public static class Mine { [SymFunction] public static Image Blur(Image image) => image; }",
            "User", declareMediaTypes: false, library);

        var result = SymbolCatalogReader.Read(user, a => a.Name == "Builtins");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("SYM0505", "function 'Blur' is already declared by 'Builtins.Blur'"), (problem.Id, problem.Message));
        Assert.Equal("Blur", TextAt(problem.Location));
        Assert.Single(result.Catalog.Functions);
    }

    [Fact]
    public void Problems_of_a_referenced_assembly_point_into_its_metadata()
    {
        var library = Emit(Compile("public static class Builtins { [SymFunction] public static Image Bad(Image image, DateTime when) => image; }", "Builtins"));

        var result = SymbolCatalogReader.ReadReferences(Framework.Add(RuntimeReference).Add(library), a => a.Name == "Builtins");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("SYM0504", problem.Id);
        Assert.False(problem.Location.HasSpan);
        Assert.Equal(("Builtins", "Builtins.Bad"), (problem.Location.Path, problem.Location.Member));
        Assert.Empty(result.Catalog.Functions);
    }
}
