using System.ClientModel;
using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;
using Azure.Identity;
using Microsoft.Extensions.AI;

namespace SymbolicGen.Cli.Drafting;

/// <summary>The provider failed (HTTP error, timeout, credentials): the draft cannot go on.</summary>
internal sealed class ProviderException(string message) : Exception(message);

/// <summary>
/// One drafting session's conversation with the model: sends a stage's messages with the stage's JSON
/// schema as the response format (falling back to plain JSON mode, then to none, when a server
/// rejects structured output), logs request and answer to the transcript, counts round trips, and turns
/// every provider failure into one <see cref="ProviderException"/> line.
/// </summary>
internal sealed class ModelSession(IChatClient client, string description, Transcript transcript)
{
    private enum FormatMode { Schema, JsonObject, None }

    private FormatMode _format = FormatMode.Schema;

    /// <summary>Answers received (each a model round trip).</summary>
    public int Calls { get; private set; }

    /// <summary>Asks the model and returns its answer's text; a cut-off answer is a <see cref="PlanFormatException"/>.</summary>
    public async Task<string> AskAsync(string stage, int round, IReadOnlyList<ChatMessage> messages, string schemaName, JsonElement schema, CancellationToken cancellationToken)
    {
        while (true)
        {
            var options = new ChatOptions
            {
                ResponseFormat = _format switch
                {
                    FormatMode.Schema => ChatResponseFormat.ForJsonSchema(schema, schemaName, $"The {schemaName} of a SymbolicGen flow draft"),
                    FormatMode.JsonObject => ChatResponseFormat.Json,
                    _ => null,
                },
            };
            transcript.Write("request", new
            {
                stage,
                round,
                provider = description,
                responseFormat = _format switch { FormatMode.Schema => "json_schema:" + schemaName, FormatMode.JsonObject => "json_object", _ => "text" },
                messages = messages.Select(m => new { role = m.Role.Value, content = m.Text }),
            });
            var clock = Stopwatch.StartNew();
            ChatResponse response;
            try
            {
                response = await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (_format != FormatMode.None && RejectsResponseFormat(e))
                {
                    transcript.Write("format-fallback", new { stage, from = _format.ToString(), reason = transcript.Scrub(FirstLine(e.Message)) });
                    _format = _format == FormatMode.Schema ? FormatMode.JsonObject : FormatMode.None;
                    continue;
                }
                var message = transcript.Scrub(Describe(e));
                transcript.Write("error", new { stage, round, message, elapsedMs = clock.ElapsedMilliseconds });
                throw new ProviderException(message);
            }
            Calls++;
            var text = response.Text ?? "";
            transcript.Write("response", new
            {
                stage,
                round,
                text,
                finishReason = response.FinishReason?.Value,
                inputTokens = response.Usage?.InputTokenCount,
                outputTokens = response.Usage?.OutputTokenCount,
                elapsedMs = clock.ElapsedMilliseconds,
            });
            if (response.FinishReason == ChatFinishReason.Length)
                throw new PlanFormatException("the answer was cut off at the output length limit; answer more briefly");
            return text;
        }
    }

    private static bool RejectsResponseFormat(Exception e) =>
        e is ClientResultException { Status: 400 or 422 } && (e.Message.Contains("response_format", StringComparison.OrdinalIgnoreCase) ||
                                                              e.Message.Contains("json_schema", StringComparison.OrdinalIgnoreCase));

    /// <summary>One line that says what went wrong with the provider.</summary>
    private string Describe(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case ModelTimeoutException timeout:
                    return timeout.Message;
                case AuthenticationFailedException or CredentialUnavailableException:
                    return $"no Azure credential for {description}: give an API key (--api-key or AZURE_OPENAI_API_KEY) or sign in (az login)";
                case HttpRequestException { StatusCode: null } http:
                    return $"cannot reach {description}: {FirstLine(http.InnerException?.Message ?? http.Message)}";
            }
        }
        if (e is ClientResultException result)
        {
            var detail = ErrorDetail(result);
            return result.Status switch
            {
                0 => $"cannot reach {description}: {FirstLine(e.InnerException?.Message ?? e.Message)}",
                401 or 403 => $"{description} refused the credentials (HTTP {result.Status}){detail}",
                404 => $"{description} was not found (HTTP 404): check the endpoint and the model or deployment name{detail}",
                429 => $"{description} is rate limiting (HTTP 429) and retries did not get through; try again later{detail}",
                _ => $"{description} answered HTTP {result.Status}{detail}",
            };
        }
        if (e is TimeoutException or TaskCanceledException) return $"no answer from {description} in time";
        return $"the request to {description} failed: {FirstLine(e.Message)}";
    }

    // The server's own error message, from the OpenAI error body when there is one.
    private static string ErrorDetail(ClientResultException e)
    {
        try
        {
            var body = e.GetRawResponse()?.Content?.ToString();
            if (!string.IsNullOrWhiteSpace(body))
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error))
                {
                    var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.GetString()
                        : error.ValueKind == JsonValueKind.String ? error.GetString() : null;
                    if (!string.IsNullOrWhiteSpace(message)) return ": " + Shorten(FirstLine(message));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ObjectDisposedException)
        {
            // Not JSON: fall back to nothing more than the status.
        }
        return "";
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
