using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Maca.Functions.Email.Delivery;
using Maca.Orchestrations.Calendar;

namespace Maca.Functions.Cycles;

/// <summary>Reads for the status API: one cycle with its audit trail, or a filtered page of cycles.</summary>
public sealed class CycleQueries(CycleStore store, EmailDeliveries outbox, WorkingCalendar calendar, TimeProvider clock,
    Workflow.CycleRuntime runtime, CycleRefusals refusals)
{
    public sealed record ListFilter(IReadOnlyList<string>? Partnerships, IReadOnlyList<RuntimeStatus>? RuntimeStatus,
        DateTimeOffset? CreatedTimeFrom,
        DateTimeOffset? CreatedTimeTo, int Top, string? ContinuationToken);

    public sealed record CyclePage(IReadOnlyList<CycleStatusDocument> Items, string? ContinuationToken);

    /// <summary>A cycle with its status and its emails, each read once.</summary>
    public sealed record CycleDetail(CycleRecord Cycle, CycleStatusDocument Status, IReadOnlyList<EmailDeliveryRow> Emails);

    public async Task<CycleStatusDocument?> StatusAsync(string cycleId, bool showHistory, CancellationToken ct) =>
        (await DetailAsync(cycleId, showHistory, ct))?.Status;

    public async Task<CycleDetail?> DetailAsync(string cycleId, bool showHistory, CancellationToken ct)
    {
        var cycle = await store.LoadAsync(cycleId, ct);
        if (!cycle.Exists) return null;
        var emails = await outbox.AllAsync(cycleId, ct);
        var failed = emails.Where(e => e.Status == EmailStatus.Failed)
            .Select(e => new FailedEmail(e.OutboxId, e.Kind, e.LastError, e.Attempts)).ToList();
        var history = showHistory ? History(await store.HistoryAsync(cycleId, ct), emails) : null;
        var status = CycleStatusBuilder.Build(cycle, clock.GetUtcNow(), calendar, history) with
        {
            FailedEmails = failed, RuntimeStatus = await runtime.StatusAsync(cycleId, cycle.State, ct),
            LateRefusals = await refusals.LatestAsync(cycleId, 5, ct),
        };
        return new CycleDetail(cycle, status, emails);
    }

    /// <summary>Every event in order, then every email's delivery record: the cycle's audit trail.</summary>
    private static IReadOnlyList<HistoryEvent> History(IReadOnlyList<StoredEvent> stored, IReadOnlyList<EmailDeliveryRow> emails)
    {
        var events = stored.Select(e => new HistoryEvent(e.Type, e.At, e.Actor, e.Version, JsonNode.Parse(e.DataJson)));
        var deliveries = emails.Select(row => new HistoryEvent(
            row.Status switch { EmailStatus.Sent => "EmailSent", EmailStatus.Failed => "EmailFailed", _ => "EmailPending" },
            row.SentAt ?? row.QueuedAt, Actors.System, null,
            new JsonObject
            {
                ["outboxId"] = row.OutboxId, ["kind"] = row.Kind, ["attempts"] = row.Attempts,
                ["transport"] = row.Transport, ["providerMessageId"] = row.ProviderMessageId,
                ["lastError"] = row.LastError, ["queuedAt"] = row.QueuedAt,
                ["retriedBy"] = row.RetriedBy, ["retriedAt"] = row.RetriedAt,
            }));
        return [.. events, .. deliveries.OrderBy(e => e.Timestamp)];
    }

    public async Task<CyclePage> ListAsync(ListFilter filter, CancellationToken ct)
    {
        var clauses = new List<string>();
        if (filter.Partnerships is { Count: 0 }) return new CyclePage([], null);
        if (filter.Partnerships is { } partnerships)
            clauses.Add("(" + string.Join(" or ", partnerships.Select(p => TableClient.CreateQueryFilter($"PartnershipId eq {p}"))) + ")");
        if (filter.RuntimeStatus is { Count: > 0 } statuses)
            clauses.Add("(" + string.Join(" or ",
                statuses.Select(s => TableClient.CreateQueryFilter($"RuntimeStatus eq {s.ToString()}"))) + ")");
        if (filter.CreatedTimeFrom is { } from) clauses.Add(TableClient.CreateQueryFilter($"CreatedTime ge {from}"));
        if (filter.CreatedTimeTo is { } to) clauses.Add(TableClient.CreateQueryFilter($"CreatedTime le {to}"));
        var (cycles, continuation) = await store.ListPageAsync(clauses, filter.Top, Decode(filter.ContinuationToken), ct);
        var now = clock.GetUtcNow();
        var items = cycles.Select(cycle => CycleStatusBuilder.Build(cycle, now, calendar)).ToList();
        return new CyclePage(items, Encode(continuation));
    }

    // The SDK's token is "partition row"; ours wraps it so callers treat it as opaque.
    private static string? Encode(string? continuation) =>
        continuation is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(continuation));

    private static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (decoded.Length is 0 or > 2048 || decoded.Any(char.IsControl)) throw new FormatException();
            return decoded;
        }
        catch (FormatException) { throw new BadHttpRequestException("The continuation token is not one this API gave out."); }
    }
}
