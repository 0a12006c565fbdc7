using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SymbolicGen.Cli.Tests.Drafting;

/// <summary>A request the fake server received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The chat messages' contents, in order.</summary>
    public IReadOnlyList<(string Role, string Content)> Messages()
    {
        using var json = JsonDocument.Parse(Body);
        return json.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString()!, m.TryGetProperty("content", out var c) ? ContentText(c) : ""))
            .ToList();
    }

    /// <summary>The last user message.</summary>
    public string LastUserMessage => Messages().Last(m => m.Role == "user").Content;

    private static string ContentText(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString()!,
        JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : "")),
        _ => "",
    };
}

/// <summary>A scripted answer.</summary>
public abstract record FakeReply
{
    /// <summary>A chat completion whose message content is <paramref name="Content"/>.</summary>
    public sealed record Chat(string Content, string FinishReason = "stop") : FakeReply;

    /// <summary>An HTTP status with a body and headers (an error, a 429).</summary>
    public sealed record Status(int Code, string Body = "", IReadOnlyDictionary<string, string>? Headers = null) : FakeReply;

    /// <summary>Waits before answering with <paramref name="Then"/>.</summary>
    public sealed record Delayed(TimeSpan Delay, FakeReply Then) : FakeReply;
}

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 (a <see cref="TcpListener"/>, no ASP.NET) that speaks the OpenAI
/// chat-completions wire format on <c>/v1/chat/completions</c> and on the Azure route
/// <c>/openai/deployments/{d}/chat/completions?api-version=…</c>, answers with scripted replies in
/// order, and records every request. One connection per request (<c>Connection: close</c>).
/// </summary>
public sealed partial class FakeChatServer : IDisposable
{
    [GeneratedRegex(@"^/openai/deployments/[^/]+/chat/completions$")]
    private static partial Regex AzureRoute();

    private readonly TcpListener _listener;
    private readonly Queue<FakeReply> _replies = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _completions;

    public FakeChatServer(params FakeReply[] replies)
    {
        foreach (var reply in replies) _replies.Enqueue(reply);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    /// <summary>The OpenAI-style base URL.</summary>
    public string OpenAIBase => $"http://127.0.0.1:{Port}/v1";

    /// <summary>The Azure resource URL.</summary>
    public string AzureBase => $"http://127.0.0.1:{Port}/";

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    /// <summary>Requests on a chat-completions route.</summary>
    public IReadOnlyList<RecordedRequest> ChatRequests => Requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)).ToList();

    public void Enqueue(params FakeReply[] replies)
    {
        lock (_replies) foreach (var r in replies) _replies.Enqueue(r);
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Handle(client));
        }
    }

    private async Task Handle(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequest(stream);
                if (request is null) return;
                lock (_requests) _requests.Add(request);
                FakeReply? reply;
                if (request.Method != "POST" || !(request.Path == "/v1/chat/completions" || AzureRoute().IsMatch(request.Path)))
                    reply = new FakeReply.Status(404, """{"error":{"message":"no such route"}}""");
                else lock (_replies) reply = _replies.Count > 0 ? _replies.Dequeue() : new FakeReply.Status(500, """{"error":{"message":"the fake server has no scripted reply left"}}""");
                await Write(stream, reply);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
                // The client went away (a timeout test): nothing to answer.
            }
        }
    }

    private async Task Write(NetworkStream stream, FakeReply reply)
    {
        switch (reply)
        {
            case FakeReply.Delayed delayed:
                await Task.Delay(delayed.Delay, _stop.Token);
                await Write(stream, delayed.Then);
                return;
            case FakeReply.Chat chat:
                var n = Interlocked.Increment(ref _completions);
                var body = JsonSerializer.Serialize(new
                {
                    id = $"chatcmpl-{n}",
                    @object = "chat.completion",
                    created = 1_700_000_000 + n,
                    model = "fake-model",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = chat.Content }, finish_reason = chat.FinishReason } },
                    usage = new { prompt_tokens = 100, completion_tokens = 50, total_tokens = 150 },
                });
                await Send(stream, 200, body, null);
                return;
            case FakeReply.Status status:
                await Send(stream, status.Code, status.Body, status.Headers);
                return;
        }
    }

    private static async Task Send(NetworkStream stream, int code, string body, IReadOnlyDictionary<string, string>? headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"HTTP/1.1 {code} {Reason(code)}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n");
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) head.Append(k).Append(": ").Append(v).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    private static string Reason(int code) => code switch
    {
        200 => "OK", 400 => "Bad Request", 401 => "Unauthorized", 404 => "Not Found", 429 => "Too Many Requests",
        500 => "Internal Server Error", 503 => "Service Unavailable", _ => "Status",
    };

    private static async Task<RecordedRequest?> ReadRequest(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        // Headers, byte by byte up to the blank line (requests are small).
        while (!EndsWithBlankLine(buffer))
        {
            if (await stream.ReadAsync(one) == 0) return null;
            buffer.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n");
        var parts = lines[0].Split(' ');
        var target = parts[1];
        var q = target.IndexOf('?');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        byte[] body;
        if (headers.TryGetValue("Content-Length", out var length))
        {
            body = new byte[int.Parse(length)];
            var read = 0;
            while (read < body.Length)
            {
                var got = await stream.ReadAsync(body.AsMemory(read));
                if (got == 0) break;
                read += got;
            }
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            body = await ReadChunked(stream);
        else body = [];
        return new RecordedRequest(parts[0], q < 0 ? target : target[..q], q < 0 ? "" : target[(q + 1)..], headers, Encoding.UTF8.GetString(body));
    }

    private static async Task<byte[]> ReadChunked(NetworkStream stream)
    {
        var result = new List<byte>();
        while (true)
        {
            var sizeLine = await ReadLine(stream);
            var size = Convert.ToInt32(sizeLine.Split(';')[0].Trim(), 16);
            if (size == 0)
            {
                await ReadLine(stream);
                return result.ToArray();
            }
            var chunk = new byte[size];
            var read = 0;
            while (read < size) read += await stream.ReadAsync(chunk.AsMemory(read));
            result.AddRange(chunk);
            await ReadLine(stream);
        }
    }

    private static async Task<string> ReadLine(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) > 0)
        {
            if (one[0] == '\n') break;
            if (one[0] != '\r') bytes.Add(one[0]);
        }
        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    private static bool EndsWithBlankLine(List<byte> b) =>
        b.Count >= 4 && b[^4] == '\r' && b[^3] == '\n' && b[^2] == '\r' && b[^1] == '\n';

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
