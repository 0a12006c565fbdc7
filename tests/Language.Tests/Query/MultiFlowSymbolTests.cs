using SymbolicGen.Language.Semantics;
using Xunit;
using static SymbolicGen.Language.Tests.Query.QueryText;

namespace SymbolicGen.Language.Tests.Query;

/// <summary>Flows of one file that call each other, across the three syntaxes.</summary>
public class MultiFlowSymbolTests
{
    // Postcard (dataflow) calls Soundscape (declarative), declared after it; Slideshow (pseudo-natural) calls Postcard.
    private const string Text = """
        # A postcard: a photo animated and scored with a soundscape made by another flow.
        flow Postcard(photo: Image, seconds: Duration = 4s) -> (film: Video) {
            clip  = ImageToVideo(photo, duration: seconds)
            score = Soundscape(seconds: seconds)
            film  = AddAudio(clip, score.audio)
        }

        flow Soundscape
          param  seconds: Duration = 5s
          output audio: Audio
          node birds = Birdsong { duration: seconds }
          node water = WaterAmbience { duration: seconds }
          node mix   = AudioMix {}
          link birds.audio -> mix.a
          link water.audio -> mix.b
          link mix.audio   -> audio
        end

        Slideshow is a flow that takes picture as an Image and gives film as a Video.
        film is Postcard of picture, with seconds 3 seconds.
        """;

    [Fact]
    public void Each_flow_is_a_symbol_with_its_own_members()
    {
        var compilation = Compile(Text);
        Assert.Empty(compilation.Diagnostics);
        var index = compilation.Symbols;

        Assert.Equal(["Postcard", "Soundscape", "Slideshow"], index.Flows.Select(f => f.Name));
        Assert.Equal(["photo", "seconds", "film", "clip", "score", "film"], index.MembersOf(compilation.Flow("Postcard")).Select(s => s.Name));
        Assert.Equal(["seconds", "audio", "birds", "water", "mix"], index.MembersOf(compilation.Flow("Soundscape")).Select(s => s.Name));
        Assert.Equal(["picture", "film", "film"], index.MembersOf(compilation.Flow("Slideshow")).Select(s => s.Name));
        Assert.Empty(index.MembersOf(compilation.Symbol("Postcard", "clip", SymbolKind.Node)));
    }

    [Fact]
    public void A_call_of_another_flow_is_a_reference_of_that_flow_wherever_it_is_declared()
    {
        var compilation = Compile(Text);

        Assert.Equal([compilation.Show(Word(Text, 4, "Soundscape"))], compilation.Symbols.ReferencesOf(compilation.Flow("Soundscape")).Select(o => compilation.Show(o.Span)));
        Assert.Equal([compilation.Show(Word(Text, 20, "Postcard"))], compilation.Symbols.ReferencesOf(compilation.Flow("Postcard")).Select(o => compilation.Show(o.Span)));
        Assert.Empty(compilation.Symbols.ReferencesOf(compilation.Flow("Slideshow")));
        Assert.Equal("Soundscape", compilation.Symbol("Postcard", "score", SymbolKind.Node).Function);
    }

    [Fact]
    public void Argument_names_and_ports_at_a_call_of_a_flow_are_references_of_the_called_flows_members()
    {
        var compilation = Compile(Text);
        var soundscapeSeconds = compilation.Symbol("Soundscape", "seconds", SymbolKind.Parameter);
        var postcardSeconds = compilation.Symbol("Postcard", "seconds", SymbolKind.Parameter);

        // score = Soundscape(seconds: seconds): the argument's name is Soundscape's, its value Postcard's.
        Assert.Same(soundscapeSeconds, compilation.At(Word(Text, 4, "seconds", 0)).Symbol);
        Assert.Same(postcardSeconds, compilation.At(Word(Text, 4, "seconds", 1)).Symbol);
        // score.audio selects Soundscape's output.
        Assert.Same(compilation.Symbol("Soundscape", "audio", SymbolKind.Output), compilation.At(Word(Text, 5, "audio")).Symbol);
        // film is Postcard of picture, with seconds 3 seconds.
        Assert.Same(postcardSeconds, compilation.At(Word(Text, 20, "seconds", 0)).Symbol);
        Assert.Equal(
            new[] { Word(Text, 3, "seconds"), Word(Text, 4, "seconds", 1), Word(Text, 20, "seconds") }.Select(compilation.Show),
            compilation.Symbols.ReferencesOf(postcardSeconds).Select(o => compilation.Show(o.Span)));
        Assert.Equal("Slideshow", compilation.At(Word(Text, 20, "seconds", 0)).Flow!.Name);
    }

    [Fact]
    public void Renaming_a_flow_or_a_member_used_by_another_flow_edits_every_flow_and_keeps_the_file_clean()
    {
        var compilation = Compile(Text);

        foreach (var symbol in compilation.Symbols.Symbols.Where(s => s.Kind is SymbolKind.Flow or SymbolKind.Parameter or SymbolKind.Output or SymbolKind.Input))
        {
            var renamed = RenameTests.Rename(compilation, symbol, "renamed");
            var again = Compile(renamed);
            Assert.True(again.Diagnostics.Count == 0, $"renaming {symbol}:\n{renamed}\n{string.Join("\n", again.Diagnostics)}");
        }
    }
}
