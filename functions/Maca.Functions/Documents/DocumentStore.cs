using Azure;
using Azure.Storage.Blobs.Models;
using Maca.Functions.Cycles;
using Maca.Functions.Storage;

namespace Maca.Functions.Documents;

/// <summary>
/// Case files in the private documents container, named "{cycle}/{generated id}" and never by what the person
/// called them. The original name (sanitised) and the SHA-256 ride along as metadata. No URL to a blob is ever
/// handed out: every read goes through the app, which checks who is asking and records it.
/// </summary>
public sealed class DocumentStore(StorageAccount storage)
{
    public static string NewId() => "doc-" + Guid.NewGuid().ToString("N");

    public async Task SaveAsync(string cycleId, string documentId, Stream content, AcceptedFile type, string fileName, string sha256,
        CancellationToken ct)
    {
        var blob = storage.Container(CyclePurger.DocumentsContainer).GetBlobClient(BlobName(cycleId, documentId));
        await blob.UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = type.ContentType },
            // Metadata must be ASCII; the name is escaped rather than trusted.
            Metadata = new Dictionary<string, string> { ["filename"] = Uri.EscapeDataString(fileName), ["sha256"] = sha256 },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        }, ct);
    }

    public async Task<Stream?> OpenAsync(string cycleId, string documentId, CancellationToken ct)
    {
        try
        {
            return await storage.Container(CyclePurger.DocumentsContainer).GetBlobClient(BlobName(cycleId, documentId))
                .OpenReadAsync(cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task DeleteAsync(string cycleId, string documentId, CancellationToken ct) =>
        storage.Container(CyclePurger.DocumentsContainer).DeleteBlobIfExistsAsync(BlobName(cycleId, documentId), cancellationToken: ct);

    /// <summary>Every stored file of a cycle (case files and summary versions, all under its prefix); returns how many went.</summary>
    public async Task<int> DeleteAllAsync(string cycleId, CancellationToken ct)
    {
        var documents = storage.Container(CyclePurger.DocumentsContainer);
        if (!await documents.ExistsAsync(ct)) return 0;
        var deleted = 0;
        await foreach (var blob in documents.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{cycleId}/", ct))
            if (await documents.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: ct)) deleted++;
        return deleted;
    }

    private static string BlobName(string cycleId, string documentId) => $"{cycleId}/{documentId}";
}
