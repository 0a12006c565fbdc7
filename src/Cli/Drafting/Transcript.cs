using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SymbolicGen.Cli.Drafting;

/// <summary>
/// The <c>--trace</c> log: one JSON object per line for every model request and answer, HTTP retry,
/// check and the result. Secrets never reach it: headers are not logged at all, and every string
/// written is scrubbed of the configured keys as a second line of defence.
/// </summary>
internal sealed class Transcript : IDisposable
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter? _writer;
    private readonly List<string> _secrets = [];
    private readonly object _gate = new();

    private Transcript(TextWriter? writer) => _writer = writer;

    /// <summary>A transcript that writes nothing.</summary>
    public static Transcript None => new(null);

    /// <summary>Opens <paramref name="path"/> for writing (replacing it).</summary>
    public static Transcript Open(string path)
    {
        try
        {
            return new Transcript(new StreamWriter(path, append: false, new UTF8Encoding(false)) { AutoFlush = true });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot write the transcript '{path}': {e.Message}");
        }
    }

    /// <summary>Never write <paramref name="secret"/> (an API key).</summary>
    public void AddSecret(string? secret)
    {
        if (!string.IsNullOrEmpty(secret)) _secrets.Add(secret);
    }

    /// <summary>Replaces every known secret in <paramref name="text"/>.</summary>
    public string Scrub(string text)
    {
        foreach (var secret in _secrets) text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
        return text;
    }

    /// <summary>Writes one event: <paramref name="fields"/> after <c>time</c> and <c>event</c>.</summary>
    public void Write(string eventName, object fields)
    {
        if (_writer is null) return;
        var node = JsonSerializer.SerializeToNode(fields, Options) as JsonObject ?? [];
        var line = new JsonObject { ["time"] = DateTimeOffset.UtcNow.ToString("O"), ["event"] = eventName };
        foreach (var (key, value) in node.ToList())
        {
            node.Remove(key);
            line[key] = value;
        }
        var text = Scrub(line.ToJsonString(Options));
        lock (_gate) _writer.WriteLine(text);
    }

    public void Dispose() => _writer?.Dispose();
}
