using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Maca.Functions.Storage.Blobs;

/// <summary>The Blob service REST API for one container, on the shared storage pipeline.</summary>
public sealed class BlobStore(StoragePipeline pipeline, string containerName) : IBlobStore
{
    public const string Sha256MetadataKey = "sha256";
    private readonly string _containerUri = $"{pipeline.Connection.BlobEndpoint}/{containerName}";

    public string ContainerName { get; } = containerName;

    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        // No x-ms-blob-public-access header: the container is private.
        using var message = Create(RequestMethod.Put, $"{_containerUri}?restype=container");
        try { await pipeline.SendAsync(StorageService.Blob, message, ct); }
        catch (StorageConflictException) { /* already there */ }
    }

    public async Task<BlobProperties> UploadAsync(string blobName, Stream content, string contentType,
        IReadOnlyDictionary<string, string>? metadata = null, CancellationToken ct = default)
    {
        await using var seekable = await SeekableCopy.EnsureAsync(content, ct);
        var (sha256, md5) = await HashAsync(seekable.Stream, ct);
        using var message = Create(RequestMethod.Put, BlobUri(blobName));
        var request = message.Request;
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Headers.SetValue("Content-Type", contentType);
        request.Headers.SetValue("Content-MD5", md5);
        request.Headers.SetValue("x-ms-blob-content-type", contentType);
        request.Headers.SetValue("x-ms-blob-content-md5", md5);
        request.Headers.SetValue($"x-ms-meta-{Sha256MetadataKey}", sha256);
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
            request.Headers.SetValue($"x-ms-meta-{key}", value);
        request.Content = RequestContent.Create(seekable.Stream);
        await pipeline.SendAsync(StorageService.Blob, message, ct);
        return await GetPropertiesAsync(blobName, ct)
            ?? throw new StorageNotFoundException("BlobNotFound", $"Blob '{blobName}' vanished right after upload.");
    }

    public async Task<BlobDownload> DownloadAsync(string blobName, CancellationToken ct = default)
    {
        var message = Create(RequestMethod.Get, BlobUri(blobName));
        message.BufferResponse = false;
        try
        {
            var response = await pipeline.SendAsync(StorageService.Blob, message, ct);
            var properties = PropertiesFrom(blobName, response);
            return new BlobDownload(new OwningStream(message.ExtractResponseContent()!, message), properties);
        }
        catch { message.Dispose(); throw; }
    }

    public async Task<BlobProperties?> GetPropertiesAsync(string blobName, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Head, BlobUri(blobName));
        try { return PropertiesFrom(blobName, await pipeline.SendAsync(StorageService.Blob, message, ct)); }
        catch (StorageNotFoundException) { return null; }
    }

    public async IAsyncEnumerable<BlobItem> ListAsync(string? prefix = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        string? marker = null;
        do
        {
            var page = await ListPageAsync(prefix, marker, pageSize, ct);
            foreach (var item in page.Items) yield return item;
            marker = page.NextMarker;
        } while (marker is not null);
    }

    public async Task<BlobListPage> ListPageAsync(string? prefix = null, string? marker = null, int? maxResults = null, CancellationToken ct = default)
    {
        var uri = $"{_containerUri}?restype=container&comp=list"
            + (prefix is null ? "" : "&prefix=" + Uri.EscapeDataString(prefix))
            + (marker is null ? "" : "&marker=" + Uri.EscapeDataString(marker))
            + (maxResults is null ? "" : "&maxresults=" + maxResults);
        using var message = Create(RequestMethod.Get, uri);
        var response = await pipeline.SendAsync(StorageService.Blob, message, ct);
        var xml = XDocument.Parse(response.Content.ToString()).Root!;
        var items = xml.Element("Blobs")?.Elements("Blob").Select(b =>
        {
            var p = b.Element("Properties");
            return new BlobItem(b.Element("Name")!.Value,
                long.Parse(p?.Element("Content-Length")?.Value ?? "0", CultureInfo.InvariantCulture),
                p?.Element("Content-Type")?.Value,
                p?.Element("Last-Modified") is { } lm ? DateTimeOffset.Parse(lm.Value, CultureInfo.InvariantCulture) : null);
        }).ToList() ?? [];
        var next = xml.Element("NextMarker")?.Value;
        return new BlobListPage(items, string.IsNullOrEmpty(next) ? null : next);
    }

    public async Task<bool> DeleteAsync(string blobName, CancellationToken ct = default)
    {
        using var message = Create(RequestMethod.Delete, BlobUri(blobName));
        try { await pipeline.SendAsync(StorageService.Blob, message, ct); return true; }
        catch (StorageNotFoundException) { return false; }
    }

    public Uri CreateReadSasUri(string blobName, DateTimeOffset expiresOn)
    {
        var key = pipeline.Connection.AccountKey ?? throw new InvalidOperationException(
            "A service SAS needs the account key; with managed identity, use a user delegation SAS instead.");
        var token = BlobSas.ReadOnly(pipeline.Connection.AccountName, key, ContainerName, blobName, expiresOn);
        return new Uri($"{BlobUri(blobName)}?{token}");
    }

    private string BlobUri(string blobName)
    {
        if (string.IsNullOrWhiteSpace(blobName)) throw new ArgumentException("A blob name is required.", nameof(blobName));
        return $"{_containerUri}/{string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString))}";
    }

    private HttpMessage Create(RequestMethod method, string uri) =>
        pipeline.CreateMessage(StorageService.Blob, method, new Uri(uri));

    private static async Task<(string Sha256, string Md5)> HashAsync(Stream stream, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            md5.AppendData(buffer, 0, read);
        }
        stream.Position = 0;
        return (Convert.ToHexStringLower(sha.GetHashAndReset()), Convert.ToBase64String(md5.GetHashAndReset()));
    }

    private static BlobProperties PropertiesFrom(string name, Response response)
    {
        var metadata = response.Headers
            .Where(h => h.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name[10..].ToLowerInvariant(), h => h.Value);
        string? Header(string n) => response.Headers.TryGetValue(n, out var v) ? v : null;
        return new BlobProperties(name,
            long.Parse(Header("Content-Length") ?? "0", CultureInfo.InvariantCulture),
            Header("Content-Type") ?? "application/octet-stream",
            Header("Content-MD5"),
            metadata.GetValueOrDefault(Sha256MetadataKey),
            Header("ETag") ?? "",
            Header("Last-Modified") is { } lm ? DateTimeOffset.Parse(lm, CultureInfo.InvariantCulture) : null,
            metadata);
    }
}
