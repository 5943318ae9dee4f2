using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Notifications;
using Maca.Orchestrations.Submissions;
using Maca.Orchestrations.Tests.Support;

namespace Maca.Orchestrations.Tests.Findings;

public sealed class FindingsAndSummaryTests
{
    private static Cycle Recording() => Phases.MeetingBooked().Do(new RecordMeetingHeld(), Phases.HeldAt);

    [Fact]
    public void AFindingMustCarryAThemeFromTheControlledVocabulary()
    {
        var command = new RecordCaseFindings("MACA-1", [], [new FindingInput("Drift in the plan", ["DRIFT"])], new Dictionary<string, Grade>());
        var rejection = Spec.Given(Recording().History).When(command, Phases.HeldAt).ThenRejected(RejectionKind.InvalidInput, "findings.themes");
        Assert.Contains("DRF", rejection.Message);
    }

    [Fact]
    public void OnlyAgenciesInScopeForTheCaseCanBeGraded() =>
        Spec.Given(Recording().History)
            .When(new RecordCaseFindings("MACA-1", ["Good"], [], new Dictionary<string, Grade> { ["HEA"] = Grade.Good }), Phases.HeldAt)
            .ThenRejected(RejectionKind.InvalidInput, "gradings");

    [Fact]
    public void FindingsCannotBeCompletedWhileACaseHasNone()
    {
        var cycle = Recording()
            .Do(new RecordCaseFindings("MACA-1", ["Good"], [], new Dictionary<string, Grade>()), Phases.HeldAt)
            .Do(new AddRecommendation("Share minutes", "Information sharing"), Phases.HeldAt);
        var rejection = Spec.Given(cycle.History).When(new CompleteFindings(), Phases.HeldAt).ThenRejected(RejectionKind.RuleBroken);
        Assert.Contains("MACA-2", rejection.Message);
    }

    [Fact]
    public void ARecommendationNeedsAKnownCategory() =>
        Spec.Given(Recording().History).When(new AddRecommendation("Do better", "Vibes"), Phases.HeldAt)
            .ThenRejected(RejectionKind.InvalidInput, "category");

    [Fact]
    public void TheSummaryGoesFromDraftToReviewToApprovedToPublished()
    {
        var cycle = Phases.FindingsRecorded();
        Spec.Given(cycle.History).When(new PublishSummary(), Phases.HeldAt).ThenRejected(RejectionKind.RuleBroken);
        cycle.Do(new DraftLearningSummary(Phases.Summary), Phases.HeldAt);
        Spec.Given(cycle.History).When(new ApproveSummary(), Phases.HeldAt).ThenRejected(RejectionKind.RuleBroken);
        cycle.Do(new SubmitSummaryForReview(), Phases.HeldAt);
        Spec.Given(cycle.History).When(new DraftLearningSummary(Phases.Summary with { Process = "x" }), Phases.HeldAt).ThenRejected(RejectionKind.RuleBroken);
        cycle.Do(new ReturnSummary("Add the resources"), Phases.HeldAt);
        Assert.Equal(SummaryStatus.Draft, cycle.State.Summary);
        cycle.Do(new SubmitSummaryForReview(), Phases.HeldAt).Do(new ApproveSummary(), Phases.HeldAt);
        Spec.Given(cycle.History).When(new ApproveSummary(), Phases.HeldAt).ThenNothing();
    }

    [Fact]
    public void PublishingEmailsEveryAgencyLeadAndLearningAndDevelopment()
    {
        var published = Phases.SummaryPublished();
        var notice = published.History.OfType<NotificationQueued>().Last().Notification;
        Assert.Equal(NotificationKind.LearningSummaryPublished, notice.Kind);
        Assert.Equal(["lead@csc.example", "lead@hea.example", "lead@pol.example", "learning@partnership.example"], notice.To);
        Assert.Equal(CyclePhase.ActionPlanning, published.State.Phase);
    }
}
