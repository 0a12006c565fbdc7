using System.Text.Json;

namespace SymbolicGen.Cli.Drafting;

/// <summary>Which wire dialect and authentication a provider speaks.</summary>
internal enum ProviderKind
{
    /// <summary>Azure OpenAI: <c>/openai/deployments/{model}/chat/completions?api-version=…</c>, <c>api-key</c> header or Entra ID.</summary>
    Azure,
    /// <summary>OpenAI itself (<c>https://api.openai.com/v1</c>), bearer key.</summary>
    OpenAI,
    /// <summary>Any OpenAI-compatible server at a base URL (Ollama, vLLM, llama.cpp): <c>{base}/chat/completions</c>, key optional.</summary>
    Compatible,
}

/// <summary>A resolved provider. <see cref="ApiKey"/> null means Entra ID (Azure) or no key (compatible servers).</summary>
internal sealed record ProviderSettings(ProviderKind Kind, Uri? Endpoint, string Model, string? ApiKey)
{
    /// <summary>For messages and the transcript: never the key.</summary>
    public string Describe() => $"{Kind switch { ProviderKind.Azure => "Azure OpenAI", ProviderKind.OpenAI => "OpenAI", _ => "OpenAI-compatible server" }} " +
                                $"{(Endpoint is null ? "" : Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + " ")}model '{Model}'";
}

/// <summary>What <c>symgen draft</c> was given on its command line about the provider.</summary>
internal sealed record ProviderOptions(string? Provider, string? Endpoint, string? Model, string? ApiKey);

/// <summary>
/// Resolves the provider. Each setting is taken from the first of: the command-line option, the
/// <c>SYMGEN_*</c> environment variable, the provider's usual variable (<c>AZURE_OPENAI_ENDPOINT</c>,
/// <c>AZURE_OPENAI_API_KEY</c>, <c>AZURE_OPENAI_DEPLOYMENT</c>; <c>OPENAI_BASE_URL</c>, <c>OPENAI_API_KEY</c>),
/// the config file (<c>$SYMGEN_CONFIG</c>, else <c>~/.config/symgen/config.json</c>). The kind is the one
/// named (<c>--provider</c>, <c>SYMGEN_PROVIDER</c>, <c>"provider"</c>), else read off the endpoint
/// (an <c>*.openai.azure.com</c> host is Azure, <c>api.openai.com</c> OpenAI, anything else a compatible
/// server), else from which provider's variables are set. Nothing configured: null (offline).
/// </summary>
internal static class ProviderConfig
{
    public static ProviderSettings? Resolve(ProviderOptions options, Func<string, string?> environment)
    {
        string? Env(string name) => environment(name) is { Length: > 0 } v ? v.Trim() : null;
        var file = ReadFile(Env("SYMGEN_CONFIG") ?? DefaultConfigPath(Env), explicitPath: Env("SYMGEN_CONFIG") is not null);

        var named = options.Provider ?? Env("SYMGEN_PROVIDER") ?? file?.Provider;
        var endpoint = options.Endpoint ?? Env("SYMGEN_ENDPOINT");
        ProviderKind? kind = named is null ? null : ParseKind(named);
        if (kind is null)
        {
            if (endpoint is not null) kind = KindOf(endpoint);
            else if (Env("AZURE_OPENAI_ENDPOINT") is not null) kind = ProviderKind.Azure;
            else if (Env("OPENAI_BASE_URL") is { } baseUrl) kind = KindOf(baseUrl);
            else if (Env("OPENAI_API_KEY") is not null) kind = ProviderKind.OpenAI;
            else if (file?.Endpoint is { } fileEndpoint) kind = KindOf(fileEndpoint);
            else if ((options.ApiKey ?? Env("SYMGEN_API_KEY") ?? file?.ApiKey) is not null) kind = ProviderKind.OpenAI;
            else if (file?.Model is not null || options.Model is not null || Env("SYMGEN_MODEL") is not null)
                throw new CliException("a model is set but no endpoint: give --endpoint (or SYMGEN_ENDPOINT), or --provider openai");
            else return null;
        }

        var azure = kind == ProviderKind.Azure;
        endpoint ??= (azure ? Env("AZURE_OPENAI_ENDPOINT") : Env("OPENAI_BASE_URL")) ?? file?.Endpoint;
        var model = options.Model ?? Env("SYMGEN_MODEL") ?? (azure ? Env("AZURE_OPENAI_DEPLOYMENT") : null) ?? file?.Model;
        var key = options.ApiKey ?? Env("SYMGEN_API_KEY") ?? (azure ? Env("AZURE_OPENAI_API_KEY") : Env("OPENAI_API_KEY")) ?? file?.ApiKey;

        Uri? uri = null;
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https")))
            throw new CliException($"the endpoint '{endpoint}' is not an http(s) URL");
        if (uri is null && kind != ProviderKind.OpenAI)
            throw new CliException(azure
                ? "Azure OpenAI needs an endpoint: --endpoint https://NAME.openai.azure.com or AZURE_OPENAI_ENDPOINT"
                : "an OpenAI-compatible server needs its base URL: --endpoint http://localhost:11434/v1 or SYMGEN_ENDPOINT");
        if (model is null)
            throw new CliException(azure
                ? "Azure OpenAI needs a deployment name: --model NAME, SYMGEN_MODEL or AZURE_OPENAI_DEPLOYMENT"
                : "no model named: give --model (for example gpt-4o-mini, or llama3.1 on Ollama) or set SYMGEN_MODEL");
        if (key is null && kind == ProviderKind.OpenAI)
            throw new CliException("OpenAI needs an API key: --api-key, SYMGEN_API_KEY or OPENAI_API_KEY");
        return new ProviderSettings(kind.Value, uri, model, key);
    }

    public static ProviderKind ParseKind(string name) => name.Trim().ToLowerInvariant() switch
    {
        "azure" or "azure-openai" or "azureopenai" => ProviderKind.Azure,
        "openai" => ProviderKind.OpenAI,
        "compatible" or "openai-compatible" or "ollama" or "vllm" or "llama.cpp" or "llamacpp" => ProviderKind.Compatible,
        _ => throw new CliException($"unknown provider '{name}': use azure, openai or compatible"),
    };

    /// <summary>The kind an endpoint's address implies.</summary>
    public static ProviderKind KindOf(string endpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)) return ProviderKind.Compatible;
        var host = uri.Host.ToLowerInvariant();
        if (host.EndsWith(".openai.azure.com", StringComparison.Ordinal) || host.EndsWith(".cognitiveservices.azure.com", StringComparison.Ordinal) ||
            host.EndsWith(".services.ai.azure.com", StringComparison.Ordinal) || uri.AbsolutePath.Contains("/openai/deployments", StringComparison.OrdinalIgnoreCase))
            return ProviderKind.Azure;
        return host == "api.openai.com" ? ProviderKind.OpenAI : ProviderKind.Compatible;
    }

    private static string DefaultConfigPath(Func<string, string?> env)
    {
        var home = env("XDG_CONFIG_HOME") ?? Path.Combine(env("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(home, "symgen", "config.json");
    }

    private sealed record ConfigFile(string? Provider, string? Endpoint, string? Model, string? ApiKey);

    private static ConfigFile? ReadFile(string path, bool explicitPath)
    {
        if (!File.Exists(path))
        {
            if (explicitPath) throw new CliException($"the config file '{path}' (SYMGEN_CONFIG) does not exist");
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new CliException($"the config file '{path}' is not a JSON object");
            string? Get(string name) =>
                root.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } p
                    ? p.Value.GetString() is { Length: > 0 } s ? s : null
                    : null;
            return new ConfigFile(Get("provider"), Get("endpoint"), Get("model") ?? Get("deployment"), Get("apiKey") ?? Get("api_key"));
        }
        catch (JsonException e)
        {
            throw new CliException($"the config file '{path}' is not valid JSON (line {e.LineNumber + 1})");
        }
        catch (IOException e)
        {
            throw new CliException($"cannot read the config file '{path}': {e.Message}");
        }
    }
}
