using SymbolicGen.Language.Diagnostics;
using Xunit;

namespace SymbolicGen.Language.Tests.Checking;

/// <summary>Each mistake here has a safe fix, and applying them leaves a file that checks clean.</summary>
public class FixTests
{
    [Theory]
    [InlineData("""
        flow T(photo: Image, seconds: Duration = 6) -> (film: Video, poster: image) {
            poster = Imageblend(phtoo, seg, wieght: 0.5, mode: laplacain)
            seg = Segment(photo)
            clip = ImageToVideo(poster, duration: seconds, fps: 24, motion: "zoom_in")
            birds = Birdsng(duration: 3s)
            film = AddAudio(clip, birds)
        }
        """, 2)]
    [InlineData("""
        T is a flow that takes photo as an Image, with seconds as a Duration of 6, and gives film as a Video.
        clip is ImageToVideo of phot, with duration seconds, fps 24 and motion zoom_inn.
        film is AddAudo of clip and birds.
        birds is Birdsong with duration seconds.
        """, 1)]
    [InlineData("""
        flow T
          input photo: Imag
          output film: Video
          node clip = ImageToVideo { duraton: 3s, fps: 30 }
          node mux = AddAudio { fit: Loop }
          node birds = Birdsong {}
          link phot -> clip.image
          link clip.vidoe -> mux.video
          link birds -> mux.audoi
          link mux -> flim
        end
        """, 1)]
    public void Safe_fixes_repair_the_file(string text, int rounds)
    {
        // A misspelt function hides the mistakes in its arguments until it is corrected, hence rounds.
        for (var round = 0; round < rounds; round++)
        {
            var compilation = Checks.Compile(text);
            Assert.Contains(compilation.Diagnostics, d => d.Fixes.Any(f => f.IsSafe));
            text = FixApplier.ApplySafeFixes(text, compilation.Diagnostics).Text;
        }

        Assert.Empty(Checks.Diagnostics(text));
    }
}
