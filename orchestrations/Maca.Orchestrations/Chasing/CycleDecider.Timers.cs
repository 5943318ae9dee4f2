using Maca.Orchestrations.Meetings;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Notifications;

namespace Maca.Orchestrations.Cycles;

public sealed partial class CycleDecider
{
    /// <summary>
    /// Fires due steps once each, oldest first, at most <see cref="Tick.MaxSteps"/> at a time so one commit stays
    /// within a storage transaction; the caller ticks again while steps remain due.
    /// A step cancelled by an earlier one in the same tick does not fire.
    /// </summary>
    private Decision FireDueSteps(Tick tick, CycleState s, DateTimeOffset now)
    {
        var due = s.Schedule.Where(x => x.DueAt <= now).OrderBy(x => x.DueAt).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(Math.Max(1, tick.MaxSteps)).ToList();
        if (due.Count == 0) return Decision.NoOp;
        var events = new List<CycleEvent>();
        var state = s;
        foreach (var step in due)
        {
            if (state.Schedule.All(x => x.Id != step.Id)) continue;
            var fired = new List<CycleEvent> { new StepFired(step.Id) };
            fired.AddRange(Fire(step, state, now));
            events.AddRange(fired);
            state = Preview(state, fired);
        }
        return Decision.Accept(events);
    }

    private IEnumerable<CycleEvent> Fire(ScheduledStep step, CycleState s, DateTimeOffset now) => step.Purpose switch
    {
        StepPurpose.OpenNominations when s.Phase == CyclePhase.Planned => OpenNominationsNow(s, now),
        StepPurpose.NominationReminder when s.Phase == CyclePhase.Nominating => NominationReminders(s),
        StepPurpose.CloseNominations when s.Phase == CyclePhase.Nominating => CloseNominationsNow(s),
        StepPurpose.SubmissionChaser when s.Phase == CyclePhase.AwaitingSubmissions => SubmissionChaser(step, s),
        StepPurpose.AvailabilityChaser when s.Phase == CyclePhase.SchedulingMeeting => AvailabilityChaser(step, s),
        StepPurpose.AvailabilityDeadline when s.Phase == CyclePhase.SchedulingMeeting && s.Meeting is { Slots.Count: > 0 } =>
            BookEvents(s, SlotChooser.Best(s), chosenByCoordinator: false, now),
        StepPurpose.MeetingPackReady when s.Phase == CyclePhase.MeetingBooked => [MeetingNotice(s, NotificationKind.MeetingPackReady)],
        StepPurpose.MeetingReminder when s.Phase == CyclePhase.MeetingBooked => [MeetingNotice(s, NotificationKind.MeetingReminder)],
        StepPurpose.ActionChaser when s.Actions.TryGetValue(step.ActionId!, out var action) && action.Status == ActionStatus.Open =>
            [ActionChaser(step, s, action)],
        _ => [],
    };

    /// <summary>Lays a chaser ladder for one deadline as scheduled steps.</summary>
    private IEnumerable<ScheduledStep> Ladder(ChaserLadder ladder, DateTimeOffset deadline, DateTimeOffset now,
        StepPurpose purpose, string? agency = null, string? action = null) =>
        ladder.Lay(Calendar, deadline, now).Select(x => ScheduledStep.Create(x.DueAt, purpose, x.Step.Kind, agency, action));

    private static StepsCancelled? Cancel(CycleState s, Func<ScheduledStep, bool> which, string reason)
    {
        var ids = s.Schedule.Where(which).Select(x => x.Id).ToList();
        return ids.Count == 0 ? null : new StepsCancelled(ids, reason);
    }

    private static NotificationQueued Notify(NotificationKind kind, IEnumerable<string> to, IEnumerable<string>? cc = null,
        string? agency = null, IEnumerable<string>? cases = null, DateTimeOffset? dueAt = null, string? action = null,
        MeetingDetails? meeting = null, string? note = null) =>
        new(new Notification(kind, to.Distinct().ToList(), (cc ?? []).Distinct().ToList(), agency, cases?.ToList(), dueAt, action, meeting, note));
}
