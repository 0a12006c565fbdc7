using System.Diagnostics;
using SymbolicGen.Language;
using SymbolicGen.Catalog.Json;
using SymbolicGen.Catalog.Roslyn;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Runtime;
using SymbolicGen.Tests.Catalogs;
using Xunit;
using Xunit.Abstractions;

namespace SymbolicGen.Analyzers.Tests.EndToEnd;

/// <summary>
/// Packs the SymbolicGen package, adds it by name to a fresh console project in a temporary folder, and
/// builds that project with the real SDK: what a user sees after <c>dotnet add package SymbolicGen</c>.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageConsumerTests(PackedPackage package, ITestOutputHelper log)
{
    private const string EchoFlow = """
        # An echoed beep.
        flow Echoed() -> (sound: Audio) {
            beep  = Beep(pitch: 440Hz)
            sound = Echo(beep, delay: 3s)
        }
        """;

    private const string Functions = """
        using SymbolicGen.Runtime;

        namespace Consumer;

        public static class EchoFunctions
        {
            [SymFunction(Summary = "A steady tone")]
            public static Audio Beep([SymParam(SymKind.Frequency, Min = 20, Max = 20000)] double pitch = 440) => Audio.Silence(System.TimeSpan.FromSeconds(1), 44100, 1);

            [SymFunction(Summary = "Repeat a sound after a delay")]
            public static Audio Echo(Audio input, [SymParam(SymKind.Duration, Min = 0, Max = 2)] double delay = 0.25) => input;

            [SymFunction]
            public static Audio Inverted(Audio input, [SymParam(Min = 1, Max = 0)] double weight = 0.5) => input;
        }
        """;

    // Functions over text, which need no TorchSharp native library, so that the consumer can run its pipeline.
    private const string TextFunctions = """
        using SymbolicGen.Runtime;

        namespace Consumer;

        public static class TextFunctions
        {
            [SymFunction(Summary = "Upper-case a text")]
            public static Text Upper(Text text) => text.Value.ToUpperInvariant();

            [SymFunction(Summary = "Repeat a text")]
            public static Text Repeat(Text text, [SymParam(Min = 1, Max = 5)] int times = 2, string separator = " ") =>
                string.Join(separator, System.Linq.Enumerable.Repeat(text.Value, times));
        }
        """;

    private const string GreetingFlow = """
        # Greets loudly.
        flow Greeting(name: Text, times: Int = 2) -> (greeting: Text) {
            loud     = Upper(name)
            greeting = Repeat(loud, times: times)
        }
        """;

    // A flow over the sample catalog file's functions (in namespace comfy): it checks and generates like any; running it
    // needs the 'comfyui' backend, which the consumer lacks.
    private const string ComfyFlow = SampleCatalog.SampleFlow;

    private static readonly string Catalog = SampleCatalog.Text;

    // The catalog with a default outside its parameter's range (steps 1 to 10000).
    private static readonly string BrokenCatalog = Catalog.Replace("\"max\": 10000, \"default\": 20", "\"max\": 10000, \"default\": 0");

    // Compiles against both generated pipelines and runs the one over text (the echo needs libtorch, which the
    // consumer does not carry: its API is compiled, not run).
    private const string Program = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Consumer.Workflows;
        using SymbolicGen.Runtime;

        Func<EchoedPipeline, Task<EchoedResult>> echo = pipeline => pipeline.RunAsync(CancellationToken.None);
        Console.WriteLine("echo nodes: " + EchoedPipeline.Definition.Nodes.Count);

        var greeting = new GreetingPipeline { Times = 3 };
        greeting.Nodes.Greeting.Separator = "-";
        await using var result = await greeting.RunAsync(new Text("hi"));
        Console.WriteLine("greeting: " + result.Greeting.Value);

        try
        {
            await using var sample = await new SamplePipeline { Prompt = "a lighthouse" }.RunAsync();
        }
        catch (SymbolicGen.Runtime.Execution.FlowExecutionException e)
        {
            Console.WriteLine("comfy: " + e.Message.Split('\n')[0]);
        }
        """;

    [Fact]
    public async Task A_consumer_build_reports_errors_generates_pipelines_that_run_and_follows_edits_of_its_sym_files()
    {
        var total = Stopwatch.StartNew();
        var consumer = Directory.CreateDirectory(Path.Combine(package.Root, "Consumer")).FullName;
        var cli = package.NewCli("Consumer");

        WriteConsumer(consumer, package.Feed);
        await Step(cli, "add package", consumer, 0, "add", "package", "SymbolicGen", "--version", package.Version);

        // 1. The out-of-range delay and the inverted range fail the build, each at its exact place.
        var output = await Step(cli, "build with errors", consumer, 1, Build);
        var (symLine, symColumn, symMessage) = ExpectedSymDiagnostic(EchoFlow, "SYM0203");
        Assert.Equal((4, 31), (symLine, symColumn));
        AssertLine(output, $"{Path.Combine(consumer, "workflows", "Echo.sym")}({symLine},{symColumn}): error SYM0203: {symMessage}");
        var (csLine, csColumn, csMessage) = ExpectedCatalogProblem("SYM0501");
        AssertLine(output, $"{Path.Combine(consumer, "Functions.cs")}({csLine},{csColumn}): error SYM0501: {csMessage}");

        var (jsonLine, jsonColumn, jsonMessage) = ExpectedCatalogFileProblem("SYM0502");
        AssertLine(output, $"{Path.Combine(consumer, "catalogs", "comfyui.symcatalog.json")}({jsonLine},{jsonColumn}): error SYM0502: {jsonMessage}");

        // The flow with an error has no pipeline class, so the program that uses it does not compile either.
        AssertLine(output, $"{Path.Combine(consumer, "Program.cs")}(7,6): error CS0246: The type or namespace name 'EchoedPipeline' could not be found (are you missing a using directive or an assembly reference?)");

        // 2. Fixed: the build succeeds; a delay without a unit is a warning. The program runs the generated pipeline.
        File.WriteAllText(Path.Combine(consumer, "workflows", "Echo.sym"), EchoFlow.Replace("delay: 3s", "delay: 1"));
        File.WriteAllText(Path.Combine(consumer, "Functions.cs"), Functions.Replace("Min = 1, Max = 0", "Min = 0, Max = 1"));
        File.WriteAllText(Path.Combine(consumer, "catalogs", "comfyui.symcatalog.json"), Catalog);
        output = await Step(cli, "build with a warning", consumer, 0, Build);
        Assert.Contains($"{Path.Combine(consumer, "workflows", "Echo.sym")}(4,31): warning SYM0206: ", output);
        output = await Step(cli, "run", consumer, 0, Run);
        AssertLine(output, "echo nodes: 2");
        AssertLine(output, "greeting: HI-HI-HI");
        AssertLine(output, "comfy: workflows/Comfy.sym(4): node 'checkpoint' (comfy.CheckpointLoaderSimple) cannot run: comfy.CheckpointLoaderSimple has no C# body and runs on the 'comfyui' backend, which is not registered; add it with FunctionRegistry.AddBackend");

        // 3. An .editorconfig beside the .sym file turns the warning off.
        File.WriteAllText(Path.Combine(consumer, "workflows", ".editorconfig"), "[*.sym]\ndotnet_diagnostic.SYM0206.severity = none\n");
        // A full rebuild, so that the compiler runs whatever the incremental checks decide.
        output = await Step(cli, "rebuild with the warning off", consumer, 0, [.. Build, "--no-incremental"]);
        Assert.DoesNotContain("SYM0206", output);
        Assert.Contains(" 0 Warning(s)", output);

        // 4. Editing the .sym file changes the generated API: the renamed flow parameter is the property the program now sets.
        File.WriteAllText(Path.Combine(consumer, "workflows", "Greeting.sym"), GreetingFlow.Replace("times: Int", "count: Int").Replace("times: times", "times: count"));
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), Program.Replace("Times = 3", "Count = 2"));
        await Step(cli, "build after editing the flow", consumer, 0, Build);
        output = await Step(cli, "run again", consumer, 0, Run);
        AssertLine(output, "greeting: HI-HI");

        log.WriteLine($"end-to-end total: {total.Elapsed.TotalSeconds:F1} s");
    }

    private static readonly string[] Build = ["build", "--no-restore", "-nodeReuse:false", "-tl:off"];

    private static readonly string[] Run = ["run", "--no-build", "--no-restore"];

    private async Task<string> Step(DotNetCli cli, string name, string directory, int expectedExitCode, params string[] arguments)
    {
        var watch = Stopwatch.StartNew();
        var (exitCode, output) = await cli.RunAsync(directory, arguments);
        log.WriteLine($"{name}: {watch.Elapsed.TotalSeconds:F1} s, exit code {exitCode}");
        Assert.True(exitCode == expectedExitCode, $"'dotnet {string.Join(' ', arguments)}' exited with {exitCode}, expected {expectedExitCode}:\n{output}");
        return output;
    }

    private void WriteConsumer(string directory, string feed)
    {
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <!-- No vulnerability audit: it would query nuget.org, and the test needs no network. -->
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
            </Project>
            """);
        DotNetCli.WriteNuGetConfig(directory, feed);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(directory, "Functions.cs"), Functions);
        File.WriteAllText(Path.Combine(directory, "TextFunctions.cs"), TextFunctions);
        Directory.CreateDirectory(Path.Combine(directory, "workflows"));
        File.WriteAllText(Path.Combine(directory, "workflows", "Echo.sym"), EchoFlow);
        File.WriteAllText(Path.Combine(directory, "workflows", "Greeting.sym"), GreetingFlow);
        File.WriteAllText(Path.Combine(directory, "workflows", "Comfy.sym"), ComfyFlow);
        Directory.CreateDirectory(Path.Combine(directory, "catalogs"));
        File.WriteAllText(Path.Combine(directory, "catalogs", "comfyui.symcatalog.json"), BrokenCatalog);
        // Keeps the repository's or the machine's .editorconfig files above the temporary folder out of the test.
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), "root = true\n");
    }

    private static void AssertLine(string output, string expectedStart)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r'));
        // MSBuild may append the help link and the project ('… (https://…) [/…/Consumer.csproj]') after the message.
        Assert.True(
            lines.Any(l => l == expectedStart || l.StartsWith(expectedStart + " ", StringComparison.Ordinal)),
            $"no line starts with:\n{expectedStart}\nin:\n{output}");
    }

    /// <summary>Where the checker puts <paramref name="id"/> in <paramref name="text"/>, and its message, against the consumer's functions.</summary>
    private static (int Line, int Column, string Message) ExpectedSymDiagnostic(string text, string id)
    {
        var compilation = SymCompiler.Compile(text, ConsumerCatalog().Catalog);
        var diagnostic = Assert.Single(compilation.Diagnostics, d => d.Id == id);
        var position = compilation.Lines.GetPosition(diagnostic.Start);
        return (position.Line, position.Column, diagnostic.Message);
    }

    /// <summary>Where the catalog reader puts <paramref name="id"/> in the consumer's Functions.cs, and its message.</summary>
    private static (int Line, int Column, string Message) ExpectedCatalogProblem(string id)
    {
        var problem = Assert.Single(ConsumerCatalog().Problems, p => p.Id == id);
        return (problem.Location.StartPosition.Line, problem.Location.StartPosition.Column, problem.Message);
    }

    /// <summary>Where the catalog-file reader puts <paramref name="id"/> in the consumer's broken catalog file, and its message.</summary>
    private static (int Line, int Column, string Message) ExpectedCatalogFileProblem(string id)
    {
        var problem = Assert.Single(JsonCatalogReader.Read("comfyui.symcatalog.json", BrokenCatalog).Problems, p => p.Id == id);
        return (problem.Location.StartPosition.Line, problem.Location.StartPosition.Column, problem.Message);
    }

    private static CatalogReadResult ConsumerCatalog() =>
        SymbolCatalogReader.Read(AnalyzerHarness.Compile([Functions]));
}
