using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Tests.Support;
using static Maca.Orchestrations.Tests.Support.TestCalendar;

namespace Maca.Orchestrations.Tests.Cycles;

public sealed class LifecycleTests
{
    [Fact]
    public void ASuspendedCycleHasNoTimersAndFiresNothing()
    {
        var cycle = Cycle.Selected().Do(new SuspendCycle("Awaiting legal advice"), Uk(2026, 12, 1));
        Assert.Null(cycle.State.NextDueAt);
        Spec.Given(cycle.History).When(new Tick(), Uk(2026, 12, 23)).ThenRejected(RejectionKind.WrongPhase);
    }

    [Fact]
    public void OnResumeEveryStepThatFellDueFiresExactlyOnce()
    {
        var cycle = Cycle.Selected().Do(new SuspendCycle("Awaiting legal advice"), Uk(2026, 12, 1)).Do(new ResumeCycle(), Uk(2026, 12, 18));
        var spec = Spec.Given(cycle.History).When(new Tick(), Uk(2026, 12, 18));
        var kinds = spec.Events.OfType<NotificationQueued>().Select(n => (n.Notification.AgencyCode, n.Notification.Kind)).ToList();
        Assert.Equal(6, kinds.Count); // two reminders for each of three agencies, once each
        Assert.All(kinds, k => Assert.Equal(NotificationKind.SubmissionReminder, k.Kind));
        Spec.Given([.. cycle.History, .. spec.Events]).When(new Tick(), Uk(2026, 12, 18)).ThenNothing();
    }

    [Fact]
    public void SuspendingTwiceIsANoOpAndResumingARunningCycleIsANoOp()
    {
        var suspended = Cycle.Selected().Do(new SuspendCycle("x"), Uk(2026, 12, 1));
        Spec.Given(suspended.History).When(new SuspendCycle("again"), Uk(2026, 12, 1)).ThenNothing();
        Spec.Given(Cycle.Selected().History).When(new ResumeCycle(), Uk(2026, 12, 1)).ThenNothing();
    }

    [Fact]
    public void ATerminatedCycleAcceptsNothingMoreAndHasNoTimers()
    {
        var cycle = Cycle.Selected().Do(new TerminateCycle("Duplicate cycle"), Uk(2026, 12, 1));
        Assert.Equal(CyclePhase.Terminated, cycle.State.Phase);
        Assert.Null(cycle.State.NextDueAt);
        Spec.Given(cycle.History).When(new Tick(), Uk(2026, 12, 23)).ThenRejected(RejectionKind.WrongPhase);
        Spec.Given(cycle.History).When(new TerminateCycle("again"), Uk(2026, 12, 2)).ThenNothing();
    }

    [Fact]
    public void StartingTheSameCycleTwiceIsANoOp() =>
        Spec.Given(Cycle.Started().History).When(Cycle.StartCommand(), Cycle.Start).ThenNothing();

    [Fact]
    public void ACommandForACycleThatNeverStartedIsNotFound() =>
        Spec.Given([]).When(new Tick(), Cycle.Start).ThenRejected(RejectionKind.NotFound);

    [Theory]
    [InlineData(-5, "Chronology", "", "questions[0].number")]
    [InlineData(0, "Chronology", "Is there a chronology?", "questions[0].number")]
    [InlineData(1, "Chronology", " ", "questions[0].text")]
    [InlineData(1, "", "Is there a chronology?", "questions[0].area")]
    public void ACustomQuestionNeedsANumberFrom1AnAreaAndItsWording(int number, string area, string text,
        string field) =>
        Spec.Given([]).When(Cycle.StartCommand() with { Questions = [new(number, area, text)] }, Cycle.Start)
            .ThenRejected(RejectionKind.InvalidInput, field);

    [Fact]
    public void AStartWithASingleAgencyIsRefused() =>
        Spec.Given([]).When(Cycle.StartCommand(agencies: ["CSC"]), Cycle.Start).ThenRejected(RejectionKind.InvalidInput, "agencies");

    [Fact]
    public void NextDueIsTheEarliestScheduledStep() =>
        Assert.Equal(Uk(2026, 12, 14), Cycle.Selected().State.NextDueAt);
}

public sealed class TickLimitTests
{
    [Fact]
    public void ATickFiresAtMostItsLimitAndTheNextTickFiresTheRest()
    {
        var cycle = Cycle.Selected().Do(new SuspendCycle("x"), Uk(2026, 12, 1)).Do(new ResumeCycle(), Uk(2026, 12, 18));
        var first = Spec.Given(cycle.History).When(new Tick(MaxSteps: 4), Uk(2026, 12, 18));
        Assert.Equal(4, first.Events.OfType<StepFired>().Count());
        var second = Spec.Given([.. cycle.History, .. first.Events]).When(new Tick(MaxSteps: 4), Uk(2026, 12, 18));
        Assert.Equal(2, second.Events.OfType<StepFired>().Count());
    }
}
