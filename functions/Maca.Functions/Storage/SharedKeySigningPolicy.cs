using System.Security.Cryptography;
using System.Text;
using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Maca.Functions.Storage;

/// <summary>
/// Signs each request attempt with the account key (Shared Key authorization).
/// It runs per retry because x-ms-date is part of the signature.
/// </summary>
internal sealed class SharedKeySigningPolicy(string accountName, byte[] accountKey, StorageService service, TimeProvider clock)
    : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", clock.GetUtcNow().ToString("R"));
        var stringToSign = service == StorageService.Table ? TableStringToSign(request) : BlobQueueStringToSign(request);
        using var hmac = new HMACSHA256(accountKey);
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.SetValue("Authorization", $"SharedKey {accountName}:{signature}");
    }

    private string TableStringToSign(Request request)
    {
        var uri = request.Uri.ToUri();
        var resource = $"/{accountName}{uri.AbsolutePath}";
        var comp = HttpUtility.ParseQueryString(uri.Query)["comp"];
        if (comp is not null) resource += "?comp=" + comp;
        return string.Join('\n',
            request.Method.Method,
            Header(request, "Content-MD5"),
            Header(request, "Content-Type"),
            Header(request, "x-ms-date"),
            resource);
    }

    private string BlobQueueStringToSign(Request request)
    {
        long? length = null;
        if (request.Content is not null && request.Content.TryComputeLength(out var l)) length = l;
        var builder = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(Header(request, "Content-Encoding")).Append('\n')
            .Append(Header(request, "Content-Language")).Append('\n')
            .Append(length is null or 0 ? "" : length.Value.ToString()).Append('\n')
            .Append(Header(request, "Content-MD5")).Append('\n')
            .Append(Header(request, "Content-Type")).Append('\n')
            .Append('\n') // Date: x-ms-date is used instead
            .Append(Header(request, "If-Modified-Since")).Append('\n')
            .Append(Header(request, "If-Match")).Append('\n')
            .Append(Header(request, "If-None-Match")).Append('\n')
            .Append(Header(request, "If-Unmodified-Since")).Append('\n')
            .Append(Header(request, "Range")).Append('\n');

        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), h.Value))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
            builder.Append(header.Name).Append(':').Append(header.Value.Trim()).Append('\n');

        var uri = request.Uri.ToUri();
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        var query = HttpUtility.ParseQueryString(uri.Query);
        foreach (var key in query.AllKeys.Where(k => k is not null).OrderBy(k => k!.ToLowerInvariant(), StringComparer.Ordinal))
        {
            var values = query.GetValues(key)!.OrderBy(v => v, StringComparer.Ordinal);
            builder.Append('\n').Append(key!.ToLowerInvariant()).Append(':').Append(string.Join(',', values));
        }
        return builder.ToString();
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : "";
}

public enum StorageService { Blob, Queue, Table }
