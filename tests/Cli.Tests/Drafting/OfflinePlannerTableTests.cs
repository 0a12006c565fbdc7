using SymbolicGen.Cli.Drafting;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Diagnostics;
using SymbolicGen.Language.Ir;
using Xunit;
using Xunit.Abstractions;

namespace SymbolicGen.Cli.Tests.Drafting;

/// <summary>The default catalog — the runtime's built-in function library — read once for all drafting tests.</summary>
internal static class BuiltInCatalog
{
    private static readonly Lazy<FunctionCatalog> Loaded = new(() => CatalogLoader.Load([]).Catalog);

    public static FunctionCatalog Value => Loaded.Value;
}

/// <summary>
/// The offline planner's request table over the built-in function library (issue 5: at least 30 requests
/// across modalities). Each row: the request, its inputs, the output modalities it must infer and the set
/// of functions the draft must call. Every draft must check with no errors and no warnings.
/// </summary>
public sealed class OfflinePlannerTableTests(ITestOutputHelper log)
{
    public static TheoryData<string, string, string, string> Requests => new()
    {
        // request | inputs (name=file, comma-separated) | output modalities | function set
        { "animate this photo into a 6 second clip at 24 fps", "photo=photo.jpg", "Video", "ImageToVideo" },
        { "turn my photo into a video", "photo=photo.png", "Video", "ImageToVideo" },
        { "blend these two photos", "a=a.jpg,b=b.jpg", "Image", "ImageBlend" },
        { "blend a jungle photo with ancient ruins into a poster", "jungle=jungle.jpg,ruins=ruins.jpg", "Image", "ImageBlend" },
        { "blend a jungle photo with ancient ruins into a poster, animate it into a film of 6 seconds, add birdsong and running water",
            "jungle=jungle.jpg,ruins=ruins.jpg", "Image,Video", "ImageBlend,ImageToVideo,Birdsong,WaterAmbience,AudioMix,AddAudio" },
        { "blend the two photos and animate them into a 10 second film", "a=a.jpg,b=b.jpg", "Video", "ImageBlend,ImageToVideo" },
        { "blend these two photos into a film with birdsong", "a=a.jpg,b=b.jpg", "Video", "ImageBlend,ImageToVideo,Birdsong,AddAudio" },
        { "blend two photos into a poster and a film with birdsong and running water", "a=a.jpg,b=b.jpg", "Image,Video",
            "ImageBlend,ImageToVideo,Birdsong,WaterAmbience,AudioMix,AddAudio" },
        { "10 seconds of birdsong", "", "Audio", "Birdsong" },
        { "a 30 second running water ambience", "", "Audio", "WaterAmbience" },
        { "mix birdsong with running water for a 20 second soundscape, water 6 dB quieter", "", "Audio", "Birdsong,WaterAmbience,AudioMix" },
        { "birdsong and running water, 1 minute", "", "Audio", "Birdsong,WaterAmbience,AudioMix" },
        { "mix these two recordings", "a=a.wav,b=b.mp3", "Audio", "AudioMix" },
        { "add birdsong to this recording", "rec=rec.wav", "Audio", "Birdsong,AudioMix" },
        { "mix this voice recording with running water at -12 dB", "voice=voice.wav", "Audio", "WaterAmbience,AudioMix" },
        { "put this music under my video", "clip=clip.mp4,music=music.mp3", "Video", "AddAudio" },
        { "loop this music under the video", "video=video.mp4,music=music.mp3", "Video", "AddAudio" },
        { "add birdsong to this video", "clip=clip.mp4", "Video", "Birdsong,AddAudio" },
        { "add running water to this clip", "clip=clip.mov", "Video", "WaterAmbience,AddAudio" },
        { "animate this photo and add birdsong", "photo=photo.jpg", "Video", "ImageToVideo,Birdsong,AddAudio" },
        { "animate this photo with this soundtrack", "photo=photo.jpg,music=music.wav", "Video", "ImageToVideo,AddAudio" },
        { "animate this picture, pan left for 8 seconds, with the sound of running water", "picture=picture.jpg", "Video", "ImageToVideo,WaterAmbience,AddAudio" },
        { "a 12 second clip of this photo zooming out, with birdsong and water", "photo=photo.jpg", "Video",
            "ImageToVideo,Birdsong,WaterAmbience,AudioMix,AddAudio" },        // photo → video with a soundscape; two photos → poster
        { "turn this photo into a 10 second video with a soundscape of birdsong, wind and running water", "photo=photo.jpg", "Video", "ImageToVideo,Birdsong,Wind,WaterAmbience,AudioMix,AddAudio" },
        { "blend these two photos into a poster", "a=a.jpg,b=b.jpg", "Image", "ImageBlend" },
        // photo → captioned image (quoted text or a Text input)
        { "write \"Lost City\" on this photo", "photo=photo.jpg", "Image", "TextOverlay" },
        { "put the title \"The Ruins\" at the top of this picture", "picture=picture.jpg", "Image", "TextOverlay" },
        { "put this title on the photo", "photo=photo.jpg,title=title.txt", "Image", "TextOverlay" },
        // audio ambience, tones, noise and speech
        { "a 10 second wind ambience", "", "Audio", "Wind" },
        { "30 seconds of pink noise", "", "Audio", "Noise" },
        { "a 440 Hz tone for 3 seconds", "", "Audio", "Tone" },
        { "a narration saying \"Welcome to the lost city\"", "", "Audio", "Speech" },
        // narration over a slideshow; slideshows
        { "speak \"Welcome to the lost city\" over a slideshow of these two photos", "a=a.jpg,b=b.jpg", "Video", "Speech,ImageToVideo,Concat,AddAudio" },
        { "a slideshow of these two photos with a crossfade", "a=a.jpg,b=b.jpg", "Video", "ImageToVideo,Crossfade" },
        // image filters
        { "blur this photo", "photo=photo.jpg", "Image", "GaussianBlur" },
        { "sharpen this picture", "picture=picture.jpg", "Image", "Sharpen" },
        { "convert this photo to grayscale", "photo=photo.jpg", "Image", "Grayscale" },
        { "brighten this photo and boost the saturation", "photo=photo.jpg", "Image", "ColorAdjust" },
        { "upscale this photo", "photo=photo.jpg", "Image", "Upscale" },
        // video and audio edits
        { "reverse this clip", "clip=clip.mp4", "Video", "Reverse" },
        { "play this video backwards", "video=video.mp4", "Video", "Reverse" },
        { "loop this video 3 times", "video=video.mp4", "Video", "Loop" },
        { "fade this recording in and out", "rec=rec.wav", "Audio", "Fade" },
        { "add a 2 second fade in and out to this music", "music=music.mp3", "Audio", "Fade" },
        { "slow this video down to half speed", "video=video.mp4", "Video", "ChangeSpeed" },
        { "a 20 second soundscape of wind and running water", "", "Audio", "Wind,WaterAmbience,AudioMix" },
        { "add wind to this video", "clip=clip.mp4", "Video", "Wind,AddAudio" },
        { "add reverb to this recording", "rec=rec.wav", "Audio", "Reverb" },
        { "join these two clips", "a=a.mp4,b=b.mp4", "Video", "Concat" },
        { "crossfade these two clips", "a=a.mp4,b=b.mp4", "Video", "Crossfade" },
        { "take a still frame from this video", "clip=clip.mp4", "Image", "ExtractFrame" },
        { "blur this photo and animate it into a 5 second clip with wind", "photo=photo.jpg", "Video", "GaussianBlur,ImageToVideo,Wind,AddAudio" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void The_offline_planner_drafts_a_clean_flow_with_the_requested_modalities_and_functions(string request, string inputs, string outputs, string functions)
    {
        var catalog = BuiltInCatalog.Value;
        var outcome = Draft(request, inputs, catalog);

        Assert.True(outcome.Valid, outcome.Failure ?? "invalid");
        var draft = outcome.Draft!;
        log.WriteLine(draft.Text);
        Assert.Empty(draft.Compilation.Diagnostics); // no errors and no warnings
        var flow = Assert.Single(draft.Compilation.File.Flows);
        Assert.Equal(Parse(inputs).Select(i => i.Type), flow.Inputs.Select(i => i.Type));
        Assert.Equal(outputs.Split(',').OrderBy(m => m, StringComparer.Ordinal), flow.Outputs.Select(o => o.Type.Name).OrderBy(m => m, StringComparer.Ordinal));
        Assert.Equal(functions.Split(',').OrderBy(f => f, StringComparer.Ordinal), flow.Nodes.Select(n => n.Function).Distinct().OrderBy(f => f, StringComparer.Ordinal));
    }

    [Fact]
    public void The_whole_table_drafts_valid_flows_matching_the_intent()
    {
        var rows = Requests.Select(r => ((string)r[0], (string)r[1], (string)r[2], (string)r[3])).ToList();
        var valid = 0;
        var matching = 0;
        foreach (var (request, inputs, outputs, functions) in rows)
        {
            var outcome = Draft(request, inputs, BuiltInCatalog.Value);
            if (!outcome.Valid) continue;
            valid++;
            var flow = outcome.Draft!.Compilation.File.Flows[0];
            if (functions.Split(',').ToHashSet().SetEquals(flow.Nodes.Select(n => n.Function))) matching++;
        }
        log.WriteLine($"offline planner: {valid}/{rows.Count} valid, {matching}/{rows.Count} matching the expected function set");
        Assert.True(rows.Count >= 30, $"the table has {rows.Count} requests; the issue asks for at least 30");
        Assert.Equal(rows.Count, valid); // goal: 100% valid
        Assert.True(matching * 10 >= rows.Count * 9, $"{matching}/{rows.Count} match the expected function set; the goal is at least 90%");
        Assert.Equal(rows.Count, matching); // and today every row matches
    }

    [Theory]
    [InlineData("animate this photo into a 6 second clip at 24 fps", "photo=photo.jpg", "duration: 6s", "fps: 24fps")]
    [InlineData("mix birdsong with running water for a 20 second soundscape, water 6 dB quieter", "", "gain_b: -6dB", "duration: 20s")]
    [InlineData("mix this voice recording with running water at -12 dB", "voice=voice.wav", "gain_b: -12dB", null)]
    [InlineData("animate this picture, pan left for 8 seconds, with the sound of running water", "picture=picture.jpg", "motion: pan_left", "duration: 8s")]
    [InlineData("a 12 second clip of this photo zooming out, with birdsong and water", "photo=photo.jpg", "duration: 12s", "motion: zoom_out")]
    [InlineData("a 6 second clip of this photo with 10 seconds of birdsong", "photo=photo.jpg", "image_to_video = ImageToVideo(photo, duration: 6s)", "Birdsong(duration: 10s)")]
    [InlineData("loop this music under the video", "video=video.mp4,music=music.mp3", "fit: loop", null)]
    [InlineData("blend these two photos, 30% of the second", "a=a.jpg,b=b.jpg", "weight: 30%", null)]
    [InlineData("loop this video 3 times", "video=video.mp4", "count: 3", null)]
    public void Numbers_units_and_enum_words_in_the_request_become_parameters(string request, string inputs, string expected, string? alsoExpected)
    {
        var outcome = Draft(request, inputs, BuiltInCatalog.Value);

        Assert.True(outcome.Valid, outcome.Failure);
        Assert.Contains(expected, outcome.Draft!.Text);
        if (alsoExpected is not null) Assert.Contains(alsoExpected, outcome.Draft.Text);
    }

    [Fact]
    public void A_duration_outside_every_range_is_left_out_and_said()
    {
        var outcome = Draft("animate this photo into a 2 minute clip", "photo=photo.jpg", BuiltInCatalog.Value);

        Assert.True(outcome.Valid);
        Assert.DoesNotContain("2min", outcome.Draft!.Text);
        Assert.Contains(outcome.Notes, n => n.Contains("ignored '2 minute'") && n.Contains("0.5 s to 60 s"));
    }

    [Theory]
    [InlineData("transcribe this recording", "rec=rec.wav", "no function in the catalog makes Text (for output 'text') from Audio")]
    [InlineData("make a picture of a cat", "", "no function in the catalog makes Image (for output 'image') from nothing the request names")]
    [InlineData("extract the soundtrack of this video", "clip=clip.mp4", "no function in the catalog makes Audio (for output 'soundtrack') from Video")]
    public void A_request_beyond_the_catalog_names_the_missing_capability(string request, string inputs, string missing)
    {
        var outcome = Draft(request, inputs, BuiltInCatalog.Value);

        Assert.False(outcome.Valid);
        Assert.Null(outcome.Draft);
        Assert.Contains("beyond the offline planner", outcome.Failure);
        Assert.Contains(missing, outcome.Failure);
    }

    internal static DraftOutcome Draft(string request, string inputs, FunctionCatalog catalog)
    {
        var draftRequest = DraftRequest.Create(request, Parse(inputs), catalog);
        return new DraftingEngine(catalog, Transcript.None).DraftOffline(draftRequest);
    }

    internal static IReadOnlyList<DraftInput> Parse(string inputs) => inputs.Length == 0
        ? []
        : inputs.Split(',').Select(s => s.Split('=')).Select(p => new DraftInput(p[0], SymbolicGen.Cli.Run.MediaFiles.ModalityOf(p[1])!, p[1])).ToList();
}
