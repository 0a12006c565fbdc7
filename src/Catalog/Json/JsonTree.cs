using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using SymbolicGen.Language.Text;

namespace SymbolicGen.Catalog.Json;

/// <summary>The kinds of JSON values.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A JSON value with the span of its text in the file (UTF-16 offsets, as every host counts): for a string the
/// quotes included, for an object or array its brackets. <see cref="Text"/> is a string's value, or a number's raw
/// text exactly as written (so that <c>18446744073709551615</c> reads exactly).
/// </summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, int start)
    {
        Kind = kind;
        Start = start;
    }

    public JsonKind Kind { get; }

    public int Start { get; }

    public int End { get; set; }

    public SourceSpan Span => SourceSpan.FromBounds(Start, End);

    public string? Text { get; set; }

    /// <summary>An object's members in written order.</summary>
    public List<JsonProperty> Properties { get; } = new();

    /// <summary>An array's items.</summary>
    public List<JsonNode> Items { get; } = new();

    /// <summary>The member named <paramref name="name"/> (the first one), or null.</summary>
    public JsonProperty? Property(string name)
    {
        foreach (var property in Properties)
            if (property.Name == name) return property;
        return null;
    }

    /// <summary>What the value is, in words: <c>a number</c>, <c>an object</c>.</summary>
    public string Describe() => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Null => "null",
        _ => Kind == JsonKind.True ? "true" : "false",
    };
}

/// <summary>An object member: its name (and the span of the name's token) and its value.</summary>
internal sealed record JsonProperty(string Name, SourceSpan NameSpan, JsonNode Value);

/// <summary>
/// Parses a JSON text with <see cref="Utf8JsonReader"/> into <see cref="JsonNode"/>s with UTF-16 spans. Comments
/// and trailing commas are allowed (catalog files are written by hand too). It never throws on its input:
/// malformed JSON is one error at its position.
/// </summary>
internal static class JsonTree
{
    private const int MaxDepth = 64;

    /// <summary>The root value, or null and the position (UTF-16 offset) and message of the first syntax error.</summary>
    public static (JsonNode? Root, int ErrorAt, string? Error) Parse(string text)
    {
        // A byte-order mark is not JSON: skip it, and count offsets from the text's own start.
        var skip = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var bytes = Encoding.UTF8.GetBytes(text.Substring(skip));
        var charAt = CharOffsets(bytes, skip);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });
        try
        {
            var stack = new Stack<(JsonNode Node, string? PendingName, SourceSpan PendingSpan)>();
            JsonNode? root = null;
            string? name = null;
            var nameSpan = default(SourceSpan);
            while (reader.Read())
            {
                var start = charAt[(int)reader.TokenStartIndex];
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        name = reader.GetString();
                        nameSpan = SourceSpan.FromBounds(start, charAt[TokenEnd(ref reader, quoted: true)]);
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        stack.Push((new JsonNode(reader.TokenType == JsonTokenType.StartObject ? JsonKind.Object : JsonKind.Array, start), name, nameSpan));
                        name = null;
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        var (container, containerName, containerNameSpan) = stack.Pop();
                        container.End = charAt[(int)reader.TokenStartIndex + 1];
                        Attach(container, containerName, containerNameSpan);
                        continue;
                }
                var node = reader.TokenType switch
                {
                    JsonTokenType.String => new JsonNode(JsonKind.String, start) { Text = reader.GetString(), End = charAt[TokenEnd(ref reader, quoted: true)] },
                    JsonTokenType.Number => new JsonNode(JsonKind.Number, start) { Text = Encoding.UTF8.GetString(reader.ValueSpan.ToArray()), End = charAt[TokenEnd(ref reader, quoted: false)] },
                    JsonTokenType.True => new JsonNode(JsonKind.True, start) { End = charAt[TokenEnd(ref reader, quoted: false)] },
                    JsonTokenType.False => new JsonNode(JsonKind.False, start) { End = charAt[TokenEnd(ref reader, quoted: false)] },
                    _ => new JsonNode(JsonKind.Null, start) { End = charAt[TokenEnd(ref reader, quoted: false)] },
                };
                Attach(node, name, nameSpan);
                name = null;
            }
            return root is null ? (null, text.Length, "the file holds no JSON value") : (root, 0, null);

            void Attach(JsonNode value, string? propertyName, SourceSpan propertySpan)
            {
                if (stack.Count == 0)
                {
                    root = value;
                    return;
                }
                var parent = stack.Peek().Node;
                if (parent.Kind == JsonKind.Object) parent.Properties.Add(new JsonProperty(propertyName ?? "", propertySpan, value));
                else parent.Items.Add(value);
            }
        }
        catch (JsonException e)
        {
            // The reader's position when it stopped: the line (0-based) and the byte in that line.
            var at = charAt[Math.Min(bytes.Length, ByteOffset(bytes, e.LineNumber ?? 0, e.BytePositionInLine ?? 0))];
            return (null, at, Reason(e.Message));
        }
    }

    // The byte just past the current token: a string's or a name's closing quote, else its last byte.
    private static int TokenEnd(ref Utf8JsonReader reader, bool quoted)
    {
        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        return (int)reader.TokenStartIndex + length + (quoted ? 2 : 0);
    }

    // charAt[b] is the UTF-16 offset of byte b (and of the end, at bytes.Length), shifted by what was skipped.
    private static int[] CharOffsets(byte[] bytes, int shift)
    {
        var charAt = new int[bytes.Length + 1];
        var chars = shift;
        for (var i = 0; i < bytes.Length; i++)
        {
            charAt[i] = chars;
            var b = bytes[i];
            if ((b & 0xC0) == 0x80) continue; // a continuation byte belongs to the character before
            chars += b >= 0xF0 ? 2 : 1;       // a four-byte sequence is a surrogate pair
        }
        charAt[bytes.Length] = chars;
        return charAt;
    }

    private static int ByteOffset(byte[] bytes, long line, long byteInLine)
    {
        var offset = 0;
        for (var seen = 0L; seen < line && offset < bytes.Length; offset++)
            if (bytes[offset] == (byte)'\n') seen++;
        return (int)Math.Min(bytes.Length, offset + byteInLine);
    }

    // "'x' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 9." → the part before the position.
    private static string Reason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut < 0 ? message : message.Substring(0, cut)).Trim().TrimEnd('.');
        return reason.Replace("\r", " ").Replace("\n", " ");
    }
}
