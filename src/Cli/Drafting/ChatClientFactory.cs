using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;

namespace SymbolicGen.Cli.Drafting;

/// <summary>
/// Makes the <see cref="IChatClient"/> for a provider: Azure OpenAI through <c>Azure.AI.OpenAI</c>
/// (key, or <c>DefaultAzureCredential</c> without one), OpenAI and OpenAI-compatible servers through
/// the <c>OpenAI</c> package with a custom endpoint. All of them send through one
/// <see cref="HttpClient"/> whose <see cref="RetryHandler"/> is the only retry policy.
/// </summary>
internal static class ChatClientFactory
{
    public static IChatClient Create(ProviderSettings provider, RetrySettings retry, Transcript transcript, Action<string>? notify = null)
    {
        var http = new HttpClient(new RetryHandler(retry, transcript, notify: notify)) { Timeout = Timeout.InfiniteTimeSpan };
        var transport = new HttpClientPipelineTransport(http);
        // The handler times out each attempt; the pipeline only needs to outlast all of them.
        var overall = TimeSpan.FromTicks(retry.Timeout.Ticks * (retry.MaxRetries + 1)) + TimeSpan.FromTicks(retry.MaxDelay.Ticks * retry.MaxRetries) + TimeSpan.FromMinutes(1);
        switch (provider.Kind)
        {
            case ProviderKind.Azure:
            {
                var options = new AzureOpenAIClientOptions { Transport = transport, RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = overall };
                var client = provider.ApiKey is { } key
                    ? new AzureOpenAIClient(provider.Endpoint!, new ApiKeyCredential(key), options)
                    : new AzureOpenAIClient(provider.Endpoint!, new DefaultAzureCredential(), options);
                return client.GetChatClient(provider.Model).AsIChatClient();
            }
            default:
            {
                var options = new OpenAIClientOptions { Transport = transport, RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = overall };
                if (provider.Endpoint is { } endpoint) options.Endpoint = endpoint;
                // Local servers (Ollama, llama.cpp) take no key, but the client wants one.
                var client = new OpenAIClient(new ApiKeyCredential(provider.ApiKey ?? "no-key"), options);
                return client.GetChatClient(provider.Model).AsIChatClient();
            }
        }
    }
}
