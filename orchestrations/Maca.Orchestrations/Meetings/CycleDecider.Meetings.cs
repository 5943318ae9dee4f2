using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Meetings;
using Maca.Orchestrations.Notifications;

namespace Maca.Orchestrations.Cycles;

public sealed partial class CycleDecider
{
    private const int PackReadyWorkingDaysBefore = 3, ReminderWorkingDaysBefore = 1;

    private static bool IsMeetingStep(ScheduledStep x) => x.Purpose is StepPurpose.MeetingPackReady or StepPurpose.MeetingReminder;
    private static bool IsAvailabilityStep(ScheduledStep x) => x.Purpose is StepPurpose.AvailabilityChaser or StepPurpose.AvailabilityDeadline;

    private Decision ProposeSlots(ProposeMeetingSlots c, CycleState s, DateTimeOffset now)
    {
        if (s.Phase != CyclePhase.SchedulingMeeting) return Rejection.Phase(s.Phase, "propose meeting slots");
        if (s.Meeting is { Slots.Count: > 0 }) return Rejection.Rule("Slots are already out for availability. Book one, or cancel and propose again.");
        if (c.Slots.Count is < 2 or > 5) return Rejection.Invalid("slots", "Propose between 2 and 5 slots.");
        if (c.Slots.Any(x => x.End <= x.Start)) return Rejection.Invalid("slots", "Each slot must end after it starts.");
        if (c.Slots.Any(x => x.Start <= now)) return Rejection.Invalid("slots", "Every slot must be in the future.");
        if (c.Slots.GroupBy(x => x.Start).Any(g => g.Count() > 1)) return Rejection.Invalid("slots", "Two slots start at the same time.");
        if (string.IsNullOrWhiteSpace(c.Location)) return Rejection.Invalid("location", "Say where the meeting will be, or give the online meeting link.");
        var deadline = Calendar.DeadlineOn(c.AvailabilityDeadline ?? Calendar.AddWorkingDays(WorkingCalendar.UkDate(now), DefaultDurations.AvailabilityWorkingDays));
        var earliest = c.Slots.Min(x => x.Start);
        if (deadline > earliest) deadline = new[] { earliest.AddHours(-1), now.AddMinutes(1) }.Max();

        var slots = c.Slots.OrderBy(x => x.Start).Select((x, i) => new MeetingSlot($"S{i + 1}", x.Start, x.End)).ToList();
        var events = new List<CycleEvent> { new MeetingSlotsProposed(slots, c.Location.Trim(), deadline) };
        var steps = new List<ScheduledStep> { ScheduledStep.Create(deadline, StepPurpose.AvailabilityDeadline) };
        foreach (var agency in Attendees(s))
        {
            events.Add(Notify(NotificationKind.AvailabilityRequest, [agency.LeadEmail], agency: agency.Code, dueAt: deadline));
            steps.AddRange(Ladder(s.SubmissionLadder, deadline, now, StepPurpose.AvailabilityChaser, agency: agency.Code)
                .Where(x => x.DueAt < deadline));
        }
        events.Add(new StepsScheduled(steps));
        return Decision.Accept(events);
    }

    private Decision GiveAvailability(GiveAvailability c, CycleState s, DateTimeOffset now)
    {
        if (s.Phase != CyclePhase.SchedulingMeeting || s.Meeting is not { Slots.Count: > 0 } meeting)
            return Rejection.Phase(s.Phase, "give availability");
        if (Attendees(s).All(a => a.Code != c.AgencyCode)) return Rejection.Missing($"Attendee agency {c.AgencyCode}");
        var unknown = c.Slots.Keys.FirstOrDefault(id => meeting.Slots.All(x => x.Id != id));
        if (unknown is not null) return Rejection.Invalid("slots", $"There is no slot {unknown}.");
        var unanswered = meeting.Slots.FirstOrDefault(x => !c.Slots.ContainsKey(x.Id));
        if (unanswered is not null) return Rejection.Invalid("slots", $"Say whether you can attend slot {unanswered.Id}.");

        var events = new List<CycleEvent> { new AvailabilityGiven(c.AgencyCode, c.Slots) };
        if (Cancel(s, x => x.Purpose == StepPurpose.AvailabilityChaser && x.AgencyCode == c.AgencyCode, $"{c.AgencyCode} answered") is { } stop)
            events.Add(stop);
        var state = Preview(s, events);
        if (Attendees(state).All(a => state.Meeting!.Availability.ContainsKey(a.Code)))
            events.AddRange(BookEvents(state, SlotChooser.Best(state), chosenByCoordinator: false, now));
        return Decision.Accept(events);
    }

    private Decision Book(BookMeeting c, CycleState s, DateTimeOffset now)
    {
        if (s.Phase == CyclePhase.MeetingBooked && (c.SlotId is null || c.SlotId == s.Meeting!.BookedSlotId)) return Decision.NoOp;
        if (s.Phase != CyclePhase.SchedulingMeeting || s.Meeting is not { Slots.Count: > 0 } meeting)
            return Rejection.Phase(s.Phase, "book the meeting");
        var slot = c.SlotId is null ? SlotChooser.Best(s) : meeting.Slots.FirstOrDefault(x => x.Id == c.SlotId);
        if (slot is null) return Rejection.Missing($"Slot {c.SlotId}");
        if (slot.Start <= now) return Rejection.Rule($"Slot {slot.Id} has already started.");
        return Decision.Accept(BookEvents(s, slot, chosenByCoordinator: c.SlotId is not null, now));
    }

    private IEnumerable<CycleEvent> BookEvents(CycleState s, MeetingSlot slot, bool chosenByCoordinator, DateTimeOffset now)
    {
        var booked = new MeetingBooked(slot.Id, slot.Start, slot.End, s.Meeting!.Location, s.Meeting.Sequence + 1, chosenByCoordinator);
        var events = new List<CycleEvent> { booked };
        if (Cancel(s, IsAvailabilityStep, "meeting booked") is { } stop) events.Add(stop);
        var state = Preview(s, events);
        events.Add(MeetingNotice(state, NotificationKind.MeetingInvitation));
        events.Add(new StepsScheduled(MeetingSteps(slot.Start, now).ToList()));
        return events;
    }

    private Decision Reschedule(RescheduleMeeting c, CycleState s, DateTimeOffset now)
    {
        if (s.Phase != CyclePhase.MeetingBooked) return Rejection.Phase(s.Phase, "reschedule the meeting");
        if (c.End <= c.Start) return Rejection.Invalid("end", "The meeting must end after it starts.");
        if (c.Start <= now) return Rejection.Invalid("start", "The new time must be in the future.");
        var meeting = s.Meeting!;
        var location = string.IsNullOrWhiteSpace(c.Location) ? meeting.Location : c.Location.Trim();
        if (c.Start == meeting.Start && c.End == meeting.End && location == meeting.Location) return Decision.NoOp;

        var events = new List<CycleEvent> { new MeetingRescheduled(c.Start, c.End, location, meeting.Sequence + 1) };
        if (Cancel(s, IsMeetingStep, "meeting rescheduled") is { } old) events.Add(old);
        var state = Preview(s, events);
        events.Add(MeetingNotice(state, NotificationKind.MeetingUpdate));
        events.Add(new StepsScheduled(MeetingSteps(c.Start, now).ToList()));
        return Decision.Accept(events);
    }

    private static Decision CancelMeeting(CancelMeeting c, CycleState s)
    {
        if (s.Phase != CyclePhase.MeetingBooked) return Rejection.Phase(s.Phase, "cancel the meeting");
        var before = s.Meeting!;
        var events = new List<CycleEvent> { new MeetingCancelled(Required(c.Reason), before.Sequence + 1) };
        if (Cancel(s, IsMeetingStep, "meeting cancelled") is { } old) events.Add(old);
        var details = Details(s, before.Start!.Value, before.End!.Value, before.Location, before.Sequence + 1) with { Cancelled = true };
        events.Add(Notify(NotificationKind.MeetingCancellation, details.Attendees, meeting: details, note: Required(c.Reason)));
        return Decision.Accept(events);
    }

    private static Decision MeetingHeld(CycleState s, DateTimeOffset now)
    {
        if (s.Phase != CyclePhase.MeetingBooked) return Rejection.Phase(s.Phase, "record the meeting as held");
        if (s.Meeting!.Start > now) return Rejection.Rule("The meeting has not started yet.");
        var events = new List<CycleEvent> { new MeetingHeld() };
        if (Cancel(s, IsMeetingStep, "meeting held") is { } old) events.Add(old);
        return Decision.Accept(events);
    }

    private IEnumerable<ScheduledStep> MeetingSteps(DateTimeOffset start, DateTimeOffset now)
    {
        var day = WorkingCalendar.UkDate(start);
        var pack = WorkingCalendar.AtUkTime(Calendar.AddWorkingDays(day, -PackReadyWorkingDaysBefore), WorkingCalendar.ChaserTime);
        var reminder = WorkingCalendar.AtUkTime(Calendar.AddWorkingDays(day, -ReminderWorkingDaysBefore), WorkingCalendar.ChaserTime);
        if (pack > now) yield return ScheduledStep.Create(pack, StepPurpose.MeetingPackReady);
        if (reminder > now) yield return ScheduledStep.Create(reminder, StepPurpose.MeetingReminder);
    }

    private static IEnumerable<AgencyContact> Attendees(CycleState s) => s.AgenciesInScope.Select(code => s.Agencies[code]);

    private static NotificationQueued MeetingNotice(CycleState s, NotificationKind kind)
    {
        var m = s.Meeting!;
        var details = Details(s, m.Start!.Value, m.End!.Value, m.Location, m.Sequence);
        return Notify(kind, details.Attendees, meeting: details);
    }

    private static MeetingDetails Details(CycleState s, DateTimeOffset start, DateTimeOffset end, string location, int sequence) =>
        new($"maca-{s.CycleId}-meeting", sequence, start, end, location, s.Contacts.CoordinatorEmail,
            [.. Attendees(s).Select(a => a.LeadEmail), s.Contacts.CoordinatorEmail]);

    private static IEnumerable<CycleEvent> AvailabilityChaser(ScheduledStep step, CycleState s)
    {
        var agency = s.Agencies[step.AgencyCode!];
        if (s.Meeting is null || s.Meeting.Availability.ContainsKey(agency.Code)) return [];
        var due = s.Meeting.AvailabilityDeadline;
        return [step.Chaser switch
        {
            ChaserKind.Reminder => Notify(NotificationKind.AvailabilityReminder, [agency.LeadEmail], agency: agency.Code, dueAt: due),
            ChaserKind.DueToday => Notify(NotificationKind.AvailabilityDueToday, [agency.LeadEmail], agency: agency.Code, dueAt: due),
            ChaserKind.Overdue => Notify(NotificationKind.AvailabilityOverdue, [agency.LeadEmail], [agency.QaEmail], agency.Code, dueAt: due),
            _ => Notify(NotificationKind.AvailabilityEscalation, [agency.SeniorEmail, s.Contacts.ManagerEmail], agency: agency.Code, dueAt: due),
        }];
    }
}
