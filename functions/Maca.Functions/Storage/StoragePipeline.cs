using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Maca.Functions.Storage;

/// <summary>
/// The shared HTTP pipeline for the Table, Blob and Queue clients: retries with exponential backoff,
/// then Shared Key or bearer-token authentication.
/// </summary>
public sealed class StoragePipeline
{
    public const string ApiVersion = "2021-12-02";
    private const string TokenScope = "https://storage.azure.com/.default";

    private sealed class PipelineOptions : ClientOptions;

    private readonly Dictionary<StorageService, HttpPipeline> _pipelines;

    public StoragePipeline(StorageConnection connection, StorageOptions options, TimeProvider clock,
        StorageTransactionCounter counter, TokenCredential? credential = null, HttpClient? httpClient = null)
    {
        Connection = connection;
        Clock = clock;
        var transport = new HttpClientTransport(httpClient ?? SharedHttpClient.Value);
        _pipelines = Enum.GetValues<StorageService>().ToDictionary(service => service, service =>
        {
            var clientOptions = new PipelineOptions { Transport = transport };
            clientOptions.Retry.Mode = RetryMode.Exponential;
            clientOptions.Retry.MaxRetries = options.MaxRetries;
            clientOptions.Retry.Delay = options.RetryDelay;
            clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
            clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
            clientOptions.Diagnostics.IsLoggingContentEnabled = false;
            clientOptions.Diagnostics.IsDistributedTracingEnabled = false;
            HttpPipelinePolicy auth = connection.AccountKey is { } key
                ? new SharedKeySigningPolicy(connection.AccountName, key, service, clock)
                : new BearerTokenAuthenticationPolicy(
                    credential ?? throw new InvalidOperationException(
                        "Storage has no account key; a TokenCredential (managed identity) is required."),
                    TokenScope);
            return HttpPipelineBuilder.Build(clientOptions,
                [new CountingPolicy(counter)], [auth], new StorageRetryClassifier());
        });
    }

    public StorageConnection Connection { get; }
    public TimeProvider Clock { get; }

    // One connection pool for every storage call in the process.
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    }) { Timeout = Timeout.InfiniteTimeSpan });

    public HttpMessage CreateMessage(StorageService service, RequestMethod method, Uri uri)
    {
        var message = _pipelines[service].CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue("x-ms-version", ApiVersion);
        return message;
    }

    /// <summary>Sends and throws a typed <see cref="StorageRequestFailedException"/> for any error answer.</summary>
    public async Task<Response> SendAsync(StorageService service, HttpMessage message, CancellationToken ct)
    {
        await _pipelines[service].SendAsync(message, ct).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status < 400) return response;
        throw await ToExceptionAsync(response, ct).ConfigureAwait(false);
    }

    internal static async Task<StorageRequestFailedException> ToExceptionAsync(Response response, CancellationToken ct)
    {
        var body = response.ContentStream is null ? "" : await new StreamReader(response.ContentStream).ReadToEndAsync(ct);
        var (code, message) = ParseError(body);
        code ??= response.Headers.TryGetValue("x-ms-error-code", out var headerCode) ? headerCode : null;
        return StorageErrors.From(response.Status, code,
            $"Storage answered {response.Status} {code ?? response.ReasonPhrase}: {message ?? response.ReasonPhrase}");
    }

    /// <summary>Reads an error code and message from the Table JSON or Blob/Queue XML error body.</summary>
    internal static (string? Code, string? Message) ParseError(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return (null, null);
        try
        {
            if (body.TrimStart().StartsWith('<'))
            {
                var xml = XElement.Parse(body);
                return (xml.Element("Code")?.Value, xml.Element("Message")?.Value?.Split('\n')[0]);
            }
            using var json = System.Text.Json.JsonDocument.Parse(body);
            var error = json.RootElement.TryGetProperty("odata.error", out var e) ? e : json.RootElement;
            var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            var text = error.TryGetProperty("message", out var m)
                ? m.ValueKind == System.Text.Json.JsonValueKind.Object ? m.GetProperty("value").GetString() : m.GetString()
                : null;
            return (code, text?.Split('\n')[0]);
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or System.Text.Json.JsonException)
        {
            return (null, body.Length > 300 ? body[..300] : body);
        }
    }
}
