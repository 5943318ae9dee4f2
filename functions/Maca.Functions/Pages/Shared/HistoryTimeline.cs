using System.Text.Json.Nodes;
using Maca.Functions.Cycles;
using Maca.Orchestrations.Actions;
using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Pages.Shared;

/// <summary>One line of the history as a coordinator reads it, with what Maca did alongside and will do next.</summary>
public sealed record TimelineEntry(string Title, string Byline, DateTimeOffset At, IReadOnlyList<string> AlsoDone,
    IReadOnlyList<string> ComingUp);

/// <summary>
/// The cycle's history in plain words. The engine's own bookkeeping is folded into the entry it belongs to (the
/// command that caused it): chasers stopped become a line of that entry, chasers laid go under "what happens next",
/// a timer firing is not shown, and each email is one entry saying whom it went to and whether it arrived.
/// </summary>
public static class HistoryTimeline
{
    public static IReadOnlyList<TimelineEntry> Of(IReadOnlyList<HistoryEvent> history, CycleState cycle)
    {
        var deliveries = history.Where(e => e.Version is null && e.Data?["outboxId"] is not null)
            .ToDictionary(e => e.Data!["outboxId"]!.GetValue<string>());
        var entries = new List<Building>();
        Building? current = null;
        foreach (var e in history.Where(e => e.Version is not null).OrderBy(e => e.Version))
        {
            // One command's events share a moment and an actor: they belong to one entry.
            if (current is not null && (current.At != e.Timestamp || current.Actor != e.Actor)) current = null;
            switch (e.EventType)
            {
                case "StepFired":
                    break;
                case "StepsScheduled":
                    Attach(ref current, entries, e).ComingUp.AddRange(Scheduled(e.Data, cycle));
                    break;
                case "StepsCancelled":
                    Attach(ref current, entries, e).AlsoDone.Add(Cancelled(e.Data, cycle));
                    break;
                case "NotificationQueued":
                    var email = new Building(Emailed(e, cycle, deliveries), e.Actor, e.Timestamp, Visible: true);
                    entries.Add(email);
                    current ??= email;
                    break;
                default:
                    var title = PlainWords.Sentence(e.EventType) + PlainWords.Detail(e);
                    current = new Building(title, e.Actor, e.Timestamp, Visible: true);
                    entries.Add(current);
                    break;
            }
        }
        return entries.Where(b => b.Visible || b.AlsoDone.Count + b.ComingUp.Count > 0)
            .Select(b => new TimelineEntry(b.Title, PlainWords.Actor(b.Actor, cycle.Agencies), b.At, b.AlsoDone,
                b.ComingUp))
            .Reverse().ToList();
    }

    private sealed record Building(string Title, string Actor, DateTimeOffset At, bool Visible)
    {
        public List<string> AlsoDone { get; } = [];
        public List<string> ComingUp { get; } = [];
    }

    /// <summary>
    /// The entry an engine event belongs to; one of its own when the command left nothing else to show.
    /// </summary>
    private static Building Attach(ref Building? current, List<Building> entries, HistoryEvent e)
    {
        if (current is not null) return current;
        current = new Building("Maca's timetable changed", e.Actor, e.Timestamp, Visible: false);
        entries.Add(current);
        return current;
    }

    private static string Emailed(HistoryEvent e, CycleState cycle,
        IReadOnlyDictionary<string, HistoryEvent> deliveries)
    {
        var notification = e.Data?["notification"];
        var kind = PlainWords.Sentence(notification?["kind"]?.GetValue<string>() ?? "Email");
        var to = string.Join(", ", (notification?["to"]?.AsArray() ?? []).Select(a => a!.GetValue<string>()));
        var who = notification?["agencyCode"]?.GetValue<string>() is { } code
            ? $"{ActionOwners.Name(cycle, code)} ({to})" : to;
        var delivery = deliveries.GetValueOrDefault($"{cycle.CycleId}.{e.Version:D8}");
        return delivery?.EventType switch
        {
            "EmailSent" => $"{kind} emailed to {who}",
            "EmailFailed" => $"{kind} could not be emailed to {who}",
            _ => $"{kind} waiting to be emailed to {who}",
        };
    }

    private static IEnumerable<string> Scheduled(JsonNode? data, CycleState cycle) =>
        (data?["steps"]?.AsArray() ?? []).Select(step =>
        {
            var purpose = step!["purpose"]?.GetValue<string>() ?? "";
            var chaser = step["chaser"]?.GetValue<string>();
            var agency = step["agencyCode"]?.GetValue<string>() is { } code
                ? $" for {ActionOwners.Name(cycle, code)}" : "";
            var action = step["actionId"]?.GetValue<string>() is { } id ? $" for action {id}" : "";
            var due = WorkingCalendar.FormatDate(WorkingCalendar.UkDate(step["dueAt"]!.GetValue<DateTimeOffset>()));
            return $"{StepWords(purpose, chaser)}{agency}{action} {(chaser is null ? "on" : "due")} {due}";
        });

    private static string StepWords(string purpose, string? chaser) => (purpose, chaser) switch
    {
        ("OpenNominations", _) => "Nominations open",
        ("CloseNominations", _) => "Nominations close",
        ("NominationReminder", _) => "Nomination reminder",
        ("AvailabilityDeadline", _) => "Availability closes",
        ("MeetingPackReady", _) => "Meeting pack",
        ("MeetingReminder", _) => "Meeting reminder",
        (_, "Reminder") => "Reminder",
        (_, "DueToday") => "Due-today notice",
        (_, "Overdue") => "Overdue notice",
        (_, "Escalation") => "Escalation",
        _ => PlainWords.Sentence(purpose),
    };

    /// <summary>
    /// "Chasers for Police stopped: every case answered", from the step ids and the decider's reason.
    /// </summary>
    private static string Cancelled(JsonNode? data, CycleState cycle)
    {
        var ids = (data?["stepIds"]?.AsArray() ?? []).Select(i => i!.GetValue<string>().Split(':')).ToList();
        var purposes = ids.Select(p => p[0]).Distinct().ToList();
        var what = purposes.All(p => p.EndsWith("Chaser", StringComparison.Ordinal)) ? "Chasers"
            : purposes.All(p => p.StartsWith("Meeting", StringComparison.Ordinal)) ? "Meeting reminders"
            : purposes.All(p => p.Contains("Nomination", StringComparison.Ordinal)) ? "Nomination reminders"
            : "Scheduled emails";
        var agencies = ids.Where(p => p.Length > 1 && cycle.Agencies.ContainsKey(p[1])).Select(p => p[1])
            .Distinct().ToList();
        var whom = agencies.Count == 1 ? $" for {ActionOwners.Name(cycle, agencies[0])}" : "";
        return $"{what}{whom} stopped: {Reason(data?["reason"]?.GetValue<string>() ?? "")}";
    }

    private static string Reason(string reason) => reason switch
    {
        _ when reason.EndsWith("has submitted everything", StringComparison.Ordinal) => "every case answered",
        _ when reason.EndsWith(" answered", StringComparison.Ordinal) => "availability given",
        _ when reason.EndsWith(" completed", StringComparison.Ordinal) => "the action is complete",
        _ when reason.EndsWith(" carried forward", StringComparison.Ordinal) => "the action is carried forward",
        "coordinator proceeded" => "the coordinator went on without the missing responses",
        _ => reason,
    };
}
