using Azure;
using Azure.Data.Tables;
using Maca.Functions.Cycles;
using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;

namespace Maca.Functions.Access.Links;

/// <summary>A link's row: what it allows, until when, who it went to, and whether the coordinator revoked it.</summary>
public sealed record LinkRecord(IssuedLink Link, DateTimeOffset IssuedAt, bool Revoked, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public bool LiveAt(DateTimeOffset now) => !Revoked && Link.ExpiresAt > now;
}

/// <summary>
/// Owns the link rows, kept in the cycle's own partition: a link sent in an email is recorded in the same
/// transaction as the email, and a purge removes the cycle's links with it.
/// </summary>
public sealed class MagicLinkStore(StorageAccount storage)
{
    public const string Prefix = "link-";
    private readonly TableClient _table = storage.Table(CycleTable.Name);

    public static TableTransactionAction IssueAction(IssuedLink link, DateTimeOffset issuedAt) =>
        new(TableTransactionActionType.Add, Row(link, issuedAt));

    public Task IssueAsync(IssuedLink link, DateTimeOffset issuedAt, CancellationToken ct) =>
        _table.UpsertCheckedAsync(Row(link, issuedAt), ct);

    public async Task<LinkRecord?> GetAsync(string cycleId, string linkId, CancellationToken ct) =>
        await _table.GetOrNullAsync(cycleId, Prefix + linkId, ct) is { } row ? Read(row) : null;

    public async Task<IReadOnlyList<LinkRecord>> ForCycleAsync(string cycleId, CancellationToken ct) =>
        await _table.QueryAsync<TableEntity>(CycleTable.RowsStartingWith(cycleId, Prefix), cancellationToken: ct)
            .Select(Read).ToListAsync(ct);

    /// <summary>Revokes a link; false when there is no such link in this cycle.</summary>
    public async Task<bool> RevokeAsync(string cycleId, string linkId, string by, DateTimeOffset at, CancellationToken ct)
    {
        if (await _table.GetOrNullAsync(cycleId, Prefix + linkId, ct) is not { } row) return false;
        row["Revoked"] = true;
        row["RevokedAt"] = at;
        row["RevokedBy"] = by;
        try { await _table.UpdateCheckedAsync(row, row.ETag, ct); }
        catch (RequestFailedException ex) when (ex.Status == 412) { return await RevokeAsync(cycleId, linkId, by, at, ct); }
        return true;
    }

    private static TableEntity Row(IssuedLink link, DateTimeOffset issuedAt) => new(link.CycleId, Prefix + link.LinkId)
    {
        ["PartnershipId"] = link.PartnershipId, ["Agency"] = link.AgencyCode, ["Purpose"] = link.Purpose.ToString(),
        ["ExpiresAt"] = link.ExpiresAt, ["IssuedAt"] = issuedAt, ["SentTo"] = string.Join(",", link.SentTo), ["Revoked"] = false,
    };

    private static LinkRecord Read(TableEntity row) => new(
        new IssuedLink(row.RowKey[Prefix.Length..], row.GetString("PartnershipId")!, row.PartitionKey, row.GetString("Agency")!,
            Enum.Parse<LinkPurpose>(row.GetString("Purpose")!), row.GetDateTimeOffset("ExpiresAt")!.Value,
            (row.GetString("SentTo") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)),
        row.GetDateTimeOffset("IssuedAt")!.Value, row.GetBoolean("Revoked") ?? false, row.GetDateTimeOffset("RevokedAt"),
        row.GetString("RevokedBy"));
}
