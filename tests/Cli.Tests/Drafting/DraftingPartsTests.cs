using System.Net;
using SymbolicGen.Cli.Drafting;
using SymbolicGen.Language;
using SymbolicGen.Language.Catalog;
using SymbolicGen.Language.Ir;
using Xunit;

namespace SymbolicGen.Cli.Tests.Drafting;

public sealed class RequestWordsTests
{
    [Theory]
    [InlineData("blend a jungle photo with ancient ruins into a poster, animate it into a film, add birdsong and running water", "jungle=a.jpg,ruins=b.jpg", "poster: Image,film: Video")]
    [InlineData("animate this photo", "photo=p.jpg", "video: Video")]
    [InlineData("10 seconds of birdsong", "", "audio: Audio")]
    [InlineData("mix these two recordings", "a=a.wav,b=b.wav", "audio: Audio")]
    [InlineData("add birdsong to this video", "video=v.mp4", "video_out: Video")]
    [InlineData("put this music under my clip", "clip=c.mp4,music=m.mp3", "video: Video")]
    [InlineData("make a picture of a cat", "", "image: Image")]
    [InlineData("transcribe this recording", "rec=r.wav", "text: Text")]
    [InlineData("a soundscape of birdsong for this photo's film", "photo=p.jpg", "soundscape: Audio,film: Video")]
    public void The_requested_outputs_are_read_from_the_words_and_the_inputs(string request, string inputs, string expected)
    {
        var outputs = RequestWords.InferOutputs(request, OfflinePlannerTableTests.Parse(inputs));

        Assert.Equal(expected, string.Join(",", outputs.Select(o => $"{o.Name}: {o.Type}")));
    }

    [Theory]
    [InlineData("a.PNG", "Image")]
    [InlineData("b.jpeg", "Image")]
    [InlineData("c.wav", "Audio")]
    [InlineData("d.mp3", "Audio")]
    [InlineData("e.mp4", "Video")]
    [InlineData("f.mov", "Video")]
    [InlineData("g.txt", "Text")]
    public void An_input_files_extension_gives_its_modality(string path, string expected) =>
        Assert.Equal(PortType.FindMedia(expected), SymbolicGen.Cli.Run.MediaFiles.ModalityOf(path));

    [Fact]
    public void Names_split_at_pascal_case_and_underscores() =>
        Assert.Equal(["image", "to", "video", "sample", "rate"], RequestWords.SplitName("ImageToVideo").Concat(RequestWords.SplitName("sample_rate")));
}

public sealed class RequestQuantitiesTests
{
    [Fact]
    public void Numbers_with_units_are_read_with_their_kind_and_the_words_of_their_clause()
    {
        var q = RequestQuantities.Extract("a 6-second clip at 24 fps, water 6 dB quieter, 48 kHz, 50% zoom, 1024x576, 2x louder, 120 frames");

        Assert.Equal(["6s", "24fps", "-6dB", "48kHz", "50%", "2x", "120f"], q.Select(x => x.Literal));
        Assert.Equal([ParamType.Duration, ParamType.FrameRate, ParamType.Gain, ParamType.Frequency, ParamType.Ratio, ParamType.Gain, ParamType.Duration], q.Select(x => x.Kind));
        Assert.Contains("clip", q[0].Context);
        Assert.Contains("water", q[2].Context);
        Assert.Contains("zoom", q[4].Context);
    }

    [Fact]
    public void Times_is_a_count_unless_it_says_how_loud()
    {
        var q = RequestQuantities.Extract("loop the clip 3 times, then make it 2 times louder; repeat it 1.5 times");

        Assert.Equal(["3", "2x"], q.Select(x => x.Literal));
        Assert.Equal([ParamType.Int, ParamType.Gain], q.Select(x => x.Kind));
        Assert.Contains("loop", q[0].Context);
    }

    [Fact]
    public void Words_that_are_not_units_are_not_quantities() =>
        Assert.Empty(RequestQuantities.Extract("blend 2 photos and 3 sounds, 2 x more"));

    [Fact]
    public void Quoted_text_is_found() =>
        Assert.Equal(["Hello, jungle"], RequestQuantities.QuotedText("add the caption \"Hello, jungle\" to it"));
}

public sealed class ValueTextTests
{
    private static readonly ParameterInfo Duration = new("duration", ParamType.Duration, Min: 0.5, Max: 60);
    private static readonly ParameterInfo Motion = new("motion", ParamType.Enum, EnumValues: EquatableArray.Of("still", "zoom_in", "pan_left"));
    private static readonly ParameterInfo Caption = new("caption", ParamType.String);

    [Theory]
    [InlineData("6s", "6s")]
    [InlineData("6 seconds", "6s")]
    [InlineData("6 secs", "6s")]
    [InlineData("500 ms", "500ms")]
    [InlineData("6", "6")]
    [InlineData("\"6s\"", "6s")]
    [InlineData("6sec", "6s")]
    [InlineData("6 parsecs", "6parsecs")]
    [InlineData("six seconds", "\"six seconds\"")]
    public void Durations_are_read_leniently_where_the_unit_is_evident(string written, string expected) =>
        Assert.Equal(expected, ValueText.Format(ValueText.Parse(written, Duration)));

    [Theory]
    [InlineData("zoom in", "zoom_in")]
    [InlineData("ZoomIn", "zoom_in")]
    [InlineData("\"pan-left\"", "pan_left")]
    [InlineData("zoomin", "zoomin")]
    public void Enum_values_are_read_in_any_case_or_spacing(string written, string expected) =>
        Assert.Equal(expected, ValueText.Format(ValueText.Parse(written, Motion)));

    [Theory]
    [InlineData("-6 dB", null, "-6dB")]
    [InlineData("1024x576", null, "1024x576")]
    [InlineData("#1E90FF", null, "#1e90ff")]
    [InlineData("true", null, "true")]
    [InlineData("[1, 2]", null, "[1, 2]")]
    [InlineData("a \"quoted\" word", "caption", "\"a \\\"quoted\\\" word\"")]
    public void Other_values_keep_their_shape(string written, string? parameter, string expected) =>
        Assert.Equal(expected, ValueText.Format(ValueText.Parse(written, parameter is null ? null : Caption)));

    [Fact]
    public void Snake_case_from_any_spelling() =>
        Assert.Equal(["zoom_in", "http_server", "pan_left"], new[] { "ZoomIn", "HTTPServer", "pan - left" }.Select(ValueText.ToSnake));
}

public sealed class ProviderConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symgen-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ProviderSettings? Resolve(ProviderOptions options, Dictionary<string, string> env)
    {
        env.TryAdd("HOME", _dir); // no user config file unless a test writes one
        return ProviderConfig.Resolve(options, name => env.GetValueOrDefault(name));
    }

    private static readonly ProviderOptions None = new(null, null, null, null);

    [Fact]
    public void Nothing_configured_means_offline() => Assert.Null(Resolve(None, []));

    [Fact]
    public void Azure_variables_give_azure_with_the_deployment_as_model()
    {
        var p = Resolve(None, new() { ["AZURE_OPENAI_ENDPOINT"] = "https://res.openai.azure.com", ["AZURE_OPENAI_API_KEY"] = "k", ["AZURE_OPENAI_DEPLOYMENT"] = "gpt4o" })!;

        Assert.Equal(ProviderKind.Azure, p.Kind);
        Assert.Equal("gpt4o", p.Model);
        Assert.Equal("k", p.ApiKey);
    }

    [Fact]
    public void Azure_without_a_key_uses_entra_id()
    {
        var p = Resolve(None, new() { ["AZURE_OPENAI_ENDPOINT"] = "https://res.openai.azure.com", ["AZURE_OPENAI_DEPLOYMENT"] = "gpt4o" })!;

        Assert.Equal(ProviderKind.Azure, p.Kind);
        Assert.Null(p.ApiKey);
    }

    [Fact]
    public void An_openai_key_alone_gives_openai()
    {
        var p = Resolve(new(null, null, "gpt-4o-mini", null), new() { ["OPENAI_API_KEY"] = "sk" })!;

        Assert.Equal(ProviderKind.OpenAI, p.Kind);
        Assert.Null(p.Endpoint);
    }

    [Fact]
    public void Options_beat_environment_which_beats_the_config_file()
    {
        var config = Path.Combine(_dir, "c.json");
        File.WriteAllText(config, """{ "endpoint": "http://file:1/v1", "model": "file-model", "apiKey": "file-key" }""");
        var env = new Dictionary<string, string> { ["SYMGEN_CONFIG"] = config, ["SYMGEN_MODEL"] = "env-model" };

        var fromFileAndEnv = Resolve(None, env)!;
        var fromOptions = Resolve(new(null, "http://option:2/v1", "option-model", "option-key"), env)!;

        Assert.Equal(("http://file:1/v1", "env-model", "file-key"), (fromFileAndEnv.Endpoint!.ToString(), fromFileAndEnv.Model, fromFileAndEnv.ApiKey));
        Assert.Equal(ProviderKind.Compatible, fromFileAndEnv.Kind);
        Assert.Equal(("http://option:2/v1", "option-model", "option-key"), (fromOptions.Endpoint!.ToString(), fromOptions.Model, fromOptions.ApiKey));
    }

    [Fact]
    public void The_user_config_file_is_found_under_home()
    {
        Directory.CreateDirectory(Path.Combine(_dir, ".config", "symgen"));
        File.WriteAllText(Path.Combine(_dir, ".config", "symgen", "config.json"), """{ "provider": "azure", "endpoint": "https://x.example.com", "deployment": "d" }""");

        var p = Resolve(None, [])!;

        Assert.Equal((ProviderKind.Azure, "d"), (p.Kind, p.Model));
    }

    [Theory]
    [InlineData("https://res.openai.azure.com/", "Azure")]
    [InlineData("https://res.cognitiveservices.azure.com", "Azure")]
    [InlineData("https://api.openai.com/v1", "OpenAI")]
    [InlineData("http://localhost:11434/v1", "Compatible")]
    public void The_kind_is_read_off_the_endpoint(string endpoint, string kind) => Assert.Equal(kind, ProviderConfig.KindOf(endpoint).ToString());

    [Theory]
    [InlineData(null, "http://localhost:11434/v1", null, "no model named")]
    [InlineData("azure", null, "d", "Azure OpenAI needs an endpoint")]
    [InlineData(null, "ftp://x", "m", "is not an http(s) URL")]
    [InlineData("bedrock", "http://x", "m", "unknown provider 'bedrock'")]
    public void Incomplete_settings_say_what_is_missing(string? provider, string? endpoint, string? model, string message)
    {
        var e = Assert.Throws<CliException>(() => Resolve(new(provider, endpoint, model, null), []));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_broken_config_file_is_one_clear_line()
    {
        var config = Path.Combine(_dir, "bad.json");
        File.WriteAllText(config, "{ \"endpoint\": ");

        var e = Assert.Throws<CliException>(() => Resolve(None, new() { ["SYMGEN_CONFIG"] = config }));
        Assert.Contains("is not valid JSON", e.Message);
    }
}

public sealed class RetryHandlerTests
{
    [Fact]
    public void Retry_after_in_seconds_milliseconds_or_as_a_date_is_honoured()
    {
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.TryAddWithoutValidation("Retry-After", "7");
        using var millis = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        millis.Headers.TryAddWithoutValidation("retry-after-ms", "250");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(30));
        using var none = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Equal(TimeSpan.FromSeconds(7), RetryHandler.ServerDelay(seconds));
        Assert.Equal(TimeSpan.FromMilliseconds(250), RetryHandler.ServerDelay(millis));
        Assert.InRange(RetryHandler.ServerDelay(date)!.Value.TotalSeconds, 25, 31);
        Assert.Null(RetryHandler.ServerDelay(none));
    }

    [Fact]
    public void Backoff_doubles_with_jitter_and_is_capped()
    {
        var handler = new RetryHandler(new RetrySettings(TimeSpan.FromSeconds(5), 4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)), Transcript.None);

        Assert.InRange(handler.Backoff(0).TotalSeconds, 1, 1.25);
        Assert.InRange(handler.Backoff(1).TotalSeconds, 2, 2.5);
        Assert.InRange(handler.Backoff(2).TotalSeconds, 4, 5);
        Assert.Equal(5, handler.Backoff(6).TotalSeconds);
    }

    [Fact]
    public async Task Without_retry_after_the_waits_grow_exponentially_and_stop_at_the_bound()
    {
        var waits = new List<TimeSpan>();
        var unavailable = new FakeReply.Status(503);
        using var server = new FakeChatServer(unavailable, unavailable, unavailable, unavailable);
        var settings = new RetrySettings(TimeSpan.FromSeconds(5), 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        using var http = new HttpClient(new RetryHandler(settings, Transcript.None, (wait, _) => { waits.Add(wait); return Task.CompletedTask; }));

        using var response = await http.PostAsync(server.OpenAIBase + "/chat/completions", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(3, waits.Count);
        Assert.True(waits[0] < waits[1] && waits[1] < waits[2]);
        Assert.All(server.Requests, r => Assert.Equal("{}", r.Body)); // the body is sent again on every attempt
    }
}

public sealed class RetrievalAndFixesTests
{
    [Fact]
    public void Cards_are_ranked_by_the_requests_words_and_bridges_are_always_included()
    {
        var catalog = BuiltInCatalog.Value;
        var inputs = OfflinePlannerTableTests.Parse("photo=p.jpg");
        var outputs = RequestWords.InferOutputs("a film of this photo with birdsong", inputs);

        var ranked = CardRetriever.Retrieve(catalog, "a film of this photo with birdsong", inputs, outputs, limit: 1);

        Assert.Equal("Birdsong", ranked[0].Function.Name);
        Assert.False(ranked[0].Bridge);
        Assert.Contains(ranked, r => r.Function.Name == "ImageToVideo" && r.Bridge);
    }

    [Fact]
    public void An_image_wired_into_a_video_input_gets_the_bridging_function()
    {
        var catalog = BuiltInCatalog.Value;
        const string text = "flow F(photo: Image, music: Audio) -> (film: Video) {\n    film = AddAudio(photo, music)\n}\n";

        var draft = MachineFixer.Apply(text, catalog);

        Assert.Equal(0, draft.Errors);
        Assert.Contains("photo_video = ImageToVideo(photo)", draft.Text);
        Assert.Contains("film        = AddAudio(photo_video, music)", draft.Text);
        Assert.Equal(["insert 'ImageToVideo' as 'photo_video' between photo and film.video"], draft.Fixes);
    }

    [Fact]
    public void Safe_fixes_come_first_and_repeat_until_nothing_changes()
    {
        const string text = "flow F(a: Image, b: Image) -> (poster: Image) {\n    poster = ImageBlnd(a, b, weight: 0.5, mod: alpa)\n}\n";

        var draft = MachineFixer.Apply(text, BuiltInCatalog.Value);

        Assert.Equal(0, draft.Errors);
        Assert.Contains("ImageBlend(a, b, weight: 0.5, mode: alpha)", draft.Text);
        Assert.Equal(3, draft.Fixes.Count);
    }

    [Fact]
    public void A_plan_with_inputs_given_as_arguments_and_bare_node_names_is_wired_by_port()
    {
        var catalog = BuiltInCatalog.Value;
        var spec = new FlowSpec("F", OfflinePlannerTableTests.Parse("photo=p.jpg"), [new RequestedOutput("film", PortType.Video, null)]);
        var plan = new DraftPlan("F",
        [
            new PlanNode("clip", "ImageToVideo", [new PlanArgument("image", "photo"), new PlanArgument("duration", "6 seconds")]),
            new PlanNode("birds", "Birdsong", []),
            new PlanNode("film", "AddAudio", [new PlanArgument("fit", "Loop")]),
        ], [new PlanLink("birds", "film")]);

        var built = PlanBuilder.Build(plan, spec, catalog);
        var compiled = SymCompiler.Compile(built.Print(catalog), catalog);

        Assert.Empty(built.Open);
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        Assert.Contains("film  = AddAudio(clip, birds, fit: loop)", built.Print(catalog));
        Assert.Contains("clip  = ImageToVideo(photo, duration: 6s)", built.Print(catalog));
    }

    [Fact]
    public void Ambiguous_ports_are_left_open_with_their_candidates()
    {
        var catalog = BuiltInCatalog.Value;
        var spec = new FlowSpec("F", OfflinePlannerTableTests.Parse("a=a.jpg,b=b.jpg"), [new RequestedOutput("poster", PortType.Image, null)]);

        var built = PlanBuilder.Build(new DraftPlan("F", [new PlanNode("poster", "ImageBlend", [])], []), spec, catalog);

        Assert.Equal(["poster.a: a, b", "poster.b: a, b"], built.Open.Select(o => $"{o.Target}: {string.Join(", ", o.Candidates)}"));
        Assert.Equal([new PlanLink("poster.image", "poster")], built.Wired);
    }

    [Fact]
    public void A_flow_named_like_a_function_is_renamed()
    {
        var catalog = BuiltInCatalog.Value;
        var spec = new FlowSpec("Birdsong", [], [new RequestedOutput("audio", PortType.Audio, null)]);

        var built = PlanBuilder.Build(new DraftPlan("Birdsong", [new PlanNode("audio", "Birdsong", [])], []), spec, catalog);

        Assert.Equal("BirdsongFlow", built.Flow.Name);
    }

    [Fact]
    public void The_models_json_is_read_leniently_but_checked()
    {
        var (name, nodes) = PlanJson.ReadComponents("```json\n{\"name\":\"X\",\"nodes\":[{\"name\":\"n\",\"function\":\"F\",\"arguments\":{\"duration\":6,\"on\":true}}]}\n```");

        Assert.Equal("X", name);
        Assert.Equal([new PlanArgument("duration", "6"), new PlanArgument("on", "true")], nodes[0].Arguments);
        Assert.Contains("'function' of nodes[0] must be a string", Assert.Throws<PlanFormatException>(() => PlanJson.ReadComponents("{\"name\":\"X\",\"nodes\":[{\"name\":\"n\",\"function\":1,\"arguments\":[]}]}")).Message);
        Assert.Contains("has no 'links'", Assert.Throws<PlanFormatException>(() => PlanJson.ReadTopology("{}")).Message);
        Assert.Contains("cut off", Assert.Throws<PlanFormatException>(() => PlanJson.ReadRevision("{\"nodes\": [")).Message);
    }
}
