using System.Text;
using System.Text.Json.Nodes;
using Maca.Functions.Storage.Tables;
using Maca.Orchestrations.Calendar;

namespace Maca.Functions.Cycles;

/// <summary>Reads for the status API: one cycle with its audit trail, or a filtered page of cycles.</summary>
public sealed class CycleQueries(CycleStore store, WorkingCalendar calendar, TimeProvider clock)
{
    public sealed record ListFilter(string? PartnershipId, IReadOnlyList<RuntimeStatus>? RuntimeStatus, DateTimeOffset? CreatedTimeFrom,
        DateTimeOffset? CreatedTimeTo, int Top, string? ContinuationToken);

    public sealed record CyclePage(IReadOnlyList<CycleStatusDocument> Items, string? ContinuationToken);

    public async Task<CycleStatusDocument?> StatusAsync(string cycleId, bool showHistory, CancellationToken ct)
    {
        var cycle = await store.LoadAsync(cycleId, ct);
        if (!cycle.Exists) return null;
        return CycleStatusBuilder.Build(cycle, clock.GetUtcNow(), calendar, showHistory ? await HistoryAsync(cycleId, ct) : null);
    }

    /// <summary>Every event in order, then every email's delivery record: the cycle's audit trail.</summary>
    public async Task<IReadOnlyList<HistoryEvent>> HistoryAsync(string cycleId, CancellationToken ct)
    {
        var events = (await store.HistoryAsync(cycleId, ct))
            .Select(e => new HistoryEvent(e.Type, e.At, e.Actor, e.Version, JsonNode.Parse(e.DataJson))).ToList();
        var emails = await store.Table.QueryAsync(new TableQuery(CycleTable.RowsStartingWith(cycleId, CycleTable.OutboxPrefix)), ct)
            .Select(row => new HistoryEvent(
                row.GetString("Status") switch { OutboxStatus.Sent => "EmailSent", OutboxStatus.Failed => "EmailFailed", _ => "EmailPending" },
                row.GetDateTimeOffset("SentAt") ?? row.GetDateTimeOffset("QueuedAt")!.Value, Actors.System, null,
                new JsonObject
                {
                    ["outboxId"] = row.GetString("OutboxId"), ["kind"] = row.GetString("Kind"), ["attempts"] = row.GetInt32("Attempts"),
                    ["transport"] = row.GetString("Transport"), ["providerMessageId"] = row.GetString("ProviderMessageId"),
                    ["lastError"] = row.GetString("LastError"), ["queuedAt"] = row.GetDateTimeOffset("QueuedAt"),
                }))
            .ToListAsync(ct);
        return [.. events, .. emails.OrderBy(e => e.Timestamp)];
    }

    public async Task<CyclePage> ListAsync(ListFilter filter, CancellationToken ct)
    {
        var clauses = new List<string> { $"RowKey eq '{CycleTable.Snapshot}'" };
        if (filter.PartnershipId is { } p) clauses.Add($"PartnershipId eq {TableFilter.Quote(p)}");
        if (filter.RuntimeStatus is { Count: > 0 } statuses)
            clauses.Add("(" + string.Join(" or ", statuses.Select(s => $"RuntimeStatus eq '{s}'")) + ")");
        if (filter.CreatedTimeFrom is { } from) clauses.Add($"CreatedTime ge datetime'{from.UtcDateTime:O}'");
        if (filter.CreatedTimeTo is { } to) clauses.Add($"CreatedTime le datetime'{to.UtcDateTime:O}'");
        var query = new TableQuery(string.Join(" and ", clauses), Top: filter.Top);
        var page = await store.Table.QueryPageAsync(query, Decode(filter.ContinuationToken), ct);
        var now = clock.GetUtcNow();
        var items = page.Entities.Select(row => CycleStatusBuilder.Build(CycleStore.FromSnapshotRow(row), now, calendar)).ToList();
        return new CyclePage(items, Encode(page.Continuation));
    }

    private static string? Encode(TableContinuation? c) =>
        c is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.NextPartitionKey}\n{c.NextRowKey}"));

    private static TableContinuation? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('\n');
            return new TableContinuation(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
        }
        catch (FormatException) { throw new BadHttpRequestException("The continuation token is not one this API gave out."); }
    }
}
