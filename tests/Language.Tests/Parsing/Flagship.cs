namespace SymbolicGen.Language.Tests.Parsing;

/// <summary>JungleRuins in each syntax, exactly as DESIGN §3.3 writes it.</summary>
public static class Flagship
{
    public const string Dataflow = """
        # Blend a jungle photo with ancient ruins, animate it, score it with birdsong and water.
        flow JungleRuins(jungle: Image, ruins: Image, seconds: Duration = 6s) -> (film: Video, poster: Image) {
            poster = ImageBlend(jungle, ruins, weight: 0.45, mode: laplacian)
            clip   = ImageToVideo(poster, duration: seconds, fps: 24fps, motion: zoom_in)
            birds  = Birdsong(duration: seconds, density: 0.7)
            water  = WaterAmbience(duration: seconds, flow: 0.5)
            sound  = AudioMix(birds, water, gain_b: -6dB)
            film   = AddAudio(clip, sound)
        }
        """;

    public const string Declarative = """
        flow JungleRuins
          input  jungle: Image
          input  ruins: Image
          param  seconds: Duration = 6s
          output film: Video
          output poster: Image
          node blend   = ImageBlend { weight: 0.45, mode: laplacian }
          node animate = ImageToVideo { duration: seconds, fps: 24fps, motion: zoom_in }
          node birds   = Birdsong { duration: seconds, density: 0.7 }
          node water   = WaterAmbience { duration: seconds, flow: 0.5 }
          node mix     = AudioMix { gain_b: -6dB }
          node mux     = AddAudio {}
          link jungle        -> blend.a
          link ruins         -> blend.b
          link blend.image   -> animate.image
          link birds.audio   -> mix.a
          link water.audio   -> mix.b
          link animate.video -> mux.video
          link mix.audio     -> mux.audio
          link mux.video     -> film
          link blend.image   -> poster
        end
        """;

    public const string Natural = """
        JungleRuins is a flow that takes jungle as an Image and ruins as an Image, with seconds as a Duration of 6 seconds, and gives film as a Video and poster as an Image.
        poster is ImageBlend of jungle and ruins, with weight 0.45 and mode laplacian.
        clip is ImageToVideo of poster, with duration seconds, fps 24 fps and motion zoom_in.
        birds is Birdsong with duration seconds and density 0.7.
        water is WaterAmbience with duration seconds and flow 0.5.
        sound is AudioMix of birds and water, with gain_b -6 dB.
        film is AddAudio of clip and sound.
        """;

    public static IEnumerable<object[]> All() => new[] { new object[] { Dataflow }, new object[] { Declarative }, new object[] { Natural } };
}
