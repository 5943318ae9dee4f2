using System.Text.Json.Nodes;
using Maca.Orchestrations.Actions;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Cycles;

/// <summary>A cycle described the way Durable Functions describes an orchestration instance.</summary>
public sealed record CycleStatusDocument(
    string Name, string InstanceId, RuntimeStatus RuntimeStatus, JsonNode? Input, CustomStatus CustomStatus, JsonNode? Output,
    DateTimeOffset CreatedTime, DateTimeOffset LastUpdatedTime, int Version, IReadOnlyList<HistoryEvent>? HistoryEvents = null)
{
    /// <summary>Emails that could not be delivered, with the reason, for the coordinator to fix and retry.</summary>
    public IReadOnlyList<FailedEmail> FailedEmails { get; init; } = [];

    /// <summary>Commands the orchestrator refused after they were accepted for processing, newest first.</summary>
    public IReadOnlyList<CycleRefusals.Refusal> LateRefusals { get; init; } = [];
}

/// <summary>An email that failed for good: which one, why, and after how many attempts.</summary>
public sealed record FailedEmail(string OutboxId, string Kind, string? Reason, int Attempts);

/// <summary>What a coordinator glances at: the phase, what each agency still owes, the next deadline and the plan's RAG.</summary>
public sealed record CustomStatus(string Phase, bool Suspended, string Theme, AuditType AuditType,
    IReadOnlyDictionary<string, int> Outstanding, NextDeadline? NextDeadline, Rag? Rag, DateTimeOffset? NextWakeUp);

/// <summary>A deadline in UTC and as a UK reader sees it.</summary>
public sealed record NextDeadline(string What, DateTimeOffset Utc, string Uk);

/// <summary>One line of the audit trail: an event, or an email's delivery.</summary>
public sealed record HistoryEvent(string EventType, DateTimeOffset Timestamp, string Actor, int? Version, JsonNode? Data);

public static class CycleStatusBuilder
{
    public const string OrchestrationName = "MultiAgencyCaseAudit";

    public static CycleStatusDocument Build(CycleRecord cycle, DateTimeOffset now, WorkingCalendar calendar, IReadOnlyList<HistoryEvent>? history = null)
    {
        var s = cycle.State;
        var custom = new CustomStatus(s.Phase.ToString(), s.Suspended, s.Theme, s.AuditType, Outstanding(s), Deadline(s),
            ActionPlanRag.Of(s, now, calendar), s.NextDueAt);
        return new CycleStatusDocument(OrchestrationName, cycle.CycleId, CycleStore.RuntimeStatusOf(s),
            cycle.InputJson is null ? null : JsonNode.Parse(cycle.InputJson), custom, Output(s), s.CreatedAt, s.LastUpdatedAt, s.Version, history);
    }

    private static IReadOnlyDictionary<string, int> Outstanding(CycleState s) => s.Phase switch
    {
        CyclePhase.Nominating => s.Nominators.ToDictionary(a => a.Code, a => s.Nominations.Any(n => n.NominatedBy == a.Code) ? 0 : 1),
        CyclePhase.AwaitingSubmissions => s.AgenciesInScope.ToDictionary(a => a, a => s.OutstandingCases(a).Count),
        CyclePhase.SchedulingMeeting when s.Meeting is { Slots.Count: > 0 } m =>
            s.AgenciesInScope.ToDictionary(a => a, a => m.Availability.ContainsKey(a) ? 0 : 1),
        CyclePhase.ActionPlanning or CyclePhase.FollowingUpActions => s.Actions.Values.GroupBy(a => a.AgencyCode)
            .ToDictionary(g => g.Key, g => g.Count(a => a.Status == ActionStatus.Open)),
        _ => new Dictionary<string, int>(),
    };

    private static NextDeadline? Deadline(CycleState s)
    {
        (string What, DateTimeOffset At)? next = s.Phase switch
        {
            CyclePhase.Nominating => ("Nominations close", s.NominationsCloseAt),
            CyclePhase.AwaitingSubmissions when s.AgenciesInScope.Any(a => s.OutstandingCases(a).Count > 0) =>
                ("Submissions due", s.AgenciesInScope.Where(a => s.OutstandingCases(a).Count > 0).Min(s.DeadlineFor)),
            CyclePhase.SchedulingMeeting when s.Meeting is { Slots.Count: > 0 } m => ("Meeting availability due", m.AvailabilityDeadline),
            CyclePhase.MeetingBooked => ("Meeting", s.Meeting!.Start!.Value),
            CyclePhase.FollowingUpActions when s.Actions.Values.Any(a => a.Status == ActionStatus.Open) =>
                ("Next action due", s.Actions.Values.Where(a => a.Status == ActionStatus.Open).Min(a => a.DueAt)),
            _ => null,
        };
        return next is { } n ? new NextDeadline(n.What, n.At, WorkingCalendar.FormatInstant(n.At)) : null;
    }

    private static JsonNode? Output(CycleState s) => s.Phase switch
    {
        CyclePhase.Closed => new JsonObject
        {
            ["closedAt"] = s.LastUpdatedAt,
            ["missingSubmissions"] = new JsonArray(s.Submissions.Where(x => x.Value.Status == SubmissionStatus.Missing).Select(x => (JsonNode)x.Key).ToArray()),
            ["actionsVerified"] = s.Actions.Values.Count(a => a.Status == ActionStatus.Verified),
            ["actionsCarriedForward"] = s.Actions.Values.Count(a => a.Status == ActionStatus.CarriedForward),
        },
        CyclePhase.Terminated => new JsonObject { ["terminatedAt"] = s.LastUpdatedAt, ["reason"] = s.TerminationReason },
        _ => null,
    };
}
