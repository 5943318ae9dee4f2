using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Tests.Support;
using static Maca.Orchestrations.Tests.Support.TestCalendar;

namespace Maca.Orchestrations.Tests.Nominations;

public sealed class NominationTests
{
    private static readonly DateTimeOffset Now = Cycle.Start;

    [Fact]
    public void StartingOpensNominationsAtOnceAndAsksEveryQaMember()
    {
        var spec = Spec.Given([]).When(Cycle.StartCommand(), Now);

        var close = Uk(2026, 12, 7, 17); // ten working days on, close of business
        Assert.Equal(close, spec.Single<CycleStarted>().NominationsCloseAt);
        Assert.Equal(close, spec.Single<NominationsOpened>().ClosesAt);
        var requests = spec.Events.OfType<NotificationQueued>().Select(n => n.Notification).ToList();
        Assert.All(requests, n => Assert.Equal(NotificationKind.NominationRequest, n.Kind));
        Assert.Equal(["qa@csc.example", "qa@hea.example", "qa@pol.example"], requests.SelectMany(n => n.To));
        Assert.Equal(
            [ScheduledStep.Create(close, StepPurpose.CloseNominations), ScheduledStep.Create(Uk(2026, 12, 3), StepPurpose.NominationReminder)],
            spec.Single<StepsScheduled>().Steps);
        Assert.Equal(CyclePhase.Nominating, spec.StateAfter.Phase);
    }

    [Fact]
    public void AFutureOpeningDateWaitsForItsTimerThenOpensAt0900()
    {
        var start = Cycle.StartCommand(timetable: new Timetable(NominationsOpen: new DateOnly(2026, 11, 30)));
        var history = Spec.Given([]).When(start, Now).Events;
        Assert.Equal(CyclePhase.Planned, CycleEvolver.Fold(history).Phase);

        Spec.Given(history).When(new Tick(), Uk(2026, 11, 30, 8, 59)).ThenNothing();
        var opened = Spec.Given(history).When(new Tick(), Uk(2026, 11, 30, 9));
        Assert.Equal(CyclePhase.Nominating, opened.StateAfter.Phase);
    }

    [Theory]
    [InlineData("4857773456")]
    [InlineData("485 777 3456")]
    [InlineData("maca-1")]
    [InlineData("JANE SMITH")]
    [InlineData("AB")]
    public void ACaseReferenceThatCouldIdentifyAChildIsRefused(string caseRef) =>
        Spec.Given(Cycle.Started().History).When(Cycle.Nomination("CSC", caseRef), Now)
            .ThenRejected(RejectionKind.InvalidInput, "caseRef");

    [Theory]
    [InlineData("Born 12/03/2015, repeated A&E visits")]
    [InlineData("DOB known to school")]
    [InlineData("NHS 943 476 5919 on file")]
    [InlineData("born 3 March 2015")]
    public void AReasonCarryingADateOfBirthOrNhsNumberIsRefused(string reason) =>
        Spec.Given(Cycle.Started().History).When(Cycle.Nomination("CSC", "MACA-26-001") with { Reason = reason }, Now)
            .ThenRejected(RejectionKind.InvalidInput, "reason");

    [Fact]
    public void APseudonymousNominationIsRecordedWithItsProfile()
    {
        var spec = Spec.Given(Cycle.Started().History).When(Cycle.Nomination("POL", "MACA-26-001", "16 to 17", "Male", "Mixed or multiple", true, "POL", "CSC"), Now);
        var nomination = spec.Single<CaseNominated>().Nomination;
        Assert.Equal(("N1", "POL", "MACA-26-001", "16 to 17", true), (nomination.Id, nomination.NominatedBy, nomination.CaseRef, nomination.AgeBand, nomination.Disability));
        Assert.Equal(["POL", "CSC"], nomination.AgenciesInvolved);
    }

    [Fact]
    public void NominatingTheSameCaseTwiceFromTheSameAgencyIsANoOp()
    {
        var history = Cycle.Started().Do(Cycle.Nomination("CSC", "MACA-1"), Now).History;
        Spec.Given(history).When(Cycle.Nomination("CSC", "MACA-1"), Now).ThenNothing();
        Spec.Given(history).When(Cycle.Nomination("POL", "MACA-1"), Now).ThenRejected(RejectionKind.RuleBroken);
    }

    [Fact]
    public void TheNominationReminderGoesOnlyToAgenciesThatHaveNotNominated()
    {
        var history = Cycle.Started().Do(Cycle.Nomination("CSC", "MACA-1"), Now).History;
        var spec = Spec.Given(history).When(new Tick(), Uk(2026, 12, 3));
        var reminders = spec.Events.OfType<NotificationQueued>().Select(n => n.Notification).ToList();
        Assert.Equal(["qa@hea.example", "qa@pol.example"], reminders.SelectMany(n => n.To));
        Assert.All(reminders, n => Assert.Equal(NotificationKind.NominationReminder, n.Kind));
    }

    [Fact]
    public void NominationsCloseByThemselvesAtTheDeadline()
    {
        var history = Cycle.Started().Do(Cycle.Nomination("CSC", "MACA-1"), Now).History;
        Spec.Given(history).When(new Tick(), Uk(2026, 12, 7, 16, 59)).Then(
            new StepFired(ScheduledStep.Create(Uk(2026, 12, 3), StepPurpose.NominationReminder).Id) { At = Uk(2026, 12, 7, 16, 59) },
            new NotificationQueued(new Notification(NotificationKind.NominationReminder, ["qa@hea.example"], [], "HEA", null, Uk(2026, 12, 7, 17))) { At = Uk(2026, 12, 7, 16, 59) },
            new NotificationQueued(new Notification(NotificationKind.NominationReminder, ["qa@pol.example"], [], "POL", null, Uk(2026, 12, 7, 17))) { At = Uk(2026, 12, 7, 16, 59) });
        var closed = Spec.Given(history).When(new Tick(), Uk(2026, 12, 7, 17));
        Assert.Equal(CyclePhase.Selecting, closed.StateAfter.Phase);
        Assert.Empty(closed.StateAfter.Schedule);
    }

    [Fact]
    public void SelectingBeforeNominationsCloseIsAPhaseError() =>
        Spec.Given(Cycle.Started().Do(Cycle.Nomination("CSC", "MACA-1"), Now).History)
            .When(new SelectCases([new("MACA-1", ["CSC"])]), Now).ThenRejected(RejectionKind.WrongPhase);

    [Fact]
    public void OnlyNominatedCasesCanBeSelected()
    {
        var history = Cycle.Started().Do(Cycle.Nomination("CSC", "MACA-1"), Now).Do(new CloseNominations(), Now).History;
        Spec.Given(history).When(new SelectCases([new("MACA-9", ["CSC"])]), Now).ThenRejected(RejectionKind.NotFound);
    }
}
