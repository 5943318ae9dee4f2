using Maca.Orchestrations.Actions;
using Maca.Orchestrations.Chasing;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Submissions;
using Maca.Orchestrations.Summaries;
using Maca.Orchestrations.Tests.Support;
using static Maca.Orchestrations.Tests.Support.TestCalendar;

namespace Maca.Orchestrations.Tests.Actions;

/// <summary>The plan as partnerships really run it: assurance per case, actions for a case, partnership owners, lettered sub-actions.</summary>
public sealed class PlanShapeTests
{
    /// <summary>The default cycle, but case MACA-2 is recorded as not sufficiently assured.</summary>
    private static Cycle Unassured()
    {
        var cycle = Phases.FindingsRecorded();
        var history = cycle.History.Select(e => e is CaseFindingsRecorded { CaseRef: "MACA-2" } f ? f with { Assurance = CaseAssurance.NotSufficientlyAssured } : e);
        var rebuilt = new Cycle();
        foreach (var e in history) rebuilt.Append(e);
        return rebuilt.Do(new DraftLearningSummary(Phases.Summary), Phases.HeldAt.AddDays(1)).Do(new SubmitSummaryForReview(), Phases.HeldAt.AddDays(2))
            .Do(new ApproveSummary(), Phases.HeldAt.AddDays(3)).Do(new PublishSummary(), Phases.HeldAt.AddDays(4))
            .Do(new AddAction("R1", "CSC", "Brief social workers", new DateOnly(2027, 4, 30), "Attendance"), Phases.PlannedAt)
            .Do(new AddAction("R1", ActionOwners.LearningGroup, "Run the learning event", new DateOnly(2027, 5, 28), "Feedback"), Phases.PlannedAt)
            .Do(new AddAction("R2", "HEA", "Add the father's field", new DateOnly(2027, 3, 31), "Field live"), Phases.PlannedAt);
    }

    [Fact]
    public void ACaseNotSufficientlyAssuredNeedsAFollowUpCheckBeforeThePlanIsAgreed()
    {
        var cycle = Unassured();
        var rejection = Spec.Given(cycle.History).When(new AgreeActionPlan(), Phases.PlannedAt).ThenRejected(RejectionKind.RuleBroken);
        Assert.Equal("Case MACA-2 is not sufficiently assured: add an action that checks it before the plan is agreed.", rejection.Message);

        cycle.Do(new AddAction(null, ActionOwners.QaGroup, "Re-audit the case file", new DateOnly(2027, 6, 30), "Re-audit done", "MACA-2"), Phases.PlannedAt);
        Assert.Equal("MACA-2", cycle.State.Actions["A4"].CaseRef);
        Assert.IsType<ActionPlanAgreed>(Spec.Given(cycle.History).When(new AgreeActionPlan(), Phases.PlannedAt).Events[0]);
    }

    [Fact]
    public void TheAssuranceOfACaseIsRecordedWithItsFindings()
    {
        var held = Phases.MeetingBooked().Do(new RecordMeetingHeld(), Phases.HeldAt);
        var findings = new RecordCaseFindings("MACA-2", ["Health visitor followed up every missed appointment"], [],
            new Dictionary<string, Grade> { ["CSC"] = Grade.Good }, CaseAssurance.NotSufficientlyAssured);
        Assert.Equal(CaseAssurance.NotSufficientlyAssured,
            Spec.Given(held.History).When(findings, Phases.HeldAt).Single<CaseFindingsRecorded>().Assurance);
    }

    [Fact]
    public void AnActionLinkedToNeitherARecommendationNorACaseIsRefused() =>
        Spec.Given(Unassured().History).When(new AddAction(null, "CSC", "Something", new DateOnly(2027, 6, 30), "Done"), Phases.PlannedAt)
            .ThenRejected(RejectionKind.InvalidInput, "recommendationId");

    [Fact]
    public void ActionsUnderARecommendationAreLetteredAndShownWithItInTheSummary()
    {
        var state = Unassured().State;
        Assert.Equal(["1a", "1b", "2a"], state.Actions.Values.OrderBy(a => a.Id).Select(a => ActionOwners.Label(state, a)));
        var recommendations = LearningSummaryDocument.From(state).Sections.Single(s => s.Heading == "Recommendations").Blocks.SelectMany(b => b.Items ?? []).ToList();
        Assert.Contains("1b: Run the learning event (Learning and development group, due May 2027)", recommendations);
    }

    [Fact]
    public void APartnershipGroupsActionIsChasedThroughThePartnershipsContacts()
    {
        var cycle = Unassured().Do(new AddAction(null, ActionOwners.QaGroup, "Re-audit the case file", new DateOnly(2027, 6, 30), "Done", "MACA-2"), Phases.PlannedAt)
            .Do(new AgreeActionPlan(), Phases.PlannedAt);
        var step = cycle.State.Schedule.Single(x => x.ActionId == "A2" && x.Chaser == ChaserKind.DueToday);
        cycle.Do(new Tick(50), step.DueAt.AddMinutes(-1));
        var email = Spec.Given(cycle.History).When(new Tick(), step.DueAt).Single<NotificationQueued>().Notification;
        Assert.Equal((NotificationKind.ActionDueToday, "A2"), (email.Kind, email.ActionId));
        Assert.Equal(["learning@partnership.example"], email.To);
    }
}
