using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Meetings;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Notifications;

namespace Maca.Orchestrations.Chasing;

/// <summary>
/// The clock's command: fire every scheduled step that is due, each once, oldest first. Each kind of step does
/// something only in its own phase; a step whose moment has passed with its phase does nothing.
/// </summary>
public sealed class StepRules(NominationRules nominations, MeetingRules meetings)
{
    /// <summary>At most <see cref="Tick.MaxSteps"/> at a time, so one commit stays within a storage transaction; the caller
    /// ticks again while steps remain due. A step cancelled by an earlier one in the same tick does not fire.</summary>
    public Decision FireDue(Tick tick, CycleState s, DateTimeOffset now)
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
            state = Decide.Preview(state, fired);
        }
        return Decision.Accept(events);
    }

    private IEnumerable<CycleEvent> Fire(ScheduledStep step, CycleState s, DateTimeOffset now) => (step.Purpose, s.Phase) switch
    {
        (StepPurpose.OpenNominations, CyclePhase.Planned) => nominations.Open(s, now),
        (StepPurpose.NominationReminder, CyclePhase.Nominating) => NominationRules.Reminders(s),
        (StepPurpose.CloseNominations, CyclePhase.Nominating) => NominationRules.Close(s),
        (StepPurpose.SubmissionChaser, CyclePhase.AwaitingSubmissions) or (StepPurpose.AvailabilityChaser, CyclePhase.SchedulingMeeting)
            or (StepPurpose.ActionChaser, _) => Chasers.Fire(step, s) is { } email ? [email] : [],
        (StepPurpose.AvailabilityDeadline, CyclePhase.SchedulingMeeting) when MeetingRules.PollOpen(s) => meetings.BookBest(s, now),
        (StepPurpose.MeetingPackReady, CyclePhase.MeetingBooked) => [MeetingRules.Notice(s, NotificationKind.MeetingPackReady)],
        (StepPurpose.MeetingReminder, CyclePhase.MeetingBooked) => [MeetingRules.Notice(s, NotificationKind.MeetingReminder)],
        _ => [],
    };
}
