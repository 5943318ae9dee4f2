namespace Maca.Functions.Storage.Blobs;

/// <summary>One private blob container: documents in, documents out, never public.</summary>
public interface IBlobStore
{
    string ContainerName { get; }
    Task CreateIfNotExistsAsync(CancellationToken ct = default);

    /// <summary>Uploads, storing the SHA-256 as metadata and sending Content-MD5 so the service checks the bytes.</summary>
    Task<BlobProperties> UploadAsync(string blobName, Stream content, string contentType,
        IReadOnlyDictionary<string, string>? metadata = null, CancellationToken ct = default);

    /// <summary>A streaming download; dispose the result to release the connection.</summary>
    Task<BlobDownload> DownloadAsync(string blobName, CancellationToken ct = default);

    /// <summary>Null when the blob does not exist.</summary>
    Task<BlobProperties?> GetPropertiesAsync(string blobName, CancellationToken ct = default);

    IAsyncEnumerable<BlobItem> ListAsync(string? prefix = null, int? pageSize = null, CancellationToken ct = default);
    Task<BlobListPage> ListPageAsync(string? prefix = null, string? marker = null, int? maxResults = null, CancellationToken ct = default);

    /// <summary>True when a blob was deleted, false when there was none.</summary>
    Task<bool> DeleteAsync(string blobName, CancellationToken ct = default);

    /// <summary>A read-only service SAS for one blob, valid until <paramref name="expiresOn"/>.</summary>
    Uri CreateReadSasUri(string blobName, DateTimeOffset expiresOn);
}

public sealed record BlobProperties(
    string Name, long Length, string ContentType, string? ContentMd5, string? Sha256, string ETag,
    DateTimeOffset? LastModified, IReadOnlyDictionary<string, string> Metadata);

public sealed record BlobItem(string Name, long Length, string? ContentType, DateTimeOffset? LastModified);

public sealed record BlobListPage(IReadOnlyList<BlobItem> Items, string? NextMarker);

public sealed class BlobDownload(Stream content, BlobProperties properties) : IAsyncDisposable, IDisposable
{
    public Stream Content { get; } = content;
    public BlobProperties Properties { get; } = properties;
    public ValueTask DisposeAsync() => Content.DisposeAsync();
    public void Dispose() => Content.Dispose();
}
