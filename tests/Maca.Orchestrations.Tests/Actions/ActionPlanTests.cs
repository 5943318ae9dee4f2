using Maca.Orchestrations.Actions;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Tests.Support;
using static Maca.Orchestrations.Tests.Support.TestCalendar;

namespace Maca.Orchestrations.Tests.Actions;

public sealed class ActionPlanTests
{
    [Fact]
    public void ThePlanCannotBeAgreedWhileARecommendationHasNoAction()
    {
        var cycle = Phases.SummaryPublished()
            .Do(new AddAction("R1", "CSC", "Briefing", new DateOnly(2027, 4, 30), "Attendance"), Phases.PlannedAt);
        var rejection = Spec.Given(cycle.History).When(new AgreeActionPlan(), Phases.PlannedAt).ThenRejected(RejectionKind.RuleBroken);
        Assert.Contains("R2", rejection.Message);
    }

    [Fact]
    public void EachActionIsChasedFiveWorkingDaysBeforeAndOnItsDueDateThenEscalated()
    {
        var steps = Phases.PlanAgreed().State.Schedule.Where(s => s.ActionId == "A2").OrderBy(s => s.DueAt).ToList();
        // Due Wednesday 31 March 2027 (BST): Good Friday and Easter Monday push the reminder back to Monday 22 March (GMT).
        Assert.Equal([(Uk(2027, 3, 22), ChaserKind.Reminder), (Uk(2027, 3, 31), ChaserKind.DueToday), (Uk(2027, 4, 7), ChaserKind.Escalation)],
            steps.Select(s => (s.DueAt, s.Chaser!.Value)));
    }

    [Fact]
    public void AnOverdueActionIsEscalatedToTheSeniorContactAndTheManager()
    {
        var cycle = Phases.PlanAgreed().Do(new Tick(), Uk(2027, 4, 6));
        var spec = Spec.Given(cycle.History).When(new Tick(), Uk(2027, 4, 7));
        var escalation = spec.Single<NotificationQueued>().Notification;
        Assert.Equal((NotificationKind.ActionEscalation, "A2"), (escalation.Kind, escalation.ActionId));
        Assert.Equal(["senior@hea.example", "manager@partnership.example"], escalation.To);
    }

    [Fact]
    public void TheRagIsGreenThenAmberNearTheDueDateThenRedOnceOverdue()
    {
        var state = Phases.PlanAgreed().State;
        Assert.Equal(Rag.Green, ActionPlanRag.Of(state, Uk(2027, 2, 1), TestCalendar.Instance));
        Assert.Equal(Rag.Amber, ActionPlanRag.Of(state, Uk(2027, 3, 25), TestCalendar.Instance));
        Assert.Equal(Rag.Red, ActionPlanRag.Of(state, Uk(2027, 4, 1), TestCalendar.Instance));
    }

    [Fact]
    public void ACompletedActionIsNotAtRiskAndIsNotChased()
    {
        var cycle = Phases.PlanAgreed().Do(new CompleteAction("A2", "HEA", "Form updated"), Uk(2027, 2, 1));
        Assert.Equal(Rag.Green, ActionPlanRag.Of(cycle.State, Uk(2027, 3, 25), TestCalendar.Instance));
        Assert.DoesNotContain(cycle.State.Schedule, s => s.ActionId == "A2");
    }

    [Fact]
    public void OnlyTheOwningAgencyCanCompleteAnAction() =>
        Spec.Given(Phases.PlanAgreed().History).When(new CompleteAction("A2", "CSC"), Uk(2027, 2, 1)).ThenRejected(RejectionKind.RuleBroken);

    [Fact]
    public void AnActionMustBeCompletedBeforeItIsVerified() =>
        Spec.Given(Phases.PlanAgreed().History).When(new VerifyAction("A1"), Uk(2027, 2, 1)).ThenRejected(RejectionKind.RuleBroken);

    [Fact]
    public void ReopeningPutsTheChasersBack()
    {
        var cycle = Phases.PlanAgreed().Do(new CompleteAction("A2", "HEA"), Uk(2027, 2, 1));
        var spec = Spec.Given(cycle.History).When(new ReopenAction("A2", "Evidence missing"), Uk(2027, 2, 2));
        Assert.Equal(3, spec.StateAfter.Schedule.Count(s => s.ActionId == "A2"));
    }

    [Fact]
    public void TheCycleClosesWhenEveryActionIsVerifiedOrCarriedForward()
    {
        var cycle = Phases.PlanAgreed()
            .Do(new CompleteAction("A1", "CSC"), Uk(2027, 2, 1))
            .Do(new VerifyAction("A1"), Uk(2027, 2, 2));
        Assert.Equal(CyclePhase.FollowingUpActions, cycle.State.Phase);

        var spec = Spec.Given(cycle.History).When(new CarryForwardAction("A2", "Waiting for the new case system"), Uk(2027, 2, 3));
        Assert.IsType<CycleClosed>(spec.Events.Last());
        Assert.Equal(CyclePhase.Closed, spec.StateAfter.Phase);
        Assert.Null(spec.StateAfter.NextDueAt);
    }
}
