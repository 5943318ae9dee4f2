using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Maca.Functions.Storage;

namespace Maca.Functions.Cycles;

/// <summary>
/// Where a cycle's state goes when it is too large to sit in its snapshot row: a private blob named by the
/// content's own SHA-256, written before the commit. A commit that fails leaves only an unused blob, and a blob
/// never changes once written, so a reader always gets exactly what the row it read points to.
/// </summary>
public sealed class SnapshotSpill(StorageAccount storage)
{
    public const string ContainerName = "cyclestate";

    /// <summary>States longer than this (in characters) go to a blob; the row keeps well under the 1 MiB entity limit.</summary>
    public const int InlineLimitChars = 200_000;

    private BlobContainerClient Container => storage.Container(ContainerName);

    public Task InitializeAsync(CancellationToken ct) => Container.CreateIfNotExistsAsync(cancellationToken: ct);

    public async Task<string> PutAsync(string cycleId, string content, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var name = $"{cycleId}/{Convert.ToHexStringLower(SHA256.HashData(bytes))}.json";
        try { await Container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(bytes), overwrite: false, ct); }
        catch (RequestFailedException ex) when (ex.Status == 409) { /* the same content is already there */ }
        return name;
    }

    public async Task<string> GetAsync(string name, CancellationToken ct) =>
        (await Container.GetBlobClient(name).DownloadContentAsync(ct)).Value.Content.ToString();

    /// <summary>Every spilled state of a cycle, for the purge; returns how many.</summary>
    public async Task<int> DeleteAllAsync(string cycleId, CancellationToken ct)
    {
        var deleted = 0;
        if (!await Container.ExistsAsync(ct)) return 0;
        await foreach (var blob in Container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None,
            Azure.Storage.Blobs.Models.BlobStates.None, $"{cycleId}/", ct))
            if (await Container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: ct)) deleted++;
        return deleted;
    }
}
