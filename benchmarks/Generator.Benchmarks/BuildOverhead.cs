using System.Diagnostics;
using System.Globalization;
using SymbolicGen.Analyzers.Tests.EndToEnd;

namespace SymbolicGen.Generator.Benchmarks;

/// <summary>
/// Issue 3's build-time figure: <c>dotnet build</c> of a console project that references the packed SymbolicGen
/// package, with N <c>.sym</c> files (<see cref="Project.Flow"/>) against the same project without them. Both are
/// restored once, then built alternately (<c>--no-incremental</c>, so that every build compiles) and compared by
/// their best and median times, in both ways the compiler can run: a fresh <c>csc</c> process per build (what
/// <c>UseSharedCompilation=false</c> gives, as on CI machines, which JIT-compiles every analyzer and generator
/// each time) and the SDK's default compiler server (warm after the first build, as on developers' machines).
/// </summary>
internal static class BuildOverhead
{
    private const string Program = """
        using Bench;
        using SymbolicGen.Runtime;

        System.Console.WriteLine(TextFunctions.Repeat(new Text("hi")).Value);
        """;

    public static async Task RunAsync(int files, int rounds)
    {
        var root = Directory.CreateTempSubdirectory("symbolicgen-build-").FullName;
        try
        {
            var cli = new DotNetCli(Path.Combine(root, "packages"));
            var feed = Path.Combine(root, "feed");
            var version = "0.1.0-bench." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            await Step(cli, SymbolicGen.Language.Tests.Repository.Root, "pack", "src/Runtime/SymbolicGen.Runtime.csproj", "-c", "Release", "-o", feed, $"-p:PackageVersion={version}", "-nodeReuse:false");
            var without = Consumer(Path.Combine(root, "without"), feed, version, 0);
            var with = Consumer(Path.Combine(root, "with"), feed, version, files);
            foreach (var project in new[] { without, with }) await Step(cli, project, "restore");
            Console.WriteLine($"dotnet build --no-restore --no-incremental, {rounds} alternating rounds, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
            Console.WriteLine("| compiler | project | best | median | ratio (best) | ratio (median) |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|");
            foreach (var (compiler, shared) in new[] { ("a csc process per build", false), ("compiler server", true) })
            {
                string[] build = [.. Build, "-p:UseSharedCompilation=" + (shared ? "true" : "false")];
                // One build each first: the server starts, and both projects' outputs exist.
                foreach (var project in new[] { without, with }) await Step(cli, project, build);
                var times = new Dictionary<string, List<double>> { [without] = [], [with] = [] };
                for (var round = 0; round < rounds; round++)
                {
                    foreach (var project in new[] { without, with })
                    {
                        var watch = Stopwatch.StartNew();
                        await Step(cli, project, build);
                        times[project].Add(watch.Elapsed.TotalSeconds);
                    }
                }
                Console.WriteLine($"| {compiler} | without .sym files | {Best(times[without]):0.00} s | {Median(times[without]):0.00} s | 1.00 | 1.00 |");
                Console.WriteLine($"| {compiler} | with {files} .sym files | {Best(times[with]):0.00} s | {Median(times[with]):0.00} s | {Best(times[with]) / Best(times[without]):0.00} | {Median(times[with]) / Median(times[without]):0.00} |");
            }
        }
        finally
        {
            // The server the second half started would otherwise keep the packed analyzers loaded.
            await Step(new DotNetCli(Path.Combine(root, "packages")), root, "build-server", "shutdown");
            Directory.Delete(root, recursive: true);
        }
    }

    private static readonly string[] Build = ["build", "--no-restore", "--no-incremental", "-nologo", "-v", "q"];

    private static string Consumer(string directory, string feed, string version, int files)
    {
        Directory.CreateDirectory(Path.Combine(directory, "workflows"));
        File.WriteAllText(Path.Combine(directory, "Bench.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SymbolicGen" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        DotNetCli.WriteNuGetConfig(directory, feed);
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(directory, "Functions.cs"), Project.Functions);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        for (var i = 0; i < files; i++)
            File.WriteAllText(Path.Combine(directory, "workflows", $"Bench{i}.sym"), Project.Flow(i, 5));
        return directory;
    }

    private static async Task Step(DotNetCli cli, string directory, params string[] arguments)
    {
        var (exitCode, output) = await cli.RunAsync(directory, arguments);
        if (exitCode != 0) throw new InvalidOperationException($"'dotnet {string.Join(' ', arguments)}' in {directory} exited with {exitCode}:\n{output}");
    }

    private static double Best(List<double> times) => times.Min();

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
}
