using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymbolicGen.Runtime;

namespace SymbolicGen.Generator.Tests;

/// <summary>
/// .sym content written to break out of generated code: every file either gets a diagnostic and no code,
/// or compiles to exactly the types and members the flow calls for, with its text kept as data.
/// </summary>
public sealed class HostileInputTests
{
    public static TheoryData<string, string> Rejected => new()
    {
        // Not ASCII: a Cyrillic 'Ј' and a zero-width space are not identifier characters of the language.
        { "look-alike", "flow \u0408ungle(text: Text) -> (out: Text) {\n    out = Case(text)\n}\n" },
        { "zero-width", "flow Jun\u200Bgle(text: Text) -> (out: Text) {\n    out = Case(text)\n}\n" },
        { "C# in a flow", "flow Cs(text: Text) -> (out: Text) {\n    out = Case(text); } public class Evil { void M() {\n}\n" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Content_the_language_rejects_generates_nothing(string name, string text)
    {
        var run = GeneratorHarness.Generate([("/proj/hostile.sym", text)]);
        Assert.DoesNotContain(Emit.PipelineEmitter.HintName("hostile.sym"), run.Hints);
        // The analyzer reports the file's errors; the generator adds nothing of its own.
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(name.Length > 0);
    }

    [Fact]
    public void Keywords_as_names_become_safe_CSharp_names_and_the_flow_runs()
    {
        const string text = """
            flow class(base: Text, int: Int = 2) -> (event: Text) {
                return = Repeat(base, times: int, separator: "+")
                event = Case(return, casing: lower)
            }
            """;
        var run = GeneratorHarness.Generate([("/proj/keywords.sym", text)]);
        AssertExactly(run, "keywords.sym",
            ["ClassPipeline", "ClassPipeline.NodeSet", "ClassResult"],
            ("ClassPipeline", ["Definition", "Executor", "Nodes", "Int", "RunAsync"]),
            ("ClassPipeline.NodeSet", ["Return", "Event"]),
            ("ClassResult", ["Event"]));
        var source = run.Source(Emit.PipelineEmitter.HintName("keywords.sym"));
        Assert.Contains("RunAsync(global::SymbolicGen.Runtime.Text baseValue,", source);
    }

    [Fact]
    public async Task Strings_comments_and_directives_in_the_file_stay_data()
    {
        const string evil = "\"); System.Environment.Exit(1); //";
        var text =
            "# */ public class Evil1 { } /*\n" +
            "# #line 1 \"evil.cs\"\n" +
            "# <summary>injected</summary> & more\n" +
            "flow Quoted(text: Text) -> (out: Text) {\n" +
            "    # }}} public class Evil2 { {{{\n" +
            "    out = Repeat(text, times: 2, separator: \"" + evil.Replace("\"", "\\\"") + "\\n\u2028#line 5\")\n" +
            "}\n";
        var run = GeneratorHarness.Generate([("/proj/quoted.sym", text)]);
        AssertExactly(run, "quoted.sym",
            ["QuotedPipeline", "QuotedPipeline.NodeSet", "QuotedResult"],
            ("QuotedPipeline", ["Definition", "Executor", "Nodes", "RunAsync"]),
            ("QuotedResult", ["Out"]));
        var source = run.Source(Emit.PipelineEmitter.HintName("quoted.sym"));
        Assert.Contains("/// */ public class Evil1 { } /*", source);
        Assert.Contains("/// &lt;summary&gt;injected&lt;/summary&gt; &amp; more", source);

        var pipeline = Activator.CreateInstance(GeneratorHarness.Load(run.Output).GetType("TestApp.Workflows.QuotedPipeline", true)!)!;
        var task = (Task)pipeline.GetType().GetMethod("RunAsync", [typeof(Text), typeof(CancellationToken)])!.Invoke(pipeline, [new Text("x"), CancellationToken.None])!;
        await task;
        await using var result = (IAsyncDisposable)task.GetType().GetProperty("Result")!.GetValue(task)!;
        Assert.Equal("x" + evil + "\n\u2028#line 5" + "x", ((Text)result.GetType().GetProperty("Out")!.GetValue(result)!).Value);
    }

    [Fact]
    public void Line_separators_in_comments_do_not_end_the_generated_comment()
    {
        const string text = "# note\u2028public class Evil1 { }\u2029public class Evil2 { }\u0085public class Evil3 { }\r\nflow Sep(text: Text) -> (out: Text) {\n    out = Case(text)\n}\n";
        var run = GeneratorHarness.Generate([("/proj/separators.sym", text)]);
        AssertExactly(run, "separators.sym",
            ["SepPipeline", "SepPipeline.NodeSet", "SepResult"],
            ("SepPipeline", ["Definition", "Executor", "Nodes", "RunAsync"]));
        var source = run.Source(Emit.PipelineEmitter.HintName("separators.sym"));
        Assert.Contains("/// note public class Evil1 { } public class Evil2 { } public class Evil3 { }", source);
        Assert.DoesNotContain('\u2028', source);
        Assert.DoesNotContain('\u2029', source);
        Assert.DoesNotContain('\u0085', source);
    }

    [Fact]
    public void A_very_long_name_is_reported_and_a_long_one_is_generated()
    {
        var tooLong = "F" + new string('a', Emit.CSharp.MaxNameLength);
        var longName = "F" + new string('b', 200);
        var run = GeneratorHarness.Generate([
            ("/proj/long.sym", $"flow {tooLong}(text: Text) -> (out: Text) {{\n    out = Case(text)\n}}\n"),
            ("/proj/fine.sym", $"flow {longName}(text: Text) -> (out: Text) {{\n    out = Case(text)\n}}\n"),
        ]);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SYM0401", diagnostic.Id);
        Assert.Contains("generated names are limited to 256", diagnostic.GetMessage());
        Assert.Equal((0, 5), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.DoesNotContain(Emit.PipelineEmitter.HintName("long.sym"), run.Hints);
        Assert.Contains($"public sealed partial class {longName}Pipeline", run.Source(Emit.PipelineEmitter.HintName("fine.sym")));
    }

    [Fact]
    public void Hint_names_are_sanitized_and_unique_per_path()
    {
        var names = new[] { "a-b.sym", "a_b.sym", "dir/a b.sym", "../x.sym", new string('d', 150) + "/e.sym" }.Select(Emit.PipelineEmitter.HintName).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches("^[A-Za-z0-9_.]+$", n));
        Assert.All(names, n => Assert.True(n.Length <= 100 + ".12345678.g.cs".Length, n));
    }

    // Every type and member the file's code declares is one the flow calls for: nothing smuggled in.
    private static void AssertExactly(GeneratorHarness.Run run, string file, string[] types, params (string Type, string[] Members)[] members)
    {
        var tree = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith(Emit.PipelineEmitter.HintName(file), StringComparison.Ordinal));
        var root = tree.GetRoot();
        var declared = root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(FullName).ToList();
        Assert.Equal(types.OrderBy(t => t, StringComparer.Ordinal), declared.OrderBy(t => t, StringComparer.Ordinal));
        foreach (var (type, expected) in members)
        {
            var declaration = root.DescendantNodes().OfType<TypeDeclarationSyntax>().Single(t => FullName(t) == type);
            var publicMembers = declaration.Members
                .Where(m => m.Modifiers.Any(SyntaxKind.PublicKeyword) && m is not ConstructorDeclarationSyntax and not BaseTypeDeclarationSyntax)
                .Select(Name).Distinct();
            Assert.Equal(expected.OrderBy(m => m, StringComparer.Ordinal), publicMembers.OrderBy(m => m, StringComparer.Ordinal));
        }
        var directives = root.DescendantTrivia(descendIntoTrivia: true).Where(t => t.IsDirective).Select(t => t.ToString().Trim()).Distinct();
        Assert.Equal(["#nullable enable annotations", "#nullable disable warnings", "#pragma warning disable CS1591"], directives);
    }

    private static string FullName(BaseTypeDeclarationSyntax type) =>
        type.Parent is BaseTypeDeclarationSyntax parent ? FullName(parent) + "." + type.Identifier.Text : type.Identifier.Text;

    private static string Name(MemberDeclarationSyntax member) => member switch
    {
        PropertyDeclarationSyntax p => p.Identifier.Text,
        MethodDeclarationSyntax m => m.Identifier.Text,
        FieldDeclarationSyntax f => f.Declaration.Variables.Single().Identifier.Text,
        _ => member.Kind().ToString(),
    };
}
