using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Tests.Support;

namespace Maca.Orchestrations.Tests.Nominations;

/// <summary>Some audits have one agency nominate every case: only that agency is asked, reminded and owes anything.</summary>
public sealed class NominatingAgenciesTests
{
    private static Cycle StartedWithOnlyCscNominating() =>
        new Cycle().Do(Cycle.StartCommand() with { NominatingAgencies = ["CSC"] }, Cycle.Start);

    [Fact]
    public void OnlyTheNominatingAgencyIsAskedForCases()
    {
        var asked = StartedWithOnlyCscNominating().History.OfType<NotificationQueued>()
            .Where(n => n.Notification.Kind == NotificationKind.NominationRequest).ToList();
        Assert.Equal(["qa@csc.example"], asked.SelectMany(n => n.Notification.To));
    }

    [Fact]
    public void WithoutAChoiceEveryAgencyIsAsked() =>
        Assert.Equal(3, Cycle.Started().History.OfType<NotificationQueued>().Count(n => n.Notification.Kind == NotificationKind.NominationRequest));

    [Fact]
    public void AnAgencyThatIsNotAskedCannotNominate() =>
        Spec.Given(StartedWithOnlyCscNominating().History).When(Cycle.Nomination("POL", "MACA-7"), Cycle.Start.AddHours(1))
            .ThenRejected(RejectionKind.RuleBroken);

    [Fact]
    public void TheReminderGoesOnlyToANominatingAgencyThatHasNotNominated()
    {
        var cycle = StartedWithOnlyCscNominating();
        var reminderDue = cycle.State.Schedule.Single(s => s.Purpose == Orchestrations.Chasing.StepPurpose.NominationReminder).DueAt;
        var reminders = Spec.Given(cycle.History).When(new Tick(), reminderDue).Events.OfType<NotificationQueued>().ToList();
        Assert.Equal(["qa@csc.example"], reminders.SelectMany(n => n.Notification.To));
    }

    [Fact]
    public void ANominatorMustBeOneOfTheCyclesAgencies() =>
        Spec.Given([]).When(Cycle.StartCommand() with { NominatingAgencies = ["FIRE"] }, Cycle.Start)
            .ThenRejected(RejectionKind.InvalidInput, "nominatingAgencies");
}
