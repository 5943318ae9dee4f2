using Maca.Orchestrations.Calendar;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using static Maca.Orchestrations.Cycles.Decide;

namespace Maca.Orchestrations.Meetings;

/// <summary>The availability poll, booking, moving, cancelling and holding the meeting. Phases are in the decider's table.</summary>
public sealed class MeetingRules(WorkingCalendar calendar, Chasers chasers)
{
    private const int PackReadyWorkingDaysBefore = 3, ReminderWorkingDaysBefore = 1;

    private static bool IsMeetingStep(ScheduledStep x) => x.Purpose is StepPurpose.MeetingPackReady or StepPurpose.MeetingReminder;
    private static bool IsAvailabilityStep(ScheduledStep x) => x.Purpose is StepPurpose.AvailabilityChaser or StepPurpose.AvailabilityDeadline;

    /// <summary>True while the poll is out, which is when availability and booking make sense.</summary>
    public static bool PollOpen(CycleState s) => s.Meeting is { Slots.Count: > 0 };

    public Decision ProposeSlots(ProposeMeetingSlots c, CycleState s, DateTimeOffset now)
    {
        if (PollOpen(s)) return Rejection.Rule("Slots are already out for availability. Book one, or cancel and propose again.");
        if (c.Slots.Count is < 2 or > 5) return Rejection.Invalid("slots", "Propose between 2 and 5 slots.");
        if (c.Slots.Any(x => x.End <= x.Start)) return Rejection.Invalid("slots", "Each slot must end after it starts.");
        if (c.Slots.Any(x => x.Start <= now)) return Rejection.Invalid("slots", "Every slot must be in the future.");
        if (c.Slots.GroupBy(x => x.Start).Any(g => g.Count() > 1)) return Rejection.Invalid("slots", "Two slots start at the same time.");
        if (string.IsNullOrWhiteSpace(c.Location)) return Rejection.Invalid("location", "Say where the meeting will be, or give the online meeting link.");
        var deadline = calendar.DeadlineOn(c.AvailabilityDeadline ?? calendar.AddWorkingDays(WorkingCalendar.UkDate(now), DefaultDurations.AvailabilityWorkingDays));
        var earliest = c.Slots.Min(x => x.Start);
        if (deadline > earliest) deadline = new[] { earliest.AddHours(-1), now.AddMinutes(1) }.Max();

        var slots = c.Slots.OrderBy(x => x.Start).Select((x, i) => new MeetingSlot($"S{i + 1}", x.Start, x.End)).ToList();
        var events = new List<CycleEvent> { new MeetingSlotsProposed(slots, c.Location.Trim(), deadline) };
        var steps = new List<ScheduledStep> { ScheduledStep.Create(deadline, StepPurpose.AvailabilityDeadline) };
        foreach (var agency in Attendees(s))
        {
            events.Add(Notify(NotificationKind.AvailabilityRequest, [agency.LeadEmail], agency: agency.Code, dueAt: deadline));
            steps.AddRange(chasers.Lay(s, Chase.Availability, deadline, now, agency: agency.Code));
        }
        events.Add(new StepsScheduled(steps));
        return Decision.Accept(events);
    }

    public Decision GiveAvailability(GiveAvailability c, CycleState s, DateTimeOffset now)
    {
        var meeting = s.Meeting!;
        if (Attendees(s).All(a => a.Code != c.AgencyCode)) return Rejection.Missing($"Attendee agency {c.AgencyCode}");
        var unknown = c.Slots.Keys.FirstOrDefault(id => meeting.Slots.All(x => x.Id != id));
        if (unknown is not null) return Rejection.Invalid("slots", $"There is no slot {unknown}.");
        var unanswered = meeting.Slots.FirstOrDefault(x => !c.Slots.ContainsKey(x.Id));
        if (unanswered is not null) return Rejection.Invalid("slots", $"Say whether you can attend slot {unanswered.Id}.");

        var events = new List<CycleEvent> { new AvailabilityGiven(c.AgencyCode, c.Slots) }
            .With(Chasers.Stop(s, Chase.Availability, $"{c.AgencyCode} answered", agency: c.AgencyCode));
        var state = Preview(s, events);
        if (Attendees(state).All(a => state.Meeting!.Availability.ContainsKey(a.Code)))
            events.AddRange(BookEvents(state, SlotChooser.Best(state), chosenByCoordinator: false, now));
        return Decision.Accept(events);
    }

    /// <summary>Booking again what is already booked changes nothing.</summary>
    public static bool AlreadyBooked(BookMeeting c, CycleState s) =>
        s.Phase == CyclePhase.MeetingBooked && (c.SlotId is null || c.SlotId == s.Meeting!.BookedSlotId);

    public Decision Book(BookMeeting c, CycleState s, DateTimeOffset now)
    {
        var slot = c.SlotId is null ? SlotChooser.Best(s) : s.Meeting!.Slots.FirstOrDefault(x => x.Id == c.SlotId);
        if (slot is null) return Rejection.Missing($"Slot {c.SlotId}");
        if (slot.Start <= now) return Rejection.Rule($"Slot {slot.Id} has already started.");
        return Decision.Accept(BookEvents(s, slot, chosenByCoordinator: c.SlotId is not null, now));
    }

    /// <summary>The availability deadline passed: the best slot is booked without the coordinator.</summary>
    public IEnumerable<CycleEvent> BookBest(CycleState s, DateTimeOffset now) => BookEvents(s, SlotChooser.Best(s), chosenByCoordinator: false, now);

    private IEnumerable<CycleEvent> BookEvents(CycleState s, MeetingSlot slot, bool chosenByCoordinator, DateTimeOffset now)
    {
        var booked = new MeetingBooked(slot.Id, slot.Start, slot.End, s.Meeting!.Location, s.Meeting.Sequence + 1, chosenByCoordinator);
        var events = new List<CycleEvent> { booked }.With(Cancel(s, IsAvailabilityStep, "meeting booked"));
        var state = Preview(s, events);
        events.Add(Notice(state, NotificationKind.MeetingInvitation));
        events.Add(new StepsScheduled(MeetingSteps(slot.Start, now).ToList()));
        return events;
    }

    public Decision Reschedule(RescheduleMeeting c, CycleState s, DateTimeOffset now)
    {
        if (c.End <= c.Start) return Rejection.Invalid("end", "The meeting must end after it starts.");
        if (c.Start <= now) return Rejection.Invalid("start", "The new time must be in the future.");
        var meeting = s.Meeting!;
        var location = string.IsNullOrWhiteSpace(c.Location) ? meeting.Location : c.Location.Trim();
        if (c.Start == meeting.Start && c.End == meeting.End && location == meeting.Location) return Decision.NoOp;

        var events = new List<CycleEvent> { new MeetingRescheduled(c.Start, c.End, location, meeting.Sequence + 1) }
            .With(Cancel(s, IsMeetingStep, "meeting rescheduled"));
        var state = Preview(s, events);
        events.Add(Notice(state, NotificationKind.MeetingUpdate));
        events.Add(new StepsScheduled(MeetingSteps(c.Start, now).ToList()));
        return Decision.Accept(events);
    }

    public static Decision CallOff(CancelMeeting c, CycleState s)
    {
        var before = s.Meeting!;
        var events = new List<CycleEvent> { new MeetingCancelled(Required(c.Reason), before.Sequence + 1) }
            .With(Decide.Cancel(s, IsMeetingStep, "meeting cancelled"));
        var details = Details(s, before.Start!.Value, before.End!.Value, before.Location, before.Sequence + 1) with { Cancelled = true };
        events.Add(Notify(NotificationKind.MeetingCancellation, details.Attendees, meeting: details, note: Required(c.Reason)));
        return Decision.Accept(events);
    }

    public static Decision Held(CycleState s, DateTimeOffset now)
    {
        if (s.Meeting!.Start > now) return Rejection.Rule("The meeting has not started yet.");
        return Decision.Accept(new List<CycleEvent> { new MeetingHeld() }.With(Decide.Cancel(s, IsMeetingStep, "meeting held")));
    }

    private IEnumerable<ScheduledStep> MeetingSteps(DateTimeOffset start, DateTimeOffset now)
    {
        var day = WorkingCalendar.UkDate(start);
        var pack = WorkingCalendar.AtUkTime(calendar.AddWorkingDays(day, -PackReadyWorkingDaysBefore), WorkingCalendar.ChaserTime);
        var reminder = WorkingCalendar.AtUkTime(calendar.AddWorkingDays(day, -ReminderWorkingDaysBefore), WorkingCalendar.ChaserTime);
        if (pack > now) yield return ScheduledStep.Create(pack, StepPurpose.MeetingPackReady);
        if (reminder > now) yield return ScheduledStep.Create(reminder, StepPurpose.MeetingReminder);
    }

    private static IEnumerable<AgencyContact> Attendees(CycleState s) => s.AgenciesInScope.Select(code => s.Agencies[code]);

    /// <summary>The invitation, its update, the pack-ready note and the reminder: all carry the meeting's details.</summary>
    public static NotificationQueued Notice(CycleState s, NotificationKind kind)
    {
        var m = s.Meeting!;
        var details = Details(s, m.Start!.Value, m.End!.Value, m.Location, m.Sequence);
        return Notify(kind, details.Attendees, meeting: details);
    }

    private static MeetingDetails Details(CycleState s, DateTimeOffset start, DateTimeOffset end, string location, int sequence) =>
        new($"maca-{s.CycleId}-meeting", sequence, start, end, location, s.Contacts.CoordinatorEmail,
            [.. Attendees(s).Select(a => a.LeadEmail), s.Contacts.CoordinatorEmail]);
}
