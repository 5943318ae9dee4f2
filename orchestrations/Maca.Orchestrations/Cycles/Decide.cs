using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Notifications;

namespace Maca.Orchestrations.Cycles;

/// <summary>The small verbs every rules class uses to build a decision: notify, cancel steps, look ahead, a reason.</summary>
public static class Decide
{
    public static NotificationQueued Notify(NotificationKind kind, IEnumerable<string> to, IEnumerable<string>? cc = null,
        string? agency = null, IEnumerable<string>? cases = null, DateTimeOffset? dueAt = null, string? action = null,
        MeetingDetails? meeting = null, string? note = null) =>
        new(new Notification(kind, to.Distinct().ToList(), (cc ?? []).Distinct().ToList(), agency, cases?.ToList(), dueAt, action, meeting, note));

    /// <summary>Cancels the scheduled steps that match; null when there are none.</summary>
    public static StepsCancelled? Cancel(CycleState s, Func<ScheduledStep, bool> which, string reason)
    {
        var ids = s.Schedule.Where(which).Select(x => x.Id).ToList();
        return ids.Count == 0 ? null : new StepsCancelled(ids, reason);
    }

    /// <summary>Applies events as they are decided, so later rules in the same command see earlier effects.</summary>
    public static CycleState Preview(CycleState s, IEnumerable<CycleEvent> events) => CycleEvolver.Fold(events, s);

    public static string Required(string? text) => string.IsNullOrWhiteSpace(text) ? "No reason given" : text.Trim();

    /// <summary>Appends an optional event (a cancellation that found nothing is no event).</summary>
    public static List<CycleEvent> With(this List<CycleEvent> events, CycleEvent? maybe)
    {
        if (maybe is not null) events.Add(maybe);
        return events;
    }
}
