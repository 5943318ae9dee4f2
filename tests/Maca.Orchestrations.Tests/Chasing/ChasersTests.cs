using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Tests.Support;

namespace Maca.Orchestrations.Tests.Chasing;

/// <summary>One ladder type for submissions, availability and actions: the same people at each rung, each chase its own email.</summary>
public sealed class ChasersTests
{
    private static (Spec Spec, ScheduledStep Step) FireFirst(Cycle cycle, StepPurpose purpose, ChaserKind rung)
    {
        var step = cycle.State.Schedule.Where(x => x.Purpose == purpose && x.Chaser == rung).OrderBy(x => x.DueAt).First();
        var before = cycle.State.Schedule.Where(x => x.DueAt < step.DueAt).Select(x => x.DueAt).DefaultIfEmpty(step.DueAt.AddDays(-1)).Max();
        cycle.Do(new Tick(), before);
        return (Spec.Given(cycle.History).When(new Tick(1), step.DueAt), step);
    }

    [Fact]
    public void AnAvailabilityReminderGoesToTheLeadWithTheAvailabilityDeadline()
    {
        var cycle = Phases.SlotsProposed();
        var (spec, step) = FireFirst(cycle, StepPurpose.AvailabilityChaser, ChaserKind.Reminder);
        var agency = Cycle.Agency(step.AgencyCode!);
        spec.Then(new StepFired(step.Id) { At = step.DueAt }, new NotificationQueued(new Notification(NotificationKind.AvailabilityReminder,
            [agency.LeadEmail], [], agency.Code, null, spec.State.Meeting!.AvailabilityDeadline)) { At = step.DueAt });
    }

    [Fact]
    public void AnActionDueTodayGoesToItsLeadAndNamesTheAction()
    {
        var (spec, step) = FireFirst(Phases.PlanAgreed(), StepPurpose.ActionChaser, ChaserKind.DueToday);
        var action = spec.State.Actions[step.ActionId!];
        var agency = Cycle.Agency(action.AgencyCode);
        spec.Then(new StepFired(step.Id) { At = step.DueAt }, new NotificationQueued(new Notification(NotificationKind.ActionDueToday,
            [agency.LeadEmail], [], agency.Code, null, action.DueAt, action.Id)) { At = step.DueAt });
    }

    [Fact]
    public void ARungForSomethingNoLongerOwedFiresSilently()
    {
        var cycle = Cycle.Selected();
        cycle.Do(new SubmitAuditTool("POL", "MACA-1", Cycle.Chronology("POL"), Cycle.FullAnswers(cycle.State)), Cycle.Start.AddHours(5));
        var step = cycle.State.Schedule.First(x => x.AgencyCode == "CSC");
        cycle.Do(new SubmitAuditTool("CSC", "MACA-1", Cycle.Chronology("CSC"), Cycle.FullAnswers(cycle.State)), Cycle.Start.AddHours(6));
        // CSC still owes MACA-2, so its ladder stands; a rung fires and names only what is still owed.
        var spec = Spec.Given(cycle.History).When(new Tick(1), step.DueAt);
        Assert.Equal(["MACA-2"], spec.Single<NotificationQueued>().Notification.CaseRefs);
    }
}
