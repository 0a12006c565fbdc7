// The GLIBCXX fix of DESIGN §5, compiled by MSBuild's RoslynCodeTaskFactory from
// SymbolicGen.Runtime.targets (and, without the MSBuild task, by tests/Runtime.Tests).
//
// TorchSharp 0.107.0's libLibTorchSharp.so asks for GLIBCXX_3.4.32 for one symbol,
// std::ios_base_library_init(), which it never calls; Debian 12's libstdc++ stops at GLIBCXX_3.4.30,
// so the dynamic loader refuses the library. Setting VER_FLG_WEAK on that version's Vernaux entry in
// .gnu.version_r turns the missing version from a load error into nothing at all (the loader only
// mentions weak versions under LD_DEBUG). The patch is applied to the copy in the build or publish
// output, never the NuGet cache, and only through a temporary file that replaces the output copy, so a
// hard- or symbolic-linked copy never writes through to the cache.
//
// This file must compile against netstandard2.0 (Visual Studio's MSBuild runs on .NET Framework).
#nullable enable
using System;
using System.IO;
using System.Text;
#if !SYMBOLICGEN_ELF_PATCHER_ONLY
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
#endif

namespace SymbolicGen.Build
{
    /// <summary>What <see cref="ElfVersionPatcher.WeakenVersionNeed"/> found and did.</summary>
    public enum ElfPatchOutcome
    {
        /// <summary>The flag was set and the file rewritten.</summary>
        Patched,
        /// <summary>The version's entry already had the weak flag: nothing was written.</summary>
        AlreadyWeak,
        /// <summary>The file does not ask for that version: nothing was written.</summary>
        VersionNotNeeded,
    }

    /// <summary>Reads and patches the symbol-versioning sections of 64-bit little-endian ELF files.</summary>
    public static class ElfVersionPatcher
    {
        /// <summary>SHT_GNU_verdef: the versions a library defines.</summary>
        public const uint ShtGnuVerdef = 0x6ffffffd;

        /// <summary>SHT_GNU_verneed: the versions a file needs from its dependencies.</summary>
        public const uint ShtGnuVerneed = 0x6ffffffe;

        /// <summary>VER_FLG_WEAK: a missing version is not an error.</summary>
        public const ushort VerFlgWeak = 0x2;

        /// <summary>
        /// Sets VER_FLG_WEAK on the Vernaux entry named <paramref name="version"/> in <paramref name="path"/>'s
        /// .gnu.version_r section. Idempotent; when a change is needed the file is replaced through a
        /// temporary file in the same folder, so the bytes other than the two flag bytes stay the same and
        /// a linked copy never writes through to its target.
        /// </summary>
        /// <exception cref="InvalidDataException">The file is not a well-formed 64-bit little-endian ELF file.</exception>
        public static ElfPatchOutcome WeakenVersionNeed(string path, string version)
        {
            var bytes = File.ReadAllBytes(path);
            var flagsOffset = FindVernauxFlags(bytes, version, path);
            if (flagsOffset < 0) return ElfPatchOutcome.VersionNotNeeded;
            var flags = U16(bytes, flagsOffset);
            if ((flags & VerFlgWeak) != 0) return ElfPatchOutcome.AlreadyWeak;

            flags |= VerFlgWeak;
            bytes[flagsOffset] = (byte)(flags & 0xff);
            bytes[flagsOffset + 1] = (byte)(flags >> 8);

            var full = Path.GetFullPath(path);
            var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllBytes(temp, bytes);
                File.Replace(temp, full, null);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            return ElfPatchOutcome.Patched;
        }

        /// <summary>The flags of the Vernaux entry named <paramref name="version"/>, or null when the file does not need it.</summary>
        /// <exception cref="InvalidDataException">The file is not a well-formed 64-bit little-endian ELF file.</exception>
        public static ushort? VersionNeedFlags(string path, string version)
        {
            var bytes = File.ReadAllBytes(path);
            var offset = FindVernauxFlags(bytes, version, path);
            return offset < 0 ? (ushort?)null : U16(bytes, offset);
        }

        /// <summary>True when the ELF library at <paramref name="path"/> defines <paramref name="version"/> (.gnu.version_d).</summary>
        /// <exception cref="InvalidDataException">The file is not a well-formed 64-bit little-endian ELF file.</exception>
        public static bool DefinesVersion(string path, string version)
        {
            var bytes = File.ReadAllBytes(path);
            foreach (var section in Sections(bytes, path))
            {
                if (section.Type != ShtGnuVerdef) continue;
                var strings = StringTable(bytes, section.Link, path);
                // Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32.
                var entry = section.Offset;
                for (ulong i = 0; i < section.Info; i++)
                {
                    Need(bytes, entry, 20, path);
                    var count = U16(bytes, entry + 6);
                    var aux = entry + U32(bytes, entry + 12);
                    for (var j = 0; j < count; j++)
                    {
                        // Verdaux: vda_name u32, vda_next u32.
                        Need(bytes, aux, 8, path);
                        if (NameEquals(bytes, strings, U32(bytes, aux), version, path)) return true;
                        var next = U32(bytes, aux + 4);
                        if (next == 0) break;
                        aux += next;
                    }
                    var nextEntry = U32(bytes, entry + 16);
                    if (nextEntry == 0) break;
                    entry += nextEntry;
                }
            }
            return false;
        }

        /// <summary>The file offset of vna_flags of the Vernaux entry named <paramref name="version"/>, or -1.</summary>
        private static long FindVernauxFlags(byte[] bytes, string version, string path)
        {
            foreach (var section in Sections(bytes, path))
            {
                if (section.Type != ShtGnuVerneed) continue;
                var strings = StringTable(bytes, section.Link, path);
                // Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32; sh_info entries.
                var entry = section.Offset;
                for (ulong i = 0; i < section.Info; i++)
                {
                    Need(bytes, entry, 16, path);
                    var count = U16(bytes, entry + 2);
                    var aux = entry + U32(bytes, entry + 8);
                    for (var j = 0; j < count; j++)
                    {
                        // Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                        Need(bytes, aux, 16, path);
                        if (NameEquals(bytes, strings, U32(bytes, aux + 8), version, path)) return aux + 4;
                        var next = U32(bytes, aux + 12);
                        if (next == 0) break;
                        aux += next;
                    }
                    var nextEntry = U32(bytes, entry + 12);
                    if (nextEntry == 0) break;
                    entry += nextEntry;
                }
            }
            return -1;
        }

        private struct Section
        {
            public uint Type;
            public long Offset;
            public long Size;
            public uint Link;
            public uint Info;
        }

        private static Section[] Sections(byte[] bytes, string path)
        {
            // e_ident: 0x7f 'E' 'L' 'F', EI_CLASS 2 = ELFCLASS64, EI_DATA 1 = little-endian.
            if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
                throw new InvalidDataException(path + " is not an ELF file");
            if (bytes[4] != 2 || bytes[5] != 1)
                throw new InvalidDataException(path + " is not a 64-bit little-endian ELF file");
            var shoff = (long)U64(bytes, 0x28);
            var shentsize = U16(bytes, 0x3a);
            long shnum = U16(bytes, 0x3c);
            if (shoff == 0) return new Section[0];
            if (shentsize < 64) throw new InvalidDataException(path + ": ELF section header size " + shentsize + " is too small");
            if (shnum == 0)
            {
                // More than 0xff00 sections: the real count is in section 0's sh_size.
                Need(bytes, shoff, 64, path);
                shnum = (long)U64(bytes, shoff + 0x20);
            }
            if (shnum < 0 || shnum > (bytes.Length - shoff) / shentsize)
                throw new InvalidDataException(path + ": ELF section headers run past the end of the file");
            var sections = new Section[shnum];
            for (long i = 0; i < shnum; i++)
            {
                var header = shoff + i * shentsize;
                Need(bytes, header, 64, path);
                // Elf64_Shdr: sh_name u32, sh_type u32, sh_flags u64, sh_addr u64, sh_offset u64, sh_size u64,
                // sh_link u32, sh_info u32, sh_addralign u64, sh_entsize u64.
                sections[i] = new Section
                {
                    Type = U32(bytes, header + 4),
                    Offset = (long)U64(bytes, header + 0x18),
                    Size = (long)U64(bytes, header + 0x20),
                    Link = U32(bytes, header + 0x28),
                    Info = U32(bytes, header + 0x2c),
                };
                if (sections[i].Type != 8 /* SHT_NOBITS */ && (sections[i].Offset < 0 || sections[i].Size < 0 || sections[i].Offset > bytes.Length - sections[i].Size))
                    throw new InvalidDataException(path + ": ELF section " + i + " runs past the end of the file");
            }
            return sections;
        }

        private static Section StringTable(byte[] bytes, uint index, string path)
        {
            var sections = Sections(bytes, path);
            if (index == 0 || index >= sections.Length || sections[index].Type != 3 /* SHT_STRTAB */)
                throw new InvalidDataException(path + ": a version section links to section " + index + ", which is not a string table");
            return sections[index];
        }

        private static bool NameEquals(byte[] bytes, Section strings, uint nameOffset, string expected, string path)
        {
            if (nameOffset >= strings.Size) throw new InvalidDataException(path + ": a version name lies outside its string table");
            var start = strings.Offset + nameOffset;
            var end = start;
            var limit = strings.Offset + strings.Size;
            while (end < limit && bytes[end] != 0) end++;
            if (end == limit) throw new InvalidDataException(path + ": a version name is not terminated");
            return Encoding.ASCII.GetString(bytes, (int)start, (int)(end - start)) == expected;
        }

        private static void Need(byte[] bytes, long offset, int length, string path)
        {
            if (offset < 0 || offset > bytes.Length - length)
                throw new InvalidDataException(path + ": an ELF structure runs past the end of the file");
        }

        private static ushort U16(byte[] b, long o) => (ushort)(b[o] | b[o + 1] << 8);

        private static uint U32(byte[] b, long o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);

        private static ulong U64(byte[] b, long o) => U32(b, o) | (ulong)U32(b, o + 4) << 32;

        /// <summary>
        /// The libstdc++.so.6 the dynamic loader would most likely pick: the first found in LD_LIBRARY_PATH,
        /// then the usual system folders; null when there is none.
        /// </summary>
        public static string? FindSystemLibStdCxx()
        {
            var folders = new System.Collections.Generic.List<string>();
            var ldLibraryPath = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
            if (!string.IsNullOrEmpty(ldLibraryPath)) folders.AddRange(ldLibraryPath!.Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries));
            folders.AddRange(new[]
            {
                "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
                "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib",
            });
            foreach (var folder in folders)
            {
                var candidate = Path.Combine(folder, "libstdc++.so.6");
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }
    }

#if !SYMBOLICGEN_ELF_PATCHER_ONLY
    /// <summary>
    /// MSBuild task: marks <see cref="Version"/> weak in each of <see cref="Files"/> unless the system
    /// libstdc++ defines it (or <see cref="Always"/> is set).
    /// </summary>
    public class SymbolicGenWeakenElfVersion : Task
    {
        /// <summary>The output copies of the libraries to patch.</summary>
        [Required]
        public ITaskItem[] Files { get; set; } = new ITaskItem[0];

        /// <summary>The version to mark weak, such as GLIBCXX_3.4.32.</summary>
        [Required]
        public string Version { get; set; } = "";

        /// <summary>Patch even when the system libstdc++ defines the version.</summary>
        public bool Always { get; set; }

        /// <inheritdoc/>
        public override bool Execute()
        {
            if (Files.Length == 0) return true;
            if (!Always)
            {
                var system = ElfVersionPatcher.FindSystemLibStdCxx();
                try
                {
                    if (system != null && ElfVersionPatcher.DefinesVersion(system, Version))
                    {
                        Log.LogMessage(MessageImportance.Low, "SymbolicGen: " + system + " defines " + Version + "; libLibTorchSharp.so is left as it is.");
                        return true;
                    }
                }
                catch (Exception e) when (e is InvalidDataException || e is IOException || e is UnauthorizedAccessException)
                {
                    Log.LogMessage(MessageImportance.Low, "SymbolicGen: could not read " + system + " (" + e.Message + "); patching anyway.");
                }
            }
            foreach (var item in Files)
            {
                var path = item.ItemSpec;
                if (!File.Exists(path)) continue;
                try
                {
                    var outcome = ElfVersionPatcher.WeakenVersionNeed(path, Version);
                    Log.LogMessage(outcome == ElfPatchOutcome.Patched ? MessageImportance.Normal : MessageImportance.Low,
                        "SymbolicGen: " + Version + " in " + path + ": " + outcome +
                        (outcome == ElfPatchOutcome.Patched ? " (the system libstdc++ lacks it; marked weak so the library loads)" : ""));
                }
                catch (Exception e) when (e is InvalidDataException || e is IOException || e is UnauthorizedAccessException)
                {
                    Log.LogWarning("SymbolicGen: could not mark " + Version + " weak in " + path + ": " + e.Message);
                }
            }
            return !Log.HasLoggedErrors;
        }
    }
#endif
}
