using System.Reflection;
using SymbolicGen.Build;
using Xunit;

namespace SymbolicGen.Runtime.Tests;

/// <summary>The ELF patch of DESIGN §5 on copies of TorchSharp's own libLibTorchSharp.so.</summary>
public sealed class ElfPatcherTests : IDisposable
{
    private const string Version = "GLIBCXX_3.4.32";
    private readonly TempFolder _folder = new();

    private static string PackageLibrary =>
        Path.Combine(
            typeof(ElfPatcherTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TorchSharpPackage").Value!,
            "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    private static string OutputLibrary => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    public void Dispose() => _folder.Dispose();

    private string CopyOfPackageLibrary()
    {
        var copy = _folder.File("libLibTorchSharp.so");
        File.Copy(PackageLibrary, copy);
        return copy;
    }

    [Fact]
    public void The_patch_sets_the_weak_flag_and_changes_nothing_else()
    {
        var copy = CopyOfPackageLibrary();
        var original = File.ReadAllBytes(copy);
        Assert.Equal((ushort)0, ElfVersionPatcher.VersionNeedFlags(copy, Version));

        Assert.Equal(ElfPatchOutcome.Patched, ElfVersionPatcher.WeakenVersionNeed(copy, Version));

        Assert.Equal(ElfVersionPatcher.VerFlgWeak, ElfVersionPatcher.VersionNeedFlags(copy, Version));
        var patched = File.ReadAllBytes(copy);
        Assert.Equal(original.Length, patched.Length);
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToArray();
        var offset = Assert.Single(changed);
        Assert.Equal(original[offset] | ElfVersionPatcher.VerFlgWeak, patched[offset]);
        // Only the patched file is left in the folder: the temporary file is gone.
        Assert.Equal(new[] { "libLibTorchSharp.so" }, _folder.Names());
    }

    [Fact]
    public void A_second_run_is_a_no_op_that_does_not_touch_the_file()
    {
        var copy = CopyOfPackageLibrary();
        ElfVersionPatcher.WeakenVersionNeed(copy, Version);
        var bytes = File.ReadAllBytes(copy);
        var written = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(copy, written);

        Assert.Equal(ElfPatchOutcome.AlreadyWeak, ElfVersionPatcher.WeakenVersionNeed(copy, Version));

        Assert.Equal(bytes, File.ReadAllBytes(copy));
        Assert.Equal(written, File.GetLastWriteTimeUtc(copy));
    }

    [Fact]
    public void Other_versions_are_left_alone()
    {
        var copy = CopyOfPackageLibrary();
        var original = File.ReadAllBytes(copy);
        Assert.Equal((ushort)0, ElfVersionPatcher.VersionNeedFlags(copy, "GLIBCXX_3.4.30"));
        Assert.Null(ElfVersionPatcher.VersionNeedFlags(copy, "GLIBCXX_9.9"));
        Assert.Equal(ElfPatchOutcome.VersionNotNeeded, ElfVersionPatcher.WeakenVersionNeed(copy, "GLIBCXX_9.9"));
        ElfVersionPatcher.WeakenVersionNeed(copy, Version);
        Assert.Equal((ushort)0, ElfVersionPatcher.VersionNeedFlags(copy, "GLIBCXX_3.4.30"));
        Assert.Equal(original.Length, File.ReadAllBytes(copy).Length);
    }

    [Fact]
    public void Patching_through_a_symbolic_link_never_writes_to_the_link_s_target()
    {
        // The build output may link to the NuGet cache; the patch must replace the link, not write through it.
        var target = CopyOfPackageLibrary();
        var link = _folder.File("linked.so");
        File.CreateSymbolicLink(link, target);

        Assert.Equal(ElfPatchOutcome.Patched, ElfVersionPatcher.WeakenVersionNeed(link, Version));

        Assert.Equal((ushort)0, ElfVersionPatcher.VersionNeedFlags(target, Version));
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.Equal(ElfVersionPatcher.VerFlgWeak, ElfVersionPatcher.VersionNeedFlags(link, Version));
    }

    [Fact]
    public void Files_that_are_not_64_bit_ELF_are_refused_without_being_changed()
    {
        var text = _folder.File("not-elf.so");
        File.WriteAllText(text, "just text, long enough to have a header's worth of bytes in it, and then some more");
        Assert.Contains("not an ELF file", Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.WeakenVersionNeed(text, Version)).Message);

        var truncated = _folder.File("truncated.so");
        File.WriteAllBytes(truncated, File.ReadAllBytes(PackageLibrary)[..4096]);
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.WeakenVersionNeed(truncated, Version));
        Assert.Contains("truncated.so", e.Message);
        Assert.Equal(4096, new FileInfo(truncated).Length);
    }

    [Fact]
    public void The_system_libstdcxx_is_found_and_its_versions_read()
    {
        var system = ElfVersionPatcher.FindSystemLibStdCxx();
        Assert.NotNull(system);
        Assert.True(ElfVersionPatcher.DefinesVersion(system!, "GLIBCXX_3.4"));
        Assert.False(ElfVersionPatcher.DefinesVersion(system!, "GLIBCXX_9.9"));
    }

    [Fact]
    public void The_build_patched_this_test_s_output_copy_exactly_when_the_system_needs_it_and_never_the_package()
    {
        var systemHasVersion = ElfVersionPatcher.DefinesVersion(ElfVersionPatcher.FindSystemLibStdCxx()!, Version);
        var flags = ElfVersionPatcher.VersionNeedFlags(OutputLibrary, Version);
        Assert.Equal(!systemHasVersion, (flags & ElfVersionPatcher.VerFlgWeak) != 0);
        Assert.Equal((ushort)0, ElfVersionPatcher.VersionNeedFlags(PackageLibrary, Version));
    }
}
