using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Tests.Support;
using static Maca.Orchestrations.Tests.Support.TestCalendar;

namespace Maca.Orchestrations.Tests.Meetings;

public sealed class MeetingTests
{
    private static readonly DateTimeOffset Now = Phases.ProposedAt.AddHours(2);

    private static Dictionary<string, bool> Answers(bool s1, bool s2, bool s3) => new() { ["S1"] = s1, ["S2"] = s2, ["S3"] = s3 };

    [Fact]
    public void ProposingSlotsAsksEveryRequiredAttendeeOnceAndNumbersSlotsInTimeOrder()
    {
        var spec = Spec.Given(Phases.AwaitingMeeting().History)
            .When(new ProposeMeetingSlots([Phases.Late, Phases.Early], "Online"), Phases.ProposedAt);
        Assert.Equal(["S1", "S2"], spec.Single<MeetingSlotsProposed>().Slots.Select(s => s.Id));
        Assert.Equal(Phases.Early.Start, spec.Single<MeetingSlotsProposed>().Slots[0].Start);
        Assert.Equal(["lead@csc.example", "lead@hea.example", "lead@pol.example"],
            spec.Events.OfType<NotificationQueued>().SelectMany(n => n.Notification.To));
        // Availability is due five working days later, chased like submissions before then.
        Assert.Equal(Uk(2026, 12, 9, 17), spec.Single<MeetingSlotsProposed>().AvailabilityDeadline);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void TwoToFiveSlotsMustBeProposed(int count) =>
        Spec.Given(Phases.AwaitingMeeting().History)
            .When(new ProposeMeetingSlots(Enumerable.Range(0, count).Select(i => Phases.Early with { Start = Phases.Early.Start.AddDays(i), End = Phases.Early.End.AddDays(i) }).ToList(), "Online"), Phases.ProposedAt)
            .ThenRejected(RejectionKind.InvalidInput, "slots");

    [Fact]
    public void TheSlotMostAttendeesCanMakeWinsOnceEveryoneHasAnswered()
    {
        var cycle = Phases.SlotsProposed()
            .Do(new GiveAvailability("CSC", Answers(true, true, true)), Now)
            .Do(new GiveAvailability("HEA", Answers(false, true, true)), Now);
        var spec = Spec.Given(cycle.History).When(new GiveAvailability("POL", Answers(true, false, true)), Now);

        var booked = spec.Single<MeetingBooked>();
        Assert.Equal(("S3", 0, false), (booked.SlotId, booked.Sequence, booked.ChosenByCoordinator));
        var invitation = spec.Events.OfType<NotificationQueued>().Single().Notification;
        Assert.Equal(NotificationKind.MeetingInvitation, invitation.Kind);
        Assert.Equal($"maca-c-1-meeting", invitation.Meeting!.Uid);
        Assert.Contains("coordinator@partnership.example", invitation.To);
    }

    [Fact]
    public void OnATieTheEarliestSlotWins()
    {
        var cycle = Phases.SlotsProposed()
            .Do(new GiveAvailability("CSC", Answers(true, true, false)), Now)
            .Do(new GiveAvailability("HEA", Answers(true, true, false)), Now);
        var spec = Spec.Given(cycle.History).When(new GiveAvailability("POL", Answers(false, false, false)), Now);
        Assert.Equal("S1", spec.Single<MeetingBooked>().SlotId);
    }

    [Fact]
    public void TheCoordinatorCanOverrideTheChoice()
    {
        var spec = Spec.Given(Phases.SlotsProposed().Do(new GiveAvailability("CSC", Answers(true, false, false)), Now).History)
            .When(new BookMeeting("S2"), Now);
        Assert.Equal(("S2", true), (spec.Single<MeetingBooked>().SlotId, spec.Single<MeetingBooked>().ChosenByCoordinator));
    }

    [Fact]
    public void AtTheAvailabilityDeadlineTheBestSlotSoFarIsBooked()
    {
        var cycle = Phases.SlotsProposed().Do(new GiveAvailability("POL", Answers(false, true, false)), Now);
        var spec = Spec.Given(cycle.History).When(new Tick(), Uk(2026, 12, 9, 17));
        Assert.Equal("S2", spec.Single<MeetingBooked>().SlotId);
        Assert.DoesNotContain(spec.StateAfter.Schedule, s => s.Purpose is StepPurpose.AvailabilityChaser or StepPurpose.AvailabilityDeadline);
    }

    [Fact]
    public void AttendeesWhoHaveNotAnsweredAreChasedLikeSubmissions()
    {
        var cycle = Phases.SlotsProposed().Do(new GiveAvailability("POL", Answers(true, true, true)), Now);
        var spec = Spec.Given(cycle.History).When(new Tick(), Uk(2026, 12, 7));
        Assert.Equal(["lead@csc.example", "lead@hea.example"],
            spec.Events.OfType<NotificationQueued>().Where(n => n.Notification.Kind == NotificationKind.AvailabilityReminder).SelectMany(n => n.Notification.To));
    }

    [Fact]
    public void BookingLaysThePackNoticeThreeWorkingDaysAndTheReminderOneWorkingDayBefore()
    {
        var state = Phases.MeetingBooked().State;
        Assert.Equal([(StepPurpose.MeetingPackReady, Uk(2027, 1, 7)), (StepPurpose.MeetingReminder, Uk(2027, 1, 11))],
            state.Schedule.OrderBy(s => s.DueAt).Select(s => (s.Purpose, s.DueAt)));
    }

    [Fact]
    public void AReschedulKeepsTheUidRaisesTheSequenceAndMovesTheNotices()
    {
        var spec = Spec.Given(Phases.MeetingBooked().History)
            .When(new RescheduleMeeting(Uk(2027, 1, 19, 10), Uk(2027, 1, 19, 12)), Now.AddDays(1));
        var update = spec.Single<NotificationQueued>().Notification;
        Assert.Equal((NotificationKind.MeetingUpdate, "maca-c-1-meeting", 1), (update.Kind, update.Meeting!.Uid, update.Meeting.Sequence));
        Assert.Equal([Uk(2027, 1, 14), Uk(2027, 1, 18)], spec.StateAfter.Schedule.OrderBy(s => s.DueAt).Select(s => s.DueAt));
    }

    [Fact]
    public void ACancellationSendsACancelWithTheNextSequenceAndReturnsToScheduling()
    {
        var spec = Spec.Given(Phases.MeetingBooked().History).When(new CancelMeeting("Chair unwell"), Now.AddDays(1));
        var cancel = spec.Single<NotificationQueued>().Notification;
        Assert.Equal((NotificationKind.MeetingCancellation, 1, true), (cancel.Kind, cancel.Meeting!.Sequence, cancel.Meeting.Cancelled));
        Assert.Equal(CyclePhase.SchedulingMeeting, spec.StateAfter.Phase);
        Assert.Empty(spec.StateAfter.Schedule);
    }

    [Fact]
    public void TheMeetingCannotBeRecordedAsHeldBeforeItStarts() =>
        Spec.Given(Phases.MeetingBooked().History).When(new RecordMeetingHeld(), Now).ThenRejected(RejectionKind.RuleBroken);

    [Fact]
    public void ADesktopAuditCannotProposeMeetingSlots() =>
        Spec.Given(Cycle.Selected(AuditType.Desktop).SubmitAll(Phases.SubmittedAt).History)
            .When(new ProposeMeetingSlots([Phases.Early, Phases.Late], "Online"), Phases.ProposedAt)
            .ThenRejected(RejectionKind.WrongPhase);
}
