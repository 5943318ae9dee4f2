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
    public void AThemeCanBeGivenByItsNameInAnyCaseAndIsRecordedByItsCode()
    {
        var noGrades = new Dictionary<string, Grade>();
        var command = new RecordCaseFindings("MACA-1", [],
            [new FindingInput("Father not contacted", ["fathers and wider family", "FAM", "vOc"])], noGrades);
        Spec.Given(Recording().History).When(command, Phases.HeldAt).Then(new CaseFindingsRecorded("MACA-1", [],
            [new Finding("Father not contacted", ["FAM", "VOC"])], noGrades) { At = Phases.HeldAt });
    }

    [Fact]
    public void AnUnknownThemeIsRefusedWithEveryCodeAndName()
    {
        var command = new RecordCaseFindings("MACA-1", [], [new FindingInput("Drift", ["Drift"])],
            new Dictionary<string, Grade>());
        var rejection = Spec.Given(Recording().History).When(command, Phases.HeldAt)
            .ThenRejected(RejectionKind.InvalidInput, "findings.themes");
        Assert.Contains("\"Drift\" is not a learning theme", rejection.Message);
        Assert.Contains("DRF: Drift and delay; CUR: Professional curiosity", rejection.Message);
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
    public void PublishingEmailsEachAgencyLeadAndLearningAndDevelopmentTheirOwnLink()
    {
        var published = Phases.SummaryPublished();
        var notices = published.History.OfType<NotificationQueued>().Select(n => n.Notification)
            .Where(n => n.Kind == NotificationKind.LearningSummaryPublished).ToList();
        // One email each, so each carries a link of its own (the learning and development contact's as the partnership's group).
        Assert.Equal(["CSC:lead@csc.example", "HEA:lead@hea.example", "POL:lead@pol.example", "LD-GROUP:learning@partnership.example"],
            notices.Select(n => $"{n.AgencyCode}:{Assert.Single(n.To)}"));
        Assert.Equal(CyclePhase.ActionPlanning, published.State.Phase);
    }

    [Fact]
    public void PublishingNamesTheLatestStoredVersionOrNone()
    {
        var approved = Phases.SummaryApproved()
            .Do(new StoreSummaryVersion(1, new string('a', 64), new string('b', 64), 900), Phases.HeldAt.AddDays(3))
            .Do(new StoreSummaryVersion(2, new string('c', 64), new string('d', 64), 950), Phases.HeldAt.AddDays(3));
        Spec.Given(approved.History).When(new PublishSummary(1), Phases.HeldAt.AddDays(4)).ThenRejected(RejectionKind.InvalidInput, "version");
        Assert.Equal(2, Spec.Given(approved.History).When(new PublishSummary(2), Phases.HeldAt.AddDays(4)).StateAfter.PublishedVersion);
        Assert.Null(Phases.SummaryPublished().State.PublishedVersion);
    }

    [Fact]
    public void EverySummaryDownloadIsRecordedEvenAfterTheCycleEnds()
    {
        var stored = Phases.SummaryApproved().Do(new StoreSummaryVersion(1, new string('a', 64), new string('b', 64), 900), Phases.HeldAt.AddDays(3));
        Spec.Given(stored.History).When(new RecordSummaryDownload(2), Phases.HeldAt).ThenRejected(RejectionKind.NotFound);
        stored.Do(new TerminateCycle("Merged into another audit"), Phases.HeldAt.AddDays(5));
        Spec.Given(stored.History).When(new RecordSummaryDownload(1), Phases.HeldAt.AddDays(6)).Single<LearningSummaryDownloaded>();
    }
}
