using System.Text.Json;
using Maca.Functions.Cycles;
using Azure.Data.Tables;
using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;

namespace Maca.Functions.Directory;

/// <summary>Partnership and agency records, one partition per partnership, so partnerships never see each other's data.</summary>
public sealed class DirectoryStore(StorageAccount storage)
{
    private const string PartnershipRow = "partnership", AgencyPrefix = "agency-";
    private readonly TableClient _table = storage.Table("Directory");

    public Task InitializeAsync(CancellationToken ct) => _table.CreateIfNotExistsAsync(ct);

    public async Task<Partnership?> GetPartnershipAsync(string id, CancellationToken ct) =>
        Read<Partnership>(await _table.GetOrNullAsync(id, PartnershipRow, ct));

    /// <summary>Every partnership, for a coordinator who runs them all ("*").</summary>
    public async Task<IReadOnlyList<Partnership>> PartnershipsAsync(CancellationToken ct) =>
        await _table.QueryAsync<TableEntity>(e => e.RowKey == PartnershipRow, cancellationToken: ct)
            .Select(row => Read<Partnership>(row)!).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToListAsync(ct);

    public Task SavePartnershipAsync(Partnership p, CancellationToken ct) => _table.UpsertCheckedAsync(Row(p.Id, PartnershipRow, p), ct);

    public async Task<IReadOnlyList<Agency>> AgenciesAsync(string partnershipId, CancellationToken ct) =>
        await _table.QueryAsync<TableEntity>(CycleTable.RowsStartingWith(partnershipId, AgencyPrefix), cancellationToken: ct)
            .Select(row => Read<Agency>(row)!).OrderBy(a => a.Code, StringComparer.Ordinal).ToListAsync(ct);

    public async Task<Agency?> GetAgencyAsync(string partnershipId, string code, CancellationToken ct) =>
        Read<Agency>(await _table.GetOrNullAsync(partnershipId, AgencyPrefix + code, ct));

    public Task SaveAgencyAsync(string partnershipId, Agency a, CancellationToken ct) =>
        _table.UpsertCheckedAsync(Row(partnershipId, AgencyPrefix + a.Code, a), ct);

    /// <summary>False when there was no such agency: the SDK answers a missing entity with 404 and no exception.</summary>
    public async Task<bool> DeleteAgencyAsync(string partnershipId, string code, CancellationToken ct) =>
        (await _table.DeleteIfPresentAsync(partnershipId, AgencyPrefix + code, ct)).Status != 404;

    private static TableEntity Row<T>(string pk, string rk, T value) =>
        new(pk, rk) { ["Data"] = JsonSerializer.Serialize(value, CycleJson.Options) };

    private static T? Read<T>(TableEntity? row) where T : class =>
        row is null ? null : JsonSerializer.Deserialize<T>(row.GetString("Data")!, CycleJson.Options);
}
