using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace SymbolicGen.Cli.Tests.Drafting;

/// <summary>Scripted model answers for the flagship request.</summary>
internal static class Script
{
    public const string Flagship = "blend a jungle photo with ancient ruins into a poster, animate it into a film, add birdsong and running water";

    public static readonly string[] FlagshipInputs = ["--in", "jungle=jungle.jpg", "--in", "ruins=ruins.jpg"];

    public sealed record N(string Name, string Function, params (string Name, string Value)[] Arguments);

    public static string Components(string name, params N[] nodes) => JsonSerializer.Serialize(new
    {
        name,
        nodes = nodes.Select(n => new { name = n.Name, function = n.Function, arguments = n.Arguments.Select(a => new { name = a.Name, value = a.Value }) }),
    });

    public static string Links(params (string From, string To)[] links) =>
        JsonSerializer.Serialize(new { links = links.Select(l => new { from = l.From, to = l.To }) });

    public static string Revision(N[] nodes, (string From, string To)[] links) => JsonSerializer.Serialize(new
    {
        nodes = nodes.Select(n => new { name = n.Name, function = n.Function, arguments = n.Arguments.Select(a => new { name = a.Name, value = a.Value }) }),
        links = links.Select(l => new { from = l.From, to = l.To }),
    });

    public static N[] CleanNodes =>
    [
        new("poster", "ImageBlend", ("weight", "0.45"), ("mode", "laplacian")),
        new("clip", "ImageToVideo", ("duration", "6s"), ("fps", "24fps"), ("motion", "zoom_in")),
        new("birds", "Birdsong", ("duration", "6s"), ("density", "0.7")),
        new("water", "WaterAmbience", ("duration", "6s"), ("flow", "0.5")),
        new("sound", "AudioMix", ("gain_b", "-6dB")),
        new("film", "AddAudio"),
    ];

    // Stage 2: what the port types leave open (film.video has one candidate and is wired by type).
    public static (string, string)[] CleanOpenLinks =>
    [
        ("jungle", "poster.a"), ("ruins", "poster.b"), ("poster", "clip.image"),
        ("birds", "sound.a"), ("water", "sound.b"), ("sound", "film.audio"),
    ];

    public static (string, string)[] AllCleanLinks => [.. CleanOpenLinks, ("clip", "film.video"), ("poster", "poster"), ("film", "film")];

    public static N[] Replace(N[] nodes, string name, N with) => nodes.Select(n => n.Name == name ? with : n).ToArray();
}

/// <summary>
/// <c>symgen draft</c> against a real loopback HTTP server speaking the OpenAI chat-completions wire
/// format: the three stages, the machine fixes, refinement with fresh diagnostics, and every way a
/// provider or a model can fail.
/// </summary>
public sealed class DraftWithModelTests(ITestOutputHelper log) : IDisposable
{
    private const string Key = "sk-test-SECRET-4f9a1c";
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private (int Exit, string Out, string Err) Draft(FakeChatServer server, string request, string[] inputs, params string[] more)
    {
        var trace = more.Contains("--trace") ? null : Path.Combine(_cli.Scratch, "debug-trace.jsonl");
        string[] args = ["draft", request, .. inputs, "--endpoint", server.OpenAIBase, "--model", "fake-model", "--api-key", Key, .. more];
        if (trace is not null) args = [.. args, "--trace", trace];
        var result = _cli.Run(args);
        log.WriteLine(result.Err);
        log.WriteLine(result.Out);
        // The checks along the way, to see why a draft took the rounds it took.
        if (trace is not null && File.Exists(trace))
            foreach (var line in File.ReadLines(trace).Where(l => l.Contains("\"event\":\"check\"")))
                log.WriteLine(line);
        return result;
    }

    [Fact]
    public void A_clean_draft_takes_one_components_call_and_one_topology_call_and_is_the_flagship()
    {
        using var server = new FakeChatServer(
            new FakeReply.Chat(Script.Components("JungleRuins", Script.CleanNodes)),
            new FakeReply.Chat(Script.Links(Script.CleanOpenLinks)));

        var (exit, output, error) = Draft(server, Script.Flagship, Script.FlagshipInputs);

        Assert.Equal(0, exit);
        Assert.Equal(2, server.ChatRequests.Count);
        Assert.Contains("flow JungleRuins(jungle: Image, ruins: Image) -> (poster: Image, film: Video) {", output);
        Assert.Contains("poster = ImageBlend(jungle, ruins, weight: 0.45, mode: laplacian)", output);
        Assert.Contains("film   = AddAudio(clip, sound)", output);
        Assert.Contains("2 model calls, 0 refinement rounds, 0 machine fixes", error);
        // Stage 1 carries the request, the fixed inputs and the inferred outputs, and the cards.
        var first = server.ChatRequests[0];
        Assert.Contains("Flow inputs (fixed): jungle: Image (from jungle.jpg), ruins: Image (from ruins.jpg)", first.LastUserMessage);
        Assert.Contains("Flow outputs (fixed, inferred from the request): poster: Image", first.LastUserMessage);
        Assert.Contains("\"name\":\"ImageToVideo\"", first.LastUserMessage);
        using var body = JsonDocument.Parse(first.Body);
        var format = body.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("components", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.Equal("fake-model", body.RootElement.GetProperty("model").GetString());
        // Stage 2 asks only for what the types leave open, and says what they fixed.
        var second = server.ChatRequests[1].LastUserMessage;
        Assert.Contains("- clip.video -> film.video", second);
        Assert.Contains("- poster.a (Image): one of jungle, ruins", second);
        Assert.DoesNotContain("- film.video (Video)", second);
        Assert.Equal("Bearer " + Key, first.Headers["Authorization"]);
    }

    [Fact]
    public void When_the_types_decide_every_link_there_is_no_topology_call()
    {
        using var server = new FakeChatServer(new FakeReply.Chat(Script.Components("PhotoClip", new Script.N("clip", "ImageToVideo", ("duration", "6s")))));

        var (exit, output, error) = Draft(server, "animate this photo into a clip", ["--in", "photo=photo.jpg"]);

        Assert.Equal(0, exit);
        Assert.Single(server.ChatRequests);
        Assert.Contains("clip = ImageToVideo(photo, duration: 6s)", output);
        Assert.Contains("1 model call, 0 refinement rounds", error);
    }

    /// <summary>
    /// One scripted mistake at a time; the figure is the number of model round trips to a valid file.
    /// Unit and spelling mistakes and an unambiguous missing bridge are repaired by machine fixes
    /// (0 refinement rounds); a value out of range and an ambiguous missing input take one round.
    /// </summary>
    [Theory]
    [InlineData("bare number for a duration", "unit", 0)]
    [InlineData("unit word glued to the number", "unit-word", 0)]
    [InlineData("misspelt function", "function", 0)]
    [InlineData("misspelt parameter", "parameter", 0)]
    [InlineData("misspelt enum value", "enum", 0)]
    [InlineData("Image wired into a Video input", "modality", 0)]
    [InlineData("out of range in another unit", "range", 1)]
    [InlineData("required input not connected", "missing-input", 1)]
    public void Round_trips_per_scripted_mistake(string what, string mistake, int expectedRounds)
    {
        var nodes = Script.CleanNodes;
        var links = Script.CleanOpenLinks;
        switch (mistake)
        {
            case "unit": nodes = Script.Replace(nodes, "clip", new("clip", "ImageToVideo", ("duration", "6"), ("fps", "24"), ("motion", "zoom_in"))); break;
            case "unit-word": nodes = Script.Replace(nodes, "clip", new("clip", "ImageToVideo", ("duration", "6secs"), ("fps", "24fps"))); break;
            case "function": nodes = Script.Replace(nodes, "poster", new("poster", "ImageBlnd", ("weight", "0.45"))); break;
            case "parameter": nodes = Script.Replace(nodes, "sound", new("sound", "AudioMix", ("gainb", "-6dB"))); break;
            case "enum": nodes = Script.Replace(nodes, "clip", new("clip", "ImageToVideo", ("duration", "6s"), ("motion", "zoomin"))); break;
            case "modality":
                nodes = nodes.Where(n => n.Name != "clip").ToArray();
                links = [.. links.Where(l => l.Item2 != "clip.image"), ("poster", "film.video")];
                break;
            case "range": nodes = Script.Replace(nodes, "clip", new("clip", "ImageToVideo", ("duration", "2min"))); break;
            case "missing-input": links = links.Where(l => l.Item2 != "sound.b").ToArray(); break;
        }
        using var server = new FakeChatServer(
            new FakeReply.Chat(Script.Components("JungleRuins", nodes)),
            new FakeReply.Chat(Script.Links(links)),
            new FakeReply.Chat(Script.Revision(Script.CleanNodes, Script.AllCleanLinks)));

        var (exit, output, error) = Draft(server, Script.Flagship, Script.FlagshipInputs);

        Assert.Equal(0, exit);
        Assert.Equal(2 + expectedRounds, server.ChatRequests.Count);
        Assert.Contains($"{2 + expectedRounds} model calls, {expectedRounds} refinement round", error);
        log.WriteLine($"FIGURE {what}: {server.ChatRequests.Count} model round trips, {expectedRounds} refinement rounds");
        var path = _cli.WriteFile("Drafted.sym", output);
        Assert.Equal(0, _cli.Run("check", path).Exit);
    }

    [Fact]
    public void The_typical_mistakes_together_end_valid_after_machine_fixes_and_one_round_with_the_fresh_diagnostics()
    {
        Script.N[] nodes =
        [
            new("poster", "ImageBlnd", ("weight", "0.45")),           // misspelt function (machine fix)
            new("birds", "Birdsong", ("duration", "20min")),          // out of range, in minutes (model)
            new("water", "WaterAmbience", ("duration", "6")),         // bare number (machine fix)
            new("sound", "AudioMix", ("gainb", "-6dB")),              // misspelt parameter (machine fix)
            new("film", "AddAudio"),
        ];
        (string, string)[] links =
        [
            ("jungle", "poster.a"), ("ruins", "poster.b"),
            ("poster", "film.video"),                                 // Image into Video (bridge)
            ("birds", "sound.a"), ("sound", "film.audio"),            // sound.b left out (model)
        ];
        Script.N[] fixedNodes =
        [
            new("poster", "ImageBlend", ("weight", "0.45")),
            new("poster_video", "ImageToVideo"),
            new("birds", "Birdsong", ("duration", "6s")),
            new("water", "WaterAmbience", ("duration", "6s")),
            new("sound", "AudioMix", ("gain_b", "-6dB")),
            new("film", "AddAudio"),
        ];
        (string, string)[] fixedLinks =
        [
            ("jungle", "poster.a"), ("ruins", "poster.b"), ("poster", "poster_video.image"), ("poster_video", "film.video"),
            ("birds", "sound.a"), ("water", "sound.b"), ("sound", "film.audio"), ("poster", "poster"), ("film", "film"),
        ];
        using var server = new FakeChatServer(
            new FakeReply.Chat(Script.Components("JungleRuins", nodes)),
            new FakeReply.Chat(Script.Links(links)),
            new FakeReply.Chat(Script.Revision(fixedNodes, fixedLinks)));

        var (exit, output, error) = Draft(server, Script.Flagship, Script.FlagshipInputs);

        Assert.Equal(0, exit);
        Assert.Equal(3, server.ChatRequests.Count);
        Assert.Contains("3 model calls, 1 refinement round, 4 machine fixes", error);
        Assert.Contains("insert 'ImageToVideo'", error);
        Assert.Contains("ImageToVideo(poster)", output);
        // The refinement request carries what the machine could not fix, and nothing it already fixed.
        var refinement = server.ChatRequests[2].LastUserMessage;
        Assert.Contains("\"id\": \"SYM0203\"", refinement);
        Assert.Contains("'duration' is 20min = 1200 s; Birdsong accepts 0.1 s to 600 s", refinement);
        Assert.Contains("\"id\": \"SYM0302\"", refinement);
        Assert.Contains("input 'b' of 'sound' (AudioMix) is not connected", refinement);
        Assert.Contains("\"line\":", refinement);
        Assert.DoesNotContain("SYM0101", refinement);
        Assert.DoesNotContain("SYM0201", refinement);
        Assert.DoesNotContain("ImageBlnd", refinement);
        Assert.Contains("poster_video = ImageToVideo(poster)", refinement);
    }

    [Fact]
    public void A_model_that_never_converges_stops_after_the_rounds_each_request_carrying_only_the_latest_diagnostics()
    {
        Script.N Clip(string duration) => new("clip", "ImageToVideo", ("duration", duration));
        (string, string)[] links = [("photo", "clip.image"), ("clip", "clip")];
        using var server = new FakeChatServer(
            new FakeReply.Chat(Script.Components("PhotoClip", Clip("2min"))),
            new FakeReply.Chat(Script.Revision([Clip("90s")], links)),
            new FakeReply.Chat(Script.Revision([Clip("75s")], links)),
            new FakeReply.Chat(Script.Revision([Clip("1800f")], links)));

        var (exit, output, error) = Draft(server, "animate this photo into a clip", ["--in", "photo=photo.jpg"], "--rounds", "3");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal(4, server.ChatRequests.Count);
        Assert.Contains("draft.sym(2,42): error SYM0203: 'duration' is 1800f at 24 fps = 75 s; ImageToVideo accepts 0.5 s to 60 s", error);
        Assert.Contains("symgen: error: the draft still has 1 error after 3 refinement rounds; nothing written (--force writes it anyway)", error);
        Assert.DoesNotContain("   at ", error);
        var r1 = server.ChatRequests[1].LastUserMessage;
        var r2 = server.ChatRequests[2].LastUserMessage;
        var r3 = server.ChatRequests[3].LastUserMessage;
        Assert.Contains("'duration' is 2min = 120 s", r1);
        Assert.Contains("'duration' is 90 s", r2);
        Assert.DoesNotContain("120 s", r2);
        Assert.Contains("'duration' is 75 s", r3);
        Assert.DoesNotContain("90 s", r3);
        // Each refinement request is a fresh conversation: system + one user message.
        Assert.All(server.ChatRequests.Skip(1), r => Assert.Equal(2, r.Messages().Count));
    }

    [Fact]
    public void Force_writes_the_best_draft_with_errors_and_still_exits_1()
    {
        var path = Path.Combine(_cli.Scratch, "Forced.sym");
        using var server = new FakeChatServer(
            new FakeReply.Chat(Script.Components("PhotoClip", new Script.N("clip", "ImageToVideo", ("duration", "2min")))),
            new FakeReply.Chat(Script.Revision([new("clip", "ImageToVideo", ("duration", "90s"))], [("photo", "clip.image"), ("clip", "clip")])));

        var (exit, _, error) = Draft(server, "animate this photo into a clip", ["--in", "photo=photo.jpg"], "--rounds", "1", "--force", "-o", path);

        Assert.Equal(1, exit);
        Assert.Contains("written anyway (--force)", error);
        Assert.Contains("duration: 90s", File.ReadAllText(path));
    }

    [Fact]
    public void Malformed_json_costs_a_round_with_a_corrective_message()
    {
        using var server = new FakeChatServer(
            new FakeReply.Chat("Sure! Here is the flow: {\"name\": \"PhotoClip\", \"nodes\": [{\"name\": \"clip\", "),
            new FakeReply.Chat("```json\n" + Script.Components("PhotoClip", new Script.N("clip", "ImageToVideo")) + "\n```"));

        var (exit, output, error) = Draft(server, "animate this photo into a clip", ["--in", "photo=photo.jpg"]);

        Assert.Equal(0, exit);
        Assert.Contains("clip = ImageToVideo(photo)", output);
        Assert.Contains("2 model calls, 1 refinement round", error);
        var retry = server.ChatRequests[1].Messages();
        Assert.Equal("assistant", retry[^2].Role);
        Assert.Contains("Your answer could not be used: the answer is not valid JSON", retry[^1].Content);
        Assert.Contains("cut off", retry[^1].Content);
    }

    [Fact]
    public void An_answer_cut_off_at_the_length_limit_is_asked_again()
    {
        using var server = new FakeChatServer(
            new FakeReply.Chat("{\"name\": \"PhotoClip\", \"nodes\": []}", FinishReason: "length"),
            new FakeReply.Chat(Script.Components("PhotoClip", new Script.N("clip", "ImageToVideo"))));

        var (exit, _, _) = Draft(server, "animate this photo into a clip", ["--in", "photo=photo.jpg"]);

        Assert.Equal(0, exit);
        Assert.Contains("cut off at the output length limit", server.ChatRequests[1].LastUserMessage);
    }

    [Fact]
    public void Json_that_does_not_match_the_schema_gets_a_corrective_message_naming_what_is_wrong()
    {
        using var server = new FakeChatServer(
            new FakeReply.Chat("""{"name": "PhotoClip", "nodes": [{"name": "clip", "function": "ImageToVideo"}]}"""),
            new FakeReply.Chat(Script.Components("PhotoClip", new Script.N("clip", "ImageToVideo"))));

        var (exit, _, _) = Draft(server, "animate this photo into a clip", ["--in", "photo=photo.jpg"]);

        Assert.Equal(0, exit);
        Assert.Contains("nodes[0] has no 'arguments'", server.ChatRequests[1].LastUserMessage);
    }

    [Fact]
    public void A_model_that_never_answers_in_the_schema_ends_with_a_clear_message()
    {
        using var server = new FakeChatServer(
            new FakeReply.Chat("I cannot help with that."),
            new FakeReply.Chat("{\"name\": 3}"),
            new FakeReply.Chat("still no JSON"));

        var (exit, output, error) = Draft(server, "animate this photo into a clip", ["--in", "photo=photo.jpg"], "--rounds", "2");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("symgen: error: the model's answers never had the requested form (the answer holds no JSON object) after 2 corrective rounds", error);
        Assert.Equal(3, server.ChatRequests.Count);
    }

    [Fact]
    public void A_429_is_retried_after_the_servers_retry_after_and_then_succeeds()
    {
        var trace = Path.Combine(_cli.Scratch, "t.jsonl");
        using var server = new FakeChatServer(
            new FakeReply.Status(429, """{"error":{"message":"Rate limit reached"}}""", new Dictionary<string, string> { ["Retry-After"] = "0" }),
            new FakeReply.Status(503, "", new Dictionary<string, string> { ["retry-after-ms"] = "10" }),
            new FakeReply.Chat(Script.Components("PhotoClip", new Script.N("clip", "ImageToVideo"))));

        var (exit, _, error) = Draft(server, "animate this photo into a clip", ["--in", "photo=photo.jpg"], "--trace", trace);

        Assert.Equal(0, exit);
        Assert.Equal(3, server.ChatRequests.Count);
        Assert.Contains("1 model call,", error);
        var events = File.ReadAllLines(trace).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var retries = events.Where(e => e.GetProperty("event").GetString() == "http-retry").ToList();
        Assert.Equal([429, 503], retries.Select(e => e.GetProperty("status").GetInt32()));
        Assert.Equal(0.01, retries[1].GetProperty("waitSeconds").GetDouble());
    }

    [Fact]
    public void Rate_limiting_that_does_not_stop_ends_with_one_line_and_exit_2()
    {
        var limited = new FakeReply.Status(429, """{"error":{"message":"Rate limit reached for requests"}}""", new Dictionary<string, string> { ["Retry-After"] = "0" });
        using var server = new FakeChatServer(limited, limited, limited, limited, limited);

        var (exit, output, error) = Draft(server, "animate this photo into a clip", ["--in", "photo=photo.jpg"]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal(5, server.ChatRequests.Count);
        Assert.Contains("is rate limiting (HTTP 429) and retries did not get through; try again later: Rate limit reached for requests", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_server_asking_to_wait_too_long_is_not_waited_for()
    {
        using var server = new FakeChatServer(new FakeReply.Status(429, "", new Dictionary<string, string> { ["Retry-After"] = "3600" }));

        var (exit, _, error) = Draft(server, "animate this photo into a clip", ["--in", "photo=photo.jpg"]);

        Assert.Equal(2, exit);
        Assert.Single(server.ChatRequests);
        Assert.Contains("HTTP 429", error);
    }

    [Fact]
    public void Refused_credentials_end_with_one_line_that_never_shows_the_key()
    {
        var trace = Path.Combine(_cli.Scratch, "t.jsonl");
        using var server = new FakeChatServer(new FakeReply.Status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + Key + ".\"}}"));

        var (exit, output, error) = Draft(server, "animate this photo into a clip", ["--in", "photo=photo.jpg"], "--trace", trace);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("refused the credentials (HTTP 401): Incorrect API key provided: [redacted].", error);
        Assert.DoesNotContain(Key, error);
        Assert.DoesNotContain(Key, File.ReadAllText(trace));
        Assert.Single(error.Split('\n'), l => l.StartsWith("symgen: error:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_server_that_does_not_answer_in_time_ends_with_a_timeout_message()
    {
        using var server = new FakeChatServer(new FakeReply.Delayed(TimeSpan.FromSeconds(10), new FakeReply.Chat("{}")));

        var (exit, _, error) = Draft(server, "animate this photo into a clip", ["--in", "photo=photo.jpg"], "--timeout", "1");

        Assert.Equal(2, exit);
        Assert.Contains($"symgen: error: no answer from http://127.0.0.1:{server.Port} within 1 s", error);
    }

    [Fact]
    public void A_server_that_is_not_there_ends_with_cannot_reach()
    {
        int port;
        using (var probe = new FakeChatServer()) port = probe.Port;

        var (exit, _, error) = _cli.Run("draft", "animate this photo into a clip", "--in", "photo=photo.jpg",
            "--endpoint", $"http://127.0.0.1:{port}/v1", "--model", "m");

        Assert.Equal(2, exit);
        Assert.Contains("symgen: error: cannot reach OpenAI-compatible server", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_server_without_structured_output_gets_json_mode_instead()
    {
        using var server = new FakeChatServer(
            new FakeReply.Status(400, """{"error":{"message":"Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model."}}"""),
            new FakeReply.Chat(Script.Components("PhotoClip", new Script.N("clip", "ImageToVideo"))));

        var (exit, _, error) = Draft(server, "animate this photo into a clip", ["--in", "photo=photo.jpg"]);

        Assert.Equal(0, exit);
        Assert.Contains("1 model call,", error);
        using var body = JsonDocument.Parse(server.ChatRequests[1].Body);
        Assert.Equal("json_object", body.RootElement.GetProperty("response_format").GetProperty("type").GetString());
    }

    [Fact]
    public void Azure_openai_is_reached_on_the_deployment_route_with_an_api_key_header()
    {
        using var server = new FakeChatServer(new FakeReply.Chat(Script.Components("PhotoClip", new Script.N("clip", "ImageToVideo", ("duration", "6s")))));

        var (exit, output, error) = _cli.Run("draft", "animate this photo into a clip", "--in", "photo=photo.jpg",
            "--provider", "azure", "--endpoint", server.AzureBase, "--model", "symgen-gpt", "--api-key", Key);

        Assert.Equal(0, exit);
        Assert.Contains("drafting with Azure OpenAI", error);
        Assert.Contains("clip = ImageToVideo(photo, duration: 6s)", output);
        var request = Assert.Single(server.ChatRequests);
        Assert.Equal("/openai/deployments/symgen-gpt/chat/completions", request.Path);
        Assert.StartsWith("api-version=", request.Query);
        Assert.Equal(Key, request.Headers["api-key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public void The_transcript_logs_every_request_and_answer_and_never_the_key()
    {
        var trace = Path.Combine(_cli.Scratch, "transcript.jsonl");
        using var server = new FakeChatServer(
            new FakeReply.Chat(Script.Components("JungleRuins", Script.Replace(Script.CleanNodes, "clip", new("clip", "ImageToVideo", ("duration", "2min"))))),
            new FakeReply.Chat(Script.Links(Script.CleanOpenLinks)),
            new FakeReply.Chat(Script.Revision(Script.CleanNodes, Script.AllCleanLinks)));

        var (exit, _, _) = Draft(server, Script.Flagship, Script.FlagshipInputs, "--trace", trace);

        Assert.Equal(0, exit);
        var text = File.ReadAllText(trace);
        Assert.DoesNotContain(Key, text);
        Assert.DoesNotContain("SECRET", text);
        Assert.Equal(Key, server.ChatRequests[0].Headers["Authorization"]["Bearer ".Length..]);
        var events = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var kinds = events.Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Equal(3, kinds.Count(k => k == "request"));
        Assert.Equal(3, kinds.Count(k => k == "response"));
        Assert.Equal("result", kinds[^1]);
        Assert.Equal(["components", "topology", "refinement"], events.Where(e => e.GetProperty("event").GetString() == "request").Select(e => e.GetProperty("stage").GetString()));
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "check" && e.GetProperty("errors").GetInt32() == 1);
    }

    [Theory]
    [InlineData("natural", "poster is ImageBlend of jungle and ruins, with weight 0.45 and mode laplacian.")]
    [InlineData("declarative", "node poster = ImageBlend { weight: 0.45, mode: laplacian }")]
    public void The_draft_is_printed_in_the_chosen_syntax_and_written_with_o(string syntax, string expected)
    {
        var path = Path.Combine(_cli.Scratch, "JungleRuins.sym");
        using var server = new FakeChatServer(
            new FakeReply.Chat(Script.Components("JungleRuins", Script.CleanNodes)),
            new FakeReply.Chat(Script.Links(Script.CleanOpenLinks)));

        var (exit, output, error) = Draft(server, Script.Flagship, Script.FlagshipInputs, "--syntax", syntax, "-o", path);

        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Contains($"symgen: wrote {path}", error);
        var text = File.ReadAllText(path);
        Assert.Contains(expected, text);
        Assert.StartsWith("# Drafted by symgen from: blend a jungle photo", text);
        Assert.Equal(0, _cli.Run("check", path).Exit);
    }
}
