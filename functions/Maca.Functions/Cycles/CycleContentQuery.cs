using System.Text.Json;
using Maca.Functions.Email;
using Maca.Functions.Email.Delivery;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Reading;

namespace Maca.Functions.Cycles;

public sealed record EmailContent(string OutboxId, string Kind, IReadOnlyList<string> To, DateTimeOffset QueuedAt, EmailStatus Status,
    int Attempts, string? FailureReason);

/// <summary>What a cycle holds, for people: the domain's <see cref="CycleContent"/> and every email with its delivery.</summary>
public sealed record CycleContentDocument(string Id, CycleContent Content, IReadOnlyList<EmailContent> Emails);

/// <summary>The one read of a cycle's content, for its pages and for GET /api/cycles/{id}/content.</summary>
public sealed class CycleContentQuery(CycleQueries queries, WorkingCalendar calendar, TimeProvider clock)
{
    public async Task<CycleContentDocument?> GetAsync(string cycleId, CancellationToken ct) =>
        await queries.DetailAsync(cycleId, showHistory: false, ct) is { } detail ? From(detail) : null;

    /// <summary>From a detail already read (the dashboard reads status, history and content in one go).</summary>
    public CycleContentDocument From(CycleQueries.CycleDetail detail) => new(detail.Cycle.State.CycleId,
        CycleContent.Of(detail.Cycle.State, clock.GetUtcNow(), calendar),
        detail.Emails.OrderByDescending(e => e.QueuedAt)
            .Select(e => new EmailContent(e.OutboxId, e.Kind, Recipients(e.EmailJson), e.QueuedAt, e.Status, e.Attempts, e.LastError)).ToList());

    private static IReadOnlyList<string> Recipients(string emailJson)
    {
        try { return JsonSerializer.Deserialize<EmailMessage>(emailJson, CycleJson.Options)?.To ?? []; }
        catch (JsonException) { return ["(the email could not be read)"]; }
    }
}
