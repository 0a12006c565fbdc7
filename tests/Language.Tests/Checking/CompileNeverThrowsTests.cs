using CsCheck;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Tests.Parsing;
using Xunit;

namespace SymbolicGen.Language.Tests.Checking;

/// <summary>
/// <see cref="SymCompiler.Compile"/> on random mutations of valid files: it never throws, never hits an
/// internal error (SYM0901 would hide a crash), and every diagnostic keeps to the message rules.
/// </summary>
public class CompileNeverThrowsTests
{
    private static readonly string[] Files =
    {
        Flagship.Dataflow,
        Flagship.Declarative,
        Flagship.Natural,
        """
        flow Cut(photo: Image, title: Text, seconds: Duration = 120f) -> (fg: Image, film: Video) {
            (fg, mask) = Segment(photo)
            framed = TextOverlay(fg, title, size: 48px, color: #ff8800)
            small = Resize(framed, size: 1024x576, method: lanczos)
            clip = ImageToVideo(small, duration: seconds, fps: 30fps)
            sound = Soundscape(seconds: 3s)
            film = AddAudio(clip, sound)
        }
        flow Soundscape(seconds: Duration = 5s) -> (audio: Audio) {
            audio = Birdsong(duration: seconds, sample_rate: 48kHz, seed: 7)
        }
        """,
    };

    // Fragments that are likely to reach interesting states when spliced into a valid file.
    private static readonly string[] Fragments =
    {
        "(", ")", "{", "}", "[", "]", ",", ".", ":", "=", "->", "\n", "\r\n", " ", "#", "\"", "\"\"\"", "\\",
        "flow ", "end", "link ", "node ", "input ", "param ", "output ", " is a flow that takes ", " of ", " with ",
        " and ", " gives ", "6s", "120f", "-6dB", "2x", "50%", "44.1kHz", "1e999", "-", "0", "1024x576", "#1e90ff",
        "Segment", "ImageBlend", "AddAudio", "poster", "seconds", "fg.mask", "clip.video", "(a, b) = ", "Image",
        "Duration", "é", "\t", "\0", "true",
    };

    private static readonly Gen<string> Mutated =
        from file in Gen.Int[0, Files.Length - 1]
        from edits in Gen.Select(Gen.Int[0, 3], Gen.Int[0, 100_000], Gen.Int[0, 40], Gen.Int[0, Fragments.Length - 1]).Array[1, 6]
        select edits.Aggregate(Files[file], Mutate);

    private static string Mutate(string text, (int Kind, int Where, int Length, int Fragment) edit)
    {
        var start = text.Length == 0 ? 0 : edit.Where % text.Length;
        var length = Math.Min(edit.Length, text.Length - start);
        return edit.Kind switch
        {
            0 => text.Remove(start, length),
            1 => text.Insert(start, Fragments[edit.Fragment]),
            2 => text.Remove(start, length).Insert(start, Fragments[edit.Fragment]),
            _ => text.Insert(edit.Where % (text.Length + 1), text.Substring(start, length)),
        };
    }

    private static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("SYMGEN_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 2_000;

    [Fact]
    public void Compile_never_throws_on_mutated_files()
    {
        Mutated.Sample(text =>
        {
            var compilation = SymCompiler.Compile(text, TestCatalog.Extended);

            Assert.DoesNotContain(compilation.Diagnostics, d => d.Id == DiagnosticDescriptors.InternalError.Id);
            foreach (var diagnostic in compilation.Diagnostics)
            {
                Assert.InRange(diagnostic.Start, 0, text.Length);
                Assert.InRange(diagnostic.Span.End, diagnostic.Start, text.Length);
                Assert.DoesNotContain('\n', diagnostic.Message);
                Assert.False(diagnostic.Message.EndsWith('.'), diagnostic.Message);
                foreach (var edit in diagnostic.Fixes.SelectMany(f => f.Edits))
                    Assert.InRange(edit.Span.End, edit.Start, text.Length);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void The_seed_files_themselves_compile_clean()
    {
        Assert.All(Files, file => Assert.Empty(SymCompiler.Compile(file, TestCatalog.Extended).Diagnostics));
    }
}
