using Maca.Functions.Workflow;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Maca.Functions.Cycles;
using Maca.Functions.Directory;
using Maca.Functions.Storage;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Summaries;

namespace Maca.Functions.Summaries;

/// <summary>
/// The learning summary in Word, one stored version per distinct content: generated when first asked for, written once
/// to the private documents container under the cycle (so a purge removes it), never changed, and recorded in the
/// history with its SHA-256. Asking again for unchanged content gives back the version already stored.
/// </summary>
public sealed class SummaryVersions(StorageAccount storage, CycleStore store, CycleGateway engine, DirectoryStore directory,
    TimeProvider clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public sealed record WordFile(byte[] Bytes, SummaryVersion Version, string FileName);

    // Each method takes the cycle as its caller already loaded it for this request, rather than reading it again.

    /// <summary>The Word version for the current content (stored now if it is new), its download recorded under the actor.</summary>
    public async Task<WordFile?> DownloadCurrentAsync(CycleState cycle, string actor, CancellationToken ct) =>
        await StoreCurrentAsync(cycle, actor, ct) is { } file ? await RecordedAsync(cycle.CycleId, file, actor, ct) : null;

    /// <summary>The version the summary was published as (the current one if it was published without naming one).</summary>
    public async Task<WordFile?> DownloadPublishedAsync(CycleState cycle, string actor, CancellationToken ct)
    {
        if (cycle.Summary != SummaryStatus.Published || cycle.DocumentsPurgedAt is not null) return null;
        if (cycle.SummaryVersions.FirstOrDefault(v => v.Version == cycle.PublishedVersion) is not { } published)
            return await DownloadCurrentAsync(cycle, actor, ct);
        var file = new WordFile(await ReadAsync(cycle.CycleId, published.Version, ct), published, FileName(cycle, published.Version));
        return await RecordedAsync(cycle.CycleId, file, actor, ct);
    }

    /// <summary>Stores the version being published first, so everyone the email reaches reads the same file.</summary>
    public async Task<CommandResult> PublishAsync(CycleState cycle, string actor, CancellationToken ct)
    {
        // Only an approved summary is stored; otherwise the engine says why it cannot be published.
        var file = cycle.Summary == SummaryStatus.Approved ? await StoreCurrentAsync(cycle, actor, ct) : null;
        return await engine.ExecuteAsync(cycle.CycleId, new PublishSummary(file?.Version.Version), actor: actor, ct: ct);
    }

    private async Task<WordFile> RecordedAsync(string cycleId, WordFile file, string actor, CancellationToken ct)
    {
        var result = await engine.ExecuteAsync(cycleId, new RecordSummaryDownload(file.Version.Version), actor: actor, ct: ct);
        if (result.Rejection is { } refused) throw new InvalidOperationException($"The download was not recorded: {refused.Message}");
        return file;
    }

    private async Task<WordFile?> StoreCurrentAsync(CycleState cycle, string actor, CancellationToken ct)
    {
        var cycleId = cycle.CycleId;
        if (cycle.SummaryContent is null || cycle.DocumentsPurgedAt is not null) return null;
        var document = LearningSummaryDocument.From(cycle);
        var content = JsonSerializer.SerializeToUtf8Bytes(document, CycleJson.Options);
        var contentHash = Hash(content);
        if (cycle.SummaryVersions.LastOrDefault(v => v.ContentSha256 == contentHash) is { } stored)
            return new WordFile(await ReadAsync(cycleId, stored.Version, ct), stored, FileName(cycle, stored.Version));

        var partnership = await directory.GetPartnershipAsync(cycle.PartnershipId, ct);
        var bytes = SummaryWordWriter.Write(document, partnership?.Name ?? cycle.PartnershipId, clock.GetUtcNow());
        var version = cycle.SummaryVersions.Count + 1;
        var sha = Hash(bytes);
        try
        {
            await Blob(cycleId, version).UploadAsync(new BinaryData(bytes), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = ContentType },
                Metadata = new Dictionary<string, string> { ["sha256"] = sha, ["contentsha256"] = contentHash },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, // written once, never replaced
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another request stored this version first: decide again on what is there now.
            return await StoreCurrentAsync((await store.LoadAsync(cycleId, ct)).State, actor, ct);
        }
        // The content beside it, so the published version can be shown as a page exactly as it was published.
        await Content(cycleId, version).UploadAsync(new BinaryData(content), overwrite: true, ct);
        var result = await engine.ExecuteAsync(cycleId, new StoreSummaryVersion(version, contentHash, sha, bytes.Length), actor: actor,
            ct: ct);
        if (result.Rejection is { } refused)
            throw new InvalidOperationException($"The summary version was not recorded: {refused.Message}");
        return new WordFile(bytes, result.State.SummaryVersions.Single(v => v.Version == version), FileName(cycle, version));
    }

    /// <summary>
    /// The document as it was published, for the readers' page; null when it was published without a stored version
    /// (through the API) or before versions kept their content, and the page then shows the current content.
    /// </summary>
    public async Task<LearningSummaryDocument?> PublishedDocumentAsync(CycleState cycle, CancellationToken ct)
    {
        if (cycle.PublishedVersion is not { } version) return null;
        try
        {
            var stored = (await Content(cycle.CycleId, version).DownloadContentAsync(ct)).Value.Content;
            return stored.ToObjectFromJson<LearningSummaryDocument>(CycleJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static string FileName(CycleState cycle, int version) =>
        $"{cycle.Theme} learning summary".Replace(' ', '-').ToLowerInvariant() + $"-v{version}.docx";

    private async Task<byte[]> ReadAsync(string cycleId, int version, CancellationToken ct) =>
        (await Blob(cycleId, version).DownloadContentAsync(ct)).Value.Content.ToArray();

    private Azure.Storage.Blobs.BlobClient Blob(string cycleId, int version) =>
        storage.Container(CyclePurger.DocumentsContainer).GetBlobClient($"{cycleId}/learning-summary-v{version}.docx");

    private Azure.Storage.Blobs.BlobClient Content(string cycleId, int version) =>
        storage.Container(CyclePurger.DocumentsContainer).GetBlobClient($"{cycleId}/learning-summary-v{version}.json");

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
