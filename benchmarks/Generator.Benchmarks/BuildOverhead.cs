using System.Diagnostics;
using System.Globalization;
using SymbolicGen.Analyzers.Tests.EndToEnd;

namespace SymbolicGen.Generator.Benchmarks;

/// <summary>
/// Issue 3's build-time figure: <c>dotnet build</c> of a console project that references the packed SymbolicGen
/// package, with N <c>.sym</c> files (<see cref="Project.Flow"/>) against the same project without them, and the
/// same files with <c>SymbolicGenNodeObjects=false</c> (pipelines without node objects). All are restored once,
/// then built alternately (<c>--no-incremental</c>, so that every build compiles) and compared by
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
            // The baseline first; the last project generates pipelines without node objects (SymbolicGenNodeObjects=false).
            (string Name, string Directory)[] projects =
            [
                ("without .sym files", Consumer(Path.Combine(root, "without"), feed, version, 0, nodeObjects: true)),
                ($"with {files} .sym files", Consumer(Path.Combine(root, "with"), feed, version, files, nodeObjects: true)),
                ($"with {files} .sym files, no node objects", Consumer(Path.Combine(root, "lean"), feed, version, files, nodeObjects: false)),
            ];
            foreach (var project in projects) await Step(cli, project.Directory, "restore");
            Console.WriteLine($"dotnet build --no-restore --no-incremental, {rounds} alternating rounds, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
            Console.WriteLine("| compiler | project | best | median | ratio (best) | ratio (median) |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|");
            foreach (var (compiler, shared) in new[] { ("a csc process per build", false), ("compiler server", true) })
            {
                string[] build = [.. Build, "-p:UseSharedCompilation=" + (shared ? "true" : "false")];
                // One build each first: the server starts, and every project's outputs exist.
                foreach (var project in projects) await Step(cli, project.Directory, build);
                var times = projects.Select(_ => new List<double>()).ToArray();
                for (var round = 0; round < rounds; round++)
                {
                    for (var i = 0; i < projects.Length; i++)
                    {
                        var watch = Stopwatch.StartNew();
                        await Step(cli, projects[i].Directory, build);
                        times[i].Add(watch.Elapsed.TotalSeconds);
                    }
                }
                for (var i = 0; i < projects.Length; i++)
                    Console.WriteLine($"| {compiler} | {projects[i].Name} | {Best(times[i]):0.00} s | {Median(times[i]):0.00} s | {Best(times[i]) / Best(times[0]):0.00} | {Median(times[i]) / Median(times[0]):0.00} |");
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

    private static string Consumer(string directory, string feed, string version, int files, bool nodeObjects)
    {
        Directory.CreateDirectory(Path.Combine(directory, "workflows"));
        File.WriteAllText(Path.Combine(directory, "Bench.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <NuGetAudit>false</NuGetAudit>
                <SymbolicGenNodeObjects>{(nodeObjects ? "true" : "false")}</SymbolicGenNodeObjects>
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
