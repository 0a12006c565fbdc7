using System.Diagnostics;
using System.Text;

namespace SymbolicGen.Analyzers.Tests.EndToEnd;

/// <summary>Runs the <c>dotnet</c> CLI in a child process, as a user would from a shell.</summary>
internal sealed class DotNetCli(string packagesFolder)
{
    // The SDK that runs these tests also runs the child builds; these variables would pin the child to the
    // parent's MSBuild instance instead of letting it resolve the SDK for its own project.
    private static readonly string[] InheritedMSBuildVariables = ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH"];

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="directory"/>; returns the exit code and the output (stdout and stderr).</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable())
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in InheritedMSBuildVariables) start.Environment.Remove(name);
        // A cache of its own, so that a package from an earlier run can never stand in for the one just packed.
        start.Environment["NUGET_PACKAGES"] = packagesFolder;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'dotnet {string.Join(' ', arguments)}' did not finish in 3 minutes:\n{output}");
        }
        await Task.WhenAll(stdout, stderr);
        return (process.ExitCode, output.ToString());
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output) output.AppendLine(line);
        }
    }

    /// <summary>A <c>nuget.config</c> in <paramref name="directory"/>: the SymbolicGen package from <paramref name="feed"/> only, anything else from nuget.org, looked up first in <paramref name="fallbackPackagesFolder"/> when one is given.</summary>
    public static void WriteNuGetConfig(string directory, string feed, string? fallbackPackagesFolder = null) =>
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="SymbolicGen" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
              {(fallbackPackagesFolder is null ? "" : $"<fallbackPackageFolders><add key=\"machine\" value=\"{fallbackPackagesFolder}\" /></fallbackPackageFolders>")}
            </configuration>
            """);

    // The muxer that runs this test when there is one (the SDK sets DOTNET_HOST_PATH for its children), else the one on PATH.
    private static string Executable() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
