using System.Reflection;
using Xunit;

namespace SymbolicGen.Analyzers.Tests.EndToEnd;

/// <summary>
/// The SymbolicGen package, packed once for the end-to-end tests into a local feed in a temporary folder,
/// under a version of its own (a NuGet cache never holds it from an earlier run).
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    /// <summary>The temporary folder: the feed, and whatever else the tests put there.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "symbolicgen-e2e-" + Guid.NewGuid().ToString("N"));

    /// <summary>The folder the package is in.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The package's version.</summary>
    public string Version { get; } = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

    /// <summary>A dotnet CLI whose NuGet cache is a folder of its own under <see cref="Root"/> (beside, never inside, a project: the SDK would compile the .cs files of packages).</summary>
    internal DotNetCli NewCli(string name) => new(Path.Combine(Root, "packages-" + name));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        // The runtime and the analyzers are already built (project references of this test project), in its configuration.
        var (exitCode, output) = await NewCli("pack").RunAsync(SymbolicGen.Language.Tests.Repository.Root,
            "pack", "src/Runtime/SymbolicGen.Runtime.csproj", "--no-build", "--no-restore", "-c", BuildConfiguration(), "-o", Feed,
            $"-p:PackageVersion={Version}", $"-p:NuspecOutputPath={Path.Combine(Root, "nuspec")}/", "-nodeReuse:false", "-tl:off");
        if (exitCode != 0) throw new InvalidOperationException($"packing SymbolicGen exited with {exitCode}:\n{output}");
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temporary folder is the system's to clean.
        }
        return Task.CompletedTask;
    }

    private static string BuildConfiguration() =>
        typeof(PackedPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BuildConfiguration").Value!;
}

/// <summary>The end-to-end tests share one packed package (and run one after the other).</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed package";
}
