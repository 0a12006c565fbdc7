using System.Buffers.Binary;
using SymbolicGen.Runtime.IO;
using Xunit;
using Xunit.Abstractions;

namespace SymbolicGen.Analyzers.Tests.EndToEnd;

/// <summary>
/// samples/Postcard, the smallest real consumer the README points to, built from the packed package exactly as
/// it is in the repository (only its package version and feed are this run's) and run on a photo.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PostcardSampleTests(PackedPackage package, ITestOutputHelper log)
{
    [Fact]
    public async Task The_sample_builds_without_warnings_and_makes_a_captioned_card_and_a_clip_with_sound()
    {
        var repository = SymbolicGen.Language.Tests.Repository.Root;
        var copy = Path.Combine(package.Root, "sample");
        CopyDirectory(Path.Combine(repository, "samples"), Path.Combine(copy, "samples"));
        var photo = Path.Combine(copy, "workflows", "assets", "ruins.png");
        Directory.CreateDirectory(Path.GetDirectoryName(photo)!);
        foreach (var asset in new[] { "jungle.png", "ruins.png" })
            File.Copy(Path.Combine(repository, "workflows", "assets", asset), Path.Combine(copy, "workflows", "assets", asset));
        var project = Path.Combine(copy, "samples", "Postcard");
        // This run's feed for SymbolicGen; the machine's package folder as a fallback, so that TorchSharp's
        // native libraries (≈ 600 MB) are not extracted again into the test's own NuGet cache.
        DotNetCli.WriteNuGetConfig(Path.Combine(copy, "samples"), package.Feed, MachinePackagesFolder());
        var cli = package.NewCli("sample");

        await Step(cli, "add package", project, "add", "package", "SymbolicGen", "--version", package.Version);
        var build = await Step(cli, "build", project, "build", "-nodeReuse:false", "-tl:off");
        Assert.Contains(" 0 Warning(s)", build);
        var outDirectory = Path.Combine(copy, "out");
        var run = await Step(cli, "run", project, "run", "--no-build", "--", photo, "Ruins, day three", outDirectory);

        Assert.Contains("TextOverlay  Computed", run);
        var card = Path.Combine(outDirectory, "card.png");
        Assert.Equal(PngSize(photo), PngSize(card));
        Assert.NotEqual(File.ReadAllBytes(photo), File.ReadAllBytes(card));
        var clip = await VideoFile.ProbeAsync(Path.Combine(outDirectory, "clip.mp4"));
        Assert.Equal(("h264", "aac"), (clip.VideoCodec, clip.AudioCodec));
        Assert.Equal(PngSize(photo), (clip.Width, clip.Height));
        Assert.Equal(24, clip.Fps, 3);
        Assert.Equal(72, clip.FrameCount); // Seconds = 3 set by the program, 24 fps from the .sym file
    }

    private async Task<string> Step(DotNetCli cli, string name, string directory, params string[] arguments)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (exitCode, output) = await cli.RunAsync(directory, arguments);
        log.WriteLine($"{name}: {watch.Elapsed.TotalSeconds:F1} s, exit code {exitCode}");
        Assert.True(exitCode == 0, $"'dotnet {string.Join(' ', arguments)}' exited with {exitCode}:\n{output}");
        return output;
    }

    // Width and height from the IHDR chunk, which every PNG starts with.
    private static (int Width, int Height) PngSize(string path)
    {
        var header = File.ReadAllBytes(path).AsSpan(16, 8);
        return (BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header[4..]));
    }

    private static string MachinePackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }
}
