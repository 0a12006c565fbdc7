using System.Globalization;
using System.Net;

namespace SymbolicGen.Cli.Drafting;

/// <summary>How the HTTP layer retries and times out.</summary>
/// <param name="Timeout">Longest wait for one attempt's answer.</param>
/// <param name="MaxRetries">Retries after the first attempt, for 429 and 5xx answers.</param>
/// <param name="BaseDelay">First backoff; doubled each retry (with jitter) unless the server says how long to wait.</param>
/// <param name="MaxDelay">Longest wait between attempts; a server asking for longer ends the retries.</param>
internal sealed record RetrySettings(TimeSpan Timeout, int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static RetrySettings Default { get; } = new(TimeSpan.FromSeconds(120), 4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
}

/// <summary>An attempt that got no answer in time.</summary>
internal sealed class ModelTimeoutException(string message) : Exception(message);

/// <summary>
/// Retries rate-limited (429) and transiently failing (500, 502, 503, 504) requests with exponential
/// backoff, honouring <c>Retry-After</c> (seconds or a date) and <c>retry-after-ms</c>, a bounded number
/// of times; each attempt has its own timeout. The SDK's own retries are switched off so this is the
/// only policy. Retries are logged to the transcript without headers.
/// </summary>
internal sealed class RetryHandler(RetrySettings settings, Transcript transcript, Func<TimeSpan, CancellationToken, Task>? delay = null, Action<string>? notify = null)
    : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? Task.Delay;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(Copy(request, body), timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ModelTimeoutException($"no answer from {request.RequestUri?.GetLeftPart(UriPartial.Authority)} within {settings.Timeout.TotalSeconds:0.#} s");
            }
            if (!IsTransient(response.StatusCode) || attempt >= settings.MaxRetries) return response;
            var wait = ServerDelay(response) ?? Backoff(attempt);
            if (wait > settings.MaxDelay) return response;
            transcript.Write("http-retry", new
            {
                status = (int)response.StatusCode,
                attempt = attempt + 1,
                waitSeconds = Math.Round(wait.TotalSeconds, 3),
                url = request.RequestUri?.GetLeftPart(UriPartial.Path),
            });
            notify?.Invoke($"HTTP {(int)response.StatusCode} from {request.RequestUri?.GetLeftPart(UriPartial.Authority)}; retrying in {wait.TotalSeconds:0.#} s ({attempt + 1} of {settings.MaxRetries})");
            response.Dispose();
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait the server asks for, if any.</summary>
    public static TimeSpan? ServerDelay(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var ms) &&
            double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            return TimeSpan.FromMilliseconds(millis);
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            if (retryAfter.Date is { } date) return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        }
        return null;
    }

    /// <summary>base × 2^attempt, with up to 25 % jitter, at most <see cref="RetrySettings.MaxDelay"/>.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var seconds = settings.BaseDelay.TotalSeconds * Math.Pow(2, attempt) * (1 + Random.Shared.NextDouble() * 0.25);
        return TimeSpan.FromSeconds(Math.Min(seconds, settings.MaxDelay.TotalSeconds));
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers) copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return copy;
    }
}
